package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aftersales.contracts.Topics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13, the customer's consent to a fee above the quote, on the local stack as a user runs it:
 * the code reaches only the stub SMS gateway's file, three wrong codes spend it, a new one records the
 * consent and the visit completes with the charge; and the codes are nowhere else (the services' logs,
 * every other topic with its dead letters, the flow's HTTP answers).
 */
@EndToEndStage
class FeeConsentEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path DATA_DIR = Path.of("target", "e2e-fee-stack");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static LocalStack stack;

    /** Every HTTP answer of the flow, with its headers: none may hold a code. */
    private final List<String> answers = new ArrayList<>();

    @BeforeAll
    static void startTheStack() throws IOException {
        var config = FreshStack.config(DATA_DIR);
        stack = LocalStack.start(config);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_code_sent_to_the_customers_phone_is_spent_by_three_wrong_tries_and_a_new_one_lets_the_charge_through()
            throws Exception {
        var agent = stack.token("agent-7", "AGENT");
        var installer = stack.technicianToken("T-001", "D-SH");
        var complaint = DemoArchive.get().complaint("WP-0001", "REPAIR", "净水器漏水，需更换RO膜");
        @SuppressWarnings("unchecked")
        var phone = ((List<String>) ((Map<String, Object>) complaint.get("customer")).get("phones")).get(0);
        var registered = post(Service.INTAKE, "/api/complaints", agent, complaint);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        var complaintId = registered.json().get("complaintId").asString();
        var assignmentId = await().atMost(WAIT)
                .until(() -> ownAssignment(installer, complaintId), Optional::isPresent)
                .orElseThrow();
        var assignment = "/api/technician/assignments/" + assignmentId;

        var quoted = post(
                Service.DISPATCH,
                assignment + "/quote",
                installer,
                Map.of("parts", List.of(Map.of("partNumber", "FLT-RO-01", "quantity", 1, "unitPrice", 40))));
        assertThat(quoted.status()).as(quoted.text()).isEqualTo(200);
        var quote = quoted.json().get("quote").get("total").asDouble();
        var charge = Map.of("diagnosis", "RO膜破损", "feeCharged", quote + 60, "fixed", true);

        // Without the customer's consent the charge above the quote is refused.
        var refused = post(Service.DISPATCH, assignment + "/completion", installer, charge);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:aftersales:problem:fee-consent-required");

        // A code to the phone on record; three wrong tries spend it.
        var amount = Map.of("amount", quote + 80);
        var sent = post(Service.DISPATCH, assignment + "/fee-consent/code", installer, amount);
        assertThat(sent.status()).as(sent.text()).isEqualTo(202);
        var first = awaitCode(assignmentId, 1, phone);
        var wrong = String.format("%06d", (Integer.parseInt(first) + 500_000) % 1_000_000);
        var tries = new ArrayList<Integer>();
        for (var i = 0; i < 3; i++) {
            tries.add(post(Service.DISPATCH, assignment + "/fee-consent/confirmation", installer, Map.of("code", wrong))
                    .status());
        }
        assertThat(tries).containsExactly(422, 422, 409);
        var spent = post(Service.DISPATCH, assignment + "/fee-consent/confirmation", installer, Map.of("code", first));
        assertThat(spent.json().get("type").asString()).isEqualTo("urn:aftersales:problem:fee-consent-code-spent");

        // A new code, read out by the customer: the consent is recorded and the visit completes with the charge.
        assertThat(post(Service.DISPATCH, assignment + "/fee-consent/code", installer, amount)
                        .status())
                .isEqualTo(202);
        var second = awaitCode(assignmentId, 2, phone);
        var confirmed =
                post(Service.DISPATCH, assignment + "/fee-consent/confirmation", installer, Map.of("code", second));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.json().get("consent").get("method").asString()).isEqualTo("SMS_CODE");
        var completed = post(Service.DISPATCH, assignment + "/completion", installer, charge);
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        assertThat(completed.json().get("status").asString()).isEqualTo("COMPLETED");
        var visitCompleted = await().atMost(WAIT)
                .until(
                        () -> recordsOf(Topics.DISPATCH_ASSIGNMENTS).stream()
                                .filter(r -> "aftersales.dispatch.VisitCompleted.v1"
                                        .equals(r.headers().get("ce_type")))
                                .map(r -> JSON.readTree(r.value()))
                                .filter(event ->
                                        event.get("assignmentId").asString().equals(assignmentId))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(visitCompleted.get("feeCharged").asDouble()).isEqualTo(quote + 60);

        // The gateway's file is its owner's only, and the codes are nowhere but there and on its topic.
        var gatewayFile = DATA_DIR.resolve(SmsGateway.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(gatewayFile)))
                .isEqualTo("rw-------");
        var codes = List.of(first, second);
        assertThat(recordsOf(Topics.DISPATCH_SMS))
                .as("the codes are on the gateway's topic, so the search below would find them")
                .anyMatch(record -> holdsAny(record.text(), codes));
        try (var admin = Admin.create(stack.kafkaClient(BusAccess.ADMIN))) {
            var topics = admin.listTopics().names().get();
            assertThat(topics)
                    .contains(Topics.DISPATCH_ASSIGNMENTS, Topics.deadLetterOf(Topics.INTAKE_COMPLAINTS, "dispatch"));
            for (var topic : topics) {
                if (!topic.equals(Topics.DISPATCH_SMS)) {
                    assertThat(recordsOf(topic)).as(topic).noneMatch(record -> holdsAny(record.text(), codes));
                }
            }
        }
        try (var logs = Files.list(DATA_DIR.resolve("logs"))) {
            for (var log : logs.toList()) {
                assertThat(holdsAny(Files.readString(log, StandardCharsets.ISO_8859_1), codes))
                        .as(log.toString())
                        .isFalse();
            }
        }
        assertThat(answers).noneMatch(text -> holdsAny(text, codes));
    }

    /** The {@code n}-th message of the assignment in the gateway's file: to the phone on record, with a code. */
    private static String awaitCode(String assignmentId, int n, String phone) {
        var line = await().atMost(WAIT)
                .until(
                        () -> Files.readAllLines(DATA_DIR.resolve(SmsGateway.FILE), StandardCharsets.UTF_8).stream()
                                .filter(l -> l.split(" ", 3)[1].equals(assignmentId))
                                .toList(),
                        lines -> lines.size() >= n)
                .get(n - 1);
        var message = JSON.readTree(line.split(" ", 3)[2]);
        assertThat(message.get("to").asString()).isEqualTo(phone);
        var code = Pattern.compile("\\d{6}").matcher(message.get("text").asString());
        assertThat(code.find()).as(line).isTrue();
        return code.group();
    }

    /** A code as a token of its own: not a piece of a longer number, id or hash. */
    private static boolean holdsAny(String text, List<String> codes) {
        return codes.stream()
                .anyMatch(code -> Pattern.compile("(?<![0-9A-Za-z])" + code + "(?![0-9A-Za-z])")
                        .matcher(text)
                        .find());
    }

    /** A record as read: its key, value and headers as text. */
    private record Seen(String key, String value, Map<String, String> headers) {
        String text() {
            return key + " " + value + " " + headers;
        }
    }

    /** Every record of a topic from its beginning (read as the launcher's admin). */
    private static List<Seen> recordsOf(String topic) {
        var props = new HashMap<>(stack.kafkaClient(BusAccess.ADMIN));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var records = new ArrayList<Seen>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var headers = new HashMap<String, String>();
                    for (var header : record.headers()) {
                        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(new Seen(record.key(), record.value(), headers));
                }
            }
        }
        return records;
    }

    private Optional<String> ownAssignment(String technicianToken, String complaintId) {
        var own = get(Service.DISPATCH, "/api/technician/assignments?limit=200", technicianToken);
        return StreamSupport.stream(own.json().path("items").spliterator(), false)
                .filter(a -> a.get("complaintId").asString().equals(complaintId))
                .map(a -> a.get("assignmentId").asString())
                .findFirst();
    }

    private record Response(int status, String text) {
        JsonNode json() {
            return JSON.readTree(text);
        }
    }

    private Response get(Service service, String path, String token) {
        return send(HttpRequest.newBuilder(stack.url(service).resolve(path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private Response post(Service service, String path, String token, Object body) {
        return send(HttpRequest.newBuilder(stack.url(service).resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response =
                    HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            answers.add(response.headers().map() + " " + response.body());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
