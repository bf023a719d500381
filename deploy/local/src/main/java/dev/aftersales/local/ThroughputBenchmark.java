package dev.aftersales.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures how many complaints the platform carries through all four services on this machine.
 * Starts a fresh local stack (the same packaged jars and launcher a user runs), imports an archive
 * with one machine per complaint, then:
 *
 * <ol>
 *   <li>hotline agents register {@code --complaints} complaints from {@code --clients} threads;
 *       the time until dispatch's TechnicianAssigned for each is read off the topic;
 *   <li>the installers complete every visit through the technicians' API; the time until
 *       followup's ReturnCallScheduled for each is read off the topic.
 * </ol>
 *
 * Prints throughput and latency percentiles. Run: {@code java -cp "deploy/local/target/classes:deploy/local/target/lib/*"
 * dev.aftersales.local.ThroughputBenchmark --complaints 3000 --clients 16 [--full-jit] [--jfr DIR]}.
 */
public final class ThroughputBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TECHNICIAN_ASSIGNED = "aftersales.dispatch.TechnicianAssigned.v1";
    private static final String RETURN_CALL_SCHEDULED = "aftersales.followup.ReturnCallScheduled.v1";

    private final LocalStack stack;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> registeredAt = new ConcurrentHashMap<>();
    private final Map<String, Long> assignedAt = new ConcurrentHashMap<>();
    private final Map<String, String[]> assignmentOf = new ConcurrentHashMap<>();
    private final Map<String, Long> completedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> returnCallAt = new ConcurrentHashMap<>();
    private final Map<String, String> technicianTokens = new ConcurrentHashMap<>();
    private volatile boolean tapping = true;

    private ThroughputBenchmark(LocalStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        var options = options(args);
        int complaints = Integer.parseInt(options.getOrDefault("complaints", "3000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        var dataDir = Path.of(options.getOrDefault("data", "target/benchmark-stack"));
        deleteRecursively(dataDir);
        var ports = freePorts(7);
        var config = LocalStackConfig.defaults(dataDir, LocalStackConfig.findRepoRoot(Path.of("")))
                .withBrokerPorts(ports.get(0), ports.get(1))
                .withStorePort(ports.get(2))
                .withServicePort(Service.INTAKE, ports.get(3))
                .withServicePort(Service.DISPATCH, ports.get(4))
                .withServicePort(Service.PARTS, ports.get(5))
                .withServicePort(Service.FOLLOWUP, ports.get(6))
                .withClassDataSharing(false);
        if (options.containsKey("full-jit")) {
            config = withoutC1Only(config);
        }
        if (options.containsKey("jfr")) {
            config = withFlightRecordings(config, Path.of(options.get("jfr")));
        }
        try (var stack = LocalStack.start(config)) {
            new ThroughputBenchmark(stack).run(complaints, clients);
        }
    }

    private void run(int complaints, int clients) throws Exception {
        var technicians = DemoArchive.get().technicians().stream()
                .filter(t -> t.active() && t.productLines().contains(DemoArchive.WATER_PURIFIER))
                .toList();
        importMachines(complaints, technicians);
        var tap = new Thread(this::tap, "benchmark-tap");
        tap.start();
        Thread.sleep(2_000); // the tap is at the end of both topics

        // Warm-up: the JIT and the consumer groups, not measured.
        register(0, Math.min(200, complaints / 10), clients);
        awaitAll(registeredAt.keySet(), assignedAt, Duration.ofMinutes(2));
        registeredAt.clear();
        assignedAt.clear();
        assignmentOf.clear();

        int warm = Math.min(200, complaints / 10);
        var cpu = stack.cpuTime();
        var storeCpu = storeThreadsCpu();
        long start = System.nanoTime();
        register(warm, complaints, clients);
        long posted = System.nanoTime();
        awaitAll(registeredAt.keySet(), assignedAt, Duration.ofMinutes(10));
        long assigned = System.nanoTime();
        int n = registeredAt.size();
        report("register → TechnicianAssigned", n, start, posted, assigned, latencies(registeredAt, assignedAt));
        cpu = reportCpu(n, cpu);
        storeCpu = reportStoreCpu(n, storeCpu);

        var cases = new ArrayList<>(assignmentOf.keySet());
        start = System.nanoTime();
        parallel(cases, clients, this::complete);
        posted = System.nanoTime();
        awaitAll(completedAt.keySet(), returnCallAt, Duration.ofMinutes(10));
        long scheduled = System.nanoTime();
        report(
                "complete → ReturnCallScheduled",
                completedAt.size(),
                start,
                posted,
                scheduled,
                latencies(completedAt, returnCallAt));
        reportCpu(completedAt.size(), cpu);
        reportStoreCpu(completedAt.size(), storeCpu);
        tapping = false;
        tap.join();
        System.out.printf(
                "resident memory of the stack: %d MiB%n",
                stack.residentMemory().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        / (1024 * 1024));
    }

    private void importMachines(int count, List<DemoArchive.Technician> technicians) throws Exception {
        var ops = stack.demoTokens().get("OPS_TOKEN");
        for (int from = 0; from < count; from += 2_000) {
            var installations = new ArrayList<Map<String, Object>>();
            for (int i = from; i < Math.min(count, from + 2_000); i++) {
                var installer = technicians.get(i % technicians.size());
                var installation = new LinkedHashMap<String, Object>();
                installation.put("serialNumber", serial(i));
                installation.put("model", "RO-400");
                installation.put("productLine", DemoArchive.WATER_PURIFIER);
                installation.put("customerId", "BM-CU-" + i);
                installation.put("dealerId", installer.dealerId());
                installation.put("installerId", installer.technicianId());
                installation.put("installedOn", "2025-06-01");
                installation.put("site", Map.of("address", "上海市浦东新区张江路" + i + "号", "regionCode", "310115"));
                installations.add(installation);
            }
            var response = send(
                    "POST",
                    stack.url(Service.DISPATCH).resolve("/api/archive/import"),
                    ops,
                    Map.of("dealers", List.of(), "technicians", List.of(), "installations", installations));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("archive import failed: " + response.body());
            }
        }
    }

    private void register(int from, int to, int clients) throws Exception {
        var agent = stack.demoTokens().get("AGENT_TOKEN");
        var indexes = new ArrayList<Integer>();
        for (int i = from; i < to; i++) {
            indexes.add(i);
        }
        parallel(indexes, clients, i -> {
            var body = Map.of(
                    "customer",
                    Map.of("name", "测试客户" + i, "phones", List.of(String.format("139%08d", i)), "address", "上海市浦东新区"),
                    "machine",
                    Map.of("serialNumber", serial(i), "model", "RO-400"),
                    "kind",
                    "REPAIR",
                    "channel",
                    "HOTLINE",
                    "symptoms",
                    "漏水");
            long sent = System.nanoTime();
            var response = send("POST", stack.url(Service.INTAKE).resolve("/api/complaints"), agent, body);
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "registration failed: " + response.statusCode() + " " + response.body());
            }
            var complaintId = JSON.readTree(response.body()).get("complaintId").asString();
            registeredAt.put(complaintId, sent);
        });
    }

    private void complete(String complaintId) throws Exception {
        var assignment = assignmentOf.get(complaintId);
        var technician = DemoArchive.get().technician(assignment[1]);
        // One token per technician, as their phone holds it: signing one per request cost the launcher's CPU.
        var token = technicianTokens.computeIfAbsent(
                technician.technicianId(), id -> stack.technicianToken(id, technician.dealerId()));
        long sent = System.nanoTime();
        var response = send(
                "POST",
                stack.url(Service.DISPATCH).resolve("/api/technician/assignments/" + assignment[0] + "/completion"),
                token,
                Map.of(
                        "diagnosis",
                        "滤芯老化",
                        "rootCause",
                        "WEAR",
                        "partsUsed",
                        List.of(),
                        "feeCharged",
                        0,
                        "fixed",
                        true));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("completion failed: " + response.statusCode() + " " + response.body());
        }
        completedAt.put(complaintId, sent);
    }

    private void tap() {
        var props = new Properties();
        // The launcher's admin reads every topic; the services' principals read only their own.
        props.putAll(stack.kafkaClient(BusAccess.ADMIN));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = new ArrayList<TopicPartition>();
            for (var topic : List.of("dispatch.assignments.v1", "followup.v1")) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (tapping) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type == null) {
                        continue;
                    }
                    long now = System.nanoTime();
                    switch (new String(type.value(), UTF_8)) {
                        case TECHNICIAN_ASSIGNED -> {
                            var payload = JSON.readTree(record.value());
                            assignmentOf.putIfAbsent(record.key(), new String[] {
                                payload.get("assignmentId").asString(),
                                payload.get("technicianId").asString()
                            });
                            assignedAt.putIfAbsent(record.key(), now);
                        }
                        case RETURN_CALL_SCHEDULED -> returnCallAt.putIfAbsent(record.key(), now);
                        default -> {}
                    }
                }
            }
        }
    }

    private static void awaitAll(java.util.Set<String> ids, Map<String, Long> reached, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached.keySet().containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "only " + ids.stream().filter(reached::containsKey).count() + " of " + ids.size()
                                + " reached the next step within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static long[] latencies(Map<String, Long> from, Map<String, Long> to) {
        return from.entrySet().stream()
                .mapToLong(e -> to.get(e.getKey()) - e.getValue())
                .sorted()
                .toArray();
    }

    private static void report(String step, int n, long start, long posted, long reached, long[] latencies) {
        double postSeconds = (posted - start) / 1e9;
        double totalSeconds = (reached - start) / 1e9;
        System.out.printf(
                "%s: %d cases; requests %.0f/s (%.1f s); carried through %.0f/s (%.1f s); latency ms p50 %d p95 %d p99 %d max %d%n",
                step,
                n,
                n / postSeconds,
                postSeconds,
                n / totalSeconds,
                totalSeconds,
                percentile(latencies, 50),
                percentile(latencies, 95),
                percentile(latencies, 99),
                latencies[latencies.length - 1] / 1_000_000);
    }

    /**
     * CPU per case since {@code before}, per process and in all: unlike throughput it hardly depends
     * on what else the machine runs. The launcher's share includes this benchmark's clients.
     */
    private Map<String, java.time.Duration> reportCpu(int n, Map<String, java.time.Duration> before) {
        var now = stack.cpuTime();
        var line = new StringBuilder("  CPU ms per case:");
        long total = 0;
        for (var entry : now.entrySet()) {
            long ms = entry.getValue()
                    .minus(before.getOrDefault(entry.getKey(), java.time.Duration.ZERO))
                    .toMillis();
            total += ms;
            line.append(String.format(" %s %.2f", entry.getKey(), ms / (double) n));
        }
        line.append(String.format("; all %.2f (load average %s)", total / (double) n, loadAverage()));
        System.out.println(line);
        return now;
    }

    /**
     * The store's part of the launcher's CPU: its network threads run every command. The rest of the
     * launcher's figure is this benchmark's clients and topic tap, which the platform does not carry.
     */
    private static long reportStoreCpu(int n, long before) {
        long now = storeThreadsCpu();
        System.out.printf("    of which the store's threads %.2f%n", (now - before) / 1e6 / n);
        return now;
    }

    private static long storeThreadsCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (var thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("mongo-server-")) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return nanos;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000;
    }

    private HttpResponse<String> send(String method, URI uri, String token, Object body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @FunctionalInterface
    private interface Step<T> {
        void run(T item) throws Exception;
    }

    private static <T> void parallel(List<T> items, int clients, Step<T> step) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var failures = new AtomicInteger();
        var next = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < items.size()) {
                    try {
                        step.run(items.get(i));
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 5) {
                            System.err.println(e.getMessage());
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
    }

    private static String serial(int i) {
        return String.format("BM-%07d", i);
    }

    /** The benchmark may run the services with C2 as well; the local stack uses C1 only for start-up. */
    static LocalStackConfig withoutC1Only(LocalStackConfig config) {
        return config.withServiceJvmOptions(config.serviceJvmOptions().stream()
                .filter(o -> !o.startsWith("-XX:TieredStopAtLevel"))
                .toList());
    }

    /**
     * Records every service with Java Flight Recorder into {@code dir} (one file per JVM, named by its pid), to see where the CPU
     * goes; start the benchmark's own JVM with {@code -XX:StartFlightRecording} to see the store.
     */
    static LocalStackConfig withFlightRecordings(LocalStackConfig config, Path dir) throws IOException {
        Files.createDirectories(dir);
        var options = new ArrayList<>(config.serviceJvmOptions());
        // Deeper stacks than the default 64 frames: a request through Tomcat, the security filters and
        // Spring MVC is deeper than that, and truncated stacks hide which filter or controller a sample is in.
        options.add("-XX:FlightRecorderOptions:stackdepth=256");
        options.add("-XX:StartFlightRecording=settings=profile,filename=" + dir.toAbsolutePath() + "/");
        return config.withServiceJvmOptions(options);
    }

    private static Map<String, String> options(String[] args) {
        var options = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            var name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }

    static List<Integer> freePorts(int count) throws IOException {
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (var socket : sockets) {
                socket.close();
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
