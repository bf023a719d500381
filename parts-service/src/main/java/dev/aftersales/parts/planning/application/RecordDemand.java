package dev.aftersales.parts.planning.application;

import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.parts.planning.domain.DemandHistory;
import org.springframework.stereotype.Service;

/** Feeds planning: the installed base from InstallationRecorded, part usage from VisitCompleted. */
@Service
public class RecordDemand {

    private final DemandHistory history;

    RecordDemand(DemandHistory history) {
        this.history = history;
    }

    public void installed(InstallationRecorded installation) {
        history.installed(installation.serialNumber(), installation.model(), installation.dealerId());
    }

    public void visitCompleted(String eventId, VisitCompleted visit) {
        for (var line : visit.partsUsed()) {
            history.used(
                    eventId + "|" + line.partNumber(),
                    visit.serialNumber(),
                    line.partNumber(),
                    line.quantity(),
                    visit.completedAt());
        }
    }
}
