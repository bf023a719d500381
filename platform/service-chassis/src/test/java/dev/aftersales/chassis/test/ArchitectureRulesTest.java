package dev.aftersales.chassis.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each rule catches its deliberate violation in the {@code archfixture.bad} service and lets the
 * {@code archfixture.clean} one pass, so a rule that silently stopped matching fails here.
 */
class ArchitectureRulesTest {

    private static final String BAD = "dev.aftersales.chassis.archfixture.bad";
    private static final String CLEAN = "dev.aftersales.chassis.archfixture.clean";

    private static final JavaClasses BAD_CLASSES = new ClassFileImporter().importPackages(BAD);
    private static final JavaClasses CLEAN_CLASSES = new ClassFileImporter().importPackages(CLEAN);

    private static void reports(Function<String, ArchRule> rule, String... violations) {
        assertThatThrownBy(() -> rule.apply(BAD).check(BAD_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(violations);
    }

    @Test
    void a_domain_class_holding_the_chassis_serialising_outbox_is_reported() {
        reports(ArchitectureRules::domainIsPlainJava, "LeakyTicket", "chassis.outbox.Outbox");
    }

    @Test
    void a_domain_class_reaching_its_store_adapter_is_reported() {
        reports(ArchitectureRules::domainDoesNotUseAdapters, "LeakyTicket", "MongoTickets");
    }

    @Test
    void a_use_case_throwing_an_http_flavoured_exception_is_reported() {
        reports(ArchitectureRules::applicationSpeaksNoHttp, "OpenTicket", "ResponseStatusException");
    }

    @Test
    void a_controller_calling_a_store_port_is_reported() {
        reports(ArchitectureRules::controllersCallTheApplication, "TicketController", "Tickets.find");
    }

    @Test
    void a_kafka_door_outside_adapter_kafka_is_reported() {
        reports(ArchitectureRules::kafkaDoorsSitInTheirCapability, "ticketing.kafka.TicketSubscriptions");
    }

    @Test
    void an_adapter_driving_another_capabilitys_use_case_is_reported() {
        reports(ArchitectureRules::adaptersUseOnlyTheirOwnCapability, "BillController", "OpenTicket");
    }

    @Test
    void a_hand_written_catch_of_an_optimistic_lock_failure_is_reported() {
        reports(
                ArchitectureRules::onlyTheRetryMechanismCatchesConflicts,
                "OpenTicket.open",
                "OptimisticLockingFailureException");
    }

    @Test
    void code_asking_the_system_for_the_time_is_reported() {
        reports(
                ArchitectureRules::timeComesFromAnInjectedClock,
                "OpenTicket.dueAt",
                "Instant.now()",
                "System.currentTimeMillis()",
                "Clock.systemUTC()",
                "LocalDate.now()");
    }

    @Test
    void a_use_case_measuring_with_the_wall_clock_is_reported() {
        reports(ArchitectureRules::wallClockServesOnlyTechnicalCode, "OpenTicket", "WallClock");
    }

    @Test
    void a_class_outside_every_capabilitys_layers_is_reported() {
        reports(ArchitectureRules::everyClassSitsInALayer, "bad.Stray", "ticketing.kafka.TicketSubscriptions");
    }

    @Test
    void a_service_keeping_the_layout_passes_every_rule() {
        for (var rule : ArchitectureRules.all(CLEAN)) {
            rule.check(CLEAN_CLASSES);
        }
    }

    @Test
    void the_layers_of_each_capability_are_listed() {
        assertThat(ArchitectureRules.layersByCapability(CLEAN_CLASSES, CLEAN))
                .containsEntry(
                        "ticketing",
                        new java.util.TreeSet<>(java.util.List.of(
                                "adapter.kafka", "adapter.mongo", "adapter.web", "application", "domain")));
    }
}
