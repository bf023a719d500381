package dev.aftersales.chassis;

import dev.aftersales.chassis.events.KafkaConfiguration;
import dev.aftersales.chassis.metrics.PersonalDataTagFilter;
import dev.aftersales.chassis.outbox.OutboxConfiguration;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.chassis.security.SecurityConfiguration;
import dev.aftersales.chassis.web.ProblemDetailsAdvice;
import dev.aftersales.chassis.web.RequestSizeLimitFilter;
import dev.aftersales.chassis.web.TraceparentFilter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** Wires the chassis into every service that has it on the classpath. */
@AutoConfiguration
@EnableConfigurationProperties(ChassisProperties.class)
@Import({KafkaConfiguration.class, OutboxConfiguration.class, SecurityConfiguration.class})
@ComponentScan(basePackageClasses = {dev.aftersales.chassis.events.EventHandler.class})
public class ChassisAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
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

    @Bean
    FilterRegistrationBean<TraceparentFilter> traceparentFilter() {
        var registration = new FilterRegistrationBean<>(new TraceparentFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ChassisProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.http().maxRequestSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
