package dev.aftersales.parts.reservation.application;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the expiry release periodically ({@code aftersales.parts.expiry-sweep-interval}, default 5 min). */
@Component
class ExpirySweep {

    /** Lines per run; the rest wait for the next run. */
    static final int LINES_PER_RUN = 500;

    private final ReleaseReservations release;

    ExpirySweep(ReleaseReservations release) {
        this.release = release;
    }

    @Scheduled(
            fixedDelayString = "${aftersales.parts.expiry-sweep-interval:PT5M}",
            initialDelayString = "${aftersales.parts.expiry-sweep-interval:PT5M}")
    void sweep() {
        release.releaseExpired(LINES_PER_RUN);
    }
}
