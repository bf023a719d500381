package dev.aftersales.dispatch.archive.domain;

import java.time.LocalDate;

/**
 * The installation record of one machine (机器档案): who installed it, for which dealer, when and
 * where. It is what lets dispatch send the original installer, who knows the machine, the site and
 * the way there.
 *
 * @param installerId the technician who installed the machine; may be unknown for old records
 */
public record Installation(
        String serialNumber,
        String model,
        String productLine,
        String customerId,
        String dealerId,
        String installerId,
        LocalDate installedOn,
        Site site) {}
