package dev.aftersales.chassis;

import java.time.Duration;
import java.util.List;
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
public record ChassisProperties(
        String service,
        Kafka kafka,
        Outbox outbox,
        Http http,
        Events events,
        Idempotency idempotency,
        PersonalDataReads personalDataReads,
        Instance instance,
        Paging paging) {

    /**
     * @param id this instance among the service's running instances (default: host name and process id)
     * @param leaseDuration how long a lease on scheduled work lasts unless renewed: a dead holder's
     *     sweeps and database gauges are taken over after at most this long
     */
    public record Instance(String id, @DefaultValue("30s") Duration leaseDuration) {

        public Instance {
            if (leaseDuration.isNegative() || leaseDuration.isZero()) {
                throw new IllegalArgumentException("aftersales.instance.lease-duration must be positive");
            }
        }
    }

    /**
     * @param cursorKey the secret that seals the lists' page cursors: at least 32 characters, the same on
     *     every instance of the service; from the service's secret configuration, like its broker credentials
     * @param exportCap most rows one CSV export writes
     */
    public record Paging(
            String cursorKey, @DefaultValue("50000") int exportCap) {}

    /** @param perMinute reads of personal data in bulk (lookups, lists) one user may make per minute, per instance */
    public record PersonalDataReads(@DefaultValue("60") int perMinute) {}

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

    /**
     * @param maxRequestSize request bodies above this get 413, declared length or not
     * @param largerBodies paths allowed a larger body (bulk imports), each list of path patterns with its limit
     * @param maxJsonDepth JSON bodies nested deeper than this get 400
     */
    public record Http(
            @DefaultValue("64KB") DataSize maxRequestSize,
            List<LargerBodies> largerBodies,
            @DefaultValue("32") int maxJsonDepth) {

        public Http {
            largerBodies = largerBodies == null ? List.of() : List.copyOf(largerBodies);
        }
    }

    /**
     * @param paths Spring path patterns, e.g. {@code /api/archive/import} or {@code /api/imports/**}
     * @param maxRequestSize the limit on those paths
     * @param streamed the handler reads the body as it arrives (a large upload): it is counted, not buffered
     */
    public record LargerBodies(List<String> paths, DataSize maxRequestSize, boolean streamed) {

        public LargerBodies {
            if (paths == null || paths.isEmpty() || maxRequestSize == null) {
                throw new IllegalArgumentException(
                        "aftersales.http.larger-bodies: each entry needs paths and max-request-size");
            }
            paths = List.copyOf(paths);
        }
    }

    /**
     * @param maxSize an event whose JSON is larger is refused where it is raised (well below Kafka's 1 MiB)
     */
    public record Events(@DefaultValue("256KB") DataSize maxSize) {}

    /**
     * @param retention how long an {@code Idempotency-Key} and its answer are kept; at least 24 hours
     * @param staleAfter a key claimed this long ago and still unanswered was left by a crash; a retry takes it over
     * @param sweepInterval how often keys past their retention are removed
     */
    public record Idempotency(
            @DefaultValue("24h") Duration retention,
            @DefaultValue("2m") Duration staleAfter,
            @DefaultValue("1h") Duration sweepInterval) {

        public Idempotency {
            if (retention.compareTo(Duration.ofHours(24)) < 0) {
                throw new IllegalArgumentException(
                        "aftersales.idempotency.retention must be at least 24h: clients retry for up to a day");
            }
        }
    }

    public ChassisProperties {
        kafka = kafka != null ? kafka : new Kafka(6, 2, 4, Duration.ofMillis(200), Duration.ofSeconds(5));
        outbox = outbox != null ? outbox : new Outbox(Duration.ofSeconds(10), Duration.ofSeconds(5), 500);
        http = http != null ? http : new Http(DataSize.ofKilobytes(64), List.of(), 32);
        events = events != null ? events : new Events(DataSize.ofKilobytes(256));
        idempotency = idempotency != null
                ? idempotency
                : new Idempotency(Duration.ofHours(24), Duration.ofMinutes(2), Duration.ofHours(1));
        personalDataReads = personalDataReads != null ? personalDataReads : new PersonalDataReads(60);
        instance = instance != null ? instance : new Instance(null, Duration.ofSeconds(30));
        paging = paging != null ? paging : new Paging(null, 50_000);
    }
}
