package dev.aftersales.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A service's store settings against a real MongoDB that requires a login (the embedded store has
 * no authentication): the standard properties log in, a wrong password does not. Needs Docker;
 * skipped where there is none ({@link MongoCredentialsTest} checks the same settings reach the driver).
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoWithAuthenticationIT {

    @Container
    static final GenericContainer<?> MONGO = new GenericContainer<>("mongo:8.0")
            .withEnv("MONGO_INITDB_ROOT_USERNAME", "root")
            .withEnv("MONGO_INITDB_ROOT_PASSWORD", "root-s3cret")
            .withExposedPorts(27017)
            .waitingFor(Wait.forLogMessage("(?i).*waiting for connections.*", 2));

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> new ChassisDefaults().postProcessEnvironment(context.getEnvironment(), null))
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class));

    @Test
    void the_standard_properties_log_in_and_a_wrong_password_is_refused() {
        runner.withPropertyValues(
                        "spring.mongodb.host=" + MONGO.getHost(),
                        "spring.mongodb.port=" + MONGO.getMappedPort(27017),
                        "spring.mongodb.database=intake",
                        "spring.mongodb.authentication-database=admin",
                        "spring.mongodb.username=root",
                        "spring.mongodb.password=root-s3cret")
                .run(context -> {
                    var intake = context.getBean(MongoClient.class).getDatabase("intake");
                    intake.getCollection("probe").insertOne(new Document("_id", "P-1"));
                    assertThat(intake.getCollection("probe").countDocuments()).isEqualTo(1);
                });

        runner.withPropertyValues("spring.mongodb.uri=mongodb://root:wrong@" + MONGO.getHost() + ":"
                        + MONGO.getMappedPort(27017) + "/intake?authSource=admin&serverSelectionTimeoutMS=5000")
                .run(context -> assertThatThrownBy(() -> context.getBean(MongoClient.class)
                                .getDatabase("intake")
                                .getCollection("probe")
                                .countDocuments())
                        .hasRootCauseInstanceOf(MongoSecurityException.class));
    }
}
