package dev.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The local broker's ACLs: each service exactly what it does, and the README says the same. */
class BusAccessTest {

    static final String BEGIN =
            "<!-- kafka-acls:begin (generated from deploy/local BusAccess by BusAccessTest; edit BusAccess) -->";
    static final String END = "<!-- kafka-acls:end -->";

    @Test
    void a_service_writes_exactly_the_topics_it_produces() {
        for (var service : Service.values()) {
            var streams = new java.util.TreeSet<>(EventCatalog.topicsOf(service.id()));
            if (service == Service.DISPATCH) {
                streams.add(Topics.DISPATCH_SMS);
            }
            assertThat(topicsWith(service, AclOperation.WRITE, PatternType.LITERAL))
                    .as(service.id())
                    .containsExactlyInAnyOrderElementsOf(streams);
        }
        assertThat(topicsWith(Service.DISPATCH, AclOperation.WRITE, PatternType.LITERAL))
                .doesNotContain(Topics.INTAKE_COMPLAINTS);
    }

    @Test
    void a_service_reads_what_it_consumes_and_owns_only_its_own_dead_letters_and_replays() {
        for (var service : Service.values()) {
            assertThat(topicsWith(service, AclOperation.READ, PatternType.LITERAL))
                    .containsExactlyInAnyOrderElementsOf(BusAccess.consumes(service));
            var own = topicsWith(service, AclOperation.READ, PatternType.PREFIXED);
            assertThat(own)
                    .containsExactlyInAnyOrderElementsOf(BusAccess.consumes(service).stream()
                            .map(topic -> topic + "." + service.id() + ".")
                            .toList());
            for (var topic : BusAccess.consumes(service)) {
                assertThat(Topics.deadLetterOf(topic, service.id())).startsWith(topic + "." + service.id() + ".");
                assertThat(Topics.replayOf(topic, service.id())).startsWith(topic + "." + service.id() + ".");
                for (var other : Service.values()) {
                    if (other != service) {
                        assertThat(Topics.deadLetterOf(topic, other.id()))
                                .as("%s's prefix must not cover %s's dead letters", service.id(), other.id())
                                .doesNotStartWith(topic + "." + service.id() + ".");
                    }
                }
            }
        }
    }

    @Test
    void a_service_joins_only_its_own_consumer_group_and_nobody_gets_cluster_rights() {
        for (var service : Service.values()) {
            assertThat(BusAccess.bindings().stream()
                            .filter(b -> b.entry().principal().equals("User:" + service.id()))
                            .filter(b -> b.pattern().resourceType() == ResourceType.GROUP)
                            .map(b -> b.pattern().name()))
                    .containsExactly(service.id() + "-service");
        }
        assertThat(BusAccess.bindings())
                .noneMatch(b -> b.pattern().resourceType() == ResourceType.CLUSTER)
                .allMatch(b -> b.entry().host().equals("*"));
    }

    @Test
    void only_the_sms_gateway_reads_the_consent_codes_and_it_reads_nothing_else() {
        assertThat(BusAccess.bindings().stream()
                        .filter(b -> b.entry().principal().equals("User:" + BusAccess.SMS_GATEWAY))
                        .map(b -> b.pattern().resourceType() + " " + b.pattern().patternType() + " "
                                + b.pattern().name() + " " + b.entry().operation()))
                .containsExactlyInAnyOrder(
                        "TOPIC LITERAL dispatch.sms.v1 DESCRIBE",
                        "TOPIC LITERAL dispatch.sms.v1 READ",
                        "GROUP LITERAL sms-gateway READ");
        assertThat(BusAccess.bindings().stream()
                        .filter(b -> b.entry().operation() == AclOperation.READ)
                        .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC)
                        .filter(b -> b.pattern().patternType() == PatternType.PREFIXED
                                ? Topics.DISPATCH_SMS.startsWith(b.pattern().name())
                                : Topics.DISPATCH_SMS.equals(b.pattern().name()))
                        .map(b -> b.entry().principal()))
                .containsExactly("User:" + BusAccess.SMS_GATEWAY);
    }

    @Test
    void the_readme_lists_the_acls_the_local_broker_grants() throws IOException {
        var readme = BuildTree.repoRoot().resolve("README.md");
        var text = Files.readString(readme, StandardCharsets.UTF_8);
        var begin = text.indexOf(BEGIN);
        var end = text.indexOf(END);
        assertThat(begin).as("README section " + BEGIN).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        var wanted = BEGIN + "\n" + BusAccess.markdown() + "\n" + END;
        var current = text.substring(begin, end + END.length());
        if (!current.equals(wanted) && Boolean.getBoolean("acls.render")) {
            Files.writeString(
                    readme,
                    text.substring(0, begin) + wanted + text.substring(end + END.length()),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current)
                .as("README's ACL table is stale; run BusAccessTest with -Dacls.render=true to rewrite it")
                .isEqualTo(wanted);
    }

    static java.util.List<String> topicsWith(Service service, AclOperation operation, PatternType pattern) {
        return BusAccess.bindings().stream()
                .filter(b -> b.entry().principal().equals("User:" + service.id()))
                .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC)
                .filter(b -> b.pattern().patternType() == pattern)
                .filter(b -> b.entry().operation() == operation)
                .map(b -> b.pattern().name())
                .toList();
    }
}
