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
        var kept = byId.containsKey(technician.technicianId())
                ? byId.get(technician.technicianId()).availability()
                : technician.availability();
        var t = technician.withLoad(load);
        byId.put(
                t.technicianId(),
                new Technician(
                        t.technicianId(),
                        t.name(),
                        t.dealerId(),
                        t.active(),
                        t.productLines(),
                        t.kindsOfWork(),
                        t.dailyCapacity(),
                        t.openAssignments(),
                        kept));
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

    @Override
    public boolean setAvailability(String technicianId, Availability availability) {
        var t = byId.get(technicianId);
        if (t == null) {
            return false;
        }
        byId.put(
                technicianId,
                new Technician(
                        t.technicianId(),
                        t.name(),
                        t.dealerId(),
                        t.active(),
                        t.productLines(),
                        t.kindsOfWork(),
                        t.dailyCapacity(),
                        t.openAssignments(),
                        availability));
        return true;
    }

    public int loadOf(String technicianId) {
        return byId.get(technicianId).openAssignments();
    }
}
