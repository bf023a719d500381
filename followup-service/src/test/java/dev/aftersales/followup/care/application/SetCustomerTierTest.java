package dev.aftersales.followup.care.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.followup.FollowupProperties;
import dev.aftersales.followup.care.domain.Customer;
import dev.aftersales.followup.care.domain.Customers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DuplicateKeyException;

/**
 * A supervisor tiers a customer whose first record an imported installation's contact inserts at the
 * same moment: the tier lands on the record that won, the contact is kept, and the door answers.
 */
class SetCustomerTierTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant INSTALLED = Instant.parse("2025-01-10T00:00:00Z");

    @Test
    void a_tier_set_while_a_contact_inserts_the_customer_lands_on_the_record_that_won() {
        var customers = new RacedCustomers();
        var setTier = new SetCustomerTier(customers, properties(), Clock.fixed(NOW, ZoneOffset.UTC));

        var tiered = setTier.set("CU-001", "KEY");

        assertThat(tiered.tier()).isEqualTo("KEY");
        var stored = customers.find("CU-001").orElseThrow();
        assertThat(stored.tier()).isEqualTo("KEY");
        assertThat(stored.lastContactAt()).isEqualTo(INSTALLED);
    }

    @Test
    void a_contact_consumed_while_a_tier_inserts_the_customer_is_kept() {
        var customers = new RacedCustomers();
        var contact = new RecordCustomerContact(customers, properties());

        contact.record("event-1", "CU-001", INSTALLED);

        assertThat(customers.find("CU-001").orElseThrow().lastContactAt()).isEqualTo(INSTALLED);
    }

    private static FollowupProperties properties() {
        var source = new MapConfigurationPropertySource(Map.of(
                "tiers.KEY.task", "VISIT",
                "tiers.KEY.period", "30d",
                "tiers.ORDINARY.task", "NONE"));
        return new Binder(source).bindOrCreate("", FollowupProperties.class);
    }

    /** A store in which another writer inserts the customer (a contact at installation) just before our first insert. */
    private static final class RacedCustomers implements Customers {

        private final Map<String, Customer> stored = new HashMap<>();
        private boolean raced;

        @Override
        public Optional<Customer> find(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public void save(Customer customer) {
            if (!raced && customer.version() == null) {
                raced = true;
                var other = Customer.first(customer.id());
                other.contacted(INSTALLED, null);
                stored.put(customer.id(), Customer.restore(other.id(), other.snapshot(), 0L, other.events()));
                throw new DuplicateKeyException("E11000 duplicate key error collection: followup.customers");
            }
            stored.put(
                    customer.id(),
                    Customer.restore(
                            customer.id(),
                            customer.snapshot(),
                            customer.version() == null ? 0L : customer.version() + 1,
                            customer.events()));
        }

        @Override
        public List<Customer> careDueBy(Instant now) {
            return List.of();
        }

        @Override
        public Optional<Instant> nextCareDue() {
            return Optional.empty();
        }

        @Override
        public List<Customer> lastContactBy(Instant cutoff) {
            return List.of();
        }

        @Override
        public List<Customer> withTasks() {
            return List.of();
        }
    }
}
