package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.dispatch.archive.domain.Warranty;
import java.time.LocalDate;

/**
 * The machine's warranty on the day the customer called, as the technician needs it before quoting:
 * the whole machine, only its main parts (三包: the compressor, the motor…), or nothing. Judged on the
 * registration day, because that day decides what the customer pays, however late the visit is.
 *
 * @param wholeMachineUntil null when the archive does not know the machine or its installation day
 * @param mainPartsUntil null when the archive does not know the machine or its installation day
 */
public record CaseWarranty(Status status, LocalDate wholeMachineUntil, LocalDate mainPartsUntil) {

    public enum Status {
        WHOLE_MACHINE,
        MAIN_PARTS_ONLY,
        EXPIRED,
        /** The archive does not know the machine, or not when it was installed. */
        UNKNOWN
    }

    public static CaseWarranty on(LocalDate day, Warranty warranty) {
        if (warranty == null || (warranty.wholeMachineUntil() == null && warranty.mainPartsUntil() == null)) {
            return new CaseWarranty(Status.UNKNOWN, null, null);
        }
        var status = warranty.wholeMachineCovers(day)
                ? Status.WHOLE_MACHINE
                : warranty.mainPartsCover(day) ? Status.MAIN_PARTS_ONLY : Status.EXPIRED;
        return new CaseWarranty(status, warranty.wholeMachineUntil(), warranty.mainPartsUntil());
    }
}
