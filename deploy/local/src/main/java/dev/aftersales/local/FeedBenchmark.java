package dev.aftersales.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the technicians' push streams at scale on this machine: a fresh local stack (the packaged
 * jars, as a user runs them), {@code --feeds} streams open on the one dispatch instance from this JVM
 * (the JDK HttpClient, no thread per stream), and meanwhile, for {@code --seconds}, a dispatcher
 * listing assignments ({@code GET /api/assignments}) {@code --gets} times a second and the hotline
 * registering {@code --assignments} complaints a second, each of which dispatch assigns to an
 * installer whose app is among the open streams. Prints the p99 of both requests, the time from each
 * TechnicianAssigned's publication to its entry arriving on the technician's open stream, and
 * dispatch's heap and resident memory.
 *
 * <p>Run: {@code java -cp "deploy/local/target/classes:deploy/local/target/lib/*"
 * dev.aftersales.local.FeedBenchmark --feeds 5000 --seconds 60 [--gets 20] [--assignments 10]
 * [--service-heap 1200m]}: every service's heap (dispatch needs about 110 KiB per open stream).
 */
public final class FeedBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TECHNICIAN_ASSIGNED = "aftersales.dispatch.TechnicianAssigned.v1";
    private static final String SERIALS = "FB";

    private final LocalStack stack;
    /** Several clients, each with its own selector thread, share the streams. */
    private final List<HttpClient> feedClients = new ArrayList<>();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> pushedAt = new ConcurrentHashMap<>();
    private final List<Long> getLatencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> registerLatencies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> registered = new CopyOnWriteArrayList<>();
    private volatile boolean tapping = true;

    private FeedBenchmark(LocalStack stack) {
        this.stack = stack;
        for (int i = 0; i < 8; i++) {
            feedClients.add(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30))
                    .build());
        }
    }

    public static void main(String[] args) throws Exception {
        var options = Benchmarks.options(args);
        int feeds = Integer.parseInt(options.getOrDefault("feeds", "5000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int gets = Integer.parseInt(options.getOrDefault("gets", "20"));
        int assignments = Integer.parseInt(options.getOrDefault("assignments", "10"));
        var config = Benchmarks.freshStack(Path.of(options.getOrDefault("data", "target/feed-benchmark-stack")));
        var heap = "-Xmx" + options.getOrDefault("service-heap", "1200m");
        var jvm = new ArrayList<>(config.serviceJvmOptions().stream()
                .map(o -> o.startsWith("-Xmx") ? heap : o)
                .toList());
        // Dispatch's cap on open streams is set for the local stack's small heap; here it takes them all.
        jvm.add("-Daftersales.dispatch.feed.max-connections=" + (feeds + 100));
        config = config.withServiceJvmOptions(jvm);
        try (var stack = LocalStack.start(config)) {
            new FeedBenchmark(stack).run(feeds, seconds, gets, assignments);
        }
    }

    private void run(int feeds, int seconds, int gets, int assignments) throws Exception {
        var installers = Benchmarks.installers();
        int complaints = seconds * assignments;
        Benchmarks.importMachines(stack, http, SERIALS, complaints, installers);
        var tap = new Thread(this::tap, "benchmark-tap");
        tap.start();

        // The installers' own apps, then as many other technicians' apps as make up --feeds.
        long openStart = System.nanoTime();
        var technicians = new ArrayList<String[]>();
        installers.forEach(t -> technicians.add(new String[] {t.technicianId(), t.dealerId()}));
        for (int i = technicians.size(); i < feeds; i++) {
            technicians.add(new String[] {String.format("T-BM-%05d", i), "D-BM"});
        }
        for (int i = 0; i < technicians.size(); i++) {
            openFeed(i, technicians.get(i)[0], technicians.get(i)[1]);
            if (i % 250 == 249) {
                Thread.sleep(250); // 1,000 a second: a reconnect wave, not a SYN flood
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (open.get() + refused.get() + failed.get() < feeds && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf(
                "feeds: %d open, %d refused (503), %d failed, in %.1f s%n",
                open.get(), refused.get(), failed.get(), (System.nanoTime() - openStart) / 1e9);
        printDispatch("after opening the feeds");

        var dispatcher = stack.demoTokens().get("DISPATCHER_TOKEN");
        var agent = stack.demoTokens().get("AGENT_TOKEN");
        var scheduler = Executors.newScheduledThreadPool(2);
        var requests = Executors.newFixedThreadPool(32);
        var next = new AtomicInteger();
        var getUri = stack.url(Service.DISPATCH).resolve("/api/assignments?status=ASSIGNED");
        var registerUri = stack.url(Service.INTAKE).resolve("/api/complaints");
        scheduler.scheduleAtFixedRate(
                () -> requests.execute(() -> timed(getLatencies, () -> get(getUri, dispatcher))),
                0,
                1_000_000 / gets,
                TimeUnit.MICROSECONDS);
        scheduler.scheduleAtFixedRate(
                () -> {
                    int i = next.getAndIncrement();
                    if (i < complaints) {
                        requests.execute(() -> timed(registerLatencies, () -> register(registerUri, agent, i)));
                    }
                },
                0,
                1_000_000 / assignments,
                TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        scheduler.shutdownNow();
        requests.shutdown();
        requests.awaitTermination(1, TimeUnit.MINUTES);
        Thread.sleep(5_000); // the last assignments reach their streams
        tapping = false;
        tap.join();

        report("dispatcher GET /api/assignments", getLatencies);
        report("hotline POST /api/complaints (each a new assignment)", registerLatencies);
        var pushes = new ArrayList<Long>();
        int missing = 0;
        for (var complaintId : registered) {
            var published = publishedAt.get(complaintId);
            var pushed = pushedAt.get(complaintId);
            if (published == null || pushed == null) {
                missing++;
            } else {
                pushes.add(Math.max(0, pushed - published) * 1_000_000);
            }
        }
        report("TechnicianAssigned published → entry on the open feed", pushes);
        System.out.printf("  assignments not seen on a feed: %d of %d%n", missing, registered.size());
        System.out.printf(
                "feeds at the end: %d open, %d ended by the server, %d refused, %d failed%n",
                open.get() - ended.get(), ended.get(), refused.get(), failed.get());
        printDispatch("at the end");
        System.out.printf(
                "load average: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private void openFeed(int i, String technicianId, String dealerId) {
        var token = stack.technicianToken(technicianId, dealerId);
        var request = HttpRequest.newBuilder(stack.url(Service.DISPATCH).resolve("/api/technician/feed"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        feedClients
                .get(i % feedClients.size())
                .sendAsync(request, info -> {
                    if (info.statusCode() == 200) {
                        open.incrementAndGet();
                        return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines());
                    }
                    if (info.statusCode() == 503) {
                        refused.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    return HttpResponse.BodySubscribers.discarding();
                })
                .whenComplete((response, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    } else if (response.statusCode() == 200) {
                        ended.incrementAndGet();
                    }
                });
    }

    /** One phone's stream: notes when an ASSIGNED entry for a case arrives. */
    private final class Lines implements Flow.Subscriber<String> {

        private String event;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ") && "ASSIGNED".equals(event)) {
                long now = System.currentTimeMillis();
                int at = line.indexOf("\"complaintId\":\"");
                if (at >= 0) {
                    int from = at + 15;
                    pushedAt.putIfAbsent(line.substring(from, line.indexOf('"', from)), now);
                }
            } else if (line.isEmpty()) {
                event = null;
            }
        }

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}
    }

    private void tap() {
        try (var consumer = Benchmarks.tap(stack, List.of("dispatch.assignments.v1"))) {
            while (tapping) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type != null && TECHNICIAN_ASSIGNED.equals(new String(type.value(), UTF_8))) {
                        // The relay's publication time: the push delay starts where the feed's work starts.
                        publishedAt.putIfAbsent(record.key(), record.timestamp());
                    }
                }
            }
        }
    }

    private void get(URI uri, String token) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET assignments: " + response.statusCode());
        }
    }

    private void register(URI uri, String token, int i) throws Exception {
        var body = Benchmarks.leakCall("推送客户" + i, String.format("137%08d", i), Benchmarks.serial(SERIALS, i));
        var response = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registration: " + response.statusCode() + " " + response.body());
        }
        registered.add(JSON.readTree(response.body()).get("complaintId").asString());
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static void timed(List<Long> latencies, Call call) {
        long start = System.nanoTime();
        try {
            call.run();
            latencies.add(System.nanoTime() - start);
        } catch (Exception e) {
            System.err.println("request failed: " + e.getMessage());
        }
    }

    private static void report(String what, List<Long> nanos) {
        var sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            System.out.printf("%s: none%n", what);
            return;
        }
        System.out.printf("%s: %d; ms %s%n", what, sorted.length, Benchmarks.percentiles(sorted));
    }

    /** Dispatch's heap (used and committed, from its metrics endpoint), its resident memory and its open feeds. */
    private void printDispatch(String when) throws InterruptedException {
        try {
            printDispatchFigures(when);
        } catch (IOException e) {
            System.out.printf("dispatch %s: metrics not reached (%s)%n", when, e);
        }
    }

    private void printDispatchFigures(String when) throws IOException, InterruptedException {
        var ops = stack.demoTokens().get("OPS_TOKEN");
        long used = metric("/actuator/metrics/jvm.memory.used?tag=area:heap", ops);
        long committed = metric("/actuator/metrics/jvm.memory.committed?tag=area:heap", ops);
        long feeds = metric("/actuator/metrics/aftersales.feeds.open", ops);
        long rss = stack.residentMemory().getOrDefault(Service.DISPATCH.id(), 0L);
        System.out.printf(
                "dispatch %s: %d feeds open; heap used %d MiB of %d MiB committed; resident memory %d MiB%n",
                when, feeds, used >> 20, committed >> 20, rss >> 20);
    }

    private long metric(String path, String token) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(stack.url(Service.DISPATCH).resolve(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return -1;
        }
        return (long) JSON.readTree(response.body())
                .get("measurements")
                .get(0)
                .get("value")
                .asDouble();
    }
}
