package dev.aftersales.dispatch.customer.adapter.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The customer a phone number belongs to, {@code _id} = the number in E.164: a lookup by phone is one
 * read by key, also on a store that ignores secondary indexes. Personal data: never logged.
 */
@Document("customer_phones")
record CustomerPhoneDocument(@Id String phone, String customerId) {}
