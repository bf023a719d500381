package dev.aftersales.dispatch;

import dev.aftersales.dispatch.archive.domain.WarrantyTerms;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dispatch's settings, under {@code aftersales.dispatch}: every key of the service in one place.
 *
 * @param offerTimeout how long an offered technician has to accept before the next candidate is offered the case
 * @param rescheduleNotice a reschedule at least this long before the window starts counts as "with notice"
 * @param maxServicePointKm how far an authorized service point may be, when distances are known
 * @param maxCentreKm how far a regional centre may be, when distances are known
 * @param sweepInterval how often offers past their deadline and appointments missed are looked for
 * @param metricsRefresh how often the installed-base gauges are counted again
 * @param feed the technicians' push stream
 * @param warranty the warranty terms the archive gives each installation
 * @param fees the fee schedule for visits out of warranty
 * @param partLine how many of one part a line may ask for
 * @param businessZone the zone of the business day: technicians' working hours and leave, appointment
 *     windows shown as local times
 * @param imports the installation import jobs
 */
@ConfigurationProperties("aftersales.dispatch")
public record DispatchProperties(
        @DefaultValue("PT15M") Duration offerTimeout,
        @DefaultValue("PT2H") Duration rescheduleNotice,
        @DefaultValue("100") double maxServicePointKm,
        @DefaultValue("500") double maxCentreKm,
        @DefaultValue("PT30S") Duration sweepInterval,
        @DefaultValue("30s") Duration metricsRefresh,
        @DefaultValue Feed feed,
        @DefaultValue Warranty warranty,
        @DefaultValue Fees fees,
        @DefaultValue PartLine partLine,
        @DefaultValue("Asia/Shanghai") ZoneId businessZone,
        @DefaultValue Imports imports) {

    /**
     * Installation import jobs ({@code POST /api/archive/installation-imports}).
     *
     * @param chunkRows rows kept and loaded together: the unit a job resumes from after a restart
     * @param lease how long a job stays with the instance running it without progress before another takes it
     * @param poll how often an instance looks for jobs to run or take over
     */
    public record Imports(
            @DefaultValue("1000") int chunkRows,
            @DefaultValue("PT1M") Duration lease,
            @DefaultValue("PT2S") Duration poll) {}

    /**
     * The technicians' push stream. An open stream holds no thread and reads the technician's feed
     * document only when a change for that technician is seen.
     *
     * @param maxStream how long one stream stays open (less up to a tenth, so reconnections spread); the app
     *     then reconnects, perhaps to another instance
     * @param heartbeat how often an idle stream gets a keep-alive comment (proxies close silent connections)
     * @param retry the reconnect delay told to the app ({@code retry:}); each stream is told a random delay
     *     between this and twice this, so a dropped instance's phones do not all come back at once
     * @param maxConnections open streams one instance takes; one more is refused with 503 and Retry-After. Each
     *     open stream holds about 110 KiB of heap (Tomcat's buffers and request state): the default suits the
     *     local stack's 256 MiB; raise it with the heap
     * @param sendBuffer bytes a stream may have waiting for a phone that does not read; beyond that the
     *     phone is dropped (it resumes with Last-Event-ID) so it never holds up the others
     * @param ticketLifetime how long a ticket for {@code EventSource} stays valid (at most a minute)
     * @param pushThreads threads that read woken technicians' feeds and hand entries to their streams
     */
    public record Feed(
            @DefaultValue("PT5M") Duration maxStream,
            @DefaultValue("PT15S") Duration heartbeat,
            @DefaultValue("PT2S") Duration retry,
            @DefaultValue("1500") int maxConnections,
            @DefaultValue("65536") int sendBuffer,
            @DefaultValue("PT30S") Duration ticketLifetime,
            @DefaultValue("2") int pushThreads) {

        public Feed {
            if (ticketLifetime.isNegative()
                    || ticketLifetime.isZero()
                    || ticketLifetime.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException(
                        "aftersales.dispatch.feed.ticket-lifetime: between 1 s and 60 s, got " + ticketLifetime);
            }
            if (maxConnections < 1 || sendBuffer < 1024 || pushThreads < 1) {
                throw new IllegalArgumentException("aftersales.dispatch.feed: need max-connections >= 1,"
                        + " send-buffer >= 1024 and push-threads >= 1");
            }
        }
    }

    /**
     * Warranty terms ({@code aftersales.dispatch.warranty.*}): the default, and overrides per product line
     * and per model (the model wins), e.g. {@code product-lines.WATER_PURIFIER.main-parts: P5Y}.
     *
     * @param wholeMachine how long the whole machine is covered from installation
     * @param mainParts how long its main parts are covered from installation
     * @param productLines overrides per product line
     * @param models overrides per model
     */
    public record Warranty(
            @DefaultValue("P1Y") Period wholeMachine,
            @DefaultValue("P3Y") Period mainParts,
            Map<String, Terms> productLines,
            Map<String, Terms> models) {

        /** A missing period falls back to the default's. */
        public record Terms(Period wholeMachine, Period mainParts) {}

        public WarrantyTerms defaults() {
            return new WarrantyTerms(wholeMachine, mainParts);
        }

        public Map<String, WarrantyTerms> productLineTerms() {
            return resolve(productLines);
        }

        public Map<String, WarrantyTerms> modelTerms() {
            return resolve(models);
        }

        private Map<String, WarrantyTerms> resolve(Map<String, Terms> terms) {
            if (terms == null) {
                return Map.of();
            }
            var resolved = new HashMap<String, WarrantyTerms>();
            terms.forEach((key, t) -> resolved.put(
                    key,
                    new WarrantyTerms(
                            t.wholeMachine() == null ? wholeMachine : t.wholeMachine(),
                            t.mainParts() == null ? mainParts : t.mainParts())));
            return resolved;
        }
    }

    /**
     * The fee schedule ({@code aftersales.dispatch.fees.*}), in yuan.
     *
     * @param doorFee the fee for coming to the door
     * @param labour labour, unless the kind of work has its own
     * @param labourByKind labour per kind of work ({@code ComplaintKind} names) where it differs
     */
    public record Fees(
            @DefaultValue("30") BigDecimal doorFee,
            @DefaultValue("50") BigDecimal labour,
            Map<String, BigDecimal> labourByKind) {}

    /**
     * How many of one part a line may ask for: parts requests, quotes and the parts used at
     * completion. A visit needs a few of a part; a larger number is a typing error or an attempt to
     * drain a dealer's stock.
     */
    public record PartLine(
            @DefaultValue("1") int minQuantity,
            @DefaultValue("20") int maxQuantity) {

        public static final PartLine DEFAULTS = new PartLine(1, 20);

        public PartLine {
            if (minQuantity < 1 || maxQuantity < minQuantity) {
                throw new IllegalArgumentException(
                        "aftersales.dispatch.part-line: need 1 <= min-quantity <= max-quantity, got " + minQuantity
                                + ".." + maxQuantity);
            }
        }
    }
}
