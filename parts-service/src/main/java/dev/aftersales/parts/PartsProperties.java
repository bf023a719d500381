package dev.aftersales.parts;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Parts' settings, under {@code aftersales.parts}: every key of the service in one place.
 *
 * @param transferTime how long a transfer between dealers takes: the ETA of TRANSFER reservations
 * @param factoryLeadTime the factory's lead time when its location record has none
 * @param splitAllowed whether a request may be reserved in parts at several locations when no single one has
 *     enough
 * @param expiryGrace how long after the appointment's end unconsumed reservations are released
 * @param holdWithoutAppointment how long a reservation is held when its visit has no appointment
 * @param expirySweepInterval how often the expiry sweep looks for due reservations
 * @param safetyStockDays planning: days of expected failures kept on top of the lead-time demand
 * @param historyWindow planning: how far back consumption is counted for failure rates
 * @param writeDownMonths value report: straight-line write-down of a unit's cost over this many months
 * @param valueWarningShare value report: warn when stock value exceeds this share of three years' cost of sales
 * @param requestClaimLease how long a handler's claim on a parts request shuts out others before it counts as
 *     abandoned (the handler died) and may be taken over
 * @param metricsRefresh how often the backorder gauges are counted and the stock value gauge valued again
 * @param businessZone reports by period: the time zone whose midnights bound a business day
 */
@ConfigurationProperties("aftersales.parts")
public record PartsProperties(
        @DefaultValue("24h") Duration transferTime,
        @DefaultValue("7d") Duration factoryLeadTime,
        @DefaultValue("true") boolean splitAllowed,
        @DefaultValue("24h") Duration expiryGrace,
        @DefaultValue("72h") Duration holdWithoutAppointment,
        @DefaultValue("5m") Duration expirySweepInterval,
        @DefaultValue("7") int safetyStockDays,
        @DefaultValue("365d") Duration historyWindow,
        @DefaultValue("36") int writeDownMonths,
        @DefaultValue("0.007") double valueWarningShare,
        @DefaultValue("30s") Duration requestClaimLease,
        @DefaultValue("30s") Duration metricsRefresh,
        @DefaultValue("Asia/Shanghai") ZoneId businessZone) {}
