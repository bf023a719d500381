package dev.aftersales.intake;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.domain.SlaPolicies;
import dev.aftersales.intake.complaint.domain.SlaPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake's settings, under {@code aftersales.intake}: every key of the service in one place.
 *
 * @param escalateAtCall the call about one open case at which its priority rises (at least 2)
 * @param warrantyZone the time zone whose calendar day decides whether a warranty still covers a machine
 * @param metricsRefresh how often the hotline's backlog gauges are counted again
 * @param sla the service levels promised to the customer
 * @param installWait how long an installation may wait for the installer: the on-site clock of an
 *     INSTALLATION case unless {@code sla.kinds.INSTALLATION.on-site} says otherwise
 * @param resolutions how agreed resolutions are carried out
 * @param goodwill the approval limits of compensations
 */
@ConfigurationProperties("aftersales.intake")
public record IntakeProperties(
        @DefaultValue("3") int escalateAtCall,
        @DefaultValue("Asia/Shanghai") ZoneId warrantyZone,
        @DefaultValue("15s") Duration metricsRefresh,
        @DefaultValue Sla sla,
        @DefaultValue("48h") Duration installWait,
        @DefaultValue Resolutions resolutions,
        @DefaultValue Goodwill goodwill) {

    @ConstructorBinding
    public IntakeProperties {
        if (escalateAtCall < 2) {
            throw new IllegalArgumentException("aftersales.intake.escalate-at-call must be at least 2");
        }
        if (installWait == null || installWait.isZero() || installWait.isNegative()) {
            throw new IllegalArgumentException("aftersales.intake.install-wait must be positive");
        }
        resolutions = resolutions == null ? new Resolutions(null, null) : resolutions;
        goodwill = goodwill == null ? new Goodwill(null) : goodwill;
    }

    /** The settings of the first versions; the rest at their defaults. */
    public IntakeProperties(int escalateAtCall, ZoneId warrantyZone, Duration metricsRefresh, Sla sla) {
        this(escalateAtCall, warrantyZone, metricsRefresh, sla, Duration.ofHours(48), null, null);
    }

    /** The SLA policies, with the install wait as the on-site promise of an installation unless a kind sets one. */
    public SlaPolicies slaPolicies() {
        var policies = sla.policies();
        var installation = policies.kinds().get(ComplaintKind.INSTALLATION);
        if (installation != null && installation.onSite() != null) {
            return policies;
        }
        var kinds = new HashMap<>(policies.kinds());
        kinds.put(
                ComplaintKind.INSTALLATION,
                installation == null
                        ? new SlaPolicies.Override(null, installWait, null)
                        : new SlaPolicies.Override(installation.firstAnswer(), installWait, installation.resolution()));
        return new SlaPolicies(policies.defaults(), kinds, policies.tiers());
    }

    /**
     * Under {@code aftersales.intake.resolutions.*}.
     *
     * @param defaultPromise when an action proposed without a promised time is due, counted from the proposal
     * @param overdueSweepInterval how often actions past their promised time are looked for
     */
    public record Resolutions(
            @DefaultValue("72h") Duration defaultPromise,
            @DefaultValue("60s") Duration overdueSweepInterval) {

        public Resolutions {
            defaultPromise = defaultPromise == null ? Duration.ofHours(72) : defaultPromise;
            overdueSweepInterval = overdueSweepInterval == null ? Duration.ofSeconds(60) : overdueSweepInterval;
            if (defaultPromise.isZero() || defaultPromise.isNegative()) {
                throw new IllegalArgumentException("aftersales.intake.resolutions.default-promise must be positive");
            }
            if (overdueSweepInterval.isZero() || overdueSweepInterval.isNegative()) {
                throw new IllegalArgumentException(
                        "aftersales.intake.resolutions.overdue-sweep-interval must be positive");
            }
        }
    }

    /**
     * Under {@code aftersales.intake.goodwill.*}: how much compensation each role may record on its own,
     * e.g. {@code limits.AGENT: 200}; above it only with a supervisor's approval. A role without a
     * limit may record none on its own.
     *
     * @param limits per role; without settings AGENT 200 and SUPERVISOR 2000 (yuan)
     */
    public record Goodwill(Map<Role, BigDecimal> limits) {

        static final Map<Role, BigDecimal> DEFAULT_LIMITS =
                Map.of(Role.AGENT, new BigDecimal("200"), Role.SUPERVISOR, new BigDecimal("2000"));

        public Goodwill {
            limits = limits == null || limits.isEmpty() ? DEFAULT_LIMITS : Map.copyOf(limits);
            for (var limit : limits.values()) {
                if (limit == null || limit.signum() < 0) {
                    throw new IllegalArgumentException("aftersales.intake.goodwill.limits must not be negative");
                }
            }
        }

        /** The highest of the caller's roles' limits; zero when none of them has one. */
        public BigDecimal limitOf(Iterable<Role> roles) {
            var limit = BigDecimal.ZERO;
            for (var role : roles) {
                var own = limits.get(role);
                if (own != null && own.compareTo(limit) > 0) {
                    limit = own;
                }
            }
            return limit;
        }
    }

    /**
     * The SLA promises under {@code aftersales.intake.sla.*}, counted from registration, e.g. {@code
     * on-site: 6h} for a brand that promises faster visits, {@code kinds.INSTALLATION.on-site: 72h},
     * {@code tiers.KEY.first-answer: 2h}. Checked at start-up: a zero or negative duration stops the service.
     *
     * @param firstAnswer time to the first answer to the customer
     * @param onSite time to the technician's arrival
     * @param resolution time to the case's resolution
     * @param kinds overrides per kind of complaint
     * @param tiers overrides per customer tier
     * @param sweepInterval how often the clocks past their deadline are looked for
     */
    public record Sla(
            @DefaultValue("4h") Duration firstAnswer,
            @DefaultValue("24h") Duration onSite,
            @DefaultValue("30d") Duration resolution,
            Map<ComplaintKind, SlaPolicies.Override> kinds,
            Map<String, SlaPolicies.Override> tiers,
            @DefaultValue("30s") Duration sweepInterval) {

        public SlaPolicy policy() {
            return new SlaPolicy(firstAnswer, onSite, resolution);
        }

        public SlaPolicies policies() {
            var policies = new SlaPolicies(
                    policy(), kinds == null ? Map.of() : kinds, tiers == null ? Map.of() : new HashMap<>(tiers));
            // Fail at start-up, not on the first call of that kind or tier.
            for (var kind : ComplaintKind.values()) {
                policies.policyFor(kind, null);
                for (var tier : policies.tiers().keySet()) {
                    policies.policyFor(kind, tier);
                }
            }
            return policies;
        }
    }
}
