package dev.aftersales.chassis.test;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.ChassisProperties;
import dev.aftersales.chassis.events.EventSubscriptions;
import dev.aftersales.chassis.test.AuthorizationMatrix.Target;
import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ApplicationContext;

/**
 * The doors every service has from the chassis ({@code all} rows): the dead-letter admin door,
 * the actuator endpoints and the error page. A dead letter to list and replay is put on the
 * service's own dead-letter topic of the first topic it consumes; its type is unknown to every
 * service, so a replay is skipped where it lands (the service's replay topic, whose end a refused
 * replay must leave where it was).
 */
public final class ChassisDoors {

    private ChassisDoors() {}

    public static AuthorizationMatrix register(AuthorizationMatrix matrix, ApplicationContext context, String brokers) {
        var origin =
                EventSubscriptions.merge(context.getBeanProvider(EventSubscriptions.class)
                                .orderedStream()
                                .toList())
                        .topics()
                        .stream()
                        .sorted()
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("the service consumes no topic"));
        var service = context.getBean(ChassisProperties.class).service();
        var deadLetters = Topics.deadLetterOf(origin, service);
        var replays = Topics.replayOf(origin, service);
        return matrix.door(
                        "GET /admin/dead-letters",
                        scene -> Target.at("/admin/dead-letters").shows(body -> body.contains(deadLetters)))
                .door("GET /admin/dead-letters/{topic}", scene -> {
                    var id = deadLetter(brokers, deadLetters).eventId();
                    return Target.at("/admin/dead-letters/" + deadLetters + "?limit=200")
                            .shows(body -> body.contains(id));
                })
                .door("GET /admin/dead-letters/{topic}/{partition}/{offset}", scene -> {
                    var dead = deadLetter(brokers, deadLetters);
                    return Target.at("/admin/dead-letters/" + deadLetters + "/" + dead.partition() + "/" + dead.offset()
                                    + "?purpose=authorization+matrix")
                            .shows(body -> body.contains(dead.eventId()));
                })
                .door("POST /admin/dead-letters/{topic}/{partition}/{offset}/replay", scene -> {
                    var dead = deadLetter(brokers, deadLetters);
                    return Target.at("/admin/dead-letters/" + deadLetters + "/" + dead.partition() + "/" + dead.offset()
                                    + "/replay")
                            .state(() -> List.of(endOffsets(brokers, origin), endOffsets(brokers, replays)));
                })
                .door("POST /admin/dead-letters/{topic}/replay", scene -> {
                    var dead = deadLetter(brokers, deadLetters);
                    return Target.at("/admin/dead-letters/" + deadLetters + "/replay")
                            .json("{\"reason\": \"" + dead.reason() + "\"}")
                            .state(() -> List.of(endOffsets(brokers, origin), endOffsets(brokers, replays)));
                })
                .door("GET /admin/audit", scene -> Target.at("/admin/audit"))
                .door("GET /admin/audit/export.csv", scene -> Target.at("/admin/audit/export.csv"))
                .door("GET /actuator", scene -> Target.at("/actuator"))
                .door("GET /actuator/health", scene -> Target.at("/actuator/health"))
                .door("GET /actuator/health/**", scene -> Target.at("/actuator/health/liveness"))
                .door("GET /actuator/info", scene -> Target.at("/actuator/info"))
                .door("GET /actuator/metrics", scene -> Target.at("/actuator/metrics"))
                .door(
                        "GET /actuator/metrics/{requiredMetricName}",
                        scene -> Target.at("/actuator/metrics/jvm.threads.live"))
                .door("GET /actuator/prometheus", scene -> Target.at("/actuator/prometheus"))
                .door("* /error", scene -> Target.at("/error"));
    }

    record DeadLetter(String eventId, String reason, int partition, long offset) {}

    private static DeadLetter deadLetter(String brokers, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        var eventId = UUID.randomUUID().toString();
        var reason = "matrix " + eventId;
        try (var producer = new KafkaProducer<String, String>(props)) {
            var record = new ProducerRecord<String, String>(topic, "matrix", "{\"matrix\": true}");
            record.headers()
                    .add(new RecordHeader(CloudEventHeaders.ID, eventId.getBytes(UTF_8)))
                    .add(new RecordHeader(CloudEventHeaders.TYPE, "aftersales.test.NobodyKnowsThis.v1".getBytes(UTF_8)))
                    .add(new RecordHeader(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8)))
                    .add(new RecordHeader("aftersales_dlt_reason", reason.getBytes(UTF_8)));
            var sent = producer.send(record).get(30, TimeUnit.SECONDS);
            return new DeadLetter(eventId, reason, sent.partition(), sent.offset());
        }
    }

    private static Map<TopicPartition, Long> endOffsets(String brokers, String topic) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            return Map.copyOf(consumer.endOffsets(partitions));
        }
    }
}
