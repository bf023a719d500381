package dev.aftersales.dispatch.archive.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class InMemoryTechnicians implements Technicians {

    private final Map<String, Technician> byId = new LinkedHashMap<>();

    @Override
    public void upsert(Technician technician) {
        var load = byId.containsKey(technician.technicianId())
                ? byId.get(technician.technicianId()).openAssignments()
                : technician.openAssignments();
        byId.put(technician.technicianId(), technician.withLoad(load));
    }

    @Override
    public Optional<Technician> byId(String technicianId) {
        return Optional.ofNullable(byId.get(technicianId));
    }

    @Override
    public List<Technician> ofDealer(String dealerId) {
        return byId.values().stream().filter(t -> t.dealerId().equals(dealerId)).toList();
    }

    @Override
    public void changeLoad(String technicianId, int delta) {
        var t = byId.get(technicianId);
        if (t != null) {
            byId.put(technicianId, t.withLoad(t.openAssignments() + delta));
        }
    }

    public int loadOf(String technicianId) {
        return byId.get(technicianId).openAssignments();
    }
}
