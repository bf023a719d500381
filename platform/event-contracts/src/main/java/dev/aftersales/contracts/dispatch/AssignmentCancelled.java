package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open assignment was withdrawn: the technician's feed shows it WITHDRAWN at once, the appointment
 * is freed and parts releases what was reserved for it.
 *
 * @param afterArrival the technician had arrived: the cancellation waited for their acknowledgement
 * @param doorFeeRule the door-fee rule applied (e.g. "waived: cancelled before arrival"), shown to the customer
 * @param doorFeeCharged what the customer pays for the trip; zero or null when waived
 */
public record AssignmentCancelled(
        @NotBlank @Size(max = FieldLimits.ID) String assignmentId,
        @NotBlank @Size(max = FieldLimits.ID) String complaintId,
        @Size(max = FieldLimits.ID) String technicianId,
        @NotNull WithdrawalReason reason,
        boolean afterArrival,
        @Size(max = FieldLimits.TEXT) String doorFeeRule,
        BigDecimal doorFeeCharged,
        @NotNull Instant cancelledAt) {}
