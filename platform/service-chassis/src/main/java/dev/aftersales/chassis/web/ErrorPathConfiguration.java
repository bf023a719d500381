package dev.aftersales.chassis.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Registers {@link ErrorPathFilter} for direct requests only (not for the container's error forwards). */
@AutoConfiguration
public class ErrorPathConfiguration {

    @Bean
    FilterRegistrationBean<ErrorPathFilter> errorPathFilter() {
        var registration = new FilterRegistrationBean<>(new ErrorPathFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
