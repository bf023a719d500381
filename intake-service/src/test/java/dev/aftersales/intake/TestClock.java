package dev.aftersales.intake;

import dev.aftersales.chassis.test.MutableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for every slice test of this service (so they share one Spring context): the SLA tests
 * move it to deadlines and set it back to the real time when done.
 */
@Configuration(proxyBeanMethods = false)
class TestClock {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
