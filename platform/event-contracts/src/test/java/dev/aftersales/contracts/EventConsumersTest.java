package dev.aftersales.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EventConsumersTest {

    @Test
    void every_type_on_a_topic_a_service_reads_is_handled_or_ignored_by_it() {
        var services = new TreeSet<String>();
        EventConsumers.rows().forEach(r -> services.add(r.service()));
        var missing = new ArrayList<String>();
        for (var service : services) {
            for (var event : EventCatalog.values()) {
                if (EventConsumers.topicsReadBy(service).contains(event.topic())
                        && EventConsumers.use(event, service).isEmpty()) {
                    missing.add(event.payloadType().getSimpleName() + "," + service);
                }
            }
        }
        assertThat(services).containsExactlyInAnyOrder("intake", "dispatch", "parts", "followup");
        assertThat(missing).isEmpty();
    }
}
