package dev.aftersales.intake.caller.adapter.mongo;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The serial numbers of the machines whose customer has this phone, keyed by the number in E.164
 * ({@code _id}): a lookup by phone is one read by key however large the archive, also on a store
 * that ignores secondary indexes. Personal data like the machines' entries: never logged.
 */
@Document("machine_phones")
record PhoneKeyDocument(@Id String phone, List<String> serialNumbers) {}
