package dev.aftersales.parts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the parts service ({@code aftersales.parts.*}).
 *
 * @param transferTime how long a transfer between dealers takes: the ETA of TRANSFER reservations
 * @param factoryLeadTime the factory's lead time when its location record has none
 * @param splitAllowed whether a request may be reserved in parts at several locations when no single one has
 *     enough ({@code split-allowed}, default true)
 * @param expiryGrace how long after the appointment's end unconsumed reservations are released
 * @param holdWithoutAppointment how long a reservation is held when its visit has no appointment
 * @param expirySweepInterval how often the expiry sweep looks for due reservations
 * @param safetyStockDays planning: days of expected failures kept on top of the lead-time demand
 * @param historyWindow planning: how far back consumption is counted for failure rates
 * @param writeDownMonths value report: straight-line write-down of a unit's cost over this many months
 * @param valueWarningShare value report: warn when stock value exceeds this share of three years' cost of sales
 * @param requestClaimLease how long a handler's claim on a parts request shuts out others before it counts as
 *     abandoned (the handler died) and may be taken over
 */
@ConfigurationProperties("aftersales.parts")
public record PartsProperties(
        Duration transferTime,
        Duration factoryLeadTime,
        Boolean splitAllowed,
        Duration expiryGrace,
        Duration holdWithoutAppointment,
        Duration expirySweepInterval,
        Integer safetyStockDays,
        Duration historyWindow,
        Integer writeDownMonths,
        Double valueWarningShare,
        Duration requestClaimLease) {

    public PartsProperties {
        transferTime = transferTime == null ? Duration.ofHours(24) : transferTime;
        factoryLeadTime = factoryLeadTime == null ? Duration.ofDays(7) : factoryLeadTime;
        expiryGrace = expiryGrace == null ? Duration.ofHours(24) : expiryGrace;
        holdWithoutAppointment = holdWithoutAppointment == null ? Duration.ofHours(72) : holdWithoutAppointment;
        expirySweepInterval = expirySweepInterval == null ? Duration.ofMinutes(5) : expirySweepInterval;
        safetyStockDays = safetyStockDays == null ? 7 : safetyStockDays;
        historyWindow = historyWindow == null ? Duration.ofDays(365) : historyWindow;
        writeDownMonths = writeDownMonths == null ? 36 : writeDownMonths;
        valueWarningShare = valueWarningShare == null ? 0.007 : valueWarningShare;
        splitAllowed = splitAllowed == null ? Boolean.TRUE : splitAllowed;
        requestClaimLease = requestClaimLease == null ? Duration.ofSeconds(30) : requestClaimLease;
    }
}
