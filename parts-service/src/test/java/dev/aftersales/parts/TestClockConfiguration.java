package dev.aftersales.parts;

import dev.aftersales.chassis.test.MutableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Found by the application's component scan, so every slice test shares one context with a clock
 * the tests move (expiries, ETAs, ages of backorders). It starts at the real time.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
