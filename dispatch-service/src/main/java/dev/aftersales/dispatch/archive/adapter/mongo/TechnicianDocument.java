package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.domain.Technician;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * {@code dailyCapacity} is absent in documents of the first version: no limit. {@code availability}
 * is written only by the availability door, never by an import.
 */
@Document("technicians")
record TechnicianDocument(
        @Id String technicianId,
        String name,
        String dealerId,
        boolean active,
        Set<String> productLines,
        Set<String> kindsOfWork,
        Integer dailyCapacity,
        int openAssignments,
        AvailabilityDocument availability) {

    Technician toTechnician() {
        return new Technician(
                technicianId,
                name,
                dealerId,
                active,
                productLines,
                kindsOfWork,
                dailyCapacity == null ? Technician.UNLIMITED : dailyCapacity,
                openAssignments,
                availability == null ? null : availability.toAvailability());
    }
}
