package dev.aftersales.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dispatch's settings ({@code aftersales.dispatch.*}).
 *
 * @param offerTimeout how long an offered technician has to accept before the next candidate is offered the case
 * @param rescheduleNotice a reschedule at least this long before the window starts counts as "with notice"
 * @param maxServicePointKm how far an authorized service point may be, when distances are known
 * @param maxCentreKm how far a regional centre may be, when distances are known
 */
@ConfigurationProperties("aftersales.dispatch")
public record DispatchProperties(
        @DefaultValue("PT15M") Duration offerTimeout,
        @DefaultValue("PT2H") Duration rescheduleNotice,
        @DefaultValue("100") double maxServicePointKm,
        @DefaultValue("500") double maxCentreKm) {}
