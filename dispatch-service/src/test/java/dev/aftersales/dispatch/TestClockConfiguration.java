package dev.aftersales.dispatch;

import dev.aftersales.chassis.test.MutableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Found by the application's component scan in every slice test, so all share one context: the
 * service's clock is a {@link MutableClock} that tests move to fire timers. It starts at the real
 * time; tests only ever move it forward.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
