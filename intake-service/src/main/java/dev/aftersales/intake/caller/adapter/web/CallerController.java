package dev.aftersales.intake.caller.adapter.web;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.audit.PersonalDataRead;
import dev.aftersales.chassis.contact.PhoneNumber;
import dev.aftersales.intake.caller.application.LookUpCaller;
import dev.aftersales.intake.caller.domain.MasterCustomer;
import dev.aftersales.intake.caller.domain.Warranty;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import dev.aftersales.intake.complaint.domain.Priority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Caller lookup for the agent before typing the form: by phone or serial number. */
@RestController
@RequestMapping("/api/callers")
class CallerController {

    record OpenCase(String complaintId, ComplaintStatus status, Priority priority, Instant registeredAt) {}

    record MachineView(
            String serialNumber,
            String model,
            String productLine,
            String customerId,
            String customerName,
            String customerPhone,
            String address,
            String regionCode,
            String dealerId,
            String installerId,
            LocalDate installedOn,
            Warranty warranty,
            List<OpenCase> openCases,
            String customerTier) {}

    record Lookup(List<MachineView> machines) {}

    private final LookUpCaller lookUpCaller;

    CallerController(LookUpCaller lookUpCaller) {
        this.lookUpCaller = lookUpCaller;
    }

    @PersonalDataRead("callers.lookup")
    @GetMapping
    @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR')")
    Lookup lookUp(@RequestParam(required = false) String phone, @RequestParam(required = false) String serialNumber) {
        if (isBlank(phone) && isBlank(serialNumber)) {
            throw new InvalidRequestException("phone", "give a phone number or a serial number");
        }
        var machines = lookUpCaller.lookUp(blankToNull(phone), blankToNull(serialNumber)).stream()
                .map(f -> {
                    var m = f.machine();
                    // the customer master's name wins for a phone the master knows as theirs; a contact
                    // corrected to another person's phone shows that person
                    var name = f.customer()
                            .filter(c -> PhoneNumber.key(m.customerPhone())
                                    .map(c.phones()::contains)
                                    .orElse(false))
                            .map(MasterCustomer::name)
                            .filter(n -> !n.isBlank())
                            .orElse(m.customerName());
                    return new MachineView(
                            m.serialNumber(),
                            m.model(),
                            m.productLine(),
                            f.customer().map(MasterCustomer::customerId).orElse(m.customerId()),
                            name,
                            m.customerPhone(),
                            m.address(),
                            m.regionCode(),
                            m.dealerId(),
                            m.installerId(),
                            m.installedOn(),
                            f.warranty(),
                            f.openCases().stream()
                                    .map(c -> new OpenCase(c.id(), c.status(), c.priority(), c.registeredAt()))
                                    .toList(),
                            f.customer().map(MasterCustomer::tier).orElse(null));
                })
                .toList();
        return new Lookup(machines);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s;
    }
}
