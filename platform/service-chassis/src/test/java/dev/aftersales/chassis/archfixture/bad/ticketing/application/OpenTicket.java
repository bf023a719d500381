package dev.aftersales.chassis.archfixture.bad.ticketing.application;

import dev.aftersales.chassis.time.WallClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Throws an HTTP-flavoured exception, hand-rolls a conflict retry, asks the system for the time and
 * measures a promise with the wall clock.
 */
public class OpenTicket {
    private final WallClock wall = WallClock.system();

    public Instant dueAt() {
        var today = LocalDate.now();
        var millis = System.currentTimeMillis() + Clock.systemUTC().millis();
        return today == null ? wall.instant() : Instant.now().plusMillis(millis);
    }

    public void open(String id) {
        if (id == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no ticket");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                save(id);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void save(String id) {}
}
