package dev.aftersales.dispatch;

import static dev.aftersales.dispatch.assignment.domain.Fixtures.registered;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.AppointmentBroken;
import dev.aftersales.contracts.dispatch.AppointmentRescheduled;
import dev.aftersales.contracts.dispatch.AppointmentSet;
import dev.aftersales.contracts.dispatch.AssignmentAccepted;
import dev.aftersales.contracts.dispatch.AssignmentRule;
import dev.aftersales.contracts.dispatch.FeeQuoted;
import dev.aftersales.contracts.dispatch.TechnicianArrived;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.dispatch.archive.domain.Technicians;
import dev.aftersales.dispatch.assignment.application.BreakMissedAppointments;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Offers, service points and appointments through the technicians' app, on the embedded broker
 * and store. Uses its own dealers and machines, so it shares the context with {@link
 * DispatchServiceTest} without touching its technicians.
 */
@ServiceSliceTest
class OfferAndAppointmentServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * D-CC: installer T-C1 and colleague T-C2 of WP-C1. D-AP: T-A1 installed WP-A1. D-HZ has nobody
     * left, so WP-HZ goes to the authorized service point SP-HZ in the same city.
     */
    static final String ARCHIVE = """
            {"dealers": [
               {"dealerId": "D-CC", "name": "并发经销商", "regionCode": "320102"},
               {"dealerId": "D-AP", "name": "预约经销商", "regionCode": "320102"},
               {"dealerId": "D-HZ", "name": "杭州经销商", "regionCode": "330106"}],
             "technicians": [
               {"technicianId": "T-C1", "dealerId": "D-CC", "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-C2", "dealerId": "D-CC", "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-A1", "dealerId": "D-AP", "productLines": ["WATER_PURIFIER"],
                "kindsOfWork": ["REPAIR", "MAINTENANCE"], "dailyCapacity": 8},
               {"technicianId": "T-HZ", "dealerId": "D-HZ", "active": false, "productLines": ["WATER_PURIFIER"]},
               {"technicianId": "T-SP1", "dealerId": "SP-HZ", "productLines": ["WATER_PURIFIER"]}],
             "servicePoints": [
               {"servicePointId": "SP-HZ", "name": "杭州授权网点", "type": "SERVICE_POINT", "regionCode": "330105"},
               {"servicePointId": "RC-ZJ", "name": "浙江区域中心", "type": "REGIONAL_CENTRE", "regionCode": "330100"}],
             "installations": [
               {"serialNumber": "WP-C1", "productLine": "WATER_PURIFIER", "dealerId": "D-CC", "installerId": "T-C1",
                "site": {"address": "南京市玄武区1号", "regionCode": "320102"}},
               {"serialNumber": "WP-A1", "productLine": "WATER_PURIFIER", "dealerId": "D-AP", "installerId": "T-A1",
                "site": {"address": "南京市玄武区2号", "regionCode": "320102"}},
               {"serialNumber": "WP-HZ", "productLine": "WATER_PURIFIER", "dealerId": "D-HZ", "installerId": "T-HZ",
                "site": {"address": "杭州市西湖区3号", "regionCode": "330106", "latitude": 30.26, "longitude": 120.13}}]}
            """;

    static final String T_C1 = TestTokens.technician("T-C1", "D-CC");
    static final String T_C2 = TestTokens.technician("T-C2", "D-CC");
    static final String T_A1 = TestTokens.technician("T-A1", "D-AP");

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Assignments assignments;

    @Autowired
    Technicians technicians;

    @Autowired
    BreakMissedAppointments breakMissedAppointments;

    DispatchApi api;
    TestEvents events;

    @BeforeEach
    void importArchive() throws Exception {
        api = new DispatchApi(port);
        events = new TestEvents(brokers);
        var response = api.post("/api/archive/import", TestTokens.ops(), ARCHIVE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"servicePoints\":2");
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void a_machine_whose_dealer_has_nobody_left_goes_to_the_authorized_service_point_in_the_same_city() {
        var complaintId = newComplaintId();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-HZ"), complaintId);

            var assigned = tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT)
                    .as(TechnicianAssigned.class);
            assertThat(assigned.rule()).isEqualTo(AssignmentRule.SERVICE_POINT);
            assertThat(assigned.technicianId()).isEqualTo("T-SP1");
            assertThat(assigned.dealerId()).isEqualTo("SP-HZ");
            assertThat(assigned.reason()).contains("nearest authorized service point SP-HZ (same city 330105)");
        }
    }

    @Test
    void twenty_concurrent_accepts_and_declines_on_one_case_leave_exactly_one_holder() throws Exception {
        var complaintId = newComplaintId();
        var assignmentId = "ASG-" + complaintId;
        var loadBefore = load("T-C1") + load("T-C2");
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-C1"), complaintId);
            tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT);

            var start = new CountDownLatch(1);
            var calls = new ArrayList<Future<HttpResponse<String>>>();
            var pool = Executors.newFixedThreadPool(20);
            try {
                for (int i = 0; i < 20; i++) {
                    var n = i;
                    calls.add(pool.submit(() -> {
                        start.await();
                        var path = "/api/technician/assignments/" + assignmentId;
                        return switch (n % 3) {
                            case 0 -> api.post(path + "/acceptance", T_C1, "");
                            case 1 -> api.post(path + "/decline", T_C1, "{\"reason\": \"FULLY_BOOKED\"}");
                            default -> api.post(path + "/acceptance", T_C2, "");
                        };
                    }));
                }
                start.countDown();
                for (var call : calls) {
                    assertThat(call.get().statusCode()).isIn(200, 204, 404, 409);
                }
            } finally {
                pool.shutdownNow();
            }

            var assignment = assignments.byId(assignmentId).orElseThrow();
            var holder = assignment.technicianId();
            assertThat(holder).isIn("T-C1", "T-C2");
            assertThat(api.get("/api/technician/assignments/" + assignmentId, token(holder))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(api.get("/api/technician/assignments/" + assignmentId, token(other(holder)))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(load("T-C1") + load("T-C2")).isEqualTo(loadBefore + 1);

            var seen = tap.drain(Duration.ofSeconds(3)).stream()
                    .filter(s -> complaintId.equals(s.key()))
                    .toList();
            var accepted = seen.stream()
                    .filter(s -> s.is(AssignmentAccepted.class))
                    .map(s -> s.as(AssignmentAccepted.class))
                    .toList();
            assertThat(accepted).hasSizeLessThanOrEqualTo(1);
            assertThat(accepted).allMatch(a -> a.technicianId().equals(holder));
            var offers = seen.stream()
                    .filter(s -> s.is(TechnicianAssigned.class))
                    .map(s -> s.as(TechnicianAssigned.class).technicianId())
                    .toList();
            assertThat(offers).last().isEqualTo(holder);
        }
    }

    @Test
    void appointments_set_moved_with_notice_moved_too_late_then_missed_are_published() throws Exception {
        var complaintId = newComplaintId();
        var path = "/api/technician/assignments/ASG-" + complaintId;
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-A1"), complaintId);
            tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT);
            // Events carry milliseconds; whole seconds compare exactly.
            var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            var first = now.plus(Duration.ofHours(6));
            var second = now.plus(Duration.ofHours(24));
            var third = now.plus(Duration.ofHours(48));

            assertThat(api.put(path + "/appointment", T_A1, window(first)).statusCode())
                    .isEqualTo(200);
            tap.await(s -> s.is(AppointmentSet.class) && complaintId.equals(s.key()), WAIT);

            // 6 h before the window: with notice.
            assertThat(api.put(path + "/appointment", T_A1, window(second)).statusCode())
                    .isEqualTo(200);
            var withNotice = tap.await(s -> s.is(AppointmentRescheduled.class) && complaintId.equals(s.key()), WAIT)
                    .as(AppointmentRescheduled.class);
            assertThat(withNotice.withNotice()).isTrue();

            // 1 h before the window: broken.
            clock.set(second.minus(Duration.ofHours(1)));
            assertThat(api.put(path + "/appointment", T_A1, window(third)).statusCode())
                    .isEqualTo(200);
            var late = tap.await(s -> s.is(AppointmentBroken.class) && complaintId.equals(s.key()), WAIT)
                    .as(AppointmentBroken.class);
            assertThat(late.windowStart()).isEqualTo(second);

            // Nobody arrives by the end of the third window: broken by the sweep, once.
            clock.set(third.plus(Duration.ofHours(2)));
            assertThat(breakMissedAppointments.sweep()).isGreaterThanOrEqualTo(1);
            assertThat(breakMissedAppointments.sweep()).isZero();
            var missed = tap.await(
                            s -> s.is(AppointmentBroken.class)
                                    && complaintId.equals(s.key())
                                    && s.as(AppointmentBroken.class)
                                            .windowStart()
                                            .equals(third),
                            WAIT)
                    .as(AppointmentBroken.class);
            assertThat(missed.reason()).isEqualTo("nobody arrived by the window's end");

            var arrived = api.post(path + "/arrival", T_A1, "");
            assertThat(arrived.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(arrived.body(), "$.arrivedAt")).isNotNull();
            tap.await(s -> s.is(TechnicianArrived.class) && complaintId.equals(s.key()), WAIT);
        }
    }

    @Test
    void a_window_ending_before_it_starts_is_refused_as_problem_json() throws Exception {
        var complaintId = newComplaintId();
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-A1"), complaintId);
            tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT);
        }
        var start = clock.instant().plus(Duration.ofHours(5));
        var response = api.put(
                "/api/technician/assignments/ASG-" + complaintId + "/appointment",
                T_A1,
                "{\"windowStart\": \"" + start + "\", \"windowEnd\": \"" + start.minusSeconds(60) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void a_charge_above_the_quote_without_consent_is_refused_as_problem_json() throws Exception {
        var complaintId = newComplaintId();
        var path = "/api/technician/assignments/ASG-" + complaintId;
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(registered(complaintId, "WP-A1"), complaintId);
            tap.await(s -> s.is(TechnicianAssigned.class) && complaintId.equals(s.key()), WAIT);

            var quoted = api.post(
                    path + "/quote",
                    T_A1,
                    "{\"parts\": [{\"partNumber\": \"FLT-RO-01\", \"quantity\": 1, \"unitPrice\": 40}]}");
            assertThat(quoted.statusCode()).as(quoted.body()).isEqualTo(200);
            assertThat(((Number) JsonPath.read(quoted.body(), "$.quote.total")).doubleValue())
                    .isEqualTo(120.0);
            var fee = tap.await(s -> s.is(FeeQuoted.class) && complaintId.equals(s.key()), WAIT)
                    .as(FeeQuoted.class);
            assertThat(fee.inWarranty()).isFalse();
        }
        var completion = "{\"fixed\": true, \"feeCharged\": 150}";

        var refused = api.post(path + "/completion", T_A1, completion);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(refused.body(), "$.detail")).contains("consent is not recorded");
        assertThat((String) JsonPath.read(refused.body(), "$.type"))
                .isEqualTo("urn:aftersales:problem:fee-consent-required");

        var byCall = api.post(
                "/api/assignments/ASG-" + complaintId + "/fee-consent",
                TestTokens.agent("agent-7"),
                "{\"amount\": 150, \"note\": \"客户电话同意\"}");
        assertThat(byCall.statusCode()).as(byCall.body()).isEqualTo(200);
        assertThat(api.post(path + "/completion", T_A1, completion).statusCode())
                .isEqualTo(200);
    }

    private static String window(Instant start) {
        return "{\"windowStart\": \"" + start + "\", \"windowEnd\": \"" + start.plus(Duration.ofHours(2)) + "\"}";
    }

    private int load(String technicianId) {
        return technicians.byId(technicianId).orElseThrow().openAssignments();
    }

    private static String token(String technicianId) {
        return technicianId.equals("T-C1") ? T_C1 : T_C2;
    }

    private static String other(String technicianId) {
        return technicianId.equals("T-C1") ? "T-C2" : "T-C1";
    }

    private static String newComplaintId() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
