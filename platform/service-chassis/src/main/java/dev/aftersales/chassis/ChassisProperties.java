package dev.aftersales.chassis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every service, under {@code aftersales.*}.
 *
 * @param service the producing service's short name ({@code intake}, {@code dispatch}...): the
 *     {@code ce_source} of its events and the owner of its catalog topics
 */
@ConfigurationProperties("aftersales")
public record ChassisProperties(String service, Kafka kafka, Outbox outbox, Http http) {

    /**
     * @param partitions partitions of the topics this service creates (its own and their dead-letter topics)
     * @param consumerConcurrency consumer threads of the service's listener
     * @param retryAttempts retries of a transient failure before the record goes to the dead-letter topic
     */
    public record Kafka(
            @DefaultValue("6") int partitions,
            @DefaultValue("2") int consumerConcurrency,
            @DefaultValue("4") int retryAttempts,
            @DefaultValue("200ms") Duration retryInitialInterval,
            @DefaultValue("5s") Duration retryMaxInterval) {}

    /**
     * @param sweepInterval how often documents are searched for events a crash left unpublished
     * @param sweepGrace events younger than this are left to the live relay
     * @param batchSize most aggregates published in one relay round
     */
    public record Outbox(
            @DefaultValue("10s") Duration sweepInterval,
            @DefaultValue("5s") Duration sweepGrace,
            @DefaultValue("500") int batchSize) {}

    /** @param maxRequestSize request bodies above this get 413 */
    public record Http(@DefaultValue("64KB") DataSize maxRequestSize) {}

    public ChassisProperties {
        kafka = kafka != null ? kafka : new Kafka(6, 2, 4, Duration.ofMillis(200), Duration.ofSeconds(5));
        outbox = outbox != null ? outbox : new Outbox(Duration.ofSeconds(10), Duration.ofSeconds(5), 500);
        http = http != null ? http : new Http(DataSize.ofKilobytes(64));
    }
}
