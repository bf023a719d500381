package dev.aftersales.chassis.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.ChassisProperties;
import dev.aftersales.chassis.outbox.EventTooLargeException;
import dev.aftersales.chassis.time.WallClock;
import dev.aftersales.contracts.EventCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Producing and consuming events: an idempotent producer that waits for all in-sync replicas, one
 * listener container over the topics a service's {@link EventSubscriptions} imply (and its own
 * replay topics), and the error handling that keeps a partition moving: poison records go to this
 * consumer's own {@code <topic>.<service>.DLT} at once with the reason in headers, transient failures
 * are retried with back-off and then dead-lettered too. Every client takes the service's {@code
 * spring.kafka.*} settings, credentials and TLS included ({@link KafkaClientSettings}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** Header with the reason a record was dead-lettered, in words an operator can act on. */
    public static final String DLT_REASON = "aftersales_dlt_reason";

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    @Bean
    KafkaClientSettings kafkaClientSettings(KafkaProperties kafka, KafkaConnectionDetails connection) {
        return new KafkaClientSettings(kafka, connection);
    }

    @Bean
    ConsumedTopics consumedTopics(ObjectProvider<EventSubscriptions> subscriptions, ChassisProperties chassis) {
        var subs = EventSubscriptions.merge(subscriptions.orderedStream().toList());
        return new ConsumedTopics(chassis.service(), subs.topics());
    }

    /** The consumer group's backlog, for the local stack's platform clock. */
    @Bean(destroyMethod = "close")
    ConsumerLag consumerLag(ConsumerFactory<String, byte[]> eventConsumerFactory, ConsumedTopics topics) {
        return new ConsumerLag(eventConsumerFactory, topics);
    }

    /** A broker reached without credentials is a broker anyone on that network can write to. */
    @Bean
    SmartInitializingSingleton kafkaWithoutCredentialsWarning(KafkaClientSettings settings) {
        return () -> {
            if (settings.plaintext() && !settings.loopbackOnly()) {
                log.warn("Kafka is reached without credentials or TLS (security.protocol PLAINTEXT): anyone who"
                        + " reaches the broker can read and write every topic. Set spring.kafka.security.protocol"
                        + " and the SASL settings (README, 'Pointing it at a real Kafka cluster').");
            }
        };
    }

    @Bean
    KafkaTemplate<String, byte[]> eventTemplate(KafkaClientSettings settings, MeterRegistry meters) {
        var props = settings.producer();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        var factory = new DefaultKafkaProducerFactory<String, byte[]>(props);
        // Kafka's own client metrics (kafka_producer_*) for the platform dashboard.
        factory.addListener(new MicrometerProducerListener<>(meters));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    ConsumerFactory<String, byte[]> eventConsumerFactory(
            KafkaClientSettings settings, ChassisProperties chassis, MeterRegistry meters) {
        var props = settings.consumer();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, chassis.service() + "-service");
        // A new consumer group must see the events published before it first joined.
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new DefaultKafkaConsumerFactory<String, byte[]>(props);
        // Kafka's own client metrics, among them the consumer lag (kafka_consumer_fetch_manager_records_lag).
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    @Bean
    DefaultErrorHandler eventErrorHandler(
            KafkaTemplate<String, byte[]> eventTemplate,
            ConsumedTopics topics,
            ChassisProperties chassis,
            MeterRegistry meters) {
        // This consumer's own dead-letter topic, also for records it read from its replay topic.
        var recoverer = new DeadLetterPublishingRecoverer(
                eventTemplate,
                (record, e) -> new TopicPartition(topics.deadLetterOf(topics.originOf(record.topic())), -1));
        recoverer.setHeadersFunction((record, e) -> {
            deadLettered(meters, topics.originOf(record.topic())).increment();
            var headers = new RecordHeaders();
            headers.add(DLT_REASON, reason(e).getBytes(UTF_8));
            return headers;
        });
        var kafka = chassis.kafka();
        var backOff = new ExponentialBackOffWithMaxRetries(kafka.retryAttempts());
        backOff.setInitialInterval(kafka.retryInitialInterval().toMillis());
        backOff.setMaxInterval(kafka.retryMaxInterval().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        // An event too large to raise stays too large: no retry makes it fit.
        handler.addNotRetryableExceptions(PoisonEventException.class, EventTooLargeException.class);
        return handler;
    }

    private static Counter deadLettered(MeterRegistry meters, String topic) {
        return Counter.builder("aftersales.events.dead_lettered")
                .description("Records sent to a dead-letter topic")
                .tag("topic", topic)
                .register(meters);
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof PoisonEventException)) {
            cause = cause.getCause();
        }
        return cause instanceof PoisonEventException
                ? cause.getMessage()
                : "failed after retries: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> eventListenerContainer(
            ObjectProvider<EventSubscriptions> subscriptions,
            ConsumedTopics topics,
            ConsumerFactory<String, byte[]> eventConsumerFactory,
            DefaultErrorHandler eventErrorHandler,
            Validator validator,
            ChassisProperties chassis,
            MeterRegistry meters) {
        var subs = EventSubscriptions.merge(subscriptions.orderedStream().toList());
        // Zero from the start for every consumed topic, so a first dead letter or forgery is a visible step.
        for (var topic : topics.origins()) {
            deadLettered(meters, topic);
            EventDispatcher.forged(meters, topic);
        }
        var subscribed = topics.subscribed().toArray(String[]::new);
        var containerProps = subscribed.length > 0
                ? new ContainerProperties(subscribed)
                : new ContainerProperties(java.util.regex.Pattern.compile("^$"));
        var dispatcher = new EventDispatcher(subs, topics, validator, meters);
        // Whole polls only where some type is handled in batches; every other service keeps a record listener.
        containerProps.setMessageListener(
                subs.handlesBatches() ? new BatchEventDispatcher(dispatcher, subs) : dispatcher);
        containerProps.setObservationEnabled(false);
        var container = new ConcurrentMessageListenerContainer<>(eventConsumerFactory, containerProps);
        container.setConcurrency(chassis.kafka().consumerConcurrency());
        container.setCommonErrorHandler(eventErrorHandler);
        container.setAutoStartup(subscribed.length > 0);
        return container;
    }

    @Bean
    DeadLetterReplays deadLetterReplays(MongoTemplate mongo) {
        return new DeadLetterReplays(mongo);
    }

    @Bean
    SmartInitializingSingleton deadLetterReplayIndexes(DeadLetterReplays replays) {
        return replays::declareIndexes;
    }

    @Bean
    DeadLetters deadLetters(
            ConsumerFactory<String, byte[]> eventConsumerFactory,
            KafkaTemplate<String, byte[]> eventTemplate,
            ConsumedTopics topics,
            DeadLetterReplays replays,
            WallClock clock) {
        return new DeadLetters(eventConsumerFactory, eventTemplate, topics, replays, clock);
    }

    /**
     * The topics this service owns: those it produces, and its own dead-letter and replay topics of
     * what it consumes. The topics it consumes belong to their producers, which create them; a
     * consumer that starts first waits for them.
     */
    @Bean
    KafkaAdmin.NewTopics eventTopics(ConsumedTopics topics, ChassisProperties chassis) {
        var names = new TreeSet<String>(EventCatalog.topicsOf(chassis.service()));
        names.addAll(topics.deadLetters());
        names.addAll(topics.replays());
        var created = new ArrayList<NewTopic>();
        for (var name : names) {
            created.add(new NewTopic(name, Optional.of(chassis.kafka().partitions()), Optional.empty()));
        }
        return new KafkaAdmin.NewTopics(created.toArray(NewTopic[]::new));
    }
}
