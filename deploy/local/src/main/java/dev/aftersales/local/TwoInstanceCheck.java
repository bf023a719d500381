package dev.aftersales.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two-instance run (issue 18; a {@code .ci/run} stage, {@code deploy/two-instances/check.sh}):
 * the packaged stack with two instances of every service on one broker and store, then
 *
 * <ol>
 *   <li>a technician's feed open on dispatch instance A gets an assignment a dispatcher makes through B;
 *   <li>a stream of cases registered through the round-robin ports while one instance of every service
 *       is killed with SIGKILL: at the end no case is lost or doubled (cases per machine, assignments
 *       and registration events per case id, counted in the store and on the topics);
 *   <li>the backlog gauge as the dashboard computes it over the instances' scrapes equals the count
 *       one instance makes of the same data (the store), and exactly one instance exports it, with both
 *       instances up and after one was killed (the survivor takes the lease over);
 *   <li>the platform clock is advanced past the first-answer deadline: each case's SLA clock breaches
 *       exactly once (the sweep runs on the surviving instances, under its lease).
 * </ol>
 *
 * Prints what it checked; exits 1 naming each failed check.
 */
public final class TwoInstanceCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LEASE = Duration.ofSeconds(10);

    private final LocalStack stack;
    private final List<String> failures = new ArrayList<>();
    private final Instant started = Instant.now();

    private TwoInstanceCheck(LocalStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        var cases = 24;
        var dataDir = Path.of("target/two-instance-check");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--data" -> dataDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--cases N, --data DIR)");
            }
        }
        var jvm = new ArrayList<>(LocalStackConfig.SERVICE_JVM_OPTIONS);
        // Short enough for a CI stage: a dead holder's lease, a dead instance's idempotency claim, the gauges' refresh.
        jvm.add("-Daftersales.instance.lease-duration=" + LEASE.toSeconds() + "s");
        jvm.add("-Daftersales.idempotency.stale-after=10s");
        jvm.add("-Daftersales.intake.metrics-refresh=2s");
        var config = Benchmarks.freshStack(dataDir).withServiceJvmOptions(jvm).withInstances(2);
        int exit;
        try (var stack = LocalStack.start(config)) {
            var check = new TwoInstanceCheck(stack);
            check.log("stack up with 2 instances of each service: " + stack.milestones());
            check.run(cases);
            exit = check.report();
        }
        System.exit(exit);
    }

    private void run(int cases) throws Exception {
        feedOnOneInstanceGetsAssignmentMadeThroughTheOther();
        backlogGaugeCountedOnce("both instances up");
        var registered = streamOfCasesWhileOneInstanceOfEachServiceIsKilled(cases);
        noCaseLostOrDoubled(registered);
        // Before the clock moves: past the first-answer deadline no case counts as waiting any more.
        backlogGaugeCountedOnce("one instance killed");
        eachSlaBreachOnce(registered);
    }

    // ---- 1. the feed ----

    private void feedOnOneInstanceGetsAssignmentMadeThroughTheOther() throws Exception {
        var a = stack.instanceUrls(Service.DISPATCH).get(0);
        var b = stack.instanceUrls(Service.DISPATCH).get(1);
        var serial = "WP-0001";
        var complaintId = register(serial, "feed check", UUID.randomUUID().toString());
        var assignmentId = awaitValue(Duration.ofSeconds(60), () -> assignmentOf(complaintId));
        var technician = DemoArchive.get().technicians().stream()
                .filter(t ->
                        t.dealerId().equals(DemoArchive.get().machine(serial).dealerId()))
                .map(DemoArchive.Technician::technicianId)
                .filter(id -> !id.equals(currentTechnician(assignmentId)))
                .findFirst()
                .orElseThrow();
        var token = stack.technicianToken(
                technician, DemoArchive.get().technician(technician).dealerId());
        var seen = new CompletableFuture<Instant>();
        var feed = new Thread(() -> readFeed(a, token, assignmentId, seen), "feed-on-A");
        feed.setDaemon(true);
        feed.start();
        Thread.sleep(1_500); // the stream is open and has sent what was there before
        var sent = Instant.now();
        var answer = send(
                b,
                "POST",
                "/api/assignments/" + assignmentId + "/manual-assignment",
                stack.demoTokens().get("DISPATCHER_TOKEN"),
                Map.of("technicianId", technician, "note", "two-instance check"),
                null);
        if (answer.statusCode() != 200) {
            failures.add("feed: manual assignment through B answered " + answer.statusCode() + " " + answer.body());
            return;
        }
        try {
            var at = seen.get(20, TimeUnit.SECONDS);
            log(String.format(
                    Locale.ROOT,
                    "feed: %s's feed open on dispatch A (%s) got assignment %s made through B (%s) after %d ms",
                    technician,
                    a,
                    assignmentId,
                    b,
                    Duration.between(sent, at).toMillis()));
        } catch (Exception e) {
            failures.add("feed: the assignment made through B did not reach the feed open on A within 20 s");
        }
    }

    private static void readFeed(URI instance, String token, String assignmentId, CompletableFuture<Instant> seen) {
        var request = HttpRequest.newBuilder(instance.resolve("/api/technician/feed"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null && !seen.isDone()) {
                    if (line.startsWith("data:") && line.contains(assignmentId)) {
                        seen.complete(Instant.now());
                    }
                }
            }
        } catch (IOException e) {
            seen.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- 2. cases while instances die ----

    /** @return complaint id by machine serial */
    private Map<String, String> streamOfCasesWhileOneInstanceOfEachServiceIsKilled(int count) throws Exception {
        var machines = DemoArchive.get().machines().stream()
                .map(DemoArchive.Machine::serialNumber)
                .filter(serial -> !serial.equals("WP-0001"))
                .limit(count)
                .toList();
        var registered = new LinkedHashMap<String, String>();
        var killAt = machines.size() / 3;
        var retried = 0;
        for (int i = 0; i < machines.size(); i++) {
            if (i == killAt) {
                for (var service : Service.values()) {
                    stack.killInstance(service, 0);
                }
                log("killed instance 1 of intake, dispatch, parts and followup (SIGKILL) after " + i + " cases");
            }
            var serial = machines.get(i);
            var key = UUID.randomUUID().toString();
            String complaintId = null;
            for (int attempt = 1; complaintId == null; attempt++) {
                try {
                    complaintId = register(serial, "two-instance check", key);
                } catch (IOException | IllegalStateException e) {
                    if (attempt >= 30) {
                        throw new IllegalStateException("case for " + serial + " not registered: " + e.getMessage());
                    }
                    retried++;
                    Thread.sleep(1_000); // same Idempotency-Key: a retry never makes a second case
                }
            }
            registered.put(serial, complaintId);
        }
        log(String.format(
                Locale.ROOT,
                "cases: %d registered through the round-robin intake port (%d retries with the same Idempotency-Key)",
                registered.size(),
                retried));
        return registered;
    }

    private void noCaseLostOrDoubled(Map<String, String> registered) throws InterruptedException {
        var ids = Set.copyOf(registered.values());
        // Every case reaches dispatch and gets its one assignment, however the partitions moved.
        var settled = await(Duration.ofSeconds(150), () -> ids.stream().allMatch(id -> assignmentOf(id) != null));
        try (var mongo = MongoClients.create(stack.storeUri(Service.INTAKE))) {
            var complaints = mongo.getDatabase("intake").getCollection("complaints");
            var doubled = 0;
            for (var serial : registered.keySet()) {
                var n = complaints.countDocuments(Filters.eq("serialNumber", serial));
                if (n != 1) {
                    doubled++;
                    failures.add("cases: machine " + serial + " has " + n + " cases in intake, expected 1");
                }
            }
            var assignments = mongo.getDatabase("dispatch").getCollection("assignments");
            var withoutOne = 0;
            for (var id : ids) {
                var n = assignments.countDocuments(Filters.eq("complaintId", id));
                if (n != 1) {
                    withoutOne++;
                    failures.add("assignments: case " + id + " has " + n + " assignments, expected 1");
                }
            }
            log(String.format(
                    Locale.ROOT,
                    "store: %d cases, each once in intake (%d not) and with exactly one assignment in dispatch"
                            + " (%d not; all settled: %s)",
                    ids.size(),
                    doubled,
                    withoutOne,
                    settled));
        }
        var events = events(List.of("intake.complaints.v1", "dispatch.assignments.v1"));
        var registeredEvents = countDistinct(events, "aftersales.intake.ComplaintRegistered.v1", e -> "");
        var assignedIds = new HashMap<String, Set<String>>();
        for (var event : events) {
            if (event.type().equals("aftersales.dispatch.TechnicianAssigned.v1")) {
                assignedIds
                        .computeIfAbsent(event.payload().get("complaintId").asString(), k -> new HashSet<>())
                        .add(event.payload().get("assignmentId").asString());
            }
        }
        int badEvents = 0;
        for (var id : ids) {
            var n = registeredEvents.getOrDefault(id + "/", 0);
            var assigned = assignedIds.getOrDefault(id, Set.of()).size();
            if (n != 1 || assigned != 1) {
                badEvents++;
                failures.add("events: case " + id + " has " + n + " ComplaintRegistered and " + assigned
                        + " assignment ids in TechnicianAssigned, expected 1 and 1");
            }
        }
        log(String.format(
                Locale.ROOT,
                "topics: %d events read; each case has one ComplaintRegistered (by ce_id) and one assignment id"
                        + " in its TechnicianAssigned events (%d cases not)",
                events.size(),
                badEvents));
        var leases = new ArrayList<String>();
        try (var mongo = MongoClients.create(stack.storeUri(Service.INTAKE))) {
            for (var service : Service.values()) {
                for (var lease :
                        mongo.getDatabase(service.id()).getCollection("leases").find()) {
                    leases.add(service.id() + ":" + lease.getString("_id"));
                }
            }
        }
        log("leases held in the store: " + leases);
        if (leases.stream().noneMatch(l -> l.equals("intake:sweep/sla-clocks"))
                || leases.stream().noneMatch(l -> l.equals("intake:database-gauges"))) {
            failures.add("leases: intake holds no sweep/sla-clocks or database-gauges lease");
        }
    }

    // ---- 3. a sweep's effect once ----

    private void eachSlaBreachOnce(Map<String, String> registered) throws Exception {
        var advance = send(
                stack.url(Service.INTAKE),
                "POST",
                "/admin/clock",
                stack.demoTokens().get("OPS_TOKEN"),
                Map.of("by", "PT5H"),
                null);
        if (advance.statusCode() / 100 != 2) {
            failures.add("clock: advancing by 5 h answered " + advance.statusCode() + " " + advance.body());
            return;
        }
        var ids = Set.copyOf(registered.values());
        var breached = new Map[1];
        await(Duration.ofSeconds(60), () -> {
            breached[0] = countDistinct(
                    events(List.of("intake.complaints.v1")),
                    "aftersales.intake.SlaBreached.v1",
                    e -> e.payload().get("clock").asString());
            return ids.stream().allMatch(id -> breached[0].containsKey(id + "/FIRST_ANSWER"));
        });
        @SuppressWarnings("unchecked")
        Map<String, Integer> counts = breached[0];
        int wrong = 0;
        for (var id : ids) {
            var n = counts.getOrDefault(id + "/FIRST_ANSWER", 0);
            if (n != 1) {
                wrong++;
                failures.add("sweep: case " + id + " breached its first-answer clock " + n + " times, expected once");
            }
        }
        log(String.format(
                Locale.ROOT,
                "sweep: clock advanced 5 h past the 4 h first-answer deadline; %d cases breached exactly once"
                        + " (%d not), swept on the surviving instances",
                ids.size() - wrong,
                wrong));
    }

    // ---- 4. the backlog gauge ----

    private void backlogGaugeCountedOnce(String when) throws Exception {
        long inStore;
        try (var mongo = MongoClients.create(stack.storeUri(Service.INTAKE))) {
            // The gauge's own filter (CaseBacklogGauges): open cases without an answer.
            inStore = mongo.getDatabase("intake")
                    .getCollection("complaints")
                    .countDocuments(
                            Filters.and(Filters.eq("answered", false), Filters.nin("status", "CLOSED", "CANCELLED")));
        }
        var values = new Map[1];
        // The dead instance's lease expires, the survivor takes it and counts at its next refresh.
        var agreed = await(LEASE.multipliedBy(4), () -> {
            values[0] = scrape("aftersales_intake_cases_unanswered ");
            var exported = values[0].values().stream().filter(v -> v != null).toList();
            return exported.size() == 1 && ((Double) exported.get(0)) == inStore;
        });
        @SuppressWarnings("unchecked")
        Map<URI, Double> byInstance = values[0];
        var exported = byInstance.values().stream().filter(v -> v != null).toList();
        var sum = exported.stream().mapToDouble(Double::doubleValue).sum();
        var max = exported.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        log(String.format(
                Locale.ROOT,
                "gauge (%s): aftersales_intake_cases_unanswered by instance %s (none: not exported there);"
                        + " dashboard max %s, sum %s; one instance's count of the same data (the store) %d",
                when,
                byInstance,
                max,
                sum,
                inStore));
        if (!agreed) {
            failures.add("gauge (" + when + "): the backlog over the instances (max " + max + ", sum " + sum
                    + ") is not the one-instance value " + inStore + " exported by one instance");
        }
    }

    /** The sample of {@code metric} each live intake instance exports; null where it exports none. */
    private Map<URI, Double> scrape(String metric) {
        var values = new LinkedHashMap<URI, Double>();
        for (var instance : stack.instanceUrls(Service.INTAKE)) {
            try {
                var response = send(
                        instance,
                        "GET",
                        "/actuator/prometheus",
                        stack.demoTokens().get("OPS_TOKEN"),
                        null,
                        null);
                Double value = null;
                for (var line : response.body().split("\n")) {
                    if (line.startsWith(metric) || line.startsWith(metric.strip() + "{")) {
                        value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
                values.put(instance, value);
            } catch (IOException e) {
                // the killed instance
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return values;
    }

    // ---- helpers ----

    private String register(String serial, String symptoms, String idempotencyKey)
            throws IOException, InterruptedException {
        var response = send(
                stack.url(Service.INTAKE),
                "POST",
                "/api/complaints",
                stack.demoTokens().get("AGENT_TOKEN"),
                DemoArchive.get().complaint(serial, "REPAIR", symptoms),
                idempotencyKey);
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("registering a case for " + serial + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("complaintId").asString();
    }

    /** The id of the case's assignment in dispatch's store, or null while there is none. */
    private String assignmentOf(String complaintId) {
        try (var mongo = MongoClients.create(stack.storeUri(Service.DISPATCH))) {
            var doc = mongo.getDatabase("dispatch")
                    .getCollection("assignments")
                    .find(Filters.eq("complaintId", complaintId))
                    .first();
            return doc == null ? null : doc.getString("_id");
        }
    }

    private String currentTechnician(String assignmentId) {
        try (var mongo = MongoClients.create(stack.storeUri(Service.DISPATCH))) {
            var doc = mongo.getDatabase("dispatch")
                    .getCollection("assignments")
                    .find(Filters.eq("_id", assignmentId))
                    .first();
            return doc == null ? null : doc.getString("technicianId");
        }
    }

    /** A new client per request: a new connection, so the round-robin port spreads requests over the instances. */
    private static HttpResponse<String> send(
            URI base, String method, String path, String token, Object body, String key)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record Event(String type, String id, String subject, JsonNode payload) {}

    /** Every event on {@code topics} from the beginning, read as the broker's admin. */
    private List<Event> events(List<String> topics) {
        var settings = new HashMap<>(stack.kafkaClient("admin"));
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        var events = new ArrayList<Event>();
        try (var consumer = new KafkaConsumer<String, byte[]>(settings)) {
            var partitions = new ArrayList<TopicPartition>();
            for (var topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var type = header(record.headers().lastHeader("ce_type"));
                    events.add(new Event(
                            type,
                            header(record.headers().lastHeader("ce_id")),
                            record.key(),
                            JSON.readTree(record.value())));
                }
            }
        }
        return events;
    }

    private static String header(org.apache.kafka.common.header.Header header) {
        return header == null ? "" : new String(header.value(), UTF_8);
    }

    /** Distinct event ids of {@code type} by {@code <case id>/<part>}: a redelivered event counts once, a second event twice. */
    private static Map<String, Integer> countDistinct(
            List<Event> events, String type, java.util.function.Function<Event, String> part) {
        var ids = new HashMap<String, Set<String>>();
        for (var event : events) {
            if (event.type().equals(type)) {
                var complaintId = event.payload().get("complaintId").asString();
                ids.computeIfAbsent(complaintId + "/" + part.apply(event), k -> new HashSet<>())
                        .add(event.id());
            }
        }
        var counts = new HashMap<String, Integer>();
        ids.forEach((key, set) -> counts.put(key, set.size()));
        return counts;
    }

    private static boolean await(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not yet readable
            }
            Thread.sleep(500);
        }
        return condition.getAsBoolean();
    }

    private static <T> T awaitValue(Duration atMost, java.util.function.Supplier<T> value) throws InterruptedException {
        var found = new ArrayList<T>(1);
        await(atMost, () -> {
            var v = value.get();
            if (v != null) {
                found.add(v);
            }
            return v != null;
        });
        if (found.isEmpty()) {
            throw new IllegalStateException("nothing within " + atMost);
        }
        return found.get(0);
    }

    private int report() {
        var took = Duration.between(started, Instant.now());
        if (failures.isEmpty()) {
            log("OK: every check held (" + took.toSeconds() + " s after the stack was up)");
            return 0;
        }
        failures.forEach(f -> System.out.println("[two-instances] FAILED: " + f));
        return 1;
    }

    private void log(String message) {
        System.out.println(
                "[two-instances " + Duration.between(started, Instant.now()).toSeconds() + "s] " + message);
    }
}
