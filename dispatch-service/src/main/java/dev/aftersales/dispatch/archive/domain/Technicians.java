package dev.aftersales.dispatch.archive.domain;

import java.util.List;
import java.util.Optional;

/** The technicians of the archive with their current load. */
public interface Technicians {

    /**
     * Creates or updates the technician's master data. Must keep the load of an existing
     * technician: re-importing the archive does not forget the work they have.
     */
    void upsert(Technician technician);

    Optional<Technician> byId(String technicianId);

    /** Every technician of the dealer, active or not. */
    List<Technician> ofDealer(String dealerId);

    /** Adds {@code delta} to the technician's open assignments, never going below zero. */
    void changeLoad(String technicianId, int delta);

    /**
     * Replaces the technician's leave and working hours, keeping master data and load.
     *
     * @return false when there is no such technician
     */
    boolean setAvailability(String technicianId, Availability availability);
}
