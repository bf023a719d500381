package dev.aftersales.followup.returncall.adapter.mongo;

import dev.aftersales.chassis.outbox.HasOutbox;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.followup.returncall.domain.ReturnCall;
import dev.aftersales.followup.returncall.domain.ReturnCallState;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A return call as stored: its id, its state's fields at the top level of the document (unwrapped,
 * so queries name them directly: {@code status}, {@code dueAt}), its version and its outbox.
 */
@Document("return_calls")
record ReturnCallDocument(
        @Id String id,
        @Unwrapped.Nullable ReturnCallState call,
        @Version Long version,
        Outbox outbox) implements HasOutbox {

    static ReturnCallDocument of(ReturnCall call) {
        return new ReturnCallDocument(call.id(), call.snapshot(), call.version(), Outbox.of(call.events()));
    }

    ReturnCall toReturnCall() {
        return ReturnCall.restore(id, call, version, Outbox.eventsOf(outbox));
    }
}
