package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What the packaged service jars carry besides the code: who they are and what they can be configured with. */
class ServiceJarsTest {

    @Test
    void every_service_jar_names_its_build_and_documents_its_settings() throws IOException {
        for (var service : Service.values()) {
            var jar = service.jarIn(BuildTree.repoRoot());
            assertThat(jar).as(service + " jar (is it packaged?)").isRegularFile();
            try (var file = new JarFile(jar.toFile())) {
                var buildInfo = file.getEntry("META-INF/build-info.properties");
                assertThat(buildInfo).as(service + ": build-info.properties").isNotNull();
                var properties = new Properties();
                try (var in = file.getInputStream(buildInfo)) {
                    properties.load(in);
                }
                assertThat(properties.getProperty("build.artifact")).isEqualTo(service.id() + "-service");
                assertThat(properties.getProperty("build.version")).isNotBlank();
                assertThat(file.getEntry("META-INF/spring-configuration-metadata.json"))
                        .as(service + ": configuration metadata")
                        .isNotNull();
            }
        }
    }
}
