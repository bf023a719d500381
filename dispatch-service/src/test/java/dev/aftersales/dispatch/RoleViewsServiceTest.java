package dev.aftersales.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestEvents;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.dispatch.TechnicianAssigned;
import dev.aftersales.contracts.intake.CaseContact;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.contracts.intake.RepeatCallLogged;
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
 * Issue 17, each role's view. The technician's: before going, the technician sent to a case sees the
 * machine's model and its warranty on the day the customer called, how often the customer has called,
 * what the customer asks for, the machine's earlier visits and whether this is a repeat failure. The
 * dealer's: its first-time-fix rate, in all and per technician, its own only.
 */
@ServiceSliceTest
class RoleViewsServiceTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    DispatchApi api;
    TestEvents events;
    String serial;
    String technician;
    String dealer;
    String token;

    /** One machine of its own per test, installed 500 days ago by its own technician: only the main parts are covered. */
    @BeforeEach
    void archive() throws Exception {
        api = new DispatchApi(port);
        events = new TestEvents(brokers);
        var tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        serial = "BR-" + tag;
        technician = "BR-T-" + tag;
        dealer = "BR-D-" + tag;
        token = TestTokens.technician(technician, dealer);
        var installedOn = LocalDate.ofInstant(clock.instant(), SHANGHAI).minusDays(500);
        var archive = """
                {"dealers": [{"dealerId": "%1$s", "name": "上海浦东经销商", "regionCode": "310115"}],
                 "technicians": [{"technicianId": "%2$s", "name": "周师傅", "dealerId": "%1$s", "active": true,
                                  "productLines": ["WATER_PURIFIER"]}],
                 "installations": [{"serialNumber": "%3$s", "model": "RO-900", "productLine": "WATER_PURIFIER",
                   "customerId": "CU-BR", "dealerId": "%1$s", "installerId": "%2$s", "installedOn": "%4$s",
                   "site": {"address": "上海市浦东新区锦绣路1号", "regionCode": "310115"}}]}
                """.formatted(dealer, technician, serial, installedOn);
        var imported = api.post("/api/archive/import", TestTokens.ops(), archive);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void the_technician_sees_model_warranty_calls_request_earlier_visits_and_a_repeat_failure() throws Exception {
        var first = register(serial, "滤芯堵塞, 出水慢");
        var completed = api.post(
                "/api/technician/assignments/" + first.assignmentId() + "/completion",
                token,
                "{\"diagnosis\": \"RO膜堵塞\", \"rootCause\": \"水质差\", \"feeCharged\": 0, \"fixed\": true}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

        var second = register(serial, "又漏水了, 请今天来");
        var shown = api.get("/api/technician/assignments/" + second.assignmentId(), token);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        var body = shown.body();
        var installedOn = LocalDate.ofInstant(clock.instant(), SHANGHAI).minusDays(500);
        assertThat((String) JsonPath.read(body, "$.model")).isEqualTo("RO-900");
        assertThat((String) JsonPath.read(body, "$.warranty.status")).isEqualTo("MAIN_PARTS_ONLY");
        assertThat((String) JsonPath.read(body, "$.warranty.wholeMachineUntil"))
                .isEqualTo(installedOn.plusYears(1).minusDays(1).toString());
        assertThat((String) JsonPath.read(body, "$.warranty.mainPartsUntil"))
                .isEqualTo(installedOn.plusYears(3).minusDays(1).toString());
        assertThat((String) JsonPath.read(body, "$.priority")).isEqualTo("NORMAL");
        assertThat((Integer) JsonPath.read(body, "$.callCount")).isEqualTo(1);
        assertThat((String) JsonPath.read(body, "$.customerRequest")).isEqualTo("又漏水了, 请今天来");
        assertThat((List<String>) JsonPath.read(body, "$.earlierVisits[*].complaintId"))
                .containsExactly(first.complaintId());
        assertThat((String) JsonPath.read(body, "$.earlierVisits[0].diagnosis")).isEqualTo("RO膜堵塞");
        assertThat((Boolean) JsonPath.read(body, "$.earlierVisits[0].fixed")).isTrue();
        assertThat((Boolean) JsonPath.read(body, "$.repeatFailure")).isTrue();
        // The earlier visit's customer data is not the technician's to read again: only the case's own contact.
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.earlierVisits[0]"))
                .containsOnlyKeys(
                        "complaintId", "kind", "completedAt", "diagnosis", "rootCause", "fixed", "technicianId");

        // The first case, seen now: no earlier visit, so no repeat failure.
        var firstShown = api.get("/api/technician/assignments/" + first.assignmentId(), token);
        assertThat((List<?>) JsonPath.read(firstShown.body(), "$.earlierVisits"))
                .isEmpty();
        assertThat((Boolean) JsonPath.read(firstShown.body(), "$.repeatFailure"))
                .isFalse();
    }

    @Test
    void repeat_calls_raise_the_call_count_and_a_late_redelivery_does_not_lower_it() throws Exception {
        var assigned = register(serial, "不出水");
        var path = "/api/technician/assignments/" + assigned.assignmentId();

        events.publish(new RepeatCallLogged(assigned.complaintId(), 3, clock.instant()), assigned.complaintId());
        await().atMost(WAIT)
                .until(() -> (Integer) JsonPath.read(api.get(path, token).body(), "$.callCount") == 3);
        events.publish(new RepeatCallLogged(assigned.complaintId(), 2, clock.instant()), assigned.complaintId());
        // A later event of the same case (same partition) shows the late count was handled.
        events.publish(new RepeatCallLogged(assigned.complaintId(), 1, clock.instant()), assigned.complaintId());
        Thread.sleep(1500);

        assertThat((Integer) JsonPath.read(api.get(path, token).body(), "$.callCount"))
                .isEqualTo(3);
        var listed = api.get("/api/technician/assignments", token).body();
        var item = "$.items[?(@.assignmentId == '" + assigned.assignmentId() + "')]";
        assertThat((List<Integer>) JsonPath.read(listed, item + ".callCount")).containsExactly(3);
        assertThat((List<String>) JsonPath.read(listed, item + ".model")).containsExactly("RO-900");
        assertThat((List<String>) JsonPath.read(listed, item + ".warranty.status"))
                .containsExactly("MAIN_PARTS_ONLY");
        // History is the assignment's own view, not the list's.
        assertThat((List<?>) JsonPath.read(listed, item + ".earlierVisits")).isEmpty();
    }

    @Test
    void a_dealer_reads_its_first_time_fix_rate_in_all_and_per_technician_and_no_other_dealers() throws Exception {
        for (var request : List.of("不出水", "又不出水了")) {
            var assigned = register(serial, request);
            var completed = api.post(
                    "/api/technician/assignments/" + assigned.assignmentId() + "/completion",
                    token,
                    "{\"diagnosis\": \"滤芯堵塞\", \"feeCharged\": 0, \"fixed\": true}");
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        }
        var own = TestTokens.dealer("dealer-" + dealer, dealer);
        var path = "/api/dealers/" + dealer + "/first-time-fix";

        var scores = api.get(path, own);

        assertThat(scores.statusCode()).as(scores.body()).isEqualTo(200);
        // The second visit came within 30 days of the first: a repeat, not a first-time fix.
        assertThat((Integer) JsonPath.read(scores.body(), "$.visits")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(scores.body(), "$.firstTimeFixes")).isEqualTo(1);
        assertThat((Double) JsonPath.read(scores.body(), "$.rate")).isEqualTo(0.5);
        assertThat((List<String>) JsonPath.read(scores.body(), "$.technicians[*].technicianId"))
                .containsExactly(technician);
        var today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        assertThat((String) JsonPath.read(scores.body(), "$.from"))
                .isEqualTo(today.minusDays(29).toString());

        var lastYear = api.get(path + "?from=" + today.minusYears(1) + "&to=" + today.minusYears(1), own);
        assertThat((Integer) JsonPath.read(lastYear.body(), "$.visits")).isZero();
        assertThat((Double) JsonPath.read(lastYear.body(), "$.rate")).isNull();
        var otherDealer = api.get(path, TestTokens.dealer("dealer-x", "BR-OTHER"));
        assertThat(otherDealer.statusCode()).isEqualTo(404);
        var badFrom = api.get(path + "?from=yesterday", own);
        assertThat(badFrom.statusCode()).isEqualTo(400);
        assertThat(badFrom.body()).contains("\"field\":\"from\"");
        var tooLong = api.get(path + "?from=2024-01-01&to=2026-01-01", own);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"to\"");
    }

    private TechnicianAssigned register(String serialNumber, String request) {
        var complaint = complaint(serialNumber, request);
        try (var tap = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            events.publish(complaint, complaint.complaintId());
            return tap.await(
                            s -> s.is(TechnicianAssigned.class)
                                    && complaint.complaintId().equals(s.key()),
                            WAIT)
                    .as(TechnicianAssigned.class);
        }
    }

    private ComplaintRegistered complaint(String serialNumber, String request) {
        var now = clock.instant();
        return new ComplaintRegistered(
                "C-BR" + UUID.randomUUID().toString().substring(0, 8),
                ComplaintKind.REPAIR,
                Channel.HOTLINE,
                serialNumber,
                "RO-AGENT",
                "漏水",
                request,
                new CaseContact("王芳", "13812345678", "上海市浦东新区锦绣路1号", "310115"),
                "agent-1",
                now,
                now.plus(Duration.ofHours(4)),
                now.plus(Duration.ofHours(24)),
                now.plus(Duration.ofDays(30)),
                Priority.NORMAL,
                false,
                null,
                null);
    }
}
