package dev.aftersales.followup.casefile.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.followup.casefile.domain.CaseFile;
import dev.aftersales.followup.casefile.domain.CaseFileState;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/** A case file as stored: its state's fields at the top level of the document (unwrapped), its version and outbox. */
@Document("case_files")
record CaseFileDocument(
        @Id String id,
        @Unwrapped.Nullable CaseFileState file,
        @Version Long version,
        Outbox outbox) implements HasOutbox {

    static CaseFileDocument of(CaseFile f) {
        return new CaseFileDocument(f.id(), f.snapshot(), f.version(), Outbox.of(f.events()));
    }

    CaseFile toCaseFile() {
        return CaseFile.restore(id, file, version, Outbox.eventsOf(outbox));
    }
}
