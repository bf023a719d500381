package dev.aftersales.intake.caller.adapter.mongo;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The serial numbers of the machines installed for a customer id ({@code _id}): the caller lookup reaches a
 * customer master's machines by one read by key, also on a store that ignores secondary indexes. Ids only.
 */
@Document("customer_machines")
record CustomerMachinesDocument(@Id String customerId, List<String> serialNumbers) {}
