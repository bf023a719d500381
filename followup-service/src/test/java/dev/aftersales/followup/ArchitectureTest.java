package dev.aftersales.followup;

import dev.aftersales.chassis.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domain_is_free_of_frameworks() {
        ArchitectureRules.domainIsFreeOfFrameworks("dev.aftersales.followup");
    }

    @Test
    void domain_does_not_use_adapters() {
        ArchitectureRules.domainDoesNotUseAdapters("dev.aftersales.followup");
    }
}
