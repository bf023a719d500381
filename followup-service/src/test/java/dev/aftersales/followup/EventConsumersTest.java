package dev.aftersales.followup;

import dev.aftersales.chassis.test.ConsumedEvents;
import dev.aftersales.chassis.test.ServiceSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/** followup handles what the consumers table says and nothing it reads is undeclared. */
@ServiceSliceTest
@Import(FollowupTestClock.class)
class EventConsumersTest {

    @Autowired
    ApplicationContext context;

    @Test
    void the_subscriptions_match_the_consumers_table() {
        ConsumedEvents.match("followup", context);
    }
}
