package dev.aftersales.intake;

import dev.aftersales.chassis.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void the_domain_is_free_of_frameworks() {
        ArchitectureRules.domainIsFreeOfFrameworks("dev.aftersales.intake");
    }

    @Test
    void the_domain_does_not_use_adapters() {
        ArchitectureRules.domainDoesNotUseAdapters("dev.aftersales.intake");
    }
}
