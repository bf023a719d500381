package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.chassis.outbox.Outbox;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Site;
import dev.aftersales.dispatch.archive.domain.Technician;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Cases, machines and technicians for tests, and a look into what an assignment raised. */
public final class Fixtures {

    public static final String WATER_PURIFIER = "WATER_PURIFIER";

    private Fixtures() {}

    public static ComplaintRegistered registered(String complaintId, String serialNumber) {
        return registered(complaintId, serialNumber, "13812345678");
    }

    /** A registered case whose contact has {@code phone} (a mobile number, a landline). */
    public static ComplaintRegistered registered(String complaintId, String serialNumber, String phone) {
        var now = Instant.parse("2026-11-23T08:00:00Z");
        return new ComplaintRegistered(
                complaintId,
                ComplaintKind.REPAIR,
                Channel.HOTLINE,
                serialNumber,
                "RO-400",
                "漏水",
                "尽快上门",
                new CaseContact("王芳", phone, "上海市浦东新区张江路88号", "310115"),
                "agent-1",
                now,
                now.plusSeconds(4 * 3600),
                now.plusSeconds(24 * 3600),
                now.plusSeconds(30 * 86400));
    }

    public static Installation installation(String serialNumber, String dealerId, String installerId) {
        return new Installation(
                serialNumber,
                "RO-400",
                WATER_PURIFIER,
                "CU-001",
                dealerId,
                installerId,
                LocalDate.parse("2024-05-03"),
                new Site("上海市浦东新区张江路88号", "310115"));
    }

    public static Technician technician(String technicianId, String dealerId, boolean active, int load) {
        return new Technician(technicianId, "李师傅", dealerId, active, Set.of(WATER_PURIFIER), load);
    }

    /** A case offered to its original installer T-001 of dealer D-SH. */
    public static Assignment assignedToOriginalInstaller(String complaintId, String serialNumber, Instant now) {
        var decision = Decision.assign(
                installation(serialNumber, "D-SH", "T-001"),
                technician("T-001", "D-SH", true, 0),
                AssignmentRule.ORIGINAL_INSTALLER,
                "original installer");
        return Assignment.open(registered(complaintId, serialNumber), decision, now);
    }

    /** A case offered to {@code technicianId} of {@code dealerId} as the machine's original installer. */
    public static Assignment offeredTo(
            String complaintId, String serialNumber, String technicianId, String dealerId, Instant now) {
        var decision = Decision.assign(
                installation(serialNumber, dealerId, technicianId),
                technician(technicianId, dealerId, true, 0),
                AssignmentRule.ORIGINAL_INSTALLER,
                "original installer");
        return Assignment.open(registered(complaintId, serialNumber), decision, now);
    }

    /** A case offered to {@code technicianId} and quoted at 120.00 (door fee, labour, a filter). */
    public static Assignment quotedFor(
            String complaintId, String serialNumber, String technicianId, String dealerId, Instant now) {
        return quotedFor(complaintId, serialNumber, technicianId, dealerId, "13812345678", now);
    }

    /** As {@link #quotedFor}, for a customer whose phone on record is {@code phone}. */
    public static Assignment quotedFor(
            String complaintId, String serialNumber, String technicianId, String dealerId, String phone, Instant now) {
        var decision = Decision.assign(
                installation(serialNumber, dealerId, technicianId),
                technician(technicianId, dealerId, true, 0),
                AssignmentRule.ORIGINAL_INSTALLER,
                "original installer");
        var assignment = Assignment.open(registered(complaintId, serialNumber, phone), decision, now);
        assignment.quote(new FeeQuote(
                false,
                new BigDecimal("30"),
                new BigDecimal("50"),
                new BigDecimal("40"),
                new BigDecimal("120.00"),
                now));
        return assignment;
    }

    /** As {@link #quotedFor}, with consent code {@code code} sent for up to 200.00, valid for ten minutes. */
    public static Assignment withConsentCode(
            String complaintId, String serialNumber, String technicianId, String dealerId, String code, Instant now) {
        var assignment = quotedFor(complaintId, serialNumber, technicianId, dealerId, now);
        assignment.challengeForConsent(FeeConsentChallenge.issue(
                "CH-" + complaintId, new BigDecimal("200.00"), code, new byte[16], now, Duration.ofMinutes(10), 3));
        return assignment;
    }

    /** The events of {@code type} waiting in the assignment's outbox, oldest first. */
    public static <T extends Record> List<T> raised(Assignment assignment, Class<T> type) {
        var ceType = EventCatalog.ofPayload(type).type();
        return Outbox.of(assignment.events()).pending().stream()
                .filter(e -> e.type().equals(ceType))
                .map(e -> EventJson.read(e.payload().getBytes(StandardCharsets.UTF_8), type))
                .toList();
    }
}
