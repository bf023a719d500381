package dev.aftersales.chassis.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceContextTest {

    @AfterEach
    void clear() {
        TraceContext.clear();
    }

    @Test
    void children_keep_the_trace_id_of_the_incoming_traceparent() {
        TraceContext.continueOrStart("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var child = TraceContext.nextChild();
        assertThat(child).startsWith("00-0af7651916cd43dd8448eb211c80319c-").doesNotContain("b7ad6b7169203331");
    }

    @Test
    void a_malformed_traceparent_starts_a_new_trace() {
        TraceContext.continueOrStart("garbage");
        assertThat(TraceContext.current()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
}
