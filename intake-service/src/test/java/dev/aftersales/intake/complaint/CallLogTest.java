package dev.aftersales.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.test.EventTap;
import dev.aftersales.contracts.Topics;
import dev.aftersales.contracts.intake.ComplaintEscalated;
import dev.aftersales.contracts.intake.ComplaintRegistered;
import dev.aftersales.contracts.intake.ComplaintResolvedByPhone;
import dev.aftersales.contracts.intake.Priority;
import dev.aftersales.contracts.intake.RepeatCallLogged;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

class CallLogTest extends HotlineSliceTest {

    @Autowired
    MongoTemplate mongo;

    long casesAbout(String serialNumber) {
        return mongo.getCollection("complaints").countDocuments(new Document("serialNumber", serialNumber));
    }

    @Test
    void the_same_idempotency_key_twice_gives_one_case_and_the_same_answer() {
        var form = Hotline.form();
        var key = UUID.randomUUID().toString();

        var first = hotline.registerWithKey(AGENT, form.toString(), key);
        var again = hotline.registerWithKey(AGENT, form.toString(), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(Hotline.read(again.body())).isEqualTo(Hotline.read(first.body()));
        assertThat(again.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(casesAbout(Hotline.serialOf(form))).isEqualTo(1);
        var id = Hotline.read(first.body()).path("complaintId").asString();
        assertThat(hotline.caseView(AGENT, id).path("calls")).hasSize(1);
    }

    @Test
    void the_same_idempotency_key_with_another_complaint_gets_422_naming_the_key_and_stores_nothing() {
        var key = UUID.randomUUID().toString();
        var first = Hotline.form();
        var other = Hotline.form();
        other.put("symptoms", "另一个故障");

        assertThat(hotline.registerWithKey(AGENT, first.toString(), key).statusCode())
                .isEqualTo(201);
        var reused = hotline.registerWithKey(AGENT, other.toString(), key);

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(reused.body()).contains("Idempotency-Key " + key);
        assertThat(casesAbout(Hotline.serialOf(other))).isZero();
        assertThat(casesAbout(Hotline.serialOf(first))).isEqualTo(1);
    }

    @Test
    void another_agents_call_with_the_same_idempotency_key_is_their_own_call() {
        var key = UUID.randomUUID().toString();
        var mine = Hotline.form();
        var theirs = Hotline.form();

        var first = hotline.registerWithKey(AGENT, mine.toString(), key);
        var second = hotline.registerWithKey(
                dev.aftersales.chassis.test.TestTokens.agent("agent-2"), theirs.toString(), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        var theirId = Hotline.read(second.body()).path("complaintId").asString();
        assertThat(theirId)
                .isNotEqualTo(Hotline.read(first.body()).path("complaintId").asString());
        assertThat(second.headers().firstValue("Location")).hasValue("/api/complaints/" + theirId);
        assertThat(casesAbout(Hotline.serialOf(theirs))).isEqualTo(1);
        assertThat(hotline.caseView(AGENT, theirId)
                        .path("calls")
                        .get(0)
                        .path("takenBy")
                        .asString())
                .isEqualTo("agent-2");
    }

    @Test
    void a_second_call_about_the_same_machine_is_logged_on_its_open_case() {
        var form = Hotline.form();
        var id = registered(form);
        form.put("symptoms", "还在漏水");

        var second = hotline.register(dev.aftersales.chassis.test.TestTokens.agent("agent-2"), form.toString());

        assertThat(second.statusCode()).isEqualTo(200);
        var body = Hotline.read(second.body());
        assertThat(body.path("complaintId").asString()).isEqualTo(id);
        assertThat(body.path("newCase").asBoolean()).isFalse();
        assertThat(body.path("callCount").asInt()).isEqualTo(2);
        assertThat(second.headers().firstValue("Location")).hasValue("/api/complaints/" + id);
        assertThat(casesAbout(Hotline.serialOf(form))).isEqualTo(1);
        var view = hotline.caseView(AGENT, id);
        assertThat(view.path("calls")).hasSize(2);
        assertThat(view.path("calls").get(1).path("takenBy").asString()).isEqualTo("agent-2");
        assertThat(view.path("calls").get(1).path("note").asString()).isEqualTo("还在漏水");
        assertThat(view.path("priority").asString()).isEqualTo("NORMAL");
        assertThat(hotline.milestones(AGENT, id)).containsExactly("REGISTERED", "CALL_LOGGED");
    }

    @Test
    void every_repeat_call_publishes_the_cases_call_count_for_the_technician_sent() {
        var form = Hotline.form();
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var id = registered(form);
            assertThat(hotline.register(AGENT, form.toString()).statusCode()).isEqualTo(200);
            assertThat(hotline.register(AGENT, form.toString()).statusCode()).isEqualTo(200);

            tap.await(
                    s -> id.equals(s.key())
                            && s.is(RepeatCallLogged.class)
                            && s.as(RepeatCallLogged.class).callCount() == 3,
                    WAIT);
            var logged = tap.drain(java.time.Duration.ZERO).stream()
                    .filter(s -> id.equals(s.key()) && s.is(RepeatCallLogged.class))
                    .map(s -> s.as(RepeatCallLogged.class).callCount())
                    .toList();
            assertThat(logged).containsExactly(2, 3);
        }
    }

    @Test
    void the_third_call_raises_the_priority_and_publishes_complaint_escalated_once() {
        var form = Hotline.form();
        try (var tap = EventTap.open(brokers, Topics.INTAKE_COMPLAINTS)) {
            var id = registered(form);
            assertThat(hotline.register(AGENT, form.toString()).statusCode()).isEqualTo(200);
            var third = hotline.register(AGENT, form.toString());
            var fourth = hotline.register(AGENT, form.toString());

            assertThat(Hotline.read(third.body()).path("priority").asString()).isEqualTo("HIGH");
            assertThat(Hotline.read(fourth.body()).path("callCount").asInt()).isEqualTo(4);
            var escalated = tap.await(s -> id.equals(s.key()) && s.is(ComplaintEscalated.class), WAIT)
                    .as(ComplaintEscalated.class);
            assertThat(escalated.priority()).isEqualTo(Priority.HIGH);
            assertThat(escalated.callCount()).isEqualTo(3);

            // A later event of the case, on the same partition: once it is seen, so is every escalation.
            assertThat(hotline.post(AGENT, "/api/complaints/" + id + "/phone-resolution", "{\"guidance\": \"请更换滤芯\"}")
                            .statusCode())
                    .isEqualTo(204);
            tap.await(s -> id.equals(s.key()) && s.is(ComplaintResolvedByPhone.class), WAIT);
            assertThat(tap.drain(java.time.Duration.ZERO).stream()
                            .filter(s -> id.equals(s.key()) && s.is(ComplaintEscalated.class)))
                    .hasSize(1);
            assertThat(tap.drain(java.time.Duration.ZERO).stream()
                            .filter(s -> id.equals(s.key()) && s.is(ComplaintRegistered.class)))
                    .hasSize(1);
        }
    }

    @Test
    void a_retried_repeat_call_is_logged_once() {
        var form = Hotline.form();
        var id = registered(form);
        var key = UUID.randomUUID().toString();

        var first = hotline.registerWithKey(AGENT, form.toString(), key);
        var again = hotline.registerWithKey(AGENT, form.toString(), key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Hotline.read(again.body())).isEqualTo(Hotline.read(first.body()));
        assertThat(hotline.caseView(AGENT, id).path("calls")).hasSize(2);
    }
}
