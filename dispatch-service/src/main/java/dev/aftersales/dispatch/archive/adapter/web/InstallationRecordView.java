package dev.aftersales.dispatch.archive.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aftersales.dispatch.archive.domain.Correction;
import dev.aftersales.dispatch.archive.domain.InstallationRecord;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.archive.domain.WarrantyPolicy;
import java.time.LocalDate;
import java.util.List;

/**
 * A machine's record as the office sees it: the facts, the warranty they give, and every
 * correction (who, when, why, each field before → after), oldest first.
 *
 * @param revision the number of the latest correction; 0 when never corrected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InstallationRecordView(
        String serialNumber,
        String model,
        String productLine,
        String customerId,
        String dealerId,
        String installerId,
        LocalDate installedOn,
        Site site,
        LocalDate wholeMachineWarrantyUntil,
        LocalDate mainPartsWarrantyUntil,
        int revision,
        List<Correction> corrections) {

    static InstallationRecordView of(InstallationRecord record, WarrantyPolicy warranties) {
        var i = record.installation();
        var warranty = warranties.warrantyOf(i);
        return new InstallationRecordView(
                i.serialNumber(),
                i.model(),
                i.productLine(),
                i.customerId(),
                i.dealerId(),
                i.installerId(),
                i.installedOn(),
                i.site(),
                warranty.wholeMachineUntil(),
                warranty.mainPartsUntil(),
                record.revision(),
                record.corrections());
    }
}
