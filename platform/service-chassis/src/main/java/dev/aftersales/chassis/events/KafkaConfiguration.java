package dev.aftersales.chassis.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.ChassisProperties;
import dev.aftersales.chassis.outbox.EventTooLargeException;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * listener container over the topics a service's {@link EventSubscriptions} imply, and the error
 * handling that keeps a partition moving: poison records go to {@code <topic>.DLT} at once with
 * the reason in headers, transient failures are retried with back-off and then dead-lettered too.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** Header with the reason a record was dead-lettered, in words an operator can act on. */
    public static final String DLT_REASON = "aftersales_dlt_reason";

    @Bean
    KafkaTemplate<String, byte[]> eventTemplate(KafkaProperties kafka, MeterRegistry meters) {
        var props = new HashMap<>(kafka.buildProducerProperties());
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
            KafkaProperties kafka, ChassisProperties chassis, MeterRegistry meters) {
        var props = new HashMap<>(kafka.buildConsumerProperties());
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
            KafkaTemplate<String, byte[]> eventTemplate, ChassisProperties chassis, MeterRegistry meters) {
        var recoverer = new DeadLetterPublishingRecoverer(
                eventTemplate, (record, e) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        recoverer.setHeadersFunction((record, e) -> {
            deadLettered(meters, record.topic()).increment();
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
            ConsumerFactory<String, byte[]> eventConsumerFactory,
            DefaultErrorHandler eventErrorHandler,
            Validator validator,
            ChassisProperties chassis,
            MeterRegistry meters) {
        var subs = EventSubscriptions.merge(subscriptions.orderedStream().toList());
        var topics = subs.topics().toArray(String[]::new);
        // Zero from the start for every consumed topic, so a first dead letter is a visible step.
        for (var topic : topics) {
            deadLettered(meters, topic);
        }
        var containerProps = topics.length > 0
                ? new ContainerProperties(topics)
                : new ContainerProperties(java.util.regex.Pattern.compile("^$"));
        containerProps.setMessageListener(new EventDispatcher(subs, validator, meters));
        containerProps.setObservationEnabled(false);
        var container = new ConcurrentMessageListenerContainer<>(eventConsumerFactory, containerProps);
        container.setConcurrency(chassis.kafka().consumerConcurrency());
        container.setCommonErrorHandler(eventErrorHandler);
        container.setAutoStartup(topics.length > 0);
        return container;
    }

    /** The service's own topics and the dead-letter topics of those it consumes. */
    @Bean
    KafkaAdmin.NewTopics eventTopics(ObjectProvider<EventSubscriptions> subscriptions, ChassisProperties chassis) {
        var names = new TreeSet<String>();
        for (var entry : EventCatalog.values()) {
            if (entry.service().equals(chassis.service())) {
                names.add(entry.topic());
            }
        }
        EventSubscriptions.merge(subscriptions.orderedStream().toList())
                .topics()
                .forEach(topic -> {
                    names.add(topic);
                    names.add(Topics.deadLetterOf(topic));
                });
        var topics = new ArrayList<NewTopic>();
        for (var name : names) {
            topics.add(new NewTopic(name, Optional.of(chassis.kafka().partitions()), Optional.empty()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
