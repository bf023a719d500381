package dev.aftersales.intake.complaint.application;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.contracts.intake.CaseSubject;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.contracts.intake.SubjectKind;
import dev.aftersales.intake.IntakeProperties;
import dev.aftersales.intake.caller.domain.MachineArchive;
import dev.aftersales.intake.complaint.application.TakeCallCommand.Matter;
import dev.aftersales.intake.complaint.domain.CallRecord;
import dev.aftersales.intake.complaint.domain.CaseFacts;
import dev.aftersales.intake.complaint.domain.Complaint;
import dev.aftersales.intake.complaint.domain.ComplaintIdGenerator;
import dev.aftersales.intake.complaint.domain.Complaints;
import dev.aftersales.intake.complaint.domain.SlaPolicies;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes a call. One case per matter: a call about a machine with an open case of the same kind is
 * logged on that case (a repeat call); any other opens a case, linked both ways to the machine's open
 * cases (a fee dispute about a machine whose relocation is still open is its own matter). The agent
 * may say otherwise ({@link Matter}). A new case's one write stores it with its SLA clocks and the
 * {@code ComplaintRegistered} event. A call posted again with the same {@code Idempotency-Key} is
 * answered by the chassis with the first answer and never reaches this use case.
 */
@Service
public class TakeCall {

    private static final Logger log = LoggerFactory.getLogger(TakeCall.class);

    /**
     * A new case's id is drawn afresh when the store already holds it (same millisecond, same random
     * part); more than one clash in a row means something else is wrong.
     */
    private static final ConflictRetry NEW_CASE_IDS = ConflictRetry.upTo(3).alsoOnDuplicateKey();

    private final Complaints complaints;
    private final CaseChanges changes;
    private final MachineArchive archive;
    private final SlaPolicies sla;
    private final Clock clock;
    private final ComplaintMetrics metrics;
    private final int escalateAtCall;
    private final ComplaintIdGenerator ids = new ComplaintIdGenerator(new SecureRandom());

    TakeCall(
            Complaints complaints,
            CaseChanges changes,
            MachineArchive archive,
            IntakeProperties properties,
            Clock clock,
            ComplaintMetrics metrics) {
        this.complaints = complaints;
        this.changes = changes;
        this.archive = archive;
        this.sla = properties.slaPolicies();
        this.clock = clock;
        this.metrics = metrics;
        this.escalateAtCall = properties.escalateAtCall();
    }

    public CallTaken take(TakeCallCommand command) {
        // The store keeps milliseconds; the answer must show the same deadlines a later read shows.
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var form = command.form();
        var call =
                new CallRecord(UUID.randomUUID().toString(), now, command.takenBy(), form.channel(), form.symptoms());
        var serialToCome =
                command.installation() != null && !command.installation().serialKnown();
        List<Complaint> open = serialToCome
                ? List.of()
                : complaints.openBySerialNumber(form.machine().serialNumber());
        if (command.relatedComplaintId() != null
                && open.stream().noneMatch(c -> c.id().equals(command.relatedComplaintId()))) {
            throw new InvalidRequestException("relatedComplaintId", "is not an open case of this machine");
        }
        if (command.matter() == Matter.SAME) {
            if (open.isEmpty()) {
                throw new InvalidRequestException("matter", "the machine has no open case to log this call on");
            }
            var same = command.relatedComplaintId() != null
                    ? command.relatedComplaintId()
                    : open.stream()
                            .filter(c -> c.form().kind() == form.kind())
                            .findFirst()
                            .orElse(open.get(0))
                            .id();
            return logOn(same, call);
        }
        if (command.matter() == null) {
            var sameMatter =
                    open.stream().filter(c -> c.form().kind() == form.kind()).findFirst();
            if (sameMatter.isPresent()) {
                return logOn(sameMatter.get().id(), call);
            }
        }
        return register(command, call, now, open.stream().map(Complaint::id).toList());
    }

    private CallTaken logOn(String complaintId, CallRecord call) {
        var escalated = new boolean[1];
        var taken = changes.change(complaintId, complaint -> {
            var before = complaint.priority();
            complaint.logCall(call, escalateAtCall);
            escalated[0] = complaint.priority() != before;
            return CallTaken.of(complaint, false);
        });
        metrics.callRepeated();
        if (escalated[0]) {
            metrics.escalated();
        }
        log.info("logged call {} on complaint {}", taken.callCount(), complaintId);
        return taken;
    }

    private CallTaken register(TakeCallCommand command, CallRecord call, Instant now, List<String> related) {
        var form = command.form();
        var policy = sla.policyFor(form.kind(), form.customerTier());
        var installation = installationOf(command);
        var facts = new CaseFacts(subjectOf(command), related, installation);
        var complaint = NEW_CASE_IDS.run(() -> {
            var id = ids.next(now);
            var drawnForm = installation != null && !installation.serialKnown()
                    ? form.withSerialNumber(TakeCallCommand.placeholderSerial(id))
                    : form;
            var drawn = Complaint.register(
                    id, drawnForm, command.takenBy(), now, policy, call.callId(), command.phoneGuidance(), facts);
            complaints.add(drawn);
            return drawn;
        });
        for (var other : related) {
            linkBack(other, complaint, now);
        }
        metrics.registered(form.kind(), form.channel());
        if (complaint.settledByPhone()) {
            metrics.resolvedByPhone(form.kind());
        }
        log.info("registered complaint {} ({} via {})", complaint.id(), form.kind(), form.channel());
        return CallTaken.of(complaint, true);
    }

    /**
     * The machine's open case shows the new one on its timeline. A second write: when it fails the new
     * case still names the link (its own event and timeline), so the call is not refused for it.
     */
    private void linkBack(String openId, Complaint added, Instant now) {
        try {
            changes.change(
                    openId,
                    c -> c.linkTo(added.id(), added.form().kind().name(), now) ? c : null,
                    () -> new IllegalStateException("no complaint " + openId));
        } catch (RuntimeException e) {
            log.warn("could not link complaint {} to new complaint {}: {}", openId, added.id(), e.toString());
        }
    }

    /**
     * A complaint-procedure case is always about someone or something: what the agent said, else what
     * the form tells (a quality complaint with a batch number is about that batch, a fee dispute about
     * a fee). Service requests have no subject.
     */
    private static CaseSubject subjectOf(TakeCallCommand command) {
        var form = command.form();
        if (form.kind().needsVisit()) {
            return null;
        }
        if (command.subject() != null) {
            return command.subject();
        }
        var batch = form.machine().batchNumber();
        return switch (form.kind()) {
            case QUALITY_COMPLAINT ->
                batch == null || batch.isBlank()
                        ? new CaseSubject(SubjectKind.PRODUCT, form.machine().model(), null)
                        : new CaseSubject(SubjectKind.BATCH, batch, null);
            case FEE_DISPUTE -> new CaseSubject(SubjectKind.FEE, null, null);
            default -> null;
        };
    }

    /**
     * An installation of a machine the archive does not know carries what was bought (from the
     * request, else from the form); a machine already archived is installed again without it.
     */
    private InstallationRequest installationOf(TakeCallCommand command) {
        var form = command.form();
        if (form.kind() != ComplaintKind.INSTALLATION) {
            return null;
        }
        var asked = command.installation();
        if (asked != null && !asked.serialKnown()) {
            return asked;
        }
        if (archive.bySerialNumber(form.machine().serialNumber()).isPresent()) {
            return null;
        }
        return asked != null
                ? asked
                : new InstallationRequest(form.machine().model(), null, form.purchasedOn(), null, true);
    }
}
