package dev.aftersales.dispatch.assignment.application;

import dev.aftersales.dispatch.assignment.domain.AppointmentOutcome;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code aftersales.appointments}: kept, with notice and broken, per dealer and technician.
 * Technician ids are master data (a bounded set), not customer data.
 */
@Component
class AppointmentMetrics {

    private final MeterRegistry meters;

    AppointmentMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void count(AppointmentOutcome outcome, Assignment assignment, String technicianId) {
        if (outcome == null) {
            return;
        }
        Counter.builder("aftersales.appointments")
                .description("Appointments kept, moved with notice, or broken")
                .tag("outcome", outcome.name())
                .tag("dealer", String.valueOf(assignment.dealerId()))
                .tag("technician", String.valueOf(technicianId))
                .register(meters)
                .increment();
    }
}
