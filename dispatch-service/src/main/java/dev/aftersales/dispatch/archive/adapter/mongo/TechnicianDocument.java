package dev.aftersales.dispatch.archive.adapter.mongo;

import dev.aftersales.dispatch.archive.domain.Technician;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("technicians")
record TechnicianDocument(
        @Id String technicianId,
        String name,
        String dealerId,
        boolean active,
        Set<String> productLines,
        int openAssignments) {

    Technician toTechnician() {
        return new Technician(technicianId, name, dealerId, active, productLines, openAssignments);
    }
}
