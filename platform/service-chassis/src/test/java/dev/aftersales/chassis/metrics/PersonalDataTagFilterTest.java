package dev.aftersales.chassis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PersonalDataTagFilterTest {

    @Test
    void drops_tags_that_would_carry_personal_data_or_one_value_per_case() {
        var registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new PersonalDataTagFilter());

        registry.counter(
                        "aftersales.complaints.registered",
                        "kind",
                        "REPAIR",
                        "phone",
                        "13812345678",
                        "complaint_id",
                        "C-1")
                .increment();

        var counter = registry.get("aftersales.complaints.registered").counter();
        assertThat(counter.getId().getTags()).extracting("key").containsExactly("kind");
    }
}
