package dev.aftersales.chassis.idempotency;

import dev.aftersales.chassis.ChassisProperties;
import dev.aftersales.chassis.lease.Leases;
import dev.aftersales.chassis.time.WallClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    /** After Spring Security's filters (order -100): the caller must be known to scope the key. */
    static final int FILTER_ORDER = 0;

    @Bean
    IdempotencyKeys idempotencyKeys(MongoTemplate mongo) {
        return new IdempotencyKeys(mongo);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyKeys keys, WallClock clock, ChassisProperties properties, MeterRegistry meters) {
        var settings = properties.idempotency();
        var registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(keys, clock, settings.retention(), settings.staleAfter(), meters));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    SmartInitializingSingleton idempotencyKeyIndexes(IdempotencyKeys keys) {
        return keys::declareIndexes;
    }

    @Bean
    IdempotencyKeySweep idempotencyKeySweep(
            IdempotencyKeys keys, WallClock clock, ChassisProperties properties, Leases leases) {
        return new IdempotencyKeySweep(
                keys, clock, properties.idempotency().sweepInterval(), leases.lease("idempotency-key-sweep"));
    }
}
