package dev.aftersales.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    private static final String SERIALS = "BM";

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
        var options = Benchmarks.options(args);
        int complaints = Integer.parseInt(options.getOrDefault("complaints", "3000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        var config = Benchmarks.freshStack(Path.of(options.getOrDefault("data", "target/benchmark-stack")));
        if (options.containsKey("full-jit")) {
            config = Benchmarks.withoutC1Only(config);
        }
        if (options.containsKey("jfr")) {
            config = Benchmarks.withFlightRecordings(config, Path.of(options.get("jfr")));
        }
        try (var stack = LocalStack.start(config)) {
            new ThroughputBenchmark(stack).run(complaints, clients);
        }
    }

    private void run(int complaints, int clients) throws Exception {
        Benchmarks.importMachines(stack, http, SERIALS, complaints, Benchmarks.installers());
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

    private void register(int from, int to, int clients) throws Exception {
        var agent = stack.demoTokens().get("AGENT_TOKEN");
        var indexes = new ArrayList<Integer>();
        for (int i = from; i < to; i++) {
            indexes.add(i);
        }
        parallel(indexes, clients, i -> {
            var body = Benchmarks.leakCall("测试客户" + i, String.format("139%08d", i), Benchmarks.serial(SERIALS, i));
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
        try (var consumer = Benchmarks.tap(stack, List.of("dispatch.assignments.v1", "followup.v1"))) {
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
                "%s: %d cases; requests %.0f/s (%.1f s); carried through %.0f/s (%.1f s); latency ms %s%n",
                step,
                n,
                n / postSeconds,
                postSeconds,
                n / totalSeconds,
                totalSeconds,
                Benchmarks.percentiles(latencies));
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
        line.append(String.format("; all %.2f (load average %s)", total / (double) n, Benchmarks.loadAverage()));
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
}
