package dev.aftersales.intake.caller.application;

import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.caller.domain.InstalledMachine;
import dev.aftersales.intake.caller.domain.MachineArchive;
import dev.aftersales.intake.caller.domain.MasterCustomer;
import dev.aftersales.intake.caller.domain.Warranty;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.Complaints;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the agent sees before typing the form: the caller's machines from the archive, each with
 * its warranty today and its open cases (so a repeat call goes on the open case).
 */
@Service
public class LookUpCaller {

    /** A lookup lists at most this many machines: by serial first, then the phone's own, then the master's. */
    static final int MAX_MACHINES = 50;

    /**
     * One machine of the caller.
     *
     * @param customer the machine's customer as dispatch's customer master knows them, when it does
     */
    public record Found(
            InstalledMachine machine,
            Warranty warranty,
            List<Complaint> openCases,
            Optional<MasterCustomer> customer) {}

    private final MachineArchive archive;
    private final Complaints complaints;
    private final FollowCustomerMaster master;
    private final Clock clock;
    private final ZoneId zone;

    LookUpCaller(
            MachineArchive archive,
            Complaints complaints,
            FollowCustomerMaster master,
            Clock clock,
            IntakeProperties properties) {
        this.archive = archive;
        this.complaints = complaints;
        this.master = master;
        this.clock = clock;
        this.zone = properties.warrantyZone();
    }

    /**
     * By phone, serial number or both; a machine found both ways is listed once. A phone finds the machines
     * recorded with it, and the machines of every master customer who has it (a phone the master learnt
     * later, or one taken over in a merge).
     */
    public List<Found> lookUp(String phone, String serialNumber) {
        var machines = new LinkedHashMap<String, InstalledMachine>();
        if (serialNumber != null) {
            archive.bySerialNumber(serialNumber).ifPresent(m -> machines.put(m.serialNumber(), m));
        }
        if (phone != null) {
            archive.byPhone(phone).forEach(m -> machines.putIfAbsent(m.serialNumber(), m));
            for (var customerId : master.customerIdsWithPhone(phone)) {
                if (machines.size() >= MAX_MACHINES) {
                    break;
                }
                archive.byCustomer(customerId).forEach(m -> machines.putIfAbsent(m.serialNumber(), m));
            }
        }
        var today = LocalDate.ofInstant(clock.instant(), zone);
        var found = new ArrayList<Found>();
        for (var machine : machines.values().stream().limit(MAX_MACHINES).toList()) {
            found.add(new Found(
                    machine,
                    machine.warrantyOn(today),
                    complaints.openBySerialNumber(machine.serialNumber()),
                    master.current(machine.customerId())));
        }
        return found;
    }
}
