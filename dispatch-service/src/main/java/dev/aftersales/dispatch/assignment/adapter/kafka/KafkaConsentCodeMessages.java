package dev.aftersales.dispatch.assignment.adapter.kafka;

import dev.aftersales.chassis.events.EventJson;
import dev.aftersales.contracts.CloudEventHeaders;
import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import dev.aftersales.dispatch.assignment.application.ConsentCodeMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Consent codes to the SMS gateway's topic {@link Topics#DISPATCH_SMS}, straight from the request
 * (not through an outbox, which would keep the code in the store): the idempotent producer with
 * {@code acks=all}, waited for, so the technician hears "sent" only once the broker holds the message.
 */
@Component
class KafkaConsentCodeMessages implements ConsentCodeMessages {

    static final String TYPE = "aftersales.dispatch.TextMessage.v1";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<String, byte[]> kafka;

    KafkaConsentCodeMessages(KafkaTemplate<String, byte[]> eventTemplate) {
        this.kafka = eventTemplate;
    }

    @Override
    public void send(ConsentCodeMessage message) {
        // The text last: spring-kafka's error log shows a failed record's first 100 characters only.
        var payload = new LinkedHashMap<String, String>();
        payload.put("messageId", message.messageId());
        payload.put("sentAt", message.sentAt().toString());
        payload.put("to", message.phone());
        payload.put("text", message.text());
        var record = new ProducerRecord<String, byte[]>(
                Topics.DISPATCH_SMS,
                message.assignmentId(),
                EventJson.write(payload).getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, message.messageId());
        header(record, CloudEventHeaders.SOURCE, EventCatalog.sourceOf("dispatch"));
        header(record, CloudEventHeaders.TYPE, TYPE);
        header(record, CloudEventHeaders.TIME, message.sentAt().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        try {
            kafka.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + message);
        } catch (ExecutionException | TimeoutException e) {
            // Not chained: the cause may quote the record, and with it the code.
            throw new IllegalStateException(
                    "the broker did not take " + message + ": " + e.getClass().getSimpleName());
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Dispatch creates the gateway's topic like its own streams; codes are worth nothing after a day. */
    @Configuration(proxyBeanMethods = false)
    static class SmsTopic {

        @Bean
        NewTopic smsTopic() {
            return new NewTopic(Topics.DISPATCH_SMS, Optional.of(1), Optional.empty())
                    .configs(Map.of(
                            TopicConfig.RETENTION_MS_CONFIG,
                            String.valueOf(Duration.ofDays(1).toMillis())));
        }
    }
}
