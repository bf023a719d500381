package dev.aftersales.chassis.archfixture.bad.ticketing.application;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Throws an HTTP-flavoured exception and hand-rolls a conflict retry. */
public class OpenTicket {
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
