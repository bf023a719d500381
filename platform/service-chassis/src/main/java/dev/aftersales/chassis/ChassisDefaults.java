package dev.aftersales.chassis;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code chassis-defaults.properties} below everything a service or its operator sets, so the
 * four services share one set of defaults (actuator exposure, strict JSON, probes) and each can
 * still override any of them. With the Spring profile {@code local} (the local stack's launcher),
 * {@code chassis-defaults-local.properties} comes on top of those: the launcher's token issuer.
 */
public class ChassisDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var sources = environment.getPropertySources();
        sources.addLast(load("chassisDefaults", "chassis-defaults.properties"));
        if (environment.matchesProfiles("local")) {
            sources.addBefore("chassisDefaults", load("chassisLocalDefaults", "chassis-defaults-local.properties"));
        }
    }

    private static ResourcePropertySource load(String name, String resource) {
        try {
            return new ResourcePropertySource(name, new ClassPathResource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
