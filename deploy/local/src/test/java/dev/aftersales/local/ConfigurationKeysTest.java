package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.local.ConfigurationKeys.Use;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every {@code aftersales.*} key used anywhere in the tree (application files, placeholders, test
 * properties, the launcher's arguments) is bound by a {@code @ConfigurationProperties} record, so the
 * configuration processor documents it. A misspelt key, or one read past the records, fails here with
 * the file that uses it. Runs after the reactor compiled every module (the metadata is in target/classes).
 */
class ConfigurationKeysTest {

    static final Path ROOT = BuildTree.repoRoot();
    static final Path CHASSIS = ROOT.resolve("platform/service-chassis");
    static final Path LAUNCHER = ROOT.resolve("deploy/local");
    /** This test's own fixtures name keys that no record binds, on purpose. */
    static final Set<Path> SKIPPED = Set.of(Path.of("ConfigurationKeysTest.java"));

    static List<Path> metadataOf(Path... modules) {
        var files = new ArrayList<Path>();
        for (var module : modules) {
            var file = module.resolve("target/classes/META-INF/spring-configuration-metadata.json");
            assertThat(file)
                    .as("configuration metadata of " + module + " (is it built?)")
                    .isRegularFile();
            files.add(file);
        }
        return files;
    }

    static List<Path> services() {
        return List.of(Service.values()).stream()
                .map(s -> ROOT.resolve(s.id() + "-service"))
                .toList();
    }

    @Test
    void every_aftersales_key_used_in_the_tree_is_bound_by_a_properties_record() {
        var checked = new ArrayList<Use>();
        var undocumented = new ArrayList<Use>();
        check(CHASSIS, ConfigurationKeys.documentedIn(metadataOf(CHASSIS)), checked, undocumented);
        var everyService = new HashSet<String>();
        for (var service : services()) {
            var documented = ConfigurationKeys.documentedIn(metadataOf(CHASSIS, service));
            everyService.addAll(documented);
            check(service, documented, checked, undocumented);
        }
        // The launcher's --aftersales.* arguments go to the services.
        check(LAUNCHER, everyService, checked, undocumented);

        assertThat(undocumented)
                .as("keys no @ConfigurationProperties record binds")
                .isEmpty();
        // The scan itself works: it saw keys of each kind of place.
        assertThat(checked)
                .extracting(Use::key)
                .contains(
                        "aftersales.intake.sla.first-answer", // a service's application.yml
                        "aftersales.kafka.partitions", // the chassis' test properties
                        "aftersales.intake.sla.on-site", // a Binder's map source in a test
                        "aftersales.dispatch.sweep-interval"); // a test application.yml
    }

    private static void check(Path module, Set<String> documented, List<Use> checked, List<Use> undocumented) {
        for (var use : ConfigurationKeys.usedIn(module, SKIPPED)) {
            checked.add(use);
            if (!ConfigurationKeys.isDocumented(use.key(), documented)) {
                undocumented.add(use);
            }
        }
    }

    @Test
    void a_key_no_record_binds_is_reported_wherever_it_is_set_or_read() {
        var source = """
                @SpringBootTest(properties = {"aftersales.intake.sla.on-site=6h", "aftersales.intake.sla.onsite=6h"})
                class Fixture {
                    @Value("${aftersales.intake.no-such-key:3}") int value;
                    List<String> args = List.of("--aftersales.parts.transfer-tme=PT1H");
                    void properties(DynamicPropertyRegistry registry) {
                        registry.add("aftersales.outbox.sweep-intervall", () -> "1s");
                        new Binder(new MapConfigurationPropertySource(Map.of(
                                "aftersales.intake.sla.kinds.REPAIR.on-site", "8h",
                                "aftersales.intake.sla.tier.KEY.on-site", "2h")));
                    }
                }
                """;
        var documented = Set.of(
                "aftersales.intake.sla.on-site",
                "aftersales.intake.sla.kinds",
                "aftersales.intake.sla.kinds.*",
                "aftersales.parts.transfer-time",
                "aftersales.outbox.sweep-interval");

        var keys = ConfigurationKeys.usedInFile(Path.of("Fixture.java"), source).stream()
                .map(Use::key)
                .toList();
        var undocumented = keys.stream()
                .filter(k -> !ConfigurationKeys.isDocumented(k, documented))
                .toList();

        assertThat(undocumented)
                .containsExactlyInAnyOrder(
                        "aftersales.intake.sla.onsite",
                        "aftersales.intake.no-such-key",
                        "aftersales.parts.transfer-tme",
                        "aftersales.outbox.sweep-intervall",
                        "aftersales.intake.sla.tier.KEY.on-site");
        assertThat(keys).contains("aftersales.intake.sla.on-site", "aftersales.intake.sla.kinds.REPAIR.on-site");
    }

    @Test
    void nested_yaml_and_property_files_are_read_as_their_flat_keys() {
        var yaml = """
                aftersales:
                  service: followup
                  followup:
                    tiers:
                      KEY:
                        task: VISIT
                spring:
                  application:
                    name: followup-service
                """;

        assertThat(ConfigurationKeys.inYaml(yaml))
                .containsExactlyInAnyOrder("aftersales.service", "aftersales.followup.tiers.KEY.task");
        assertThat(ConfigurationKeys.inProperties("aftersales.http.max-request-size=2KB\nserver.port=0\n"))
                .containsExactly("aftersales.http.max-request-size");
        assertThat(ConfigurationKeys.isDocumented(
                        "aftersales.followup.tiers.KEY.task", Set.of("aftersales.followup.tiers.*")))
                .isTrue();
    }

    @Test
    void metric_names_and_event_types_are_not_taken_for_keys() {
        var source = """
                class Metrics {
                    void count(MeterRegistry meters) {
                        meters.counter("aftersales.quality.faults", "outcome", "repeat").increment();
                        Counter.builder("aftersales.outbox.published").register(meters);
                        var type = "aftersales.dispatch.TechnicianAssigned.v1";
                        var root = System.getProperty("aftersales.repo-root");
                    }
                }
                """;

        assertThat(ConfigurationKeys.inJava(source)).isEmpty();
    }
}
