package dev.aftersales.chassis.archfixture.clean.ticketing.adapter.mongo;

import dev.aftersales.chassis.time.WallClock;
import java.time.Instant;

/** Technical time in an adapter: the wall clock. */
class TicketSnapshots {
    private final WallClock wall;

    TicketSnapshots(WallClock wall) {
        this.wall = wall;
    }

    Instant takenAt() {
        return wall.instant();
    }
}
