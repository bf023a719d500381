package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.intake.Channel;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@ServiceSliceTest
class ComplaintRegistrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String AGENT = TestTokens.agent("agent-1");

    @Value("${local.server.port}")
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    Hotline hotline;

    @BeforeEach
    void connect() {
        hotline = new Hotline(port);
    }

    long storedComplaints() {
        return mongo.getCollection("complaints").countDocuments();
    }

    @Test
    void registering_answers_201_with_the_id_status_and_sla_and_publishes_complaint_registered() {
        var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var form = Hotline.form();
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var response = hotline.register(
                    TestTokens.agent("agent-7"), form.toString(), "00-" + traceId + "-00f067aa0ba902b7-01");

            assertThat(response.statusCode()).isEqualTo(201);
            var body = Hotline.read(response.body());
            var id = body.path("complaintId").asString();
            assertThat(id).matches("C-\\d{8}-[0-9A-HJKMNP-TV-Z]{12}");
            assertThat(response.headers().firstValue("Location")).hasValue("/api/complaints/" + id);
            assertThat(body.path("status").asString()).isEqualTo("OPEN");
            assertThat(body.path("priority").asString()).isEqualTo("NORMAL");
            assertThat(body.path("sla").path("firstAnswerDue").asString()).isNotBlank();

            var seen = tap.await(s -> id.equals(s.key()), WAIT);
            assertThat(seen.headers())
                    .containsEntry("ce_type", EventCatalog.COMPLAINT_REGISTERED.type())
                    .containsEntry("ce_source", "/aftersales/intake")
                    .containsEntry("ce_subject", id)
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("content-type", "application/json")
                    .containsKeys("ce_id", "ce_time");
            assertThat(seen.id()).isNotBlank();
            assertThat(seen.headers().get("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");

            var event = seen.as(ComplaintRegistered.class);
            assertThat(event.complaintId()).isEqualTo(id);
            assertThat(event.kind()).isEqualTo(ComplaintKind.REPAIR);
            assertThat(event.channel()).isEqualTo(Channel.HOTLINE);
            assertThat(event.serialNumber()).isEqualTo(Hotline.serialOf(form));
            assertThat(event.model()).isEqualTo("RO-400");
            assertThat(event.takenBy()).isEqualTo("agent-7");
            assertThat(event.contact().phone()).isEqualTo("13812345678");
            assertThat(event.contact().regionCode()).isEqualTo("310115");
            assertThat(event.firstAnswerDue())
                    .isEqualTo(Instant.parse(
                            body.path("sla").path("firstAnswerDue").asString()));
            assertThat(Duration.between(event.registeredAt(), event.firstAnswerDue()))
                    .isEqualTo(Duration.ofHours(4));
        }
    }

    @Test
    void chinese_text_round_trips_unchanged_through_the_store_and_the_event() {
        var form = Hotline.form();
        var customer = (ObjectNode) form.get("customer");
        customer.put("name", "上海浦东张江高科技园区管理有限公司");
        customer.put("address", "上海市浦东新区张江路88号3栋201室（近地铁站）");
        form.put("symptoms", "开机后滤芯处漏水，伴有“咔嗒”声；水压不足。");
        form.put("customerRequest", "周末上午上门，先电话联系👍");
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var id = hotline.registered(AGENT, form);

            var event = tap.await(s -> id.equals(s.key()), WAIT).as(ComplaintRegistered.class);
            assertThat(event.contact().name()).isEqualTo("上海浦东张江高科技园区管理有限公司");
            assertThat(event.contact().address()).isEqualTo("上海市浦东新区张江路88号3栋201室（近地铁站）");
            assertThat(event.symptoms()).isEqualTo("开机后滤芯处漏水，伴有“咔嗒”声；水压不足。");
            assertThat(event.customerRequest()).isEqualTo("周末上午上门，先电话联系👍");

            var stored = mongo.findById(id, Document.class, "complaints");
            assertThat(stored).isNotNull();
            assertThat(stored.get("customer", Document.class).getString("name")).isEqualTo("上海浦东张江高科技园区管理有限公司");
            assertThat(stored.getString("symptoms")).isEqualTo("开机后滤芯处漏水，伴有“咔嗒”声；水压不足。");
            assertThat(stored.get("machine", Document.class).getString("productionDate"))
                    .isEqualTo("2024-03-01");
        }
    }

    @Test
    void the_case_view_shows_a_new_case_with_deadlines_from_the_default_sla() {
        var form = Hotline.form();
        var id = hotline.registered(TestTokens.agent("agent-3"), form);

        var response = hotline.show(TestTokens.token("dispatcher-1", Map.of(), Role.DISPATCHER), id);

        assertThat(response.statusCode()).isEqualTo(200);
        var view = Hotline.read(response.body());
        assertThat(view.path("complaintId").asString()).isEqualTo(id);
        assertThat(view.path("status").asString()).isEqualTo("OPEN");
        assertThat(view.path("kind").asString()).isEqualTo("REPAIR");
        assertThat(view.path("channel").asString()).isEqualTo("HOTLINE");
        assertThat(view.path("serialNumber").asString()).isEqualTo(Hotline.serialOf(form));
        assertThat(view.path("takenBy").asString()).isEqualTo("agent-3");
        var registeredAt = Instant.parse(view.path("registeredAt").asString());
        var sla = view.path("sla");
        assertThat(Instant.parse(sla.path("firstAnswerDue").asString()))
                .isEqualTo(registeredAt.plus(Duration.ofHours(4)));
        assertThat(Instant.parse(sla.path("onSiteDue").asString())).isEqualTo(registeredAt.plus(Duration.ofHours(24)));
        assertThat(Instant.parse(sla.path("resolutionDue").asString()))
                .isEqualTo(registeredAt.plus(Duration.ofDays(30)));
        var timeline = view.path("timeline");
        assertThat(timeline.size()).isEqualTo(1);
        assertThat(timeline.get(0).path("what").asString()).isEqualTo("REGISTERED");
        assertThat(timeline.get(0).path("at").asString())
                .isEqualTo(view.path("registeredAt").asString());
        assertThat(timeline.get(0).has("technicianId")).isFalse();
        assertThat(view.has("form"))
                .as("the customer's form is the hotline's, not the dispatcher's")
                .isFalse();
        assertThat(Hotline.read(hotline.show(TestTokens.agent("agent-4"), id).body())
                        .path("form")
                        .path("customer")
                        .path("name")
                        .asString())
                .isNotBlank();
    }

    @Test
    void registrations_are_counted_by_kind_and_channel() {
        var before = registered("INSTALLATION", "DEALER");
        var form = Hotline.form();
        form.put("kind", "INSTALLATION");
        form.put("channel", "DEALER");

        hotline.registered(AGENT, form);

        assertThat(registered("INSTALLATION", "DEALER")).isEqualTo(before + 1);
    }

    double registered(String kind, String channel) {
        var counter = meters.find("aftersales.complaints.registered")
                .tags("kind", kind, "channel", channel)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static Stream<Arguments> invalidForms() {
        return Stream.of(
                invalid("no phone", f -> customer(f).remove("phones"), "customer.phones"),
                invalid("an empty phone list", f -> customer(f).putArray("phones"), "customer.phones"),
                invalid("a malformed phone", f -> phones(f).set(0, "12345"), "customer.phones[0]"),
                invalid("a malformed second phone", f -> phones(f).add("021-123"), "customer.phones[1]"),
                invalid("an unknown kind", f -> f.put("kind", "TELEPORT"), "kind"),
                invalid(
                        "an unknown kind and no phone",
                        f -> {
                            f.put("kind", "TELEPORT");
                            customer(f).remove("phones");
                        },
                        "kind",
                        "customer.phones"),
                invalid(
                        "a text for a date, a list for a name and an unknown field",
                        f -> {
                            f.put("purchasedOn", "last spring");
                            customer(f).putArray("name").add("王");
                            ((ObjectNode) f.get("machine")).put("colour", "white");
                            f.remove("channel");
                        },
                        "purchasedOn",
                        "customer.name",
                        "machine.colour",
                        "channel"),
                invalid("no kind", f -> f.remove("kind"), "kind"),
                invalid(
                        "no serial number",
                        f -> ((ObjectNode) f.get("machine")).remove("serialNumber"),
                        "machine.serialNumber"),
                invalid("an unknown field", f -> customer(f).put("phon", "13812345678"), "customer.phon"),
                invalid("a malformed date", f -> f.put("purchasedOn", "2024-13-45"), "purchasedOn"),
                invalid(
                        "several faults at once",
                        f -> {
                            customer(f).put("name", "");
                            phones(f).set(0, "138-1234-5678");
                            f.remove("channel");
                        },
                        "channel",
                        "customer.name",
                        "customer.phones[0]"),
                Arguments.of("malformed JSON", "{\"kind\": \"REPAIR\", \"customer\": ", List.of("body")));
    }

    static Arguments invalid(String what, Consumer<ObjectNode> change, String... fields) {
        var form = Hotline.form();
        change.accept(form);
        return Arguments.of(what, form.toString(), List.of(fields));
    }

    static ObjectNode customer(ObjectNode form) {
        return (ObjectNode) form.get("customer");
    }

    static ArrayNode phones(ObjectNode form) {
        return (ArrayNode) customer(form).get("phones");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidForms")
    void an_invalid_complaint_gets_400_problem_json_naming_each_field_at_fault(
            String what, String body, List<String> fields) {
        var response = hotline.register(AGENT, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Hotline.read(response.body()).path("type").asString())
                .isEqualTo("urn:aftersales:problem:invalid-request");
        assertThat(Hotline.fieldsAtFault(response.body())).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void nothing_is_stored_or_published_for_an_invalid_complaint() {
        var mark = "无效-" + UUID.randomUUID();
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var before = storedComplaints();

            var answers = new ArrayList<HttpResponse<String>>();
            invalidForms().forEach(args -> {
                var body = ((String) args.get()[1]).replace("漏水", mark);
                answers.add(hotline.register(AGENT, body));
            });
            answers.add(hotline.register(AGENT, "{\"symptoms\": \"" + mark + "\", \"kind\": "));

            assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
            assertThat(storedComplaints()).isEqualTo(before);
            // A valid registration after the invalid ones: once its event is out, theirs would be too.
            var form = Hotline.form();
            form.put("symptoms", "有效");
            var valid = hotline.registered(AGENT, form);
            tap.await(s -> valid.equals(s.key()), WAIT);
            assertThat(tap.drain(Duration.ofSeconds(1)))
                    .noneMatch(s -> s.payload().contains(mark));
        }
    }

    @Test
    void without_a_token_the_answer_is_401() {
        var register = hotline.register(null, Hotline.form().toString());
        var show = hotline.show(null, "C-20260101-000000000000");

        assertThat(register.statusCode()).isEqualTo(401);
        assertThat(show.statusCode()).isEqualTo(401);
        assertThat(register.body()).contains("urn:aftersales:problem:unauthenticated");
    }

    @Test
    void a_technician_may_neither_register_nor_read_cases() {
        var technician = TestTokens.technician("T-001", "D-SH");
        var id = hotline.registered(AGENT, Hotline.form());
        var before = storedComplaints();

        var register = hotline.register(technician, Hotline.form().toString());
        var show = hotline.show(technician, id);

        assertThat(register.statusCode()).isEqualTo(403);
        assertThat(show.statusCode()).isEqualTo(403);
        assertThat(register.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(storedComplaints()).isEqualTo(before);
    }

    @Test
    void a_supervisor_may_register() {
        var supervisor = TestTokens.token("supervisor-1", Map.of(), Role.SUPERVISOR);

        assertThat(hotline.register(supervisor, Hotline.form().toString()).statusCode())
                .isEqualTo(201);
    }

    @Test
    void an_unknown_complaint_is_404() {
        var response = hotline.show(AGENT, "C-20260101-000000000000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Hotline.read(response.body()).path("type").asString()).isEqualTo("urn:aftersales:problem:not-found");
    }
}
