package dev.aftersales.chassis.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.idempotency.IdempotencyKeySweep;
import dev.aftersales.chassis.test.ServiceSliceTest;
import dev.aftersales.chassis.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A POST retried with its Idempotency-Key is answered as the first time and done once. */
@ServiceSliceTest
class IdempotencyKeyTest {

    static final String TICKET = "{\"kind\":\"REPAIR\",\"contact\":{\"name\":\"王芳\",\"phone\":\"13812345678\"}}";
    static final String OTHER_TICKET =
            "{\"kind\":\"INSTALLATION\",\"contact\":{\"name\":\"王芳\",\"phone\":\"13812345678\"}}";

    @Value("${local.server.port}")
    int port;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketDesk desk;

    @Autowired
    IdempotencyKeySweep sweep;

    @Autowired
    MongoTemplate mongo;

    final HttpClient http = HttpClient.newHttpClient();

    HttpRequest open(String ticketId, String token, String key, String body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tickets/" + ticketId))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.build();
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String unique() {
        return "T-" + UUID.randomUUID();
    }

    @Test
    void a_retry_with_the_same_key_gets_the_first_answer_and_does_nothing_again() throws Exception {
        var id = unique();
        var key = UUID.randomUUID().toString();
        var agent = TestTokens.agent("agent-1");

        var first = send(open(id, agent, key, TICKET));
        var retry = send(open(id, agent, key, TICKET));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body()); // the random serial too: not run again
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Content-Type"))
                .isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        // without the key, the same request is a new one: the ticket exists now
        assertThat(send(open(id, agent, null, TICKET)).statusCode()).isEqualTo(409);
    }

    @Test
    void the_same_key_with_another_request_gets_422_naming_the_key_and_changes_nothing() throws Exception {
        var key = "key-" + UUID.randomUUID();
        var agent = TestTokens.agent("agent-1");
        var firstId = unique();
        assertThat(send(open(firstId, agent, key, TICKET)).statusCode()).isEqualTo(201);

        var otherBody = send(open(firstId, agent, key, OTHER_TICKET));
        var secondId = unique();
        var otherPath = send(open(secondId, agent, key, TICKET));

        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(otherBody.body()).contains("Idempotency-Key " + key).contains("another request");
        assertThat(otherPath.statusCode()).isEqualTo(422);
        assertThat(tickets.findById(secondId)).isEmpty();
    }

    @Test
    void another_callers_same_key_is_their_own_request() throws Exception {
        var key = UUID.randomUUID().toString();
        var firstId = unique();
        var secondId = unique();

        var mine = send(open(firstId, TestTokens.agent("agent-1"), key, TICKET));
        var theirs = send(open(secondId, TestTokens.agent("agent-2"), key, TICKET));

        assertThat(mine.statusCode()).isEqualTo(201);
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.body()).contains(secondId).contains("agent-2");
        assertThat(theirs.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(tickets.findById(secondId)).isPresent();
    }

    @Test
    void a_duplicate_while_the_first_is_running_gets_409_with_retry_after() throws Exception {
        var id = unique();
        var key = UUID.randomUUID().toString();
        var agent = TestTokens.agent("agent-1");
        desk.entered = new CountDownLatch(1);
        desk.gate = new CountDownLatch(1);
        try {
            var held =
                    http.sendAsync(open(id + "?hold=true", agent, key, TICKET), HttpResponse.BodyHandlers.ofString());
            assertThat(desk.entered.await(10, TimeUnit.SECONDS)).isTrue();

            var duplicate = send(open(id + "?hold=true", agent, key, TICKET));

            assertThat(duplicate.statusCode()).isEqualTo(409);
            assertThat(duplicate.headers().firstValue("Retry-After")).hasValue("1");
            desk.gate.countDown();
            assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            assertThat(send(open(id + "?hold=true", agent, key, TICKET)).statusCode())
                    .isEqualTo(201);
        } finally {
            desk.gate.countDown();
        }
    }

    @Test
    void a_refused_request_does_not_use_up_its_key() throws Exception {
        var id = unique();
        var key = UUID.randomUUID().toString();
        var agent = TestTokens.agent("agent-1");
        var invalid = "{\"kind\":\"TELEPORT\",\"contact\":{\"name\":\"王芳\",\"phone\":\"13812345678\"}}";

        assertThat(send(open(id, agent, key, invalid)).statusCode()).isEqualTo(400);
        assertThat(send(open(id, agent, key, TICKET)).statusCode()).isEqualTo(201);
    }

    @Test
    void a_key_is_kept_a_day_then_swept_and_free_again() throws Exception {
        var key = UUID.randomUUID().toString();
        var agent = TestTokens.agent("agent-1");
        assertThat(send(open(unique(), agent, key, TICKET)).statusCode()).isEqualTo(201);
        var stored = new Document("key", key);
        var now = Instant.now();

        sweep.sweep(now.plus(Duration.ofHours(23)));
        assertThat(mongo.getCollection("idempotency_keys").countDocuments(stored))
                .isEqualTo(1);
        sweep.sweep(now.plus(Duration.ofHours(24)).plusSeconds(5));
        assertThat(mongo.getCollection("idempotency_keys").countDocuments(stored))
                .isZero();

        var later = unique();
        assertThat(send(open(later, agent, key, TICKET)).statusCode()).isEqualTo(201);
        assertThat(tickets.findById(later)).isPresent();
    }

    @Test
    void a_malformed_key_gets_400() throws Exception {
        var response = send(open(unique(), TestTokens.agent("agent-1"), "x".repeat(129), TICKET));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Idempotency-Key");
    }
}
