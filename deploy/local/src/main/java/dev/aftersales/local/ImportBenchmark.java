package dev.aftersales.local;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures a bulk import of the installed base on the local stack: a fresh stack (the packaged jars
 * and launcher a user runs) takes {@code --small} rows, then {@code --rows} rows, each as one CSV
 * upload to {@code POST /api/archive/installation-imports} (streamed, without a declared length).
 * For each it prints the rows per second until the job is DONE, dispatch's peak heap while it ran
 * (sampled from its metrics every 200 ms), the time until the hotline's caller lookup finds the
 * file's last machine by its customer's phone, and the cost of a store snapshot afterwards.
 *
 * <p>Run: {@code java -Xmx1g -cp "deploy/local/target/classes:deploy/local/target/lib/*"
 * dev.aftersales.local.ImportBenchmark --rows 50000 --small 5000}. The JVM's {@code -Xmx} is the
 * store's heap, as {@code run-local.sh --store-heap} sets it.
 */
public final class ImportBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADER =
            "serialNumber,model,productLine,customerId,dealerId,installerId,installedOn,address,regionCode,"
                    + "customerName,customerPhone,historical\n";

    private final LocalStack stack;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ops;
    private final String agent;

    private ImportBenchmark(LocalStack stack) {
        this.stack = stack;
        this.ops = stack.demoTokens().get("OPS_TOKEN");
        this.agent = stack.demoTokens().get("AGENT_TOKEN");
    }

    record Result(
            int rows, double rowsPerSecond, long peakHeapMiB, long liveMiB, Duration lookupAfter, String snapshot) {}

    public static void main(String[] args) throws Exception {
        var rows = 50_000;
        var small = 5_000;
        var dataDir = Path.of("target/import-benchmark-stack");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--small" -> small = Integer.parseInt(args[++i]);
                case "--data" -> dataDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var config = Benchmarks.freshStack(dataDir);
        try (var stack = LocalStack.start(config)) {
            var benchmark = new ImportBenchmark(stack);
            var first = benchmark.importRows("BS", small);
            var second = benchmark.importRows("BL", rows);
            System.out.println();
            System.out.println(
                    "| rows | rows/s | dispatch peak heap used | dispatch live heap after GC | last machine found by phone after"
                            + " | store snapshot |");
            System.out.println("|---|---|---|---|---|---|");
            for (var result : new Result[] {first, second}) {
                System.out.printf(
                        Locale.ROOT,
                        "| %,d | %.0f | %d MiB | %d MiB | %.1f s | %s |%n",
                        result.rows(),
                        result.rowsPerSecond(),
                        result.peakHeapMiB(),
                        result.liveMiB(),
                        result.lookupAfter().toMillis() / 1000.0,
                        result.snapshot());
            }
            System.out.printf(
                    Locale.ROOT,
                    "dispatch's peak heap for %,d rows is %+.0f %% of its peak for %,d rows (live after GC %+.0f %%)%n",
                    rows,
                    100.0 * (second.peakHeapMiB() - first.peakHeapMiB()) / first.peakHeapMiB(),
                    small,
                    first.liveMiB() == 0 ? 0.0 : 100.0 * (second.liveMiB() - first.liveMiB()) / first.liveMiB());
        }
    }

    private Result importRows(String prefix, int rows) throws Exception {
        stack.storeProfile().reset();
        var cpuBefore = stack.cpuTime();
        var peakHeap = new AtomicLong();
        var peakLive = new AtomicLong();
        // aggregates waiting in dispatch's outbox relay with their payloads: bounded, whatever the import's size
        var peakQueued = new AtomicLong();
        var sampling = new AtomicBoolean(true);
        var sampler = new Thread(() -> {
            while (sampling.get()) {
                try {
                    peakHeap.accumulateAndGet(dispatchMetric("jvm.memory.used?tag=area:heap"), Math::max);
                    peakLive.accumulateAndGet(dispatchMetric("jvm.gc.live.data.size"), Math::max);
                    peakQueued.accumulateAndGet(dispatchMetric("aftersales.outbox.queued"), Math::max);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        var submitted = http.send(
                HttpRequest.newBuilder(stack.url(Service.DISPATCH).resolve("/api/archive/installation-imports"))
                        .header("Authorization", "Bearer " + ops)
                        .header("Content-Type", "text/csv; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv(prefix, rows)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 202) {
            throw new IllegalStateException("import refused: " + submitted.statusCode() + " " + submitted.body());
        }
        long accepted = System.nanoTime();
        var location = stack.url(Service.DISPATCH)
                .resolve(submitted.headers().firstValue("Location").orElseThrow());
        JsonNode job;
        while (true) {
            job = JSON.readTree(get(location, ops).body());
            if (!"RUNNING".equals(job.get("state").asString())) {
                break;
            }
            Thread.sleep(250);
        }
        long done = System.nanoTime();
        if (!"DONE".equals(job.get("state").asString()) || job.get("added").asInt() != rows) {
            throw new IllegalStateException("import job ended as " + job);
        }
        // printed at once: when the lookup is what takes long, this says where the time went
        System.out.printf(Locale.ROOT, "%,d rows: job DONE after %.1f s%n", rows, (done - start) / 1e9);
        var lastPhone = phone(prefix, rows - 1);
        var lookup = stack.url(Service.INTAKE)
                .resolve("/api/callers?phone=" + URLEncoder.encode(lastPhone, StandardCharsets.UTF_8));
        var lastSerial = serial(prefix, rows - 1);
        while (!get(lookup, agent).body().contains(lastSerial)) {
            if (System.nanoTime() - start > Duration.ofMinutes(15).toNanos()) {
                stack.storeProfile().report(rows).forEach(System.out::println);
                throw new IllegalStateException("the caller lookup did not find " + lastSerial + " in 15 minutes");
            }
            Thread.sleep(250);
        }
        long found = System.nanoTime();
        sampling.set(false);
        sampler.join();
        var cpuAfter = stack.cpuTime();
        cpuAfter.forEach((process, time) -> System.out.printf(
                Locale.ROOT,
                "cpu %-16s %6.1f s%n",
                process,
                (time.toMillis()
                                - cpuBefore.getOrDefault(process, Duration.ZERO).toMillis())
                        / 1000.0));
        stack.storeProfile().report(rows).forEach(System.out::println);
        printLiveHeap();
        var snapshot = stack.snapshotStore();
        var seconds = (done - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%,d rows: upload answered 202 after %.1f s, job DONE after %.1f s (%.0f rows/s), "
                        + "last machine found by phone after %.1f s; dispatch peak heap %d MiB, "
                        + "most aggregates queued in its outbox relay %,d; store snapshot: %s%n",
                rows,
                (accepted - start) / 1e9,
                seconds,
                rows / seconds,
                (found - start) / 1e9,
                peakHeap.get() / (1024 * 1024),
                peakQueued.get(),
                snapshot);
        return new Result(
                rows,
                rows / seconds,
                peakHeap.get() / (1024 * 1024),
                peakLive.get() / (1024 * 1024),
                Duration.ofNanos(found - start),
                String.format(
                        Locale.ROOT,
                        "%d ms for %.0f MiB (%,d documents)",
                        snapshot.took().toMillis(),
                        snapshot.bytes() / (1024.0 * 1024),
                        snapshot.documents()));
    }

    /** Dispatch's live objects by class (a full GC first), the largest twelve: what its heap holds after a run. */
    private void printLiveHeap() {
        var pid = stack.pidOf(Service.DISPATCH);
        if (pid.isEmpty()) {
            return;
        }
        try {
            var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            var process = new ProcessBuilder(jcmd.toString(), pid.get().toString(), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            var lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            process.waitFor();
            System.out.println("dispatch's live heap by class:");
            lines.stream().limit(16).forEach(System.out::println);
            lines.stream().filter(line -> line.startsWith("Total")).forEach(System.out::println);
        } catch (Exception e) {
            System.out.println("no class histogram of dispatch: " + e);
        }
    }

    /** A gauge of dispatch's actuator, e.g. its heap in use, or its live heap after the last major GC. */
    private long dispatchMetric(String nameAndTags) throws Exception {
        var uri = stack.url(Service.DISPATCH).resolve("/actuator/metrics/" + nameAndTags);
        var body = JSON.readTree(get(uri, ops).body());
        return (long) body.get("measurements").get(0).get("value").asDouble();
    }

    private HttpResponse<String> get(URI uri, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The file, made as it is sent: never held whole, like a user's upload. */
    private static InputStream csv(String prefix, int rows) {
        Enumeration<InputStream> lines = new Enumeration<>() {
            int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next < rows;
            }

            @Override
            public InputStream nextElement() {
                var text = next < 0 ? HEADER : row(prefix, next);
                next++;
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(lines);
    }

    private static String row(String prefix, int i) {
        var technician = "T-00" + (1 + i % 8);
        var dealer = i % 2 == 0 ? "D-SH" : "D-BJ";
        return String.format(
                Locale.ROOT,
                "%s,RO-400,WATER_PURIFIER,%s-CU-%d,%s,%s,%s,\"上海市浦东新区张江路%d号\",310115,客户%d,%s,true%n",
                serial(prefix, i),
                prefix,
                i,
                dealer,
                technician,
                LocalDate.of(2023, 1, 1).plusDays(i % 700),
                i,
                i,
                phone(prefix, i));
    }

    private static String serial(String prefix, int i) {
        return String.format(Locale.ROOT, "%s-%06d", prefix, i);
    }

    /** Mobile numbers 13[5|6]xxxxxxxx, one per row and prefix. */
    private static String phone(String prefix, int i) {
        return String.format(Locale.ROOT, "13%d%08d", prefix.equals("BS") ? 5 : 6, i);
    }
}
