package dev.aftersales.dispatch;

import static dev.aftersales.chassis.test.AuthorizationMatrix.A;
import static dev.aftersales.chassis.test.AuthorizationMatrix.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.aftersales.chassis.audit.AuditTrail;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.MutableClock;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.Topics;
import dev.aftersales.dispatch.assignment.domain.Assignments;
import dev.aftersales.dispatch.assignment.domain.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A fee above the quote needs the customer's own confirmation: a one-time code sent to the phone on
 * record for the case (through the gateway's topic only), typed in by the technician, or a hotline
 * agent's call when no text reaches the customer. On the embedded broker and store.
 */
@ServiceSliceTest
class FeeConsentTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    static final String TECHNICIAN = TestTokens.technician(A.technicianId(), A.dealerId());
    static final String COLLEAGUE = TestTokens.technician(B.technicianId(), B.dealerId());
    static final String AGENT = TestTokens.agent("agent-7");

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Assignments assignments;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    DispatchApi api;

    /** Every HTTP answer of a test: none may hold a code. */
    final List<String> answers = new ArrayList<>();

    @BeforeEach
    void importTheTechnicians() throws Exception {
        api = new DispatchApi(port);
        var archive = """
                {"dealers": [{"dealerId": "%1$s"}, {"dealerId": "%2$s"}],
                 "technicians": [
                   {"technicianId": "%3$s", "dealerId": "%1$s", "productLines": ["WATER_PURIFIER"]},
                   {"technicianId": "%4$s", "dealerId": "%2$s", "productLines": ["WATER_PURIFIER"]}]}
                """.formatted(A.dealerId(), B.dealerId(), A.technicianId(), B.technicianId());
        var imported = api.post("/api/archive/import", TestTokens.ops(), archive);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void a_charge_above_the_quote_without_a_code_or_a_call_is_refused_with_the_consent_required_problem()
            throws Exception {
        var id = quoted("13812345678");

        var refused = post(id, "/completion", TECHNICIAN, "{\"fixed\": true, \"feeCharged\": 150}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(refused.body(), "$.type"))
                .isEqualTo("urn:aftersales:problem:fee-consent-required");
        assertThat(assignments.byId(id).orElseThrow().visit()).isNull();
        assertThat(post(id, "/completion", TECHNICIAN, "{\"fixed\": true, \"feeCharged\": 120}")
                        .statusCode())
                .as("the quote itself needs no consent")
                .isEqualTo(200);
    }

    @Test
    void the_code_goes_to_the_phone_on_record_through_the_gateways_topic_and_only_its_salted_hash_is_stored()
            throws Exception {
        var id = quoted("13812345678");
        String code;
        try (var sms = EventTap.open(brokers, Topics.DISPATCH_SMS);
                var stream = EventTap.open(brokers, Topics.DISPATCH_ASSIGNMENTS)) {
            var sent = post(id, "/fee-consent/code", TECHNICIAN, "{\"amount\": 200}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            assertThat((String) JsonPath.read(sent.body(), "$.sentTo")).isEqualTo("138****5678");
            assertThat((Integer) JsonPath.read(sent.body(), "$.triesLeft")).isEqualTo(3);

            var message = sms.await(s -> id.equals(s.key()), WAIT);
            assertThat((String) JsonPath.read(message.payload(), "$.to")).isEqualTo("13812345678");
            String text = JsonPath.read(message.payload(), "$.text");
            assertThat(text).contains("200");
            code = codeIn(text);

            var stored = mongo.getCollection("assignments")
                    .find(new Document("_id", id))
                    .first()
                    .toJson();
            assertThat(stored).doesNotContain(code).contains("codeHash").contains("salt");
            assertThat(stream.drain(Duration.ofSeconds(1)))
                    .noneMatch(s ->
                            s.payload().contains(code) || s.headers().toString().contains(code));
        }
        var view = api.get("/api/technician/assignments/" + id, TECHNICIAN);
        answers.add(view.body());
        assertThat((Integer) JsonPath.read(view.body(), "$.consentCode.triesLeft"))
                .isEqualTo(3);
        assertThat(view.body()).doesNotContain("codeHash").doesNotContain("salt");
        assertThat(answers).noneMatch(body -> body.contains(code));
    }

    @Test
    void a_wrong_code_three_times_spends_it_and_a_new_code_records_the_consent_and_the_visit_completes()
            throws Exception {
        var id = quoted("13812345678");
        var before = List.of(codes("SENT"), codes("WRONG"), codes("SPENT"), codes("CONFIRMED"), consents("SMS_CODE"));
        var first = askForCode(id);
        var wrong = String.format("%06d", (Integer.parseInt(first) + 1) % 1_000_000);

        var once = post(id, "/fee-consent/confirmation", TECHNICIAN, confirmation(wrong));
        var twice = post(id, "/fee-consent/confirmation", TECHNICIAN, confirmation(wrong));
        var thrice = post(id, "/fee-consent/confirmation", TECHNICIAN, confirmation(wrong));
        var rightButSpent = post(id, "/fee-consent/confirmation", TECHNICIAN, confirmation(first));

        assertThat(List.of(once.statusCode(), twice.statusCode(), thrice.statusCode(), rightButSpent.statusCode()))
                .containsExactly(422, 422, 409, 409);
        assertThat(List.<Integer>of(
                        JsonPath.read(once.body(), "$.triesLeft"),
                        JsonPath.read(twice.body(), "$.triesLeft"),
                        JsonPath.read(thrice.body(), "$.triesLeft")))
                .containsExactly(2, 1, 0);
        assertThat((String) JsonPath.read(once.body(), "$.type"))
                .isEqualTo("urn:aftersales:problem:fee-consent-code-wrong");
        assertThat((String) JsonPath.read(thrice.body(), "$.type"))
                .isEqualTo("urn:aftersales:problem:fee-consent-code-spent");
        assertThat((String) JsonPath.read(rightButSpent.body(), "$.type"))
                .isEqualTo("urn:aftersales:problem:fee-consent-code-spent");
        assertThat(assignments.byId(id).orElseThrow().consent()).isNull();

        var second = askForCode(id);
        var confirmed = post(id, "/fee-consent/confirmation", TECHNICIAN, confirmation(second));

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        var consent = assignments.byId(id).orElseThrow().consent();
        assertThat(consent.method()).isEqualTo("SMS_CODE");
        assertThat(consent.amount()).isEqualByComparingTo("200");
        assertThat(consent.recordedBy()).isEqualTo(A.technicianId());
        assertThat(post(id, "/completion", TECHNICIAN, "{\"fixed\": true, \"feeCharged\": 180}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(List.of(codes("SENT"), codes("WRONG"), codes("SPENT"), codes("CONFIRMED"), consents("SMS_CODE")))
                .as("codes sent, wrong tries, codes spent, codes confirmed, consents by SMS code")
                .containsExactly(
                        before.get(0) + 2, before.get(1) + 2, before.get(2) + 1, before.get(3) + 1, before.get(4) + 1);
        var audited = auditOfConsent(id);
        assertThat(audited.get("details", Document.class).getString("method")).isEqualTo("SMS_CODE");
        assertThat(audited.get("details", Document.class).getString("amount")).isEqualTo("200");
        assertThat(answers).noneMatch(body -> body.contains(first) || body.contains(second));
    }

    @Test
    void a_code_past_its_ten_minutes_is_refused_as_expired() throws Exception {
        var id = quoted("13812345678");
        var code = askForCode(id);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        var late = post(id, "/fee-consent/confirmation", TECHNICIAN, confirmation(code));

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat((String) JsonPath.read(late.body(), "$.type"))
                .isEqualTo("urn:aftersales:problem:fee-consent-code-expired");
        assertThat(assignments.byId(id).orElseThrow().consent()).isNull();
    }

    @Test
    void a_fourth_code_for_one_case_within_the_hour_is_refused_with_retry_after() throws Exception {
        var id = quoted("13812345678");
        for (var i = 0; i < 3; i++) {
            askForCode(id);
        }
        clock.advance(Duration.ofMinutes(20));

        var fourth = post(id, "/fee-consent/code", TECHNICIAN, "{\"amount\": 200}");

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat((String) JsonPath.read(fourth.body(), "$.type"))
                .isEqualTo("urn:aftersales:problem:fee-consent-too-many-codes");
        var retryAfter =
                Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 40L * 60);
        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(post(id, "/fee-consent/code", TECHNICIAN, "{\"amount\": 200}")
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void a_customer_without_a_mobile_number_is_sent_to_the_hotline_whose_agent_records_the_consent() throws Exception {
        var landline = quoted("021-58881234");
        var saysNoSms = quoted("13812345678");
        try (var sms = EventTap.open(brokers, Topics.DISPATCH_SMS)) {
            var toLandline = post(landline, "/fee-consent/code", TECHNICIAN, "{\"amount\": 200}");
            var refusedByCustomer = post(
                    saysNoSms,
                    "/fee-consent/code",
                    TECHNICIAN,
                    "{\"amount\": 200, \"customerCannotReceiveSms\": true}");

            for (var answer : List.of(toLandline, refusedByCustomer)) {
                assertThat(answer.statusCode()).isEqualTo(409);
                assertThat((String) JsonPath.read(answer.body(), "$.type"))
                        .isEqualTo("urn:aftersales:problem:fee-consent-by-hotline");
            }
            assertThat(sms.drain(Duration.ofSeconds(1))).isEmpty();
        }

        var byCall = api.post(
                "/api/assignments/" + landline + "/fee-consent",
                AGENT,
                "{\"amount\": 200, \"note\": \"客户座机来电确认，同意最高200元\"}");

        assertThat(byCall.statusCode()).as(byCall.body()).isEqualTo(200);
        var consent = assignments.byId(landline).orElseThrow().consent();
        assertThat(consent.method()).isEqualTo("AGENT_CALL");
        assertThat(consent.recordedBy()).isEqualTo("agent-7");
        assertThat(post(landline, "/completion", TECHNICIAN, "{\"fixed\": true, \"feeCharged\": 200}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(auditOfConsent(landline).getString("actor")).isEqualTo("agent-7");
    }

    @Test
    void nobody_asks_or_confirms_a_code_on_another_technicians_case_and_a_technician_cannot_record_a_call()
            throws Exception {
        var id = quoted("13812345678");
        var code = askForCode(id);

        assertThat(post(id, "/fee-consent/code", COLLEAGUE, "{\"amount\": 200}").statusCode())
                .isEqualTo(404);
        assertThat(post(id, "/fee-consent/confirmation", COLLEAGUE, confirmation(code))
                        .statusCode())
                .isEqualTo(404);
        var byTechnician = api.post(
                "/api/assignments/" + id + "/fee-consent", TECHNICIAN, "{\"amount\": 200, \"note\": \"我自己确认\"}");
        assertThat(byTechnician.statusCode()).isEqualTo(403);
        var byDealer = api.post(
                "/api/assignments/" + id + "/fee-consent",
                TestTokens.dealer("dealer-1", A.dealerId()),
                "{\"amount\": 200, \"note\": \"经销商确认\"}");
        assertThat(byDealer.statusCode()).isEqualTo(403);
        var assignment = assignments.byId(id).orElseThrow();
        assertThat(assignment.consent()).isNull();
        assertThat(assignment.consentChallenge().triesLeft()).isEqualTo(3);
    }

    @Test
    void an_amount_not_above_the_quote_needs_no_code_and_is_refused_naming_the_field() throws Exception {
        var id = quoted("13812345678");

        var refused = post(id, "/fee-consent/code", TECHNICIAN, "{\"amount\": 120}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat((List<String>) JsonPath.read(refused.body(), "$.errors[*].field"))
                .containsExactly("amount");
        assertThat(assignments.byId(id).orElseThrow().consentChallenge()).isNull();
    }

    private double codes(String outcome) {
        return meters.get("aftersales.fee.consent-codes")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private double consents(String method) {
        return meters.get("aftersales.fee.consents")
                .tag("method", method)
                .counter()
                .count();
    }

    /** The relay copies the audit entry from the assignment's outbox to the trail, soon after the write. */
    private Document auditOfConsent(String id) {
        return await().atMost(WAIT)
                .until(
                        () -> mongo.getCollection(AuditTrail.COLLECTION)
                                .find(new Document("subject", id).append("action", "fee.consent-recorded"))
                                .first(),
                        entry -> entry != null);
    }

    private String askForCode(String id) throws Exception {
        try (var sms = EventTap.open(brokers, Topics.DISPATCH_SMS)) {
            var sent = post(id, "/fee-consent/code", TECHNICIAN, "{\"amount\": 200}");
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            var message = sms.await(s -> id.equals(s.key()), WAIT);
            return codeIn(JsonPath.read(message.payload(), "$.text"));
        }
    }

    private static String codeIn(String text) {
        var digits = SIX_DIGITS.matcher(text);
        assertThat(digits.find()).as(text).isTrue();
        return digits.group();
    }

    private static String confirmation(String code) {
        return "{\"code\": \"" + code + "\"}";
    }

    private HttpResponse<String> post(String id, String step, String token, String body) throws Exception {
        var response = api.post("/api/technician/assignments/" + id + step, token, body);
        answers.add(response.body() + response.headers().map());
        return response;
    }

    /** A new case of technician A's, quoted at 120.00, whose customer's phone on record is {@code phone}. */
    private String quoted(String phone) {
        var assignment = Fixtures.quotedFor(
                "C-FC" + UUID.randomUUID(),
                "WP-FC" + UUID.randomUUID().toString().substring(0, 8),
                A.technicianId(),
                A.dealerId(),
                phone,
                clock.instant());
        assertThat(assignments.add(assignment)).isTrue();
        return assignment.id();
    }
}
