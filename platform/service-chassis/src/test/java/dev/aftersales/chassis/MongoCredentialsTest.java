package dev.aftersales.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.internal.MongoClientImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * MongoDB credentials and TLS given as standard Spring Boot properties (in the URI, or as username
 * and password, e.g. from {@code SPRING_MONGODB_PASSWORD}) reach the driver's settings of the client
 * a service uses, with the chassis' defaults in place. The client connects lazily, so no server is
 * needed; {@code MongoWithAuthenticationIT} logs in to a real one.
 */
class MongoCredentialsTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> new ChassisDefaults().postProcessEnvironment(context.getEnvironment(), null))
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, SslAutoConfiguration.class));

    @Test
    void credentials_in_the_uri_reach_the_driver() {
        runner.withPropertyValues(
                        "spring.mongodb.uri=mongodb://intake:s3cret@mongo-1.example.com,mongo-2.example.com/intake"
                                + "?replicaSet=rs0&authSource=admin&tls=true")
                .run(context -> {
                    var settings = settings(context.getBean(MongoClient.class));
                    assertThat(settings.getCredential().getUserName()).isEqualTo("intake");
                    assertThat(settings.getCredential().getPassword()).containsExactly("s3cret".toCharArray());
                    assertThat(settings.getCredential().getSource()).isEqualTo("admin");
                    assertThat(settings.getSslSettings().isEnabled()).isTrue();
                    assertThat(settings.getClusterSettings().getRequiredReplicaSetName())
                            .isEqualTo("rs0");
                });
    }

    @Test
    void username_and_password_properties_and_tls_with_a_bundle_reach_the_driver() {
        runner.withPropertyValues(
                        "spring.mongodb.host=mongo-1.example.com",
                        "spring.mongodb.database=dispatch",
                        "spring.mongodb.authentication-database=admin",
                        "spring.mongodb.username=dispatch",
                        "spring.mongodb.password=s3cret-from-the-environment",
                        "spring.mongodb.ssl.enabled=true",
                        "spring.mongodb.ssl.bundle=mongo",
                        "spring.ssl.bundle.pem.mongo.truststore.certificate=classpath:tls/test-ca.pem")
                .run(context -> {
                    var settings = settings(context.getBean(MongoClient.class));
                    assertThat(settings.getCredential().getUserName()).isEqualTo("dispatch");
                    assertThat(settings.getCredential().getPassword())
                            .containsExactly("s3cret-from-the-environment".toCharArray());
                    assertThat(settings.getCredential().getSource()).isEqualTo("admin");
                    assertThat(settings.getSslSettings().isEnabled()).isTrue();
                    assertThat(settings.getSslSettings().getContext())
                            .as("the bundle's trust material")
                            .isNotNull();
                });
    }

    /** The settings the driver was built with (its internal client exposes them; nothing else does). */
    static MongoClientSettings settings(MongoClient client) {
        return ((MongoClientImpl) client).getSettings();
    }
}
