package dev.aftersales.chassis;

import dev.aftersales.chassis.aggregate.EventClocks;
import dev.aftersales.chassis.audit.Audit;
import dev.aftersales.chassis.audit.AuditTrail;
import dev.aftersales.chassis.audit.LoggedAudit;
import dev.aftersales.chassis.events.KafkaConfiguration;
import dev.aftersales.chassis.idempotency.IdempotencyConfiguration;
import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.metrics.HistogramSeriesFilter;
import dev.aftersales.chassis.metrics.PersonalDataTagFilter;
import dev.aftersales.chassis.outbox.OutboxConfiguration;
import dev.aftersales.chassis.outbox.OutboxRelay;
import dev.aftersales.chassis.paging.CsvExport;
import dev.aftersales.chassis.paging.Paging;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.chassis.security.SecurityConfiguration;
import dev.aftersales.chassis.time.ScheduledSweeps;
import dev.aftersales.chassis.time.Sweep;
import dev.aftersales.chassis.time.Sweeps;
import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.chassis.web.ProblemDetailsAdvice;
import dev.aftersales.chassis.web.RequestJsonConverter;
import dev.aftersales.chassis.web.RequestSizeLimitFilter;
import dev.aftersales.chassis.web.TraceparentFilter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.json.JsonMapper;

/** Wires the chassis into every service that has it on the classpath. */
@AutoConfiguration
@EnableConfigurationProperties(ChassisProperties.class)
@Import({
    KafkaConfiguration.class,
    OutboxConfiguration.class,
    SecurityConfiguration.class,
    IdempotencyConfiguration.class
})
@ComponentScan(basePackageClasses = {dev.aftersales.chassis.events.EventHandler.class, Audit.class})
public class ChassisAutoConfiguration {

    /**
     * The business clock: what the platform promises is measured with it (SLA clocks, offers,
     * appointments, reservation expiry, return calls, care, payload times, {@code ce_time}). In
     * production the system clock; the local stack's platform clock (profile {@code local}) runs
     * ahead of it when someone advances it.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The wall clock for everything technical (see {@link WallClock}). */
    @Bean
    @ConditionalOnMissingBean
    WallClock wallClock() {
        return WallClock.system();
    }

    /** Raised events take their time from the business clock and their outbox age from the wall clock. */
    @Bean
    SmartInitializingSingleton eventClocks(Clock clock, WallClock wallClock, OutboxRelay relay, Leases leases) {
        return () -> {
            EventClocks.use(clock, wallClock);
            relay.useWallClock(wallClock);
            relay.useLease(leases.lease("outbox-sweep"));
        };
    }

    /** Leases on the service's scheduled work, held under this instance's id (see {@link Leases}). */
    @Bean(destroyMethod = "releaseAll")
    @ConditionalOnMissingBean
    Leases leases(MongoTemplate mongo, ChassisProperties properties, WallClock wallClock) {
        var instance = properties.instance();
        var id = instance.id() == null || instance.id().isBlank() ? Leases.defaultInstanceId() : instance.id();
        return new Leases(mongo, id, instance.leaseDuration(), wallClock);
    }

    /** Every {@link Sweep} of the service, for the platform clock to run and ask what falls due next. */
    @Bean
    Sweeps sweeps(ObjectProvider<Sweep> sweeps) {
        return new Sweeps(sweeps.orderedStream().toList());
    }

    /** Schedules every {@link Sweep} that has an interval, each under its lease. */
    @Bean
    ScheduledSweeps scheduledSweeps(ObjectProvider<Sweep> sweeps, Leases leases, Clock clock) {
        return new ScheduledSweeps(sweeps.orderedStream().toList(), leases, clock);
    }

    /** The service's audit trail (the {@link Audit} port): stored, logged and counted per entry. */
    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, MeterRegistry meters) {
        return new AuditTrail(mongo, new LoggedAudit(meters));
    }

    @Bean
    org.springframework.beans.factory.SmartInitializingSingleton auditTrailIndexes(AuditTrail auditTrail) {
        return auditTrail::declareIndexes;
    }

    /** Rate limit and audit of the doors that return personal data in bulk ({@code @PersonalDataRead}). */
    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer personalDataReads(
            AuditTrail auditTrail, ChassisProperties properties, WallClock wallClock) {
        var reads = new dev.aftersales.chassis.audit.PersonalDataReads(
                auditTrail, properties.personalDataReads().perMinute(), wallClock);
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addInterceptors(
                    org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(reads);
            }
        };
    }

    /** Page cursors of every list door, sealed with the service's secret key (see {@link Paging}). */
    @Bean
    Paging paging(ChassisProperties properties) {
        return new Paging(properties.paging().cursorKey());
    }

    /** CSV exports of the list doors: streamed, capped and audited. */
    @Bean
    CsvExport csvExport(AuditTrail auditTrail, WallClock wallClock, ChassisProperties properties) {
        return new CsvExport(auditTrail, wallClock, properties.paging().exportCap());
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    CurrentUser currentUser() {
        return new CurrentUser();
    }

    @Bean
    PersonalDataTagFilter personalDataTagFilter() {
        return new PersonalDataTagFilter();
    }

    /** Last, so that no configured bucket list brings histograms back onto per-dealer meters. */
    @Bean
    @org.springframework.core.annotation.Order(Ordered.LOWEST_PRECEDENCE)
    HistogramSeriesFilter histogramSeriesFilter() {
        return new HistogramSeriesFilter();
    }

    @Bean
    FilterRegistrationBean<TraceparentFilter> traceparentFilter() {
        var registration = new FilterRegistrationBean<>(new TraceparentFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ChassisProperties properties) {
        var http = properties.http();
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(
                http.maxRequestSize().toBytes(),
                http.largerBodies().stream()
                        .map(l -> new RequestSizeLimitFilter.PathLimit(
                                l.paths(), l.maxRequestSize().toBytes(), l.streamed()))
                        .toList()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** An explicit nesting limit on every JSON body read (Jackson's own default is far deeper). */
    @Bean
    JsonFactoryBuilderCustomizer jsonNestingLimit(ChassisProperties properties) {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(properties.http().maxJsonDepth())
                .build());
    }

    /** Replaces Boot's JSON converter (ordered after it) with one that names every field at fault. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer requestJsonConverter(JsonMapper mapper, Validator validator) {
        return converters -> converters.withJsonConverter(RequestJsonConverter.of(mapper, validator));
    }
}
