package dev.aftersales.chassis.aggregate;

import dev.aftersales.chassis.time.WallClock;
import java.time.Clock;

/**
 * The clocks that stamp raised events: the business clock gives an event its time ({@code ce_time}),
 * the wall clock the moment the outbox relay's grace and delay are measured from. Static because
 * aggregates raise events where nothing can be injected; set once at start from the service's
 * clock beans (the system clocks until then).
 */
public final class EventClocks {

    private static volatile Clock business = Clock.systemUTC();
    private static volatile WallClock wall = WallClock.system();

    private EventClocks() {}

    public static void use(Clock businessClock, WallClock wallClock) {
        business = businessClock;
        wall = wallClock;
    }

    static Clock business() {
        return business;
    }

    static WallClock wall() {
        return wall;
    }
}
