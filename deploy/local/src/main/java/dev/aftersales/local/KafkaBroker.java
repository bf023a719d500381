package dev.aftersales.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run
 * from this module's classpath as a child JVM. Its log directory {@code <data>/kafka} is formatted
 * once; later starts reuse it, so topics, records and committed offsets survive a restart.
 */
final class KafkaBroker {

    private final Path dataDir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final ChildProcess process;
    private final Path logDir;
    private final Path properties;
    private final List<String> jvmOptions;
    private final String classpath;

    KafkaBroker(Path dataDir, String host, int port, int controllerPort, List<String> jvmOptions, String classpath) {
        this.dataDir = dataDir;
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = dataDir.resolve("kafka");
        this.properties = dataDir.resolve("config").resolve("kafka.properties");
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classpath = classpath;
        this.process = new ChildProcess("kafka", java("kafka.Kafka", properties.toString()), dataDir);
    }

    String bootstrapServers() {
        return host + ":" + port;
    }

    ChildProcess process() {
        return process;
    }

    /** Writes the configuration (ports may differ from the last run), formats a new log dir, starts. */
    void start() {
        writeProperties();
        if (!Files.isRegularFile(logDir.resolve("meta.properties"))) {
            new ChildProcess(
                            "kafka-format",
                            java(
                                    "kafka.tools.StorageTool",
                                    "format",
                                    "--cluster-id",
                                    Uuid.randomUuid().toString(),
                                    "--config",
                                    properties.toString(),
                                    "--ignore-formatted"),
                            dataDir)
                    .runToCompletion(Duration.ofMinutes(2));
        }
        process.start();
    }

    /** Waits until the broker answers a metadata request: it then accepts topic creation and records. */
    void awaitReady(Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (!accepts(host, port)) {
            failIfGoneOrLate(deadline);
            pause();
        }
        var config = Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (var admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(10, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    // Not serving metadata yet.
                }
                failIfGoneOrLate(deadline);
                pause();
            }
        }
    }

    void stop() {
        // A controlled shutdown of a single node is quick; give it time to flush and close its logs.
        process.stop(Duration.ofSeconds(30));
    }

    private void failIfGoneOrLate(Instant deadline) {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "the Kafka broker exited; see " + process.log() + "\n" + process.logTail(30));
        }
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("the Kafka broker was not ready in time; see " + process.log());
        }
    }

    private List<String> java(String mainClass, String... args) {
        var command = new ArrayList<String>();
        command.add(ChildProcess.javaBinary());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=classpath:broker-log4j2.xml");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private void writeProperties() {
        var voter = "1@" + host + ":" + controllerPort;
        var lines = List.of(
                "# Written by the local stack on every start; edit LocalStackConfig instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=" + voter,
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDir,
                // One node: every replication factor and min ISR must be 1.
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=6",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "num.partitions=6",
                // Services join their groups right away instead of waiting for more members.
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=2",
                "num.recovery.threads.per.data.dir=1",
                "background.threads=2",
                // The cleaner of compacted topics (consumer offsets) would take 128 MiB of heap by default.
                "log.cleaner.dedupe.buffer.size=8388608",
                "log.retention.hours=168",
                "log.segment.bytes=67108864");
        try {
            Files.createDirectories(properties.getParent());
            Files.createDirectories(logDir);
            Files.write(properties, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean accepts(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }
}
