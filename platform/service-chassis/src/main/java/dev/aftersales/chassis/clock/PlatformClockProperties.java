package dev.aftersales.chassis.clock;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local stack's platform clock ({@code aftersales.platform-clock.*}, profile {@code local} only).
 *
 * @param services the services an advance waits for at every step
 * @param minStep the shortest step of an advance: due times closer together than this are handled in one step
 * @param stepTimeout how long a step waits for every service to apply it and settle before the advance fails (503)
 * @param maxSteps the most steps one advance takes; it stops there, short of its target, and says so in the log
 */
@ConfigurationProperties("aftersales.platform-clock")
public record PlatformClockProperties(
        @DefaultValue({"intake", "dispatch", "parts", "followup"})
        Set<String> services,

        @DefaultValue("1m") Duration minStep,
        @DefaultValue("60s") Duration stepTimeout,
        @DefaultValue("5000") int maxSteps) {}
