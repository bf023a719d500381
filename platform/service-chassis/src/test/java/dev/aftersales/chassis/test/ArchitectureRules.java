package dev.aftersales.chassis.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The layout every service keeps (docs/architecture.md), written once as rules; each service runs
 * {@link #all(String)} on its own classes, and the chassis runs each rule on a fixture package of
 * deliberate violations to show that it catches them.
 *
 * <p>A service's classes live in {@code <base>.<capability>.<layer>}, the layers being {@link
 * #LAYERS}; only the application class and the service-wide properties sit at the base.
 */
public final class ArchitectureRules {

    /** The rooms of a capability. */
    public static final List<String> LAYERS =
            List.of("domain", "application", "adapter.web", "adapter.mongo", "adapter.kafka");

    private ArchitectureRules() {}

    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Every rule below, as a service checks itself. */
    public static List<ArchRule> all(String basePackage) {
        return List.of(
                domainIsPlainJava(basePackage),
                domainDoesNotUseAdapters(basePackage),
                applicationSpeaksNoHttp(basePackage),
                controllersCallTheApplication(basePackage),
                kafkaDoorsSitInTheirCapability(basePackage),
                adaptersUseOnlyTheirOwnCapability(basePackage),
                onlyTheRetryMechanismCatchesConflicts(basePackage),
                timeComesFromAnInjectedClock(basePackage),
                wallClockServesOnlyTechnicalCode(basePackage),
                everyClassSitsInALayer(basePackage));
    }

    /**
     * Domain code is plain Java: no Spring, MongoDB, Kafka, JSON or web types, and of the chassis
     * only the plain {@code aggregate} types (raised events, handled ids), so it reads like
     * domain.md and is tested without infrastructure. Event payloads ({@code contracts}) are plain records.
     */
    public static ArchRule domainIsPlainJava(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..domain..")
                .should()
                .dependOnClassesThat(frameworkOrChassisIo(basePackage))
                .because("the domain must read like domain.md and be testable without infrastructure");
    }

    private static DescribedPredicate<JavaClass> frameworkOrChassisIo(String basePackage) {
        return DescribedPredicate.describe(
                "are framework types or chassis types doing I/O or serialisation",
                c -> !c.getPackageName().startsWith(basePackage)
                        && (c.getPackageName().startsWith("org.springframework")
                                || c.getPackageName().startsWith("com.mongodb")
                                || c.getPackageName().startsWith("org.bson")
                                || c.getPackageName().startsWith("org.apache.kafka")
                                || c.getPackageName().startsWith("jakarta.servlet")
                                || c.getPackageName().startsWith("tools.jackson")
                                || c.getPackageName().startsWith("com.fasterxml.jackson")
                                || (c.getPackageName().startsWith("dev.aftersales.chassis")
                                        && !c.getPackageName().startsWith("dev.aftersales.chassis.aggregate"))));
    }

    /** Capabilities talk to the outside only through their adapters. */
    public static ArchRule domainDoesNotUseAdapters(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(basePackage + "..adapter..")
                .allowEmptyShould(true);
    }

    /**
     * Use cases throw domain and application exceptions; what HTTP status each becomes is the web
     * adapter's business (the chassis' problem-details advice), so a Kafka handler can call them too.
     */
    public static ArchRule applicationSpeaksNoHttp(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.aftersales.chassis.web..",
                        "org.springframework.http..",
                        "org.springframework.web..",
                        "jakarta.servlet..")
                .allowEmptyShould(true)
                .because("mapping an outcome to HTTP lives in the web adapter");
    }

    /**
     * Controllers call application services, never a store port (an interface of the domain) or a
     * store adapter: what a door may do is decided once, in the use case, for HTTP and Kafka alike.
     */
    public static ArchRule controllersCallTheApplication(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..adapter.web..")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "the target is a store port (an interface in a domain package)",
                        (JavaMethodCall call) -> call.getTargetOwner().isInterface()
                                && call.getTargetOwner().getPackageName().startsWith(basePackage)
                                && call.getTargetOwner().getPackageName().contains(".domain")))
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage(basePackage + "..adapter.mongo..")
                .allowEmptyShould(true);
    }

    /** A service's Kafka doors are found in one place: {@code <capability>/adapter/kafka}. */
    public static ArchRule kafkaDoorsSitInTheirCapability(String basePackage) {
        return classes()
                .that(DescribedPredicate.describe(
                        "declare event subscriptions",
                        (JavaClass c) -> c.getDirectDependenciesFromSelf().stream()
                                .anyMatch(d -> d.getTargetClass()
                                        .getName()
                                        .equals("dev.aftersales.chassis.events.EventSubscriptions"))))
                .and()
                .resideInAPackage(basePackage + "..")
                .should(resideInLayer(basePackage, "adapter.kafka"))
                .allowEmptyShould(true);
    }

    /**
     * One capability's adapters drive only their own capability's use cases: a stock arrival reaches
     * backorders through an event, not through a controller calling across.
     */
    public static ArchRule adaptersUseOnlyTheirOwnCapability(String basePackage) {
        return classes()
                .that()
                .resideInAPackage(basePackage + ".*.adapter..")
                .should(new ArchCondition<>("depend on no other capability's application layer") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        var own = capabilityOf(basePackage, item.getPackageName());
                        for (var dependency : item.getDirectDependenciesFromSelf()) {
                            var target = dependency.getTargetClass().getPackageName();
                            var other = capabilityOf(basePackage, target);
                            if (other.isPresent()
                                    && !other.equals(own)
                                    && target.equals(basePackage + "." + other.get() + ".application")) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /**
     * An optimistic-lock failure is retried (or skipped) by {@code ConflictRetry} with a policy per
     * use, never by a hand-written loop or catch.
     */
    public static ArchRule onlyTheRetryMechanismCatchesConflicts(String basePackage) {
        return classes()
                .that()
                .resideInAPackage(basePackage + "..")
                .should(new ArchCondition<>("catch no optimistic-lock failure") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (var unit : item.getCodeUnits()) {
                            for (var block : unit.getTryCatchBlocks()) {
                                for (var caught : block.getCaughtThrowables()) {
                                    if (isConcurrencyFailure(caught)) {
                                        events.add(SimpleConditionEvent.violated(
                                                block,
                                                unit.getFullName() + " catches " + caught.getSimpleName() + " in "
                                                        + block.getSourceCodeLocation()));
                                    }
                                }
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /**
     * Time comes from an injected clock: the business {@code Clock} for what the platform promises,
     * the chassis' {@code WallClock} for what is technical. Code that asks the system for the time
     * ({@code Instant.now()}, {@code LocalDate.now()}, {@code System.currentTimeMillis()},
     * {@code Clock.systemUTC()}...) ignores the local stack's platform clock and cannot be tested at a
     * due time. ({@code System.nanoTime()} measures durations, not time, and stays allowed.)
     */
    public static ArchRule timeComesFromAnInjectedClock(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "the target reads the system's time",
                        (JavaMethodCall call) -> readsSystemTime(
                                call.getTargetOwner().getName(),
                                call.getName(),
                                call.getTarget().getRawParameterTypes().stream()
                                        .anyMatch(p -> p.isEquivalentTo(java.time.Clock.class)))))
                .allowEmptyShould(true)
                .because("business time follows the injected Clock and technical time the WallClock");
    }

    private static final Set<String> DATE_TYPES = Set.of(
            "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalDateTime",
            "java.time.LocalTime",
            "java.time.ZonedDateTime",
            "java.time.OffsetDateTime",
            "java.time.OffsetTime",
            "java.time.Year",
            "java.time.YearMonth");

    /** {@code now(clock)} reads the given clock and is fine; {@code now()} and {@code now(zone)} read the system's. */
    private static boolean readsSystemTime(String owner, String method, boolean givenAClock) {
        return (DATE_TYPES.contains(owner) && method.equals("now") && !givenAClock)
                || (owner.equals("java.lang.System") && method.equals("currentTimeMillis"))
                || (owner.equals("java.time.Clock") && method.startsWith("system"));
    }

    /**
     * The wall clock serves technical code (adapters, the chassis): a domain rule or a use case
     * works in business time, so a training run a month ahead breaches, expires and reminds as
     * living through that month would.
     */
    public static ArchRule wallClockServesOnlyTechnicalCode(String basePackage) {
        return noClasses()
                .that()
                .resideInAnyPackage(basePackage + "..domain..", basePackage + "..application..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.aftersales.chassis.time.WallClock")
                .allowEmptyShould(true)
                .because("what the platform promises is measured in business time");
    }

    /**
     * Every class is in a capability's layer ({@link #LAYERS}); only the {@code *Application} class
     * and service-wide {@code *Properties} sit at the service's base package.
     */
    public static ArchRule everyClassSitsInALayer(String basePackage) {
        var layered = Pattern.compile(Pattern.quote(basePackage) + "\\.[a-z]+\\.("
                + String.join("|", LAYERS).replace(".", "\\.") + ")(\\..*)?");
        return classes()
                .that()
                .resideInAPackage(basePackage + "..")
                .and()
                .areTopLevelClasses()
                .should(
                        new ArchCondition<>(
                                "sit in <capability>." + LAYERS + " or be the application or its properties") {
                            @Override
                            public void check(JavaClass item, ConditionEvents events) {
                                var pkg = item.getPackageName();
                                var atBase = pkg.equals(basePackage)
                                        && (item.getSimpleName().endsWith("Application")
                                                || item.getSimpleName().endsWith("Properties"));
                                if (!atBase && !layered.matcher(pkg).matches()) {
                                    events.add(SimpleConditionEvent.violated(
                                            item, item.getName() + " is outside every capability's layers"));
                                }
                            }
                        });
    }

    /** The capabilities of a service and the layer packages each has, e.g. {@code complaint → [adapter.web, application, domain]}. */
    public static java.util.Map<String, Set<String>> layersByCapability(JavaClasses classes, String basePackage) {
        var result = new java.util.TreeMap<String, Set<String>>();
        for (var c : classes) {
            var pkg = c.getPackageName();
            capabilityOf(basePackage, pkg).ifPresent(capability -> {
                var rest = pkg.substring((basePackage + "." + capability).length());
                var layer = LAYERS.stream()
                        .filter(l -> rest.equals("." + l) || rest.startsWith("." + l + "."))
                        .findFirst();
                layer.ifPresent(l ->
                        result.computeIfAbsent(capability, k -> new TreeSet<>()).add(l));
            });
        }
        return result;
    }

    /** By the loaded class: the importer may know a caught library type only by name, not its supertypes. */
    private static boolean isConcurrencyFailure(JavaClass caught) {
        try {
            return org.springframework.dao.ConcurrencyFailureException.class.isAssignableFrom(
                    Class.forName(caught.getName(), false, ArchitectureRules.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return caught.isAssignableTo(org.springframework.dao.ConcurrencyFailureException.class);
        }
    }

    private static ArchCondition<JavaClass> resideInLayer(String basePackage, String layer) {
        var pattern = Pattern.compile(Pattern.quote(basePackage) + "\\.[a-z]+\\." + Pattern.quote(layer) + "(\\..*)?");
        return new ArchCondition<>("reside in <capability>." + layer) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!pattern.matcher(item.getPackageName()).matches()) {
                    events.add(SimpleConditionEvent.violated(
                            item, item.getName() + " is not in a capability's " + layer + " package"));
                }
            }
        };
    }

    private static Optional<String> capabilityOf(String basePackage, String pkg) {
        if (!pkg.startsWith(basePackage + ".")) {
            return Optional.empty();
        }
        var rest = pkg.substring(basePackage.length() + 1);
        var dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
