package dev.aftersales.followup;

import dev.aftersales.chassis.test.MutableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The one clock of the module's single test context; every slice test imports it so the context is
 * shared (with {@link UnreliableReturnCalls}, which fails only calls of its own assignments).
 */
@TestConfiguration
@Import(UnreliableReturnCalls.class)
public class FollowupTestClock {

    public static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @Bean
    @Primary
    MutableClock clock() {
        return new MutableClock(START);
    }
}
