package dev.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.aftersales.chassis.test.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The layout of docs/architecture.md, held by the rules every service runs on itself. */
class ArchitectureTest {

    private static final String BASE = "dev.aftersales.intake";
    private static final JavaClasses CLASSES = ArchitectureRules.classesOf(BASE);

    @TestFactory
    Stream<DynamicTest> every_layout_rule_holds() {
        return ArchitectureRules.all(BASE).stream()
                .map(rule -> dynamicTest(rule.getDescription(), () -> rule.check(CLASSES)));
    }

    @Test
    void every_capability_has_a_domain_and_an_application_layer() {
        assertThat(ArchitectureRules.layersByCapability(CLASSES, BASE))
                .isNotEmpty()
                .allSatisfy((capability, layers) -> assertThat(layers).contains("domain", "application"));
    }
}
