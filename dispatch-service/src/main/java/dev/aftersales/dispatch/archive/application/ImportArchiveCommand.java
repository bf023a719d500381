package dev.aftersales.dispatch.archive.application;

import dev.aftersales.dispatch.archive.domain.Dealer;
import dev.aftersales.dispatch.archive.domain.ImportedMachine;
import dev.aftersales.dispatch.archive.domain.ServicePoint;
import dev.aftersales.dispatch.archive.domain.Technician;
import java.util.List;

/** A batch of archive rows, already validated as a whole. */
public record ImportArchiveCommand(
        List<Dealer> dealers,
        List<Technician> technicians,
        List<ImportedMachine> installations,
        List<ServicePoint> servicePoints) {

    public ImportArchiveCommand {
        dealers = List.copyOf(dealers);
        technicians = List.copyOf(technicians);
        installations = List.copyOf(installations);
        servicePoints = servicePoints == null ? List.of() : List.copyOf(servicePoints);
    }
}
