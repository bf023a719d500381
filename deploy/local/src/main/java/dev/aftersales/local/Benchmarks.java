package dev.aftersales.local;

import java.io.IOException;
import java.net.ServerSocket;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the benchmark programs of the local stack share: their options, a fresh stack of their own, the
 * archive and hotline calls they load it with, a tap on its topics, and how they print latencies and
 * the machine's load beside their figures.
 */
final class Benchmarks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Benchmarks() {}

    /** {@code --name value} pairs, and {@code --name} alone as {@code true}. */
    static Map<String, String> options(String[] args) {
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

    /**
     * A stack of the benchmark's own: {@code dataDir} emptied, ports free right now, and no class-data
     * archive (it pays off from a data folder's second start; this one is fresh each time).
     */
    static LocalStackConfig freshStack(Path dataDir) throws IOException {
        return freshStack(dataDir, LocalStackConfig.findRepoRoot(Path.of("")));
    }

    /** The same, with the packaged jars of the build tree at {@code repoRoot}. */
    static LocalStackConfig freshStack(Path dataDir, Path repoRoot) throws IOException {
        deleteRecursively(dataDir);
        var ports = freePorts(7);
        return LocalStackConfig.defaults(dataDir, repoRoot)
                .withBrokerPorts(ports.get(0), ports.get(1))
                .withStorePort(ports.get(2))
                .withServicePort(Service.INTAKE, ports.get(3))
                .withServicePort(Service.DISPATCH, ports.get(4))
                .withServicePort(Service.PARTS, ports.get(5))
                .withServicePort(Service.FOLLOWUP, ports.get(6))
                .withClassDataSharing(false);
    }

    /** Ports free right now; all held open together so that no two are the same. */
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

    /** The demo's active installers of water purifiers: the machines a benchmark imports are theirs. */
    static List<DemoArchive.Technician> installers() {
        return DemoArchive.get().technicians().stream()
                .filter(t -> t.active() && t.productLines().contains(DemoArchive.WATER_PURIFIER))
                .toList();
    }

    /** A water purifier's serial number, the {@code i}th of a benchmark's machines. */
    static String serial(String prefix, int i) {
        return String.format("%s-%07d", prefix, i);
    }

    /**
     * Imports {@code count} machines {@code serial(prefix, 0…count-1)}, each installed by one of
     * {@code installers} in turn, in requests of 2,000.
     */
    static void importMachines(
            LocalStack stack, HttpClient http, String prefix, int count, List<DemoArchive.Technician> installers)
            throws IOException, InterruptedException {
        var ops = stack.demoTokens().get("OPS_TOKEN");
        for (int from = 0; from < count; from += 2_000) {
            var installations = new ArrayList<Map<String, Object>>();
            for (int i = from; i < Math.min(count, from + 2_000); i++) {
                var installer = installers.get(i % installers.size());
                var installation = new LinkedHashMap<String, Object>();
                installation.put("serialNumber", serial(prefix, i));
                installation.put("model", "RO-400");
                installation.put("productLine", DemoArchive.WATER_PURIFIER);
                installation.put("customerId", prefix + "-CU-" + i);
                installation.put("dealerId", installer.dealerId());
                installation.put("installerId", installer.technicianId());
                installation.put("installedOn", "2025-06-01");
                installation.put("site", Map.of("address", "上海市浦东新区张江路" + i + "号", "regionCode", "310115"));
                installations.add(installation);
            }
            var response = http.send(
                    HttpRequest.newBuilder(stack.url(Service.DISPATCH).resolve("/api/archive/import"))
                            .header("Authorization", "Bearer " + ops)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                    "dealers", List.of(), "technicians", List.of(), "installations", installations))))
                            .timeout(Duration.ofMinutes(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("archive import failed: " + response.body());
            }
        }
    }

    /** The hotline's registration of a leaking water purifier ({@code POST /api/complaints}). */
    static Map<String, Object> leakCall(String customerName, String phone, String serialNumber) {
        return Map.of(
                "customer",
                Map.of("name", customerName, "phones", List.of(phone), "address", "上海市浦东新区"),
                "machine",
                Map.of("serialNumber", serialNumber, "model", "RO-400"),
                "kind",
                "REPAIR",
                "channel",
                "HOTLINE",
                "symptoms",
                "漏水");
    }

    /**
     * A consumer of {@code topics} from their end, as the launcher's admin (the services' principals
     * read only their own topics), with keys and values as text; no group, nothing committed.
     */
    static KafkaConsumer<String, String> tap(LocalStack stack, List<String> topics) {
        var props = new Properties();
        props.putAll(stack.kafkaClient(BusAccess.ADMIN));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var consumer = new KafkaConsumer<String, String>(props);
        try {
            var partitions = new ArrayList<TopicPartition>();
            for (var topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** {@code p50 … p95 … p99 … max …} in milliseconds, of latencies in nanoseconds sorted ascending (not empty). */
    static String percentiles(long[] sortedNanos) {
        return String.format(
                "p50 %d p95 %d p99 %d max %d",
                percentile(sortedNanos, 50),
                percentile(sortedNanos, 95),
                percentile(sortedNanos, 99),
                sortedNanos[sortedNanos.length - 1] / 1_000_000);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000;
    }

    /** The one-minute load average, to print beside figures that depend on what else the machine runs. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
