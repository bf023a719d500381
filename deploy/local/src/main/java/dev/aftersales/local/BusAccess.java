package dev.aftersales.local;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import dev.aftersales.contracts.EventCatalog;
import dev.aftersales.contracts.EventConsumers;
import dev.aftersales.contracts.Topics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the event bus: one principal per service, allowed exactly what the service
 * does. A service writes (and creates) only the topics it produces; reads only the topics it
 * consumes; owns the topics under {@code <consumed topic>.<service>.} (its dead-letter and replay
 * topics, {@link Topics#deadLetterOf}, {@link Topics#replayOf}); and joins only its own consumer
 * group. The launcher's {@code admin} is the cluster's super user; {@code sms-gateway} reads the text
 * messages dispatch writes for it ({@link Topics#DISPATCH_SMS}: customers' consent codes) and nothing
 * else, and no service may read them. The README's production section lists the same rules for a real
 * cluster.
 */
final class BusAccess {

    /** The launcher's principal for admin tasks: users, ACLs, reading any topic in tests. */
    static final String ADMIN = "admin";

    /** The SMS gateway's principal: the only reader of {@link Topics#DISPATCH_SMS}. */
    static final String SMS_GATEWAY = "sms-gateway";

    /** The gateway's consumer group. */
    static final String SMS_GATEWAY_GROUP = "sms-gateway";

    /**
     * The topics each service consumes, from the consumers table ({@link EventConsumers}), which each
     * service's own test holds to its {@code EventSubscriptions}. Each service's
     * {@code GET /admin/dead-letters} names one dead-letter topic per consumed topic, which the
     * end-to-end test compares with this table.
     */
    private static final Map<Service, SortedSet<String>> CONSUMES = consumes();

    private BusAccess() {}

    private static Map<Service, SortedSet<String>> consumes() {
        var consumes = new EnumMap<Service, SortedSet<String>>(Service.class);
        for (var service : Service.values()) {
            consumes.put(service, EventConsumers.topicsReadBy(service.id()));
        }
        return consumes;
    }

    /** The principals the launcher creates SCRAM credentials for, besides the controller's own. */
    static List<String> users() {
        var users = new ArrayList<String>();
        users.add(ADMIN);
        for (var service : Service.values()) {
            users.add(service.id());
        }
        users.add(SMS_GATEWAY);
        return users;
    }

    /** Its event streams, and for dispatch the gateway's topic (not an event stream, so not in the catalog). */
    static SortedSet<String> produces(Service service) {
        var topics = new TreeSet<>(EventCatalog.topicsOf(service.id()));
        if (service == Service.DISPATCH) {
            topics.add(Topics.DISPATCH_SMS);
        }
        return topics;
    }

    static SortedSet<String> consumes(Service service) {
        return CONSUMES.get(service);
    }

    /** The consumer group the chassis names {@code <service>-service}. */
    static String group(Service service) {
        return service.id() + "-service";
    }

    /** The prefix of the topics a service owns as a consumer of {@code topic}: its dead letters and replays. */
    static String ownPrefix(String topic, Service service) {
        return topic + "." + service.id() + ".";
    }

    static String principal(String user) {
        return "User:" + user;
    }

    /** Every ACL of every service principal; nothing else is allowed to them. */
    static Set<AclBinding> bindings() {
        var bindings = new LinkedHashSet<AclBinding>();
        for (var service : Service.values()) {
            var user = principal(service.id());
            for (var topic : produces(service)) {
                allow(bindings, user, ResourceType.TOPIC, topic, PatternType.LITERAL, CREATE, DESCRIBE, WRITE);
            }
            for (var topic : consumes(service)) {
                allow(bindings, user, ResourceType.TOPIC, topic, PatternType.LITERAL, DESCRIBE, READ);
                allow(
                        bindings,
                        user,
                        ResourceType.TOPIC,
                        ownPrefix(topic, service),
                        PatternType.PREFIXED,
                        CREATE,
                        DESCRIBE,
                        WRITE,
                        READ);
            }
            allow(bindings, user, ResourceType.GROUP, group(service), PatternType.LITERAL, READ);
        }
        var gateway = principal(SMS_GATEWAY);
        allow(bindings, gateway, ResourceType.TOPIC, Topics.DISPATCH_SMS, PatternType.LITERAL, DESCRIBE, READ);
        allow(bindings, gateway, ResourceType.GROUP, SMS_GATEWAY_GROUP, PatternType.LITERAL, READ);
        return bindings;
    }

    private static void allow(
            Set<AclBinding> bindings,
            String principal,
            ResourceType type,
            String name,
            PatternType pattern,
            AclOperation... operations) {
        for (var operation : operations) {
            bindings.add(new AclBinding(
                    new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    /** The README's table of these rules, one row per service. */
    static String markdown() {
        var lines = new ArrayList<String>();
        lines.add(
                "| principal | writes (and creates) | reads | owns as a consumer (prefixed: create, write, read) | consumer group |");
        lines.add("|---|---|---|---|---|");
        for (var service : Service.values()) {
            lines.add("| `" + principal(service.id()) + "` | "
                    + String.join(
                            ", ",
                            produces(service).stream().map(t -> "`" + t + "`").toList()) + " | "
                    + String.join(
                            ", ",
                            consumes(service).stream().map(t -> "`" + t + "`").toList()) + " | "
                    + String.join(
                            ", ",
                            consumes(service).stream()
                                    .map(t -> "`" + ownPrefix(t, service) + "`")
                                    .toList())
                    + " | `" + group(service) + "` (read) |");
        }
        lines.add("| `" + principal(SMS_GATEWAY) + "` | – | `" + Topics.DISPATCH_SMS + "` | – | `" + SMS_GATEWAY_GROUP
                + "` (read) |");
        return String.join("\n", lines);
    }
}
