package dev.aftersales.intake.complaint.adapter.mongo;

import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import dev.aftersales.intake.complaint.domain.Priority;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The first answer to a call posted with an idempotency key; {@code _id} is the key. */
@Document("call_receipts")
record CallReceiptDocument(
        @Id String key,
        Instant claimedAt,
        String complaintId,
        boolean newCase,
        ComplaintStatus status,
        Priority priority,
        int callCount) {}
