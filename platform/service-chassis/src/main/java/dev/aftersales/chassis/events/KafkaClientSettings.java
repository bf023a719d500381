package dev.aftersales.chassis.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;

/**
 * The client settings of the chassis' own producer and consumers, resolved the way Boot resolves
 * them for its factories and its {@code KafkaAdmin}: every {@code spring.kafka.*} property (SASL in
 * {@code spring.kafka.properties.sasl.*}, TLS in {@code spring.kafka.ssl.*}, {@code
 * spring.kafka.security.protocol}), then the connection details on top (bootstrap servers, protocol
 * and SSL bundle, also from a {@code @ServiceConnection}). So credentials reach every client the
 * service opens, the dead-letter door's included.
 */
final class KafkaClientSettings {

    private final KafkaProperties properties;
    private final KafkaConnectionDetails connection;

    KafkaClientSettings(KafkaProperties properties, KafkaConnectionDetails connection) {
        this.properties = properties;
        this.connection = connection;
    }

    Map<String, Object> producer() {
        return with(properties.buildProducerProperties(), connection.getProducer());
    }

    Map<String, Object> consumer() {
        return with(properties.buildConsumerProperties(), connection.getConsumer());
    }

    /** True when the producer talks to the broker without credentials and TLS. */
    boolean plaintext() {
        var protocol = producer().get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
        return protocol == null || SecurityProtocol.PLAINTEXT.name.equalsIgnoreCase(protocol.toString());
    }

    /** True when every bootstrap server is this machine (the embedded broker of a test, the local stack). */
    boolean loopbackOnly() {
        return connection.getProducer().getBootstrapServers().stream()
                .map(server -> server.substring(0, Math.max(0, server.lastIndexOf(':'))))
                .allMatch(host ->
                        List.of("localhost", "127.0.0.1", "[::1]", "::1").contains(host) || host.startsWith("127."));
    }

    private static Map<String, Object> with(Map<String, Object> built, KafkaConnectionDetails.Configuration details) {
        var props = new HashMap<>(built);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, details.getBootstrapServers());
        if (details.getSecurityProtocol() != null
                && !details.getSecurityProtocol().isEmpty()) {
            props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, details.getSecurityProtocol());
        }
        SslBundle bundle = details.getSslBundle();
        if (bundle != null) {
            props.put(SslConfigs.SSL_ENGINE_FACTORY_CLASS_CONFIG, SslBundleSslEngineFactory.class);
            props.put(SslBundle.class.getName(), bundle);
        }
        return props;
    }
}
