package dev.aftersales.local;

import dev.aftersales.contracts.EventCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run
 * from this module's classpath as a child JVM. Its log directory {@code <data>/kafka} is formatted
 * once; later starts reuse it, so topics, records and committed offsets survive a restart.
 *
 * <p>Locked like a production cluster, on loopback: the client listener takes SASL/SCRAM-SHA-512
 * only, one user per service (and {@code admin}, {@code sms-gateway}); the StandardAuthorizer allows
 * each service only what {@link BusAccess} grants; nothing is created by a mere mention ({@code
 * auto.create.topics.enable=false}). The controller listener takes SASL/PLAIN with the controller's
 * own password, which only the broker knows. The users are written into a new log directory when it
 * is formatted (in this JVM, so no password is on a command line); a log directory formatted before
 * the bus had credentials is upgraded once ({@link #upgrade}). Every start then adds users still
 * missing and makes the ACLs exactly {@link BusAccess#bindings}.
 */
final class KafkaBroker {

    private static final int SCRAM_ITERATIONS = 4096;

    private final Path dataDir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final ChildProcess process;
    private final Path logDir;
    private final Path properties;
    /** The cluster id of the log directory whose users exist: absent or another id means none do. */
    private final Path usersMarker;

    private final List<String> jvmOptions;
    private final String classpath;
    private final BusCredentials credentials;
    private boolean upgrading;

    KafkaBroker(Path dataDir, String host, int port, int controllerPort, List<String> jvmOptions, String classpath) {
        this.dataDir = dataDir;
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = dataDir.resolve("kafka");
        this.properties = dataDir.resolve("config").resolve("kafka.properties");
        this.usersMarker = dataDir.resolve("config").resolve("kafka-users-created");
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classpath = classpath;
        this.credentials = BusCredentials.open(dataDir);
        this.process = new ChildProcess("kafka", java("kafka.Kafka", properties.toString()), dataDir);
    }

    String bootstrapServers() {
        return host + ":" + port;
    }

    ChildProcess process() {
        return process;
    }

    BusCredentials credentials() {
        return credentials;
    }

    /** Client settings of {@code user} ({@code admin} or a service's id) for this broker. */
    Map<String, Object> client(String user) {
        return credentials.client(bootstrapServers(), user);
    }

    /** Writes the configuration (ports may differ from the last run), formats a new log dir, starts. */
    void start() {
        var clusterId = clusterId();
        if (clusterId == null) {
            writeProperties(false);
            format();
        } else {
            upgrading = !clusterId.equals(readMarker());
            if (upgrading) {
                log("this data folder's broker has no users yet (it was formatted before the event bus had"
                        + " credentials): creating them and the ACLs; the broker restarts once");
            }
            writeProperties(upgrading);
        }
        process.start();
    }

    /**
     * Waits until the broker answers the admin's metadata request, with every user and ACL in
     * place: it accepts topic creation and records from then on.
     */
    void awaitReady(Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        if (upgrading) {
            upgrade(deadline);
        }
        try (var admin = awaitAdmin(client(BusAccess.ADMIN), deadline)) {
            grantAccess(admin);
            credentials.writeAdminFiles(bootstrapServers());
            reportSharedDeadLetterTopics(admin);
        } catch (Exception e) {
            throw new IllegalStateException("could not give the broker's users their rights: " + e, e);
        }
    }

    void stop() {
        // A controlled shutdown of a single node is quick; give it time to flush and close its logs.
        process.stop(Duration.ofSeconds(30));
    }

    /**
     * Formats a new log directory with the SCRAM users in it, by Kafka's own storage tool run in this
     * JVM: its arguments hold the passwords, which must never be on a child's command line.
     */
    private void format() {
        var args = new ArrayList<>(List.of(
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                properties.toString(),
                "--ignore-formatted"));
        for (var user : BusAccess.users()) {
            args.add("--add-scram");
            args.add(BusCredentials.SCRAM + "=[name=" + user + ",password=" + credentials.password(user)
                    + ",iterations=" + SCRAM_ITERATIONS + "]");
        }
        var output = new ByteArrayOutputStream();
        int exit;
        try (var out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = kafka.tools.StorageTool.execute(args.toArray(String[]::new), out);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not format the broker's log directory " + logDir + ": " + e, e);
        }
        if (exit != 0) {
            throw new IllegalStateException("could not format the broker's log directory " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
        writeMarker();
    }

    /**
     * A log directory formatted before the bus had credentials has no SCRAM users, so nobody could
     * log in to create them. For this one start the client listener also takes PLAIN for the admin
     * (its password from the data folder's credentials); the admin creates every user, then the broker
     * restarts with SCRAM only.
     */
    private void upgrade(Instant deadline) {
        var plainAdmin = new HashMap<>(client(BusAccess.ADMIN));
        plainAdmin.put("sasl.mechanism", "PLAIN");
        plainAdmin.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + BusAccess.ADMIN
                        + "\" password=\"" + credentials.password(BusAccess.ADMIN) + "\";");
        try (var admin = awaitAdmin(plainAdmin, deadline)) {
            addMissingUsers(admin);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the broker's users: " + e, e);
        }
        writeMarker();
        stop();
        upgrading = false;
        writeProperties(false);
        process.start();
        log("broker upgraded: users per service and ACLs");
    }

    /** Adds the SCRAM users the broker does not have yet (a principal added in a later version). */
    private void addMissingUsers(Admin admin) throws Exception {
        var existing = admin.describeUserScramCredentials()
                .all()
                .get(10, TimeUnit.SECONDS)
                .keySet();
        var missing = BusAccess.users().stream()
                .filter(user -> !existing.contains(user))
                .map(user -> (UserScramCredentialAlteration) new UserScramCredentialUpsertion(
                        user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                        credentials.password(user)))
                .toList();
        if (!missing.isEmpty()) {
            admin.alterUserScramCredentials(missing).all().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Adds missing users and makes the ACLs of the managed principals exactly {@link
     * BusAccess#bindings}: missing ones added, others removed (a topic a service no longer reads).
     */
    private void grantAccess(Admin admin) throws Exception {
        addMissingUsers(admin);
        var wanted = BusAccess.bindings();
        var existing =
                new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS));
        var managed = BusAccess.users().stream()
                .filter(user -> !user.equals(BusAccess.ADMIN))
                .map(BusAccess::principal)
                .collect(Collectors.toSet());
        var stale = existing.stream()
                .filter(binding -> managed.contains(binding.entry().principal()))
                .filter(binding -> !wanted.contains(binding))
                .map(AclBinding::toFilter)
                .toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get(10, TimeUnit.SECONDS);
        }
        var missing = wanted.stream().filter(b -> !existing.contains(b)).toList();
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get(10, TimeUnit.SECONDS);
        }
    }

    /** An admin client once the broker answers it; the caller closes it. */
    private Admin awaitAdmin(Map<String, Object> client, Instant deadline) {
        while (!accepts(host, port)) {
            failIfGoneOrLate(deadline);
            pause();
        }
        var config = new HashMap<>(client);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        var admin = Admin.create(config);
        while (true) {
            try {
                if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                    return admin;
                }
            } catch (Exception e) {
                // Not serving metadata yet.
            }
            try {
                failIfGoneOrLate(deadline);
            } catch (RuntimeException e) {
                admin.close();
                throw e;
            }
            pause();
        }
    }

    /**
     * Dead letters used to share one {@code <topic>.DLT} per topic. Such topics from an older data
     * folder are kept as they are; no service reads them now, so the operator is told where they are.
     */
    private void reportSharedDeadLetterTopics(Admin admin) throws Exception {
        var shared = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                .filter(name -> name.endsWith(".DLT"))
                .filter(name -> EventCatalog.ownerOf(name.substring(0, name.length() - ".DLT".length()))
                        .isPresent())
                .sorted()
                .toList();
        for (var topic : shared) {
            var partitions = admin
                    .describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            log("kept from before dead letters were per consumer: " + topic + " (" + count(admin, partitions)
                    + " records); no service reads it any more. Read it as the admin: kcat -F "
                    + dataDir.resolve("config").resolve("admin-kcat.conf") + " -C -e -t " + topic);
        }
    }

    private static long count(Admin admin, List<TopicPartition> partitions) throws Exception {
        var earliest = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                .all()
                .get(10, TimeUnit.SECONDS);
        var latest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get(10, TimeUnit.SECONDS);
        return partitions.stream()
                .mapToLong(p -> latest.get(p).offset() - earliest.get(p).offset())
                .sum();
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

    /** The formatted log directory's cluster id; null before it is formatted. */
    private String clusterId() {
        var meta = logDir.resolve("meta.properties");
        if (!Files.isRegularFile(meta)) {
            return null;
        }
        try (var in = Files.newInputStream(meta)) {
            var read = new Properties();
            read.load(in);
            return read.getProperty("cluster.id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readMarker() {
        try {
            return Files.isRegularFile(usersMarker)
                    ? Files.readString(usersMarker).trim()
                    : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeMarker() {
        try {
            Files.writeString(usersMarker, clusterId() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param plainAdmin also take PLAIN for the admin on the client listener (only while upgrading) */
    private void writeProperties(boolean plainAdmin) {
        var voter = "1@" + host + ":" + controllerPort;
        var clientMechanisms = plainAdmin ? BusCredentials.SCRAM + ",PLAIN" : BusCredentials.SCRAM;
        var lines = new ArrayList<>(List.of(
                "# Written by the local stack on every start; edit LocalStackConfig instead. Holds passwords:"
                        + " readable by its owner only.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=" + voter,
                "listeners=CLIENTS://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=CLIENTS://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENTS",
                // No listener without credentials: SCRAM for clients, PLAIN with the controller's own password.
                "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENTS:SASL_PLAINTEXT",
                "listener.name.clients.sasl.enabled.mechanisms=" + clientMechanisms,
                "sasl.mechanism.inter.broker.protocol=" + BusCredentials.SCRAM,
                "listener.name.clients.scram-sha-512.sasl.jaas.config=" + credentials.scramJaas(BusAccess.ADMIN),
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=" + credentials.controllerJaas(),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=" + BusAccess.principal(BusAccess.ADMIN) + ";"
                        + BusAccess.principal(BusCredentials.CONTROLLER),
                "allow.everyone.if.no.acl.found=false",
                // Topics are created by their owners only, never by a consumer or producer naming them.
                "auto.create.topics.enable=false",
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
                "log.segment.bytes=67108864"));
        if (plainAdmin) {
            lines.add(
                    "listener.name.clients.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                            + " required user_" + BusAccess.ADMIN + "=\"" + credentials.password(BusAccess.ADMIN)
                            + "\";");
        }
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BusCredentials.writePrivate(properties, String.join("\n", lines) + "\n");
    }

    static boolean accepts(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void log(String message) {
        System.out.println("[local-stack] " + message);
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
