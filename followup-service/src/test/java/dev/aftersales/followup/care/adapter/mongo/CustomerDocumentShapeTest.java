package dev.aftersales.followup.care.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.StoredShape;
import dev.aftersales.followup.care.domain.Customer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerDocumentShapeTest {

    static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    static final String STORED = """
            {"_id": "CU-1", \
            "tier": "MEDIUM", \
            "lastContactAt": {"$date": "2026-03-11T10:00:00Z"}, \
            "nextCareAt": {"$date": "2026-05-09T10:00:00Z"}, \
            "tasksCreated": 1, \
            "tasks": [{"_id": "CARE-CU-1-1", "customerId": "CU-1", "kind": "CALL", "dueAt": {"$date": "2026-04-09T10:00:00Z"}, "createdAt": {"$date": "2026-04-09T10:00:00Z"}}], \
            "_class": "dev.aftersales.followup.care.adapter.mongo.CustomerDocument"}""";

    final StoredShape shape = new StoredShape();

    static Customer everythingSet() {
        var customer = Customer.first("CU-1");
        customer.tiered("MEDIUM", Duration.ofDays(30), AT);
        customer.contacted(AT.plus(Duration.ofDays(1)), null);
        customer.fireCare("CALL", Duration.ofDays(30), AT.plus(Duration.ofDays(30)));
        return customer;
    }

    @Test
    void a_customer_is_stored_with_the_same_fields_as_before() {
        assertThat(shape.json(CustomerDocument.of(everythingSet()))).isEqualTo(STORED.strip());
    }

    @Test
    void a_customer_reads_back_as_it_was_written() {
        var customer = everythingSet();
        var back = shape.read(CustomerDocument.class, shape.write(CustomerDocument.of(customer)))
                .toCustomer();

        assertThat(shape.json(CustomerDocument.of(back))).isEqualTo(shape.json(CustomerDocument.of(customer)));
        assertThat(back.tasks()).isEqualTo(customer.tasks());
    }
}
