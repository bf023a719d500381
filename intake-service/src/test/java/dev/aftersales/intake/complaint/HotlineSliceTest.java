package dev.aftersales.intake.complaint;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.node.ObjectNode;

/** What the slice tests of case work share; same annotations as the other slice tests, so one context. */
@ServiceSliceTest
abstract class HotlineSliceTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String AGENT = TestTokens.agent("agent-1");
    static final String SUPERVISOR = TestTokens.token("sup-1", Map.of(), Role.SUPERVISOR);

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MutableClock clock;

    Hotline hotline;
    TestEvents events;

    @BeforeEach
    void connect() {
        hotline = new Hotline(port);
        events = new TestEvents(brokers);
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @AfterEach
    void disconnect() {
        events.close();
        clock.set(Instant.now());
    }

    String registered(ObjectNode form) {
        return hotline.registered(AGENT, form);
    }

    double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
