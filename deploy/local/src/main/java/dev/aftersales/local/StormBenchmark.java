package dev.aftersales.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import de.bwaldvogel.mongo.bson.Document;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.dispatch.PartsRequested;
import dev.aftersales.contracts.parts.PartsBackordered;
import dev.aftersales.contracts.parts.PartsReserved;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures a storm of parts requests on one hot part, as a recalled batch brings them: a fresh local
 * stack (the packaged jars and launcher a user runs); PartsRequested records (quantity 1, all for one
 * dealer) produced straight to parts' input topic with dispatch's credentials, as dispatch would send
 * them; {@code --requests} of them for {@code --units} units of a part stocked at that dealer only.
 * Prints how many were reserved and backordered (read off parts' PartsReserved and PartsBackordered
 * records, and the line's reserved units from parts' stock door), the requests per second until the
 * last answer, and parts' CPU time per request (its process, from {@code /proc}).
 *
 * <p>The storm runs with little history stored (a warm-up storm's ~1,000 requests), and again once
 * parts holds {@code --history} stored reservations and backorders (half each), seeded straight into
 * the store in this JVM as copies of what the warm-up stored, or with {@code --bulk} through parts itself
 * (storms on parts of 250 units, 500 requests each: slow on a busy machine). The cost of a request must not
 * grow with them. Each kind of storm runs {@code --repeat} times (3), each on a part of its own, and the
 * medians are compared: a storm now takes about a second, so one collection inside it moves its figure.
 *
 * <p>Run: {@code java -Xmx1g -cp "deploy/local/target/classes:deploy/local/target/lib/*"
 * dev.aftersales.local.StormBenchmark --requests 2000 --units 500 --history 50000}.
 */
public final class StormBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventCatalog REQUESTED = EventCatalog.ofPayload(PartsRequested.class);
    private static final String RESERVED =
            EventCatalog.ofPayload(PartsReserved.class).type();
    private static final String BACKORDERED =
            EventCatalog.ofPayload(PartsBackordered.class).type();
    private static final String DEALER = "D-SH";
    private static final String TECHNICIAN = "T-001";
    /** A history part: units and requests, so half the requests are held and half wait. */
    private static final int HISTORY_UNITS = 250;

    private static final int HISTORY_REQUESTS = 500;

    /** How long parts' idle CPU is sampled before each storm. */
    private static final Duration IDLE_SAMPLE = Duration.ofSeconds(15);

    private final LocalStack stack;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KafkaProducer<String, String> producer;
    /** Request id → the ce_type of parts' answer. */
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    private final AtomicLong lastAnswerAt = new AtomicLong();
    private volatile boolean tapping = true;
    private int stored;

    private StormBenchmark(LocalStack stack) {
        this.stack = stack;
        var props = new Properties();
        // dispatch's principal: the only one the locked bus lets write parts' input topic
        props.putAll(stack.kafkaClient(Service.DISPATCH.id()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(props);
    }

    record Result(
            String label,
            int history,
            int requests,
            int reserved,
            int backordered,
            int lineReserved,
            double perSecond,
            double cpuMsPerRequest,
            double netCpuMsPerRequest,
            String load) {}

    public static void main(String[] args) throws Exception {
        int requests = 2_000;
        int units = 500;
        int history = 50_000;
        boolean bulk = false;
        boolean fullJit = false;
        boolean youngOnly = false;
        int repeat = 3;
        Path recordings = null;
        var dataDir = Path.of("target/storm-benchmark-stack");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--units" -> units = Integer.parseInt(args[++i]);
                case "--history" -> history = Integer.parseInt(args[++i]);
                case "--data" -> dataDir = Path.of(args[++i]);
                case "--bulk" -> bulk = true;
                case "--full-jit" -> fullJit = true;
                case "--young-only" -> youngOnly = true;
                case "--jfr" -> recordings = Path.of(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var config = Benchmarks.freshStack(dataDir);
        if (fullJit) {
            config = Benchmarks.withoutC1Only(config);
        }
        if (recordings != null) {
            config = Benchmarks.withFlightRecordings(config, recordings);
        }
        try (var stack = LocalStack.start(config)) {
            new StormBenchmark(stack).run(requests, units, youngOnly ? -1 : history, bulk, Math.max(1, repeat));
        }
    }

    /**
     * @param repeat storms of each kind, each on a part of its own: a storm of 2,000 now takes about a
     *     second, so one collection or one gauge refresh inside it moves its CPU per request by tens of
     *     per cent; the comparison is between the medians
     */
    private void run(int requests, int units, int history, boolean bulk, int repeat) throws Exception {
        var tap = new Thread(this::tap, "storm-tap");
        tap.start();
        Thread.sleep(2_000); // the tap is at the end of parts' topic
        try {
            // Warm-up, and the little history: one part of a quarter the units, half the requests.
            stock(List.of("STORM-WARM"), units / 2);
            storm("warm-up", "W", requests / 2, "STORM-WARM");
            var results = new ArrayList<Result>();
            var young = new ArrayList<Result>();
            for (int r = 1; r <= repeat; r++) {
                var part = repeat == 1 ? "STORM-A" : "STORM-A" + r;
                stock(List.of(part), units);
                young.add(storm("young stack", "A" + r, requests, part));
            }
            results.addAll(young);
            if (history < 0) {
                printTable(results);
                return;
            }
            if (bulk) {
                seed(history - stored);
            } else {
                seedStraightIntoTheStore(history - stored);
            }
            var old = new ArrayList<Result>();
            for (int r = 1; r <= repeat; r++) {
                var part = repeat == 1 ? "STORM-C" : "STORM-C" + r;
                stock(List.of(part), units);
                old.add(storm("with history", "C" + r, requests, part));
            }
            results.addAll(old);
            printTable(results);
            double youngCpu = median(young, Result::cpuMsPerRequest);
            double oldCpu = median(old, Result::cpuMsPerRequest);
            double youngNet = median(young, Result::netCpuMsPerRequest);
            double oldNet = median(old, Result::netCpuMsPerRequest);
            System.out.printf(
                    Locale.ROOT,
                    "parts CPU per request (median of %d storms) with %,d stored is %.2f ms, %+.0f %% of %.2f ms with %,d"
                            + " stored (less idle: %.2f against %.2f ms, %+.0f %%)%n",
                    repeat,
                    old.get(0).history(),
                    oldCpu,
                    100.0 * (oldCpu - youngCpu) / youngCpu,
                    youngCpu,
                    young.get(0).history(),
                    oldNet,
                    youngNet,
                    100.0 * (oldNet - youngNet) / youngNet);
        } finally {
            tapping = false;
            tap.join();
            producer.close();
        }
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> figure) {
        var sorted = results.stream().mapToDouble(figure).sorted().toArray();
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void printTable(List<Result> results) {
        System.out.println();
        System.out.println("| storm | reservations and backorders stored before | requests | reserved | backordered"
                + " | line's reserved units | requests/s | parts CPU ms per request | less idle | load (1 min) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (var r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %d | %d | %d | %.0f | %.2f | %.2f | %s |%n",
                    r.label(),
                    r.history(),
                    r.requests(),
                    r.reserved(),
                    r.backordered(),
                    r.lineReserved(),
                    r.perSecond(),
                    r.cpuMsPerRequest(),
                    r.netCpuMsPerRequest(),
                    r.load());
        }
    }

    /** One storm: {@code requests} for one unit each of {@code part} at the dealer, produced at once. */
    private Result storm(String label, String prefix, int requests, String part) throws Exception {
        int before = stored;
        var load = Benchmarks.loadAverage();
        // What parts burns idle (its consumers' polls, sweeps, gauges) is charged to no request.
        var idleFrom = stack.cpuTime().get(Service.PARTS.id());
        long idleStart = System.nanoTime();
        Thread.sleep(IDLE_SAMPLE.toMillis());
        var cpu = stack.cpuTime().get(Service.PARTS.id());
        double idlePerSecond = cpu.minus(idleFrom).toNanos() / ((System.nanoTime() - idleStart) / 1e9);
        stack.storeProfile().reset();
        var allBefore = stack.cpuTime();
        long start = System.nanoTime();
        var ids = new ArrayList<String>(requests);
        for (int i = 0; i < requests; i++) {
            ids.add(request(prefix, i, part));
        }
        producer.flush();
        awaitAnswers(ids, Duration.ofMinutes(10));
        long end = lastAnswerAt.get();
        var allAfter = stack.cpuTime();
        var cpuAfter = allAfter.get(Service.PARTS.id());
        long cpuAt = System.nanoTime();
        int reserved = (int)
                ids.stream().filter(id -> RESERVED.equals(answers.get(id))).count();
        int backordered = (int)
                ids.stream().filter(id -> BACKORDERED.equals(answers.get(id))).count();
        stored += reserved + backordered;
        var result = new Result(
                label,
                before,
                requests,
                reserved,
                backordered,
                lineReserved(part),
                requests / ((end - start) / 1e9),
                cpuAfter.minus(cpu).toNanos() / 1e6 / requests,
                (cpuAfter.minus(cpu).toNanos() - idlePerSecond * (cpuAt - start) / 1e9) / 1e6 / requests,
                load);
        System.out.printf(
                Locale.ROOT,
                "%s: %,d requests for %s → %d reserved, %d backordered (the line holds %d) in %.1f s: %.0f requests/s,"
                        + " parts CPU %.2f ms per request (%.2f less its idle rate); load %s%n",
                label,
                requests,
                part,
                reserved,
                backordered,
                result.lineReserved(),
                (end - start) / 1e9,
                result.perSecond(),
                result.cpuMsPerRequest(),
                result.netCpuMsPerRequest(),
                load);
        printCpuPerRequest(allBefore, allAfter, requests);
        // Which commands each request costs the store (all services; parts' database is "parts").
        stack.storeProfile().report(requests).forEach(line -> System.out.println("  " + line));
        return result;
    }

    /**
     * Every process's CPU per request over the storm (parts' idle sampling excluded): throughput is
     * bound by what all of them together burn per request on the machine's cores, not by parts alone.
     */
    private static void printCpuPerRequest(Map<String, Duration> before, Map<String, Duration> after, int requests) {
        long total = 0;
        var line = new StringBuilder("  CPU ms per request:");
        for (var process : after.entrySet()) {
            long nanos = process.getValue()
                    .minus(before.getOrDefault(process.getKey(), Duration.ZERO))
                    .toNanos();
            total += nanos;
            line.append(String.format(Locale.ROOT, " %s %.2f,", process.getKey(), nanos / 1e6 / requests));
        }
        line.append(String.format(Locale.ROOT, " all %.2f", total / 1e6 / requests));
        System.out.println(line);
    }

    /**
     * The bulk run that brings parts' stored reservations and backorders to the history size: storms
     * on parts of {@value #HISTORY_UNITS} units, {@value #HISTORY_REQUESTS} requests each, all produced at once.
     */
    private void seed(int count) throws Exception {
        int parts = Math.max(0, count / HISTORY_REQUESTS);
        if (parts == 0) {
            return;
        }
        var partNumbers = new ArrayList<String>();
        for (int p = 0; p < parts; p++) {
            partNumbers.add(String.format(Locale.ROOT, "HIST-%04d", p));
        }
        stock(partNumbers, HISTORY_UNITS);
        long start = System.nanoTime();
        var ids = new ArrayList<String>();
        for (var part : partNumbers) {
            for (int i = 0; i < HISTORY_REQUESTS; i++) {
                ids.add(request("H" + part, i, part));
            }
        }
        producer.flush();
        awaitAnswers(ids, Duration.ofMinutes(30));
        int answered = (int) ids.stream().filter(answers::containsKey).count();
        stored += answered;
        System.out.printf(
                Locale.ROOT,
                "bulk run: %,d requests over %d parts answered in %.0f s; %,d reservations and backorders stored%n",
                ids.size(),
                parts,
                (System.nanoTime() - start) / 1e9,
                stored);
        Thread.sleep(5_000); // the other services finish what the bulk run told them
    }

    /**
     * Brings the stored reservations and backorders to the history size in seconds: copies of what
     * the warm-up storm stored (its line with its reservations, a backorder, a claim), renamed, written
     * straight into the store in this JVM. Half are reservations on lines of parts of their own (as
     * many per line as the warm-up's line holds), half backorders of those parts; each has its claim.
     */
    private void seedStraightIntoTheStore(int count) {
        var backend = stack.storeBackend();
        var db = Service.PARTS.id();
        seeder = new io.netty.channel.embedded.EmbeddedChannel();
        var line = first(backend, db, "stock", new Document("_id", DEALER + "|STORM-WARM"));
        var backorder = first(backend, db, "backorders", new Document("partNumber", "STORM-WARM"));
        var claim = first(backend, db, "requestClaims", new Document("_id", "RQ-W-0"));
        int perLine = ((List<?>) line.get("reservations")).size();
        int lines = Math.max(1, count / 2 / perLine);
        long start = System.nanoTime();
        var stock = new ArrayList<Object>();
        var parts = new ArrayList<Object>();
        var backorders = new ArrayList<Object>();
        var claims = new ArrayList<Object>();
        for (int l = 0; l < lines; l++) {
            var part = String.format(Locale.ROOT, "HIST-%04d", l);
            var copy = (Document) DocumentStore.SnapshotBackend.copy(line);
            copy.put("_id", DEALER + "|" + part);
            copy.put("partNumber", part);
            copy.put("outbox", new Document("pending", new ArrayList<>()).append("handled", new ArrayList<>()));
            int k = 0;
            for (var held : (List<?>) copy.get("reservations")) {
                var reservation = (Document) held;
                var requestId = "RQ-" + part + "-" + k++;
                reservation.put("requestId", requestId);
                reservation.put("complaintId", "C-" + part + "-" + k);
                claims.add(claimOf(claim, requestId, DEALER + "|" + part, "RESERVED"));
            }
            stock.add(copy);
            parts.add(new Document("_id", part).append("locations", new ArrayList<>(List.of(DEALER))));
            for (int b = 0; b < perLine; b++) {
                var waiting = (Document) DocumentStore.SnapshotBackend.copy(backorder);
                var requestId = "RQ-" + part + "-B" + b;
                waiting.put("_id", requestId);
                waiting.put("requestId", requestId);
                waiting.put("complaintId", "C-" + part + "-B" + b);
                waiting.put("partNumber", part);
                waiting.put("outbox", new Document("pending", new ArrayList<>()).append("handled", new ArrayList<>()));
                backorders.add(waiting);
                claims.add(claimOf(claim, requestId, DEALER + "|" + part, "BACKORDERED"));
            }
        }
        insert(backend, db, "stock", stock);
        insert(backend, db, "stock_parts", parts);
        insert(backend, db, "backorders", backorders);
        insert(backend, db, "requestClaims", claims);
        stored += lines * perLine * 2;
        System.out.printf(
                Locale.ROOT,
                "seeded %,d reservations on %d lines, %,d backorders and %,d claims into the store in %.1f s;"
                        + " %,d reservations and backorders stored%n",
                lines * perLine,
                lines,
                backorders.size(),
                claims.size(),
                (System.nanoTime() - start) / 1e9,
                stored);
    }

    private static Document claimOf(Document template, String requestId, String lineId, String outcome) {
        var claim = (Document) DocumentStore.SnapshotBackend.copy(template);
        claim.put("_id", requestId);
        claim.put("token", UUID.randomUUID().toString());
        claim.put("lines", new ArrayList<>(List.of(lineId)));
        claim.put("outcome", outcome);
        return claim;
    }

    /** The store keeps a last status per client connection: the seeder's own. */
    private static io.netty.channel.Channel seeder;

    private static Document first(
            DocumentStore.SnapshotBackend backend, String db, String collection, Document filter) {
        var answer = backend.handleCommand(
                seeder,
                db,
                "find",
                new Document("find", collection).append("filter", filter).append("limit", 1));
        var batch = (List<?>) ((Document) answer.get("cursor")).get("firstBatch");
        if (batch.isEmpty()) {
            throw new IllegalStateException("nothing in " + collection + " matches " + filter);
        }
        return (Document) batch.get(0);
    }

    private static void insert(
            DocumentStore.SnapshotBackend backend, String db, String collection, List<Object> documents) {
        for (int from = 0; from < documents.size(); from += 1_000) {
            backend.handleCommand(
                    seeder,
                    db,
                    "insert",
                    new Document("insert", collection)
                            .append(
                                    "documents",
                                    new ArrayList<>(documents.subList(from, Math.min(documents.size(), from + 1_000))))
                            .append("ordered", true));
        }
    }

    /** Produces one PartsRequested as dispatch would; returns its request id. */
    private String request(String prefix, int i, String part) {
        var requestId = "RQ-" + prefix + "-" + i;
        var complaintId = "C-" + prefix + "-" + i;
        var payload = String.format(
                Locale.ROOT,
                "{\"requestId\":\"%s\",\"complaintId\":\"%s\",\"assignmentId\":\"ASG-%s-%d\",\"technicianId\":\"%s\","
                        + "\"dealerId\":\"%s\",\"partNumber\":\"%s\",\"quantity\":1,\"requestedAt\":\"%s\"}",
                requestId,
                complaintId,
                prefix,
                i,
                TECHNICIAN,
                DEALER,
                part,
                Instant.now());
        var headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(UTF_8));
        headers.add("ce_source", EventCatalog.sourceOf(Service.DISPATCH.id()).getBytes(UTF_8));
        headers.add("ce_type", REQUESTED.type().getBytes(UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(UTF_8));
        headers.add("ce_subject", complaintId.getBytes(UTF_8));
        headers.add("content-type", "application/json".getBytes(UTF_8));
        // keyed by complaint id, as dispatch keys its stream
        producer.send(new ProducerRecord<>(REQUESTED.topic(), null, complaintId, payload, headers));
        return requestId;
    }

    private void awaitAnswers(List<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = 0;
        while (next < ids.size()) {
            if (answers.containsKey(ids.get(next))) {
                next++;
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        (ids.size() - next) + " requests unanswered after " + timeout + ", e.g. " + ids.get(next));
            }
            Thread.sleep(20);
        }
    }

    /** Parts' answers (PartsReserved, PartsBackordered), first one per request id. */
    private void tap() {
        var topic = EventCatalog.ofPayload(PartsReserved.class).topic();
        try (var consumer = Benchmarks.tap(stack, List.of(topic))) {
            while (tapping) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type == null) {
                        continue;
                    }
                    var ceType = new String(type.value(), UTF_8);
                    if (ceType.equals(RESERVED) || ceType.equals(BACKORDERED)) {
                        var requestId =
                                JSON.readTree(record.value()).get("requestId").asString();
                        if (answers.putIfAbsent(requestId, ceType) == null) {
                            lastAnswerAt.set(System.nanoTime());
                        }
                    }
                }
            }
        }
    }

    /** Sets {@code units} on hand of each part at the dealer, a tenth as its reorder point. */
    private void stock(List<String> partNumbers, int units) throws Exception {
        for (int from = 0; from < partNumbers.size(); from += 1_000) {
            var lines = new ArrayList<Map<String, Object>>();
            for (var part : partNumbers.subList(from, Math.min(partNumbers.size(), from + 1_000))) {
                lines.add(
                        Map.of("locationId", DEALER, "partNumber", part, "onHand", units, "reorderPoint", units / 10));
            }
            var response = http.send(
                    HttpRequest.newBuilder(stack.url(Service.PARTS).resolve("/api/stock"))
                            .header(
                                    "Authorization",
                                    "Bearer " + stack.demoTokens().get("OPS_TOKEN"))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(lines)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stock refused: " + response.statusCode() + " " + response.body());
            }
        }
    }

    /** The part's reserved units at the dealer, as parts' stock door shows them. */
    private int lineReserved(String part) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(stack.url(Service.PARTS) + "/api/stock/" + DEALER))
                        .header("Authorization", "Bearer " + stack.demoTokens().get("OPS_TOKEN"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (var line : JSON.readTree(response.body())) {
            if (part.equals(line.get("partNumber").asString())) {
                return line.get("reserved").asInt();
            }
        }
        throw new IllegalStateException("no line of " + part + " at " + DEALER + ": " + response.body());
    }
}
