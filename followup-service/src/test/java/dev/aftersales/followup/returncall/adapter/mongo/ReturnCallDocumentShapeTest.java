package dev.aftersales.followup.returncall.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.chassis.test.StoredShape;
import dev.aftersales.contracts.followup.CallOutcome;
import dev.aftersales.followup.returncall.domain.RetryPolicy;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReturnCallDocumentShapeTest {

    static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

    static final String STORED = """
            {"_id": "RC-ASG-C-1-R2", \
            "complaintId": "C-1", \
            "assignmentId": "ASG-C-1", \
            "reason": "AFTER_VISIT", \
            "dueAt": {"$date": "2026-03-12T10:00:00Z"}, \
            "status": "DUE", \
            "scheduledAt": {"$date": "2026-03-10T10:00:00Z"}, \
            "attempts": 1, \
            "unanswered": 1, \
            "lastOutcome": "NO_ANSWER", \
            "agentId": "agent-1", \
            "_class": "dev.aftersales.followup.returncall.adapter.mongo.ReturnCallDocument"}""";

    /** A call stored before the agent holding it was kept (issue 17). */
    static final String STORED_BEFORE_AGENTS = STORED.replace("\"agentId\": \"agent-1\", ", "");

    final StoredShape shape = new StoredShape();

    static ReturnCall everythingSet() {
        var call = ReturnCall.afterVisit("ASG-C-1", 2, "C-1", AT, Duration.ofDays(1), AT);
        call.recordAttempt(
                CallOutcome.NO_ANSWER, "agent-1", null, new RetryPolicy(3, Duration.ofDays(2)), AT.plusSeconds(86400));
        return call;
    }

    @Test
    void a_return_call_is_stored_with_the_same_fields_as_before() {
        assertThat(shape.json(ReturnCallDocument.of(everythingSet()))).isEqualTo(STORED.strip());
    }

    @Test
    void a_call_stored_before_agents_were_kept_reads_back_held_by_nobody() {
        assertThat(STORED_BEFORE_AGENTS).doesNotContain("agentId");
        var back = shape.read(ReturnCallDocument.class, org.bson.Document.parse(STORED_BEFORE_AGENTS))
                .toReturnCall();

        assertThat(back.agentId()).isNull();
        assertThat(back.attempts()).isEqualTo(1);
    }

    @Test
    void a_return_call_reads_back_as_it_was_written() {
        var call = everythingSet();
        var back = shape.read(ReturnCallDocument.class, shape.write(ReturnCallDocument.of(call)))
                .toReturnCall();

        assertThat(shape.json(ReturnCallDocument.of(back))).isEqualTo(shape.json(ReturnCallDocument.of(call)));
        assertThat(Outbox.of(back.events()).pending())
                .hasSameSizeAs(Outbox.of(call.events()).pending());
    }
}
