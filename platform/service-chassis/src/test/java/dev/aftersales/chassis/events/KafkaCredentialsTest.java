package dev.aftersales.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import dev.aftersales.chassis.ChassisProperties;
import dev.aftersales.chassis.time.WallClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * SASL credentials and TLS given as standard Spring Boot properties reach every Kafka client the
 * chassis opens: the event producer, the listener's consumers, the dead-letter door's consumer and
 * Boot's admin that creates the topics.
 */
class KafkaCredentialsTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"intake\" password=\"s3cret-from-a-file\";";

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, SslAutoConfiguration.class))
            .withConfiguration(UserConfigurations.of(Collaborators.class, KafkaConfiguration.class))
            .withPropertyValues(
                    "aftersales.service=intake",
                    "spring.kafka.bootstrap-servers=kafka-1.example.com:9093",
                    "spring.kafka.admin.auto-create=false",
                    "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
                    "spring.kafka.properties.sasl.jaas.config=" + JAAS);

    @Test
    void sasl_and_a_trust_store_reach_the_producer_the_consumers_and_the_admin() {
        runner.withPropertyValues(
                        "spring.kafka.security.protocol=SASL_SSL",
                        "spring.kafka.ssl.trust-store-type=PEM",
                        "spring.kafka.ssl.trust-store-location=classpath:tls/test-ca.pem")
                .run(context -> {
                    for (var settings : clientSettings(context).values()) {
                        assertThat(settings)
                                .containsEntry("security.protocol", "SASL_SSL")
                                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                                .containsEntry("sasl.jaas.config", JAAS)
                                .containsEntry("ssl.truststore.type", "PEM")
                                .containsKey("ssl.truststore.location");
                        assertThat(settings.get("bootstrap.servers").toString()).contains("kafka-1.example.com:9093");
                    }
                });
    }

    @Test
    void an_ssl_bundle_reaches_every_client_as_boot_applies_it() {
        runner.withPropertyValues(
                        "spring.kafka.security.protocol=SASL_SSL",
                        "spring.ssl.bundle.pem.kafka.truststore.certificate=classpath:tls/test-ca.pem",
                        "spring.kafka.ssl.bundle=kafka")
                .run(context -> {
                    for (var settings : clientSettings(context).values()) {
                        assertThat(settings)
                                .containsEntry("security.protocol", "SASL_SSL")
                                .containsEntry("sasl.jaas.config", JAAS)
                                .containsEntry("ssl.engine.factory.class", SslBundleSslEngineFactory.class);
                        assertThat(settings.get(SslBundle.class.getName())).isInstanceOf(SslBundle.class);
                    }
                });
    }

    @Test
    void the_dead_letter_door_reads_with_the_listeners_consumer_settings() {
        runner.withPropertyValues("spring.kafka.security.protocol=SASL_PLAINTEXT")
                .run(context -> assertThat(
                                ReflectionTestUtils.getField(context.getBean(DeadLetters.class), "consumers"))
                        .isSameAs(context.getBean("eventConsumerFactory")));
    }

    /** The producer's, the consumers' and the admin's client settings, by client. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> clientSettings(org.springframework.context.ApplicationContext context) {
        var template = (KafkaTemplate<String, byte[]>) context.getBean("eventTemplate");
        var consumers = (ConsumerFactory<String, byte[]>) context.getBean("eventConsumerFactory");
        return Map.of(
                "producer", template.getProducerFactory().getConfigurationProperties(),
                "consumer", consumers.getConfigurationProperties(),
                "admin", context.getBean(KafkaAdmin.class).getConfigurationProperties());
    }

    /**
     * What the chassis' Kafka configuration takes from the rest of a service. Not a
     * {@code @Configuration}: the chassis scans this package, and the slice tests' services must not
     * find it.
     */
    @EnableConfigurationProperties(ChassisProperties.class)
    static class Collaborators {

        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Validator validator() {
            return Validation.buildDefaultValidatorFactory().getValidator();
        }

        @Bean
        WallClock wallClock() {
            return WallClock.system();
        }

        @Bean
        MongoTemplate mongo() {
            return mock(MongoTemplate.class, RETURNS_DEEP_STUBS);
        }
    }
}
