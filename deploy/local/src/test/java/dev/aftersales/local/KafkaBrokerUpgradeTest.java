package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder whose broker was formatted before the bus had credentials (no SCRAM users) is
 * upgraded at its next start: every user is created, the ACLs apply, and the broker then takes
 * SCRAM only.
 */
class KafkaBrokerUpgradeTest {

    @TempDir
    Path dataDir;

    KafkaBroker broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void a_broker_formatted_without_users_gets_them_and_its_acls_at_the_next_start() throws Exception {
        var ports = freePorts();
        formatTheOldWay(ports[0], ports[1]);

        broker = new KafkaBroker(
                dataDir,
                "127.0.0.1",
                ports[0],
                ports[1],
                LocalStackConfig.BROKER_JVM_OPTIONS,
                LocalStack.launcherClasspath());
        broker.start();
        broker.awaitReady(Duration.ofMinutes(3));

        try (var admin = Admin.create(quick(broker.client(BusAccess.ADMIN)))) {
            assertThat(admin.describeUserScramCredentials().all().get(10, TimeUnit.SECONDS))
                    .containsKeys(BusAccess.users().toArray(String[]::new));
        }
        try (var intake = Admin.create(quick(broker.client("intake")))) {
            intake.createTopics(List.of(new NewTopic("intake.complaints.v1", 1, (short) 1)))
                    .all()
                    .get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> intake.createTopics(List.of(new NewTopic("followup.v1", 1, (short) 1)))
                            .all()
                            .get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        var plainAdmin = new HashMap<>(quick(broker.client(BusAccess.ADMIN)));
        plainAdmin.put("sasl.mechanism", "PLAIN");
        plainAdmin.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                        + broker.credentials().password(BusAccess.ADMIN) + "\";");
        try (var admin = Admin.create(plainAdmin)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .as("PLAIN was for the upgrade only")
                    .hasCauseInstanceOf(UnsupportedSaslMechanismException.class);
        }
        assertThat(Files.readString(dataDir.resolve("kafka").resolve("meta.properties")))
                .contains(Files.readString(dataDir.resolve("config").resolve("kafka-users-created"))
                        .trim());
    }

    /** As the launcher did before: plaintext listeners, no users. */
    void formatTheOldWay(int port, int controllerPort) throws IOException {
        var config = dataDir.resolve("old-kafka.properties");
        Files.write(
                config,
                List.of(
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                        "log.dirs=" + dataDir.resolve("kafka")));
        var out = new ByteArrayOutputStream();
        var exit = kafka.tools.StorageTool.execute(
                new String[] {
                    "format",
                    "--cluster-id",
                    org.apache.kafka.common.Uuid.randomUuid().toString(),
                    "--config",
                    config.toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    static Map<String, Object> quick(Map<String, Object> client) {
        var props = new HashMap<>(client);
        props.put("request.timeout.ms", 5000);
        props.put("default.api.timeout.ms", 10000);
        return props;
    }

    static int[] freePorts() throws IOException {
        try (var a = new ServerSocket(0);
                var b = new ServerSocket(0)) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        }
    }
}
