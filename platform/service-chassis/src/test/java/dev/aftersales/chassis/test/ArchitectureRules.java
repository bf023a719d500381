package dev.aftersales.chassis.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The layering rules every service keeps, written once; each service runs them on its own classes. */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Domain code is plain Java: no Spring, MongoDB, Kafka or web types, so it can be unit tested alone. */
    public static void domainIsFreeOfFrameworks(String basePackage) {
        noClasses()
                .that()
                .resideInAPackage(basePackage + "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.mongodb..",
                        "org.bson..",
                        "org.apache.kafka..",
                        "jakarta.servlet..")
                .because("the domain must read like domain.md and be testable without infrastructure")
                .check(classesOf(basePackage));
    }

    /** Capabilities talk to the outside only through their adapters. */
    public static void domainDoesNotUseAdapters(String basePackage) {
        noClasses()
                .that()
                .resideInAPackage(basePackage + "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(basePackage + "..adapter..")
                .allowEmptyShould(true)
                .check(classesOf(basePackage));
    }
}
