package dev.aftersales.dispatch.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.chassis.audit.AuditEntry;
import dev.aftersales.contracts.dispatch.CustomerChanged;
import dev.aftersales.contracts.dispatch.CustomerErased;
import dev.aftersales.contracts.dispatch.CustomersMerged;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerTest {

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void a_second_name_for_the_phone_goes_on_the_merge_list_once() {
        var customer = Customer.recorded("CU-1", "王芳", "+8613812345678", "张江路88号", "import", NOW);

        assertThat(customer.attach("王女士", "+8613812345678", "张江路88号", "CU-9", "import", NOW))
                .isTrue();
        assertThat(customer.attach("王女士", "+8613812345678", "张江路88号", "CU-9", "import", NOW))
                .as("the same row again")
                .isFalse();
        assertThat(customer.attach("王芳", "+8613812345678", null, "CU-1", "import", NOW))
                .isFalse();

        assertThat(customer.onMergeList()).containsExactly(new Alias("王女士", "CU-9", Alias.Status.ON_MERGE_LIST, NOW));
        assertThat(customer.snapshot().name()).isEqualTo("王芳");
    }

    @Test
    void a_further_phone_is_published_with_the_next_revision() {
        var customer = Customer.recorded("CU-1", "王芳", "+8613812345678", null, "import", NOW);

        customer.attach("王芳", "+862168881234", null, "CU-1", "import", NOW);

        assertThat(customer.snapshot().phones()).containsExactly("+8613812345678", "+862168881234");
        assertThat(customer.events().raised())
                .map(r -> r.payload())
                .filteredOn(CustomerChanged.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(((CustomerChanged) e).revision()).isEqualTo(1));
    }

    @Test
    void a_merge_moves_phones_and_name_and_leaves_a_pointer() {
        var survivor = Customer.recorded("CU-1", "王芳", "+8613812345678", null, "import", NOW);
        var other = Customer.recorded("CU-2", "王女士", "+8613912345678", "张江路88号", "import", NOW);

        survivor.absorb(other, "sup-1", NOW);

        assertThat(survivor.snapshot().phones()).containsExactly("+8613812345678", "+8613912345678");
        assertThat(survivor.snapshot().aliases()).extracting(Alias::name).containsExactly("王女士");
        assertThat(survivor.snapshot().mergedIds()).containsExactly("CU-2");
        assertThat(other.mergedInto()).hasValue("CU-1");
        assertThat(other.snapshot().name()).isNull();
        assertThat(survivor.events().raised()).map(r -> r.payload()).hasAtLeastOneElementOfType(CustomersMerged.class);
        assertThatThrownBy(() -> other.change("x", null, null, "sup-1", NOW)).isInstanceOf(CustomerGoneException.class);
    }

    @Test
    void an_erasure_drops_the_personal_data_once_and_its_audit_names_no_one() {
        var customer = Customer.recorded("CU-1", "王芳", "+8613812345678", "张江路88号", "import", NOW);
        customer.attach("王女士", "+8613812345678", null, "CU-9", "import", NOW);

        assertThat(customer.erase("ops-1", NOW)).isTrue();
        assertThat(customer.erase("ops-1", NOW)).isFalse();

        var state = customer.snapshot();
        assertThat(state.name()).isNull();
        assertThat(state.phones()).isEmpty();
        assertThat(state.addresses()).isEmpty();
        assertThat(state.aliases()).isEmpty();
        assertThat(state.consentToContact()).isFalse();
        assertThat(customer.events().raised())
                .map(r -> r.payload())
                .filteredOn(CustomerErased.class::isInstance)
                .hasSize(1);
        assertThat(customer.events().raised())
                .map(r -> r.payload())
                .filteredOn(AuditEntry.class::isInstance)
                .allSatisfy(a -> assertThat(a.toString()).doesNotContain("王芳", "王女士", "13812345678"));
    }
}
