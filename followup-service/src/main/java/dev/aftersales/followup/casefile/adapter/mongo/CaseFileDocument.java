package dev.aftersales.followup.casefile.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseStep;
import dev.aftersales.followup.casefile.domain.CompletedVisit;
import dev.aftersales.followup.casefile.domain.FollowupState;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A case file as stored. */
@Document("case_files")
record CaseFileDocument(
        @Id String id,
        String serialNumber,
        String model,
        String batchNumber,
        String customerId,
        String technicianId,
        String dealerId,
        List<String> partsUsed,
        List<CaseStep> steps,
        List<CompletedVisit> visits,
        int round,
        FollowupState state,
        @Version Long version,
        Outbox outbox)
        implements HasOutbox {

    static CaseFileDocument of(CaseFile f) {
        return new CaseFileDocument(
                f.id(),
                f.serialNumber(),
                f.model(),
                f.batchNumber(),
                f.customerId(),
                f.technicianId(),
                f.dealerId(),
                f.partsUsed(),
                f.steps(),
                f.visits(),
                f.round(),
                f.state(),
                f.version(),
                f.outbox());
    }

    CaseFile toCaseFile() {
        return CaseFile.restore(
                id,
                serialNumber,
                model,
                batchNumber,
                customerId,
                technicianId,
                dealerId,
                partsUsed,
                steps,
                visits,
                round,
                state,
                version,
                outbox);
    }
}
