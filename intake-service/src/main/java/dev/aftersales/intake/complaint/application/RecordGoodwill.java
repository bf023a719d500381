package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.contracts.intake.GoodwillKind;
import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.caller.domain.InstalledMachine;
import dev.aftersales.intake.caller.domain.MachineArchive;
import dev.aftersales.intake.complaint.domain.Goodwill;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Records a compensation (a gift, a waived fee, a discount) on a case of any kind, within the
 * recorder's approval limit: an amount above it is refused until a supervisor whose limit covers it
 * records it (then approved by them). Counted as after-sales cost of the machine's dealer.
 */
@Service
public class RecordGoodwill {

    /** The problem type of an amount above the caller's limit: a supervisor must record it. */
    public static final URI APPROVAL_REQUIRED = URI.create("urn:aftersales:problem:goodwill-approval-required");

    private final CaseChanges changes;
    private final MachineArchive archive;
    private final Clock clock;
    private final ComplaintMetrics metrics;
    private final IntakeProperties.Goodwill limits;

    RecordGoodwill(
            CaseChanges changes,
            MachineArchive archive,
            Clock clock,
            ComplaintMetrics metrics,
            IntakeProperties properties) {
        this.changes = changes;
        this.archive = archive;
        this.clock = clock;
        this.metrics = metrics;
        this.limits = properties.goodwill();
    }

    /**
     * @return the compensation's id
     * @throws ConflictException of type {@link #APPROVAL_REQUIRED} above the caller's limit
     */
    public String record(String complaintId, GoodwillKind kind, BigDecimal amount, String reason, Caller caller) {
        var limit = limits.limitOf(caller.roles());
        if (amount.compareTo(limit) > 0) {
            throw new ConflictException(
                    APPROVAL_REQUIRED,
                    "amount " + amount.toPlainString() + " is above your approval limit of " + limit.toPlainString()
                            + ": a supervisor must record it");
        }
        var now = clock.instant();
        var compensationId = "GW-" + UUID.randomUUID();
        var given = changes.change(complaintId, complaint -> {
            var dealer = archive.bySerialNumber(complaint.form().machine().serialNumber())
                    .map(InstalledMachine::dealerId)
                    .orElse(null);
            var goodwill =
                    new Goodwill(compensationId, kind, amount, reason, caller.userId(), caller.userId(), dealer, now);
            complaint.recordGoodwill(goodwill);
            return goodwill;
        });
        metrics.goodwill(given.kind(), given.dealerId(), given.amount());
        return compensationId;
    }
}
