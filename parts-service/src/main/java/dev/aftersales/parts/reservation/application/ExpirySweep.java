package dev.aftersales.parts.reservation.application;

import dev.aftersales.parts.PartsProperties;
import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Runs the expiry release periodically ({@code aftersales.parts.expiry-sweep-interval}, default 5 min). */
@Component
class ExpirySweep implements SchedulingConfigurer {

    /** Lines per run; the rest wait for the next run. */
    static final int LINES_PER_RUN = 500;

    private final ReleaseReservations release;
    private final Duration interval;

    ExpirySweep(ReleaseReservations release, PartsProperties properties) {
        this.release = release;
        this.interval = properties.expirySweepInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
    }

    void sweep() {
        release.releaseExpired(LINES_PER_RUN);
    }
}
