package dev.aftersales.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AssignmentCancelled;
import dev.aftersales.contracts.dispatch.AssignmentEscalated;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.InstallationCorrected;
import dev.aftersales.contracts.dispatch.InstallationPart;
import dev.aftersales.contracts.dispatch.InstallationRecorded;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.dispatch.VisitCompleted;
import dev.aftersales.contracts.dispatch.WithdrawalReason;
import dev.aftersales.contracts.intake.CancellationReason;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.CaseSubject;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintCancelled;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.contracts.intake.PriorityChanged;
import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionAgreed;
import dev.aftersales.contracts.intake.ResolutionKind;
import dev.aftersales.contracts.intake.SubjectKind;
import dev.aftersales.dispatch.archive.domain.InstallationRecords;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.domain.Assignment;
import dev.aftersales.dispatch.assignment.domain.AssignmentStatus;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.feed.domain.TechnicianFeeds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 16 on dispatch's side, on the embedded broker and store: only kinds that need a visit are
 * dispatched and never to the technician a case is about; settled, closed and cancelled cases are
 * withdrawn; the dispatcher's hands; availability; installations and relocations reach the archive;
 * priority travels.
 */
@ServiceSliceTest
class CaseKindsServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * K-SH: K-001 installed KP-0001 and KP-0002, K-002 is his colleague. K-BJ: K-011 installed
     * KP-0011, K-012 is his colleague. Service point K-SP1 in Shanghai with technician K-SP1-T1.
     */
    static final String ARCHIVE = """
            {"dealers": [
               {"dealerId": "K-SH", "name": "上海闵行经销商", "regionCode": "310112"},
               {"dealerId": "K-BJ", "name": "北京海淀经销商", "regionCode": "110108"}],
             "technicians": [
               {"technicianId": "K-001", "name": "李师傅", "dealerId": "K-SH", "active": true, "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "K-002", "name": "王师傅", "dealerId": "K-SH", "active": true, "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "K-011", "name": "赵师傅", "dealerId": "K-BJ", "active": true, "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "K-012", "name": "钱师傅", "dealerId": "K-BJ", "active": true, "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "K-SP1-T1", "name": "孙师傅", "dealerId": "K-SP1", "active": true, "productLines": ["WATER_PURIFIER"]}],
             "servicePoints": [
               {"servicePointId": "K-SP1", "name": "闵行特约维修点", "type": "SERVICE_POINT", "regionCode": "310112"}],
             "installations": [
               {"serialNumber": "KP-0001", "model": "RO-400", "productLine": "WATER_PURIFIER", "customerId": "CU-K1",
                "dealerId": "K-SH", "installerId": "K-001", "installedOn": "2024-05-03",
                "site": {"address": "上海市闵行区莘庄路1号", "regionCode": "310112"}},
               {"serialNumber": "KP-0011", "model": "RO-400", "productLine": "WATER_PURIFIER", "customerId": "CU-K11",
                "dealerId": "K-BJ", "installerId": "K-011", "installedOn": "2024-05-03",
                "site": {"address": "北京市海淀区中关村1号", "regionCode": "110108"}}]}
            """;

    static final String DISPATCHER = TestTokens.token("disp-1", Map.of(), Role.DISPATCHER);
    static final String SUPERVISOR = TestTokens.token("sup-1", Map.of(), Role.SUPERVISOR);
    static final String K001 = TestTokens.technician("K-001", "K-SH");
    static final String K002 = TestTokens.technician("K-002", "K-SH");
    static final String K011 = TestTokens.technician("K-011", "K-BJ");

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Assignments assignments;

    @Autowired
    Technicians technicians;

    @Autowired
    InstallationRecords records;

    @Autowired
    TechnicianFeeds feeds;

    @Autowired
    MutableClock clock;

    DispatchApi api;
    TestEvents events;

    @BeforeEach
    void importArchive() throws Exception {
        api = new DispatchApi(port);
        events = new TestEvents(brokers);
        var response = api.post("/api/archive/import", TestTokens.ops(), ARCHIVE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void a_complaint_about_a_technician_sends_nobody_and_its_agreed_revisit_goes_to_someone_else() throws Exception {
        var complaintId = newComplaintId();
        var complaint = complaint(complaintId, ComplaintKind.SERVICE_ATTITUDE, "KP-0001", Priority.NORMAL)
                .about(new CaseSubject(SubjectKind.TECHNICIAN, "K-001", "态度恶劣"))
                .build();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(complaint, complaintId);
            assertThat(tap.drain(Duration.ofSeconds(3)))
                    .filteredOn(s -> complaintId.equals(s.key()))
                    .isEmpty();
        }
        assertThat(assignments.ofComplaint(complaintId)).isEmpty();

        var agreed = new ResolutionAgreed(
                complaintId,
                "R-1",
                List.of(
                        new ResolutionAction(ResolutionKind.APOLOGY, "主管致歉", null),
                        new ResolutionAction(
                                ResolutionKind.REVISIT,
                                "换人上门复查",
                                null,
                                "A-1",
                                "DISPATCHER",
                                null,
                                clock.instant().plus(Duration.ofDays(2)),
                                null,
                                null,
                                null,
                                "K-001")),
                "sup-1",
                clock.instant());
        TechnicianAssigned assigned;
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var eventId = events.publish(agreed, complaintId);
            events.publish(agreed, complaintId, eventId);
            assigned = tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT)
                    .as(TechnicianAssigned.class);
            // Everything the tap saw: one assignment however often the resolution came.
            assertThat(tap.drain(Duration.ofSeconds(3)))
                    .filteredOn(s -> complaintId.equals(s.key()))
                    .hasSize(1);
        }
        assertThat(assigned.assignmentId()).isEqualTo("ASG-" + complaintId + "-AA-1");
        assertThat(assigned.technicianId()).isEqualTo("K-002");
        assertThat(assigned.resolutionActionId()).isEqualTo("A-1");
        assertThat(assigned.reason()).contains("K-001").contains("is whom this case is about");
        assertThat(assignments.ofComplaint(complaintId)).hasSize(1);

        // The technician the case is about never sees it: not in their list, not in their feed.
        assertThat(api.get("/api/technician/assignments", K001).body()).doesNotContain(complaintId);
        assertThat(api.get("/api/technician/assignments/" + assigned.assignmentId(), K001)
                        .statusCode())
                .isEqualTo(404);
        await().atMost(WAIT).until(() -> feedOf("K-002").contains(assigned.assignmentId()));
        assertThat(feedOf("K-001")).doesNotContain(complaintId);
        // Not even a dispatcher gives it to them.
        var toSubject = api.post(
                "/api/assignments/" + assigned.assignmentId() + "/manual-assignment",
                DISPATCHER,
                "{\"technicianId\": \"K-001\"}");
        assertThat(toSubject.statusCode()).isEqualTo(409);
        assertThat(assignments.byId(assigned.assignmentId()).orElseThrow().technicianId())
                .isEqualTo("K-002");

        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var done = api.post(
                    "/api/technician/assignments/" + assigned.assignmentId() + "/completion",
                    K002,
                    "{\"diagnosis\": \"复查正常\", \"fixed\": true}");
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            var completed = tap.await(s -> s.is(VisitCompleted.class) && complaintId.equals(s.key()), WAIT)
                    .as(VisitCompleted.class);
            assertThat(completed.resolutionActionId()).isEqualTo("A-1");
            assertThat(completed.kind()).isEqualTo(ComplaintKind.SERVICE_ATTITUDE);
        }
    }

    @Test
    void a_fee_dispute_or_quality_complaint_is_never_dispatched() {
        var dispute = newComplaintId();
        var quality = newComplaintId();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(
                    complaint(dispute, ComplaintKind.FEE_DISPUTE, "KP-0001", Priority.NORMAL)
                            .build(),
                    dispute);
            events.publish(
                    complaint(quality, ComplaintKind.QUALITY_COMPLAINT, "KP-0001", Priority.NORMAL)
                            .build(),
                    quality);
            assertThat(tap.drain(Duration.ofSeconds(3)))
                    .filteredOn(s -> dispute.equals(s.key()) || quality.equals(s.key()))
                    .isEmpty();
        }
        assertThat(assignments.ofComplaint(dispute)).isEmpty();
        assertThat(assignments.ofComplaint(quality)).isEmpty();
    }

    @Test
    void a_case_settled_by_phone_after_dispatch_is_withdrawn_from_the_technician_at_once() throws Exception {
        var complaintId = newComplaintId();
        var assigned = register(complaint(complaintId, ComplaintKind.REPAIR, "KP-0001", Priority.NORMAL)
                .build());
        var technician = assigned.technicianId();
        var load = technicians.byId(technician).orElseThrow().openAssignments();

        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(new ComplaintResolvedByPhone(complaintId, "指导复位", "agent-1", clock.instant()), complaintId);
            var cancelled = tap.await(s -> s.is(AssignmentCancelled.class) && complaintId.equals(s.key()), WAIT)
                    .as(AssignmentCancelled.class);
            assertThat(cancelled.assignmentId()).isEqualTo(assigned.assignmentId());
            assertThat(cancelled.technicianId()).isEqualTo(technician);
            assertThat(cancelled.reason()).isEqualTo(WithdrawalReason.SETTLED_BY_PHONE);
            assertThat(cancelled.afterArrival()).isFalse();
            assertThat(cancelled.doorFeeRule()).isEqualTo(Assignment.WAIVED_BEFORE_ARRIVAL);
        }
        assertThat(assignments.byId(assigned.assignmentId()).orElseThrow().status())
                .isEqualTo(AssignmentStatus.CANCELLED);
        assertThat(technicians.byId(technician).orElseThrow().openAssignments()).isEqualTo(load - 1);
        await().atMost(WAIT).until(() -> feedOf(technician).contains("WITHDRAWN " + assigned.assignmentId()));
        var view = api.get("/api/assignments/" + assigned.assignmentId(), DISPATCHER);
        assertThat((String) JsonPath.read(view.body(), "$.status")).isEqualTo("CANCELLED");
        assertThat((String) JsonPath.read(view.body(), "$.withdrawal.reason")).isEqualTo("SETTLED_BY_PHONE");
    }

    @Test
    void a_case_cancelled_after_the_technician_arrived_waits_for_their_acknowledgement_and_records_the_door_fee()
            throws Exception {
        var complaintId = newComplaintId();
        var assigned = register(complaint(complaintId, ComplaintKind.REPAIR, "KP-0001", Priority.NORMAL)
                .build());
        var path = "/api/technician/assignments/" + assigned.assignmentId();
        var token = TestTokens.technician(assigned.technicianId(), "K-SH");
        assertThat(api.post(path + "/quote", token, "{\"parts\": []}").statusCode())
                .isEqualTo(200);
        assertThat(api.post(path + "/arrival", token, "").statusCode()).isEqualTo(200);

        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(
                    new ComplaintCancelled(
                            complaintId,
                            CancellationReason.CUSTOMER_CANCELLED,
                            null,
                            "客户不修了",
                            "agent-1",
                            clock.instant()),
                    complaintId);
            await().atMost(WAIT)
                    .until(() -> assignments
                                    .byId(assigned.assignmentId())
                                    .orElseThrow()
                                    .withdrawal()
                            != null);
            assertThat(tap.drain(Duration.ofSeconds(2)))
                    .filteredOn(s -> s.is(AssignmentCancelled.class))
                    .filteredOn(s -> complaintId.equals(s.key()))
                    .isEmpty();
            var shown = api.get(path, token);
            assertThat((String) JsonPath.read(shown.body(), "$.withdrawal.reason"))
                    .isEqualTo("CUSTOMER_CANCELLED");
            assertThat(api.post(path + "/completion", token, "{\"fixed\": true}")
                            .statusCode())
                    .isEqualTo(409);

            var acknowledged = api.post(path + "/withdrawal-acknowledgement", token, "");
            assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
            var cancelled = tap.await(s -> s.is(AssignmentCancelled.class) && complaintId.equals(s.key()), WAIT)
                    .as(AssignmentCancelled.class);
            assertThat(cancelled.afterArrival()).isTrue();
            assertThat(cancelled.reason()).isEqualTo(WithdrawalReason.CUSTOMER_CANCELLED);
            assertThat(cancelled.doorFeeRule()).isEqualTo(Assignment.CHARGED_AS_QUOTED);
            assertThat(cancelled.doorFeeCharged()).isEqualByComparingTo(new BigDecimal("30"));
        }
        assertThat(api.post(path + "/withdrawal-acknowledgement", token, "").statusCode())
                .isEqualTo(409);
        assertThat(assignments.byId(assigned.assignmentId()).orElseThrow().status())
                .isEqualTo(AssignmentStatus.CANCELLED);
    }

    @Test
    void a_dispatcher_assigns_an_escalated_case_to_a_chosen_technician_keeping_the_chains_reasons() throws Exception {
        var complaintId = newComplaintId();
        var serial = "KP-UNKNOWN-" + complaintId;
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(
                    complaint(complaintId, ComplaintKind.REPAIR, serial, Priority.NORMAL)
                            .build(),
                    complaintId);
            tap.await(s -> s.is(AssignmentEscalated.class) && complaintId.equals(s.key()), WAIT);
        }
        var path = "/api/assignments/ASG-" + complaintId + "/manual-assignment";
        var missing = api.post(path, DISPATCHER, "{\"note\": \"x\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"technicianId\"");
        var unknown = api.post(path, DISPATCHER, "{\"technicianId\": \"K-NOBODY\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"technicianId\"");
        var tooLong =
                api.post(path, DISPATCHER, "{\"technicianId\": \"K-002\", \"note\": \"" + "长".repeat(501) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"note\"");
        assertThat(api.post(path, SUPERVISOR, "{\"technicianId\": \"K-002\"}").statusCode())
                .isEqualTo(403);
        assertThat(assignments.byId("ASG-" + complaintId).orElseThrow().status())
                .isEqualTo(AssignmentStatus.ESCALATED);
        var load = technicians.byId("K-002").orElseThrow().openAssignments();

        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var response = api.post(path, DISPATCHER, "{\"technicianId\": \"K-002\", \"note\": \"客户指定王师傅\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var assigned = tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT)
                    .as(TechnicianAssigned.class);
            assertThat(assigned.technicianId()).isEqualTo("K-002");
            assertThat(assigned.rule()).isEqualTo(AssignmentRule.MANUAL);
            assertThat(assigned.assignedBy()).isEqualTo("disp-1");
            assertThat(assigned.note()).isEqualTo("客户指定王师傅");
            assertThat(assigned.reason())
                    .startsWith("chosen by dispatcher disp-1: 客户指定王师傅")
                    .contains("no installation record for " + serial);
        }
        var stored = assignments.byId("ASG-" + complaintId).orElseThrow();
        assertThat(stored.status()).isEqualTo(AssignmentStatus.ASSIGNED);
        assertThat(stored.rule()).isEqualTo(AssignmentRule.MANUAL);
        assertThat(technicians.byId("K-002").orElseThrow().openAssignments()).isEqualTo(load + 1);
        assertThat(api.get("/api/technician/assignments", K002).body()).contains("ASG-" + complaintId);
    }

    @Test
    void a_dispatcher_hands_a_case_to_a_service_point_and_the_previous_holder_loses_it() throws Exception {
        var complaintId = newComplaintId();
        var assigned = register(complaint(complaintId, ComplaintKind.REPAIR, "KP-0001", Priority.NORMAL)
                .build());
        var path = "/api/assignments/" + assigned.assignmentId() + "/service-point-handover";
        var unknown = api.post(path, DISPATCHER, "{\"servicePointId\": \"K-SP-NONE\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"servicePointId\"");

        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var response = api.post(path, DISPATCHER, "{\"servicePointId\": \"K-SP1\", \"note\": \"经销商忙\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var cancelled = tap.await(s -> s.is(AssignmentCancelled.class) && complaintId.equals(s.key()), WAIT)
                    .as(AssignmentCancelled.class);
            assertThat(cancelled.technicianId()).isEqualTo(assigned.technicianId());
            assertThat(cancelled.reason()).isEqualTo(WithdrawalReason.HANDED_OVER);
            var handed = tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT)
                    .as(TechnicianAssigned.class);
            assertThat(handed.technicianId()).isEqualTo("K-SP1-T1");
            assertThat(handed.dealerId()).isEqualTo("K-SP1");
            assertThat(handed.assignedBy()).isEqualTo("disp-1");
            assertThat(handed.reason()).startsWith("handed to service point K-SP1 by dispatcher disp-1: 经销商忙");
        }
        await().atMost(WAIT)
                .until(() -> feedOf(assigned.technicianId()).contains("WITHDRAWN " + assigned.assignmentId()));
    }

    @Test
    void re_running_the_chain_on_an_escalated_case_that_still_finds_nobody_keeps_it_escalated() throws Exception {
        var complaintId = newComplaintId();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(
                    complaint(complaintId, ComplaintKind.REPAIR, "KP-NONE-" + complaintId, Priority.NORMAL)
                            .build(),
                    complaintId);
            tap.await(s -> s.is(AssignmentEscalated.class) && complaintId.equals(s.key()), WAIT);
        }
        var rerun = api.post("/api/assignments/ASG-" + complaintId + "/chain-rerun", DISPATCHER, "");
        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(rerun.body(), "$.status")).isEqualTo("ESCALATED");
        assertThat(api.post("/api/assignments/ASG-NOPE/chain-rerun", DISPATCHER, "")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_technician_on_leave_is_skipped_by_the_chain_with_the_reason_recorded() throws Exception {
        var today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        var leave = "{\"leaveFrom\": \"%s\", \"leaveUntil\": \"%s\"}".formatted(today.minusDays(1), today.plusDays(60));
        assertThat(api.put("/api/technicians/K-011/availability", K002, leave).statusCode())
                .isEqualTo(403);
        var backwards = api.put(
                "/api/technicians/K-011/availability",
                K011,
                "{\"leaveFrom\": \"%s\", \"leaveUntil\": \"%s\"}".formatted(today, today.minusDays(3)));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"leaveUntil\"");
        var halfHours = api.put("/api/technicians/K-011/availability", K011, "{\"workStart\": \"08:00\"}");
        assertThat(halfHours.statusCode()).isEqualTo(400);
        assertThat(halfHours.body()).contains("\"field\":\"workEnd\"");
        var noTime = api.put(
                "/api/technicians/K-011/availability", K011, "{\"workStart\": \"25:00\", \"workEnd\": \"18:00\"}");
        assertThat(noTime.statusCode()).isEqualTo(400);
        assertThat(noTime.body()).contains("workStart");
        assertThat(api.put("/api/technicians/K-NOBODY/availability", DISPATCHER, "{}")
                        .statusCode())
                .isEqualTo(404);
        var set = api.put("/api/technicians/K-011/availability", K011, leave);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        try {
            var complaintId = newComplaintId();
            var assigned = register(complaint(complaintId, ComplaintKind.REPAIR, "KP-0011", Priority.NORMAL)
                    .build());
            assertThat(assigned.technicianId()).isEqualTo("K-012");
            assertThat(assigned.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
            assertThat(assigned.reason()).contains("K-011").contains("on leave until " + today.plusDays(60));
        } finally {
            assertThat(api.put("/api/technicians/K-011/availability", DISPATCHER, "{}")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void an_installation_of_a_machine_not_in_the_archive_goes_to_the_selling_dealer_and_enters_the_archive()
            throws Exception {
        var complaintId = newComplaintId();
        var placeholder = "NEW-" + complaintId;
        var request = new InstallationRequest("RO-600", "WATER_PURIFIER", LocalDate.parse("2026-11-20"), "K-SH", false);
        var assigned = register(complaint(complaintId, ComplaintKind.INSTALLATION, placeholder, Priority.NORMAL)
                .installing(request)
                .build());
        assertThat(assigned.dealerId()).isEqualTo("K-SH");
        assertThat(assigned.rule()).isEqualTo(AssignmentRule.DEALER_COLLEAGUE);
        assertThat(assigned.reason()).contains("installer of selling dealer K-SH");

        var path = "/api/technician/assignments/" + assigned.assignmentId() + "/completion";
        var token = TestTokens.technician(assigned.technicianId(), "K-SH");
        var withoutMachine = api.post(path, token, "{\"fixed\": true}");
        assertThat(withoutMachine.statusCode()).isEqualTo(400);
        assertThat(withoutMachine.body()).contains("\"field\":\"installed\"");
        var archived = api.post(path, token, completion("KP-0001", LocalDate.parse("2026-11-25")));
        assertThat(archived.statusCode()).isEqualTo(409);

        var serial = "KP-NEW-" + complaintId;
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS, Topics.DISPATCH_ARCHIVE)) {
            var done = api.post(path, token, completion(serial, LocalDate.parse("2026-11-25")));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            var completed = tap.await(s -> s.is(VisitCompleted.class) && complaintId.equals(s.key()), WAIT);
            assertThat(completed.as(VisitCompleted.class).installed().serialNumber())
                    .isEqualTo(serial);
            var recorded = tap.await(s -> s.is(InstallationRecorded.class) && serial.equals(s.key()), WAIT)
                    .as(InstallationRecorded.class);
            assertThat(recorded.complaintId()).isEqualTo(complaintId);
            assertThat(recorded.thankYouCall()).isTrue();
            assertThat(recorded.dealerId()).isEqualTo("K-SH");
            assertThat(recorded.installerId()).isEqualTo(assigned.technicianId());
            assertThat(recorded.installedOn()).isEqualTo(LocalDate.parse("2026-11-25"));
            assertThat(recorded.wholeMachineWarrantyUntil()).isEqualTo(LocalDate.parse("2027-11-24"));
            assertThat(recorded.customerPhone()).isEqualTo("13812345678");

            // The completion delivered again records nothing again: the tap saw one InstallationRecorded in all.
            events.publish(completed.as(VisitCompleted.class), complaintId, completed.id());
            assertThat(tap.drain(Duration.ofSeconds(3)))
                    .filteredOn(s -> s.is(InstallationRecorded.class) && serial.equals(s.key()))
                    .hasSize(1);
        }
        var record = records.bySerialNumber(serial).orElseThrow();
        assertThat(record.installation().installerId()).isEqualTo(assigned.technicianId());
        assertThat(record.installation().site().regionCode()).isEqualTo("310112");
        // the machine's customer is the master's customer of the case's phone, whatever id the installer gave
        var master =
                api.get("/api/customers?phone=138-1234-5678", TestTokens.token("sup-1", Map.of(), Role.SUPERVISOR));
        assertThat(master.statusCode()).as(master.body()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(master.body(), "$[*].customerId"))
                .containsExactly(record.installation().customerId());
    }

    @Test
    void a_relocation_moves_the_archived_site_with_history_and_keeps_the_warranty() throws Exception {
        var serial = "KP-R" + UUID.randomUUID().toString().substring(0, 6);
        var imported = api.post("/api/archive/import", TestTokens.ops(), """
                {"installations": [{"serialNumber": "%s", "model": "RO-400", "productLine": "WATER_PURIFIER",
                  "customerId": "CU-R", "dealerId": "K-SH", "installerId": "K-002", "installedOn": "2025-06-01",
                  "site": {"address": "上海市闵行区老房子1号", "regionCode": "310112"}}]}""".formatted(serial));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        var complaintId = newComplaintId();
        var assigned = register(complaint(complaintId, ComplaintKind.RELOCATION, serial, Priority.NORMAL)
                .build());
        var path = "/api/technician/assignments/" + assigned.assignmentId() + "/completion";
        var token = TestTokens.technician(assigned.technicianId(), assigned.dealerId());
        var withoutSite = api.post(path, token, "{\"fixed\": true}");
        assertThat(withoutSite.statusCode()).isEqualTo(400);
        assertThat(withoutSite.body()).contains("\"field\":\"relocatedTo\"");

        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ARCHIVE)) {
            var done = api.post(
                    path,
                    token,
                    "{\"fixed\": true, \"relocatedTo\": {\"address\": \"上海市徐汇区新家2号\", \"regionCode\": \"310104\"}}");
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            var corrected = tap.await(s -> s.is(InstallationCorrected.class) && serial.equals(s.key()), WAIT)
                    .as(InstallationCorrected.class);
            assertThat(corrected.corrected()).containsExactly(InstallationPart.SITE);
            assertThat(corrected.regionCode()).isEqualTo("310104");
            assertThat(corrected.installedOn()).isEqualTo(LocalDate.parse("2025-06-01"));
            assertThat(corrected.wholeMachineWarrantyUntil()).isEqualTo(LocalDate.parse("2026-05-31"));
        }
        var record = records.bySerialNumber(serial).orElseThrow();
        assertThat(record.installation().site().address()).isEqualTo("上海市徐汇区新家2号");
        assertThat(record.corrections()).hasSize(1);
        assertThat(record.corrections().get(0).reason()).isEqualTo("relocation, case " + complaintId);
        assertThat(record.corrections().get(0).correctedBy()).isEqualTo(assigned.technicianId());
    }

    @Test
    void priority_travels_to_the_assignment_the_technicians_list_and_feed() throws Exception {
        var complaintId = newComplaintId();
        var assigned = register(complaint(complaintId, ComplaintKind.REPAIR, "KP-0011", Priority.HIGH)
                .build());
        assertThat(assigned.priority()).isEqualTo(Priority.HIGH);
        var technician = assigned.technicianId();
        await().atMost(WAIT).until(() -> feedOf(technician).contains("ASSIGNED " + assigned.assignmentId() + " HIGH"));

        events.publish(
                new PriorityChanged(complaintId, Priority.URGENT, "第三次来电", "system", clock.instant()), complaintId);
        await().atMost(WAIT)
                .until(() ->
                        assignments.byId(assigned.assignmentId()).orElseThrow().priority() == Priority.URGENT);
        var token = TestTokens.technician(technician, "K-BJ");
        var shown = api.get("/api/technician/assignments/" + assigned.assignmentId(), token);
        assertThat((String) JsonPath.read(shown.body(), "$.priority")).isEqualTo("URGENT");
        await().atMost(WAIT)
                .until(() -> feedOf(technician).contains("PRIORITY " + assigned.assignmentId() + " URGENT"));
    }

    private TechnicianAssigned register(ComplaintRegistered complaint) {
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(complaint, complaint.complaintId());
            return tap.await(
                            s -> s.is(TechnicianAssigned.class)
                                    && complaint.complaintId().equals(s.key()),
                            WAIT)
                    .as(TechnicianAssigned.class);
        }
    }

    /** The technician's feed as "CHANGE assignmentId priority" lines. */
    private String feedOf(String technicianId) {
        return feeds.byTechnician(technicianId)
                .map(feed -> feed.entries().stream()
                        .map(e -> e.change() + " " + e.assignmentId() + " " + e.priority())
                        .reduce("", (a, b) -> a + "\n" + b))
                .orElse("");
    }

    private static String completion(String serial, LocalDate installedOn) {
        return """
                {"fixed": true, "installed": {"serialNumber": "%s", "model": "RO-600", "productLine": "WATER_PURIFIER",
                 "installedOn": "%s", "customerId": "CU-NEW",
                 "site": {"address": "上海市闵行区新房1号", "regionCode": "310112"}}}""".formatted(serial, installedOn);
    }

    private static String newComplaintId() {
        return "C-K" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ComplaintBuilder complaint(String complaintId, ComplaintKind kind, String serial, Priority priority) {
        return new ComplaintBuilder(complaintId, kind, serial, priority);
    }

    private final class ComplaintBuilder {
        private final String complaintId;
        private final ComplaintKind kind;
        private final String serial;
        private final Priority priority;
        private CaseSubject subject;
        private InstallationRequest installation;

        ComplaintBuilder(String complaintId, ComplaintKind kind, String serial, Priority priority) {
            this.complaintId = complaintId;
            this.kind = kind;
            this.serial = serial;
            this.priority = priority;
        }

        ComplaintBuilder about(CaseSubject subject) {
            this.subject = subject;
            return this;
        }

        ComplaintBuilder installing(InstallationRequest installation) {
            this.installation = installation;
            return this;
        }

        ComplaintRegistered build() {
            var now = clock.instant();
            return new ComplaintRegistered(
                    complaintId,
                    kind,
                    Channel.HOTLINE,
                    serial,
                    "RO-400",
                    "漏水",
                    "尽快处理",
                    new CaseContact("王芳", "13812345678", "上海市闵行区新房1号", "310112"),
                    "agent-1",
                    now,
                    now.plus(Duration.ofHours(4)),
                    now.plus(Duration.ofHours(24)),
                    now.plus(Duration.ofDays(30)),
                    priority,
                    false,
                    null,
                    null,
                    subject,
                    null,
                    installation);
        }
    }
}
