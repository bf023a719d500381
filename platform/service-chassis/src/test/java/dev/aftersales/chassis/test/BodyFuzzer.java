package dev.aftersales.chassis.test;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.AuthorizationTable.Whose;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Throws generated JSON bodies at every POST/PUT/PATCH door of a running service that takes a JSON
 * request body, over real HTTP, and holds the service to what bad input must get:
 *
 * <ul>
 *   <li>every answer is 2xx, or 4xx as {@code application/problem+json}; never 5xx;
 *   <li>a 4xx stores and publishes nothing: its request thread sends no write command to the store
 *       ({@link StoreWrites}, so no outbox either) and no record to Kafka ({@link RequestPublishes}).
 *       Every call starts from a settled service (outboxes empty, every consumer group at the end of
 *       its partitions) and the end offsets of every topic are compared too; when they moved without
 *       the refusal writing or sending anything, a timer or consumer of the service published, which
 *       is counted as {@code -1} in the printed answers;
 *   <li>afterwards the service has no meter name it did not have after one warm-up round through every
 *       door, and no tag of any meter carries text the fuzzer made up: nothing a caller sends becomes
 *       a meter or a tag (the counts before and after are printed).
 * </ul>
 *
 * The doors are found the way Spring MVC finds them (its handler mappings, the {@code @RequestBody}
 * parameter's generic type); the caller's token comes from the checked-in authorization table (party
 * {@link AuthorizationMatrix#A} in the first role granted its own record). A service may give a door a
 * {@link #seed valid request}; bodies are then mostly mutations of it (wrong types, missing fields,
 * nulls, huge strings, deep nesting, unicode, extra fields, edge numbers and dates, broken syntax),
 * else generated from the body's type. The seed of the run is printed and rerun with {@code
 * -Dfuzz.seed=N}; {@code -Dfuzz.bodies=N} sets how many bodies one service gets.
 */
public final class BodyFuzzer {

    /** A valid request of a door: its concrete path and body. */
    public record Seed(String path, String json) {}

    /** Makes a valid request of a door, usually about a record it opens for it. */
    @FunctionalInterface
    public interface Seeds {
        Seed next() throws Exception;
    }

    /** A door found in the handler mappings, with the generic type of its body. */
    record Door(String method, String pattern, Type bodyType) {
        String endpoint() {
            return method + " " + pattern;
        }
    }

    private record Answer(int status, String contentType, String body) {}

    /** What a refused request must leave as it was: its thread's writes and sends, and the broker's topics. */
    private record State(long writes, long sends, Map<TopicPartition, Long> ends) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int SEED_REUSE = 40;
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH");
    static final Map<String, Long> NANOS = new java.util.concurrent.ConcurrentHashMap<>();

    static <T> T timed(String what, java.util.concurrent.Callable<T> call) throws Exception {
        var start = System.nanoTime();
        try {
            return call.call();
        } finally {
            NANOS.merge(what, System.nanoTime() - start, Long::sum);
        }
    }
    /**
     * Meters that come with the runtime, not with what callers send: the collector's causes and pools,
     * and the Kafka clients' per-topic meters, registered when a consumer is first given a partition.
     */
    private static final List<String> RUNTIME_METERS = List.of("jvm.", "process.", "system.", "executor", "kafka.");

    private final String service;
    private final int port;
    private final ApplicationContext context;
    private final MongoTemplate mongo;
    private final StoreWrites writes;
    private final String brokers;
    private final Map<String, Seeds> seeds = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AuthorizationTable table = AuthorizationTable.load();

    private BodyFuzzer(String service, int port, ApplicationContext context, String brokers) {
        this.service = service;
        this.port = port;
        this.context = context;
        this.mongo = context.getBean(MongoTemplate.class);
        this.writes = context.getBean(StoreWrites.class);
        this.brokers = brokers;
    }

    public static BodyFuzzer of(String service, int port, ApplicationContext context, String brokers) {
        return new BodyFuzzer(service, port, context, brokers);
    }

    /**
     * A valid request for {@code endpoint} (as the authorization table names it), made anew after an
     * accepted body and every few bodies, so that mutations reach past the checks of a record's state.
     */
    public BodyFuzzer seed(String endpoint, Seeds seed) {
        if (seeds.putIfAbsent(endpoint, seed) != null) {
            throw new IllegalArgumentException("two seeds for " + endpoint);
        }
        return this;
    }

    /**
     * Bodies one service gets when {@code fuzz.bodies} is not set: 4,000 across the four services, so that
     * {@code ./mvnw verify} stays within its ten minutes; {@code -Dfuzz.bodies=2500} runs the full 10,000.
     */
    public static final int DEFAULT_BODIES = 1_000;

    /** Runs the generated bodies; one assertion error lists every failure (at most 50 shown). */
    public void verify() throws Exception {
        var seed = Long.getLong("fuzz.seed", System.nanoTime());
        var bodies = Integer.getInteger("fuzz.bodies", DEFAULT_BODIES);
        System.out.printf(
                "[%s] body fuzzing: seed %d (rerun with -Dfuzz.seed=%d), %d bodies%n", service, seed, seed, bodies);
        var random = new Random(seed);
        var doors = doors();
        var failures = new ArrayList<String>();
        for (var endpoint : seeds.keySet()) {
            if (doors.stream().noneMatch(d -> d.endpoint().equals(endpoint))) {
                failures.add("a seed is given for " + endpoint + ", which takes no JSON body");
            }
        }
        var meters = context.getBean(MeterRegistry.class);
        var started = System.nanoTime();
        var statuses = new TreeMap<Integer, Integer>();
        var meterCounts = "";
        Generator.GENERATED.clear();
        NANOS.clear();
        try (var consumer = consumer();
                var admin = org.apache.kafka.clients.admin.Admin.create(
                        Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            var run = new Run(random, consumer, admin, failures, statuses);
            // warm-up: each door with its valid body and one body of each mutation, so that every
            // status and outcome a door can answer has its meters before they are counted
            for (var door : doors) {
                run.call(door, run.seedOf(door).json());
                for (var mutation : Mutation.values()) {
                    run.call(door, Mutation.text(mutation.mutate(run.seedTree(door), random)));
                }
            }
            var before = countedMeters(meters);
            for (int i = 0; i < bodies; i++) {
                var door = doors.get(random.nextInt(doors.size()));
                run.call(door, run.body(door));
            }
            var after = countedMeters(meters);
            checkMeters(before, after, failures);
            meterCounts = before.size() + " → " + after.size();
        }
        System.out.println("[" + service + "] body fuzzing time by step (ms): "
                + NANOS.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue() / 1_000_000)
                        .toList());
        System.out.printf(
                "[%s] body fuzzing: %d doors, %d bodies in %d s, answers %s, meters %s, %d failures (seed %d)%n",
                service,
                doors.size(),
                bodies,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                statuses,
                meterCounts,
                failures.size(),
                seed);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " failures of body fuzzing (rerun with -Dfuzz.seed=" + seed
                    + "):\n  " + String.join("\n  ", failures.stream().limit(50).toList()));
        }
    }

    /** Every door of the service that takes a JSON body, ordered by endpoint so a seed reruns alike. */
    List<Door> doors() {
        var doors = new TreeMap<String, Door>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
                    var bodyType = jsonBodyType(info, handler);
                    if (bodyType == null) {
                        return;
                    }
                    for (var method : info.getMethodsCondition().getMethods()) {
                        if (!WRITES.contains(method.name())) {
                            continue;
                        }
                        for (var pattern : info.getPatternValues()) {
                            var door = new Door(method.name(), pattern, bodyType);
                            doors.put(door.endpoint(), door);
                        }
                    }
                }));
        return List.copyOf(doors.values());
    }

    private static Type jsonBodyType(RequestMappingInfo info, HandlerMethod handler) {
        var consumes = info.getConsumesCondition().getConsumableMediaTypes();
        if (!consumes.isEmpty() && consumes.stream().noneMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON))) {
            return null;
        }
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                var type = parameter.getParameterType();
                if (type == byte[].class) {
                    return null;
                }
                if (type == String.class) {
                    // text read as JSON by the handler itself (an import): a JSON door only when it says so
                    return consumes.stream().anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON))
                            ? Object.class
                            : null;
                }
                return parameter.getGenericParameterType();
            }
        }
        return null;
    }

    private List<Meter.Id> countedMeters(MeterRegistry meters) {
        return meters.getMeters().stream()
                .map(Meter::getId)
                .filter(id -> RUNTIME_METERS.stream().noneMatch(id.getName()::startsWith))
                .toList();
    }

    /**
     * No meter name is new (but a gauge's), and no tag carries text the fuzzer made up. New tag values of existing
     * meters do come (a dealer's first installation, a decline reason not sent before, a gauge its
     * timer refreshed); they are bounded by the service's data and enums, not by what callers send.
     */
    private static void checkMeters(List<Meter.Id> before, List<Meter.Id> after, List<String> failures) {
        var names = before.stream().map(Meter.Id::getName).collect(java.util.stream.Collectors.toSet());
        after.stream()
                // gauges are registered by the service's own timers when its data first has them
                .filter(id -> id.getType() != Meter.Type.GAUGE && !names.contains(id.getName()))
                .limit(10)
                .forEach(id -> failures.add("a new meter appeared: " + id));
        var made =
                Generator.GENERATED.stream().filter(text -> text.length() >= 6).toList();
        for (var id : after) {
            for (var tag : id.getTags()) {
                made.stream()
                        .filter(tag.getValue()::contains)
                        .findFirst()
                        .ifPresent(text -> failures.add("a tag carries a caller's text: " + id));
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    /** One run: the current seeds, the last known state, and what has gone wrong. */
    private final class Run {
        private final Random random;
        private final KafkaConsumer<String, String> consumer;
        private final org.apache.kafka.clients.admin.Admin admin;
        private final List<String> failures;
        private final Map<Integer, Integer> statuses;
        private final Map<String, Seed> current = new LinkedHashMap<>();
        private final Map<String, Integer> uses = new LinkedHashMap<>();
        private State known;
        /** Every partition on the broker, listed again when the service has settled (topics come with use). */
        private List<TopicPartition> partitions;

        Run(
                Random random,
                KafkaConsumer<String, String> consumer,
                org.apache.kafka.clients.admin.Admin admin,
                List<String> failures,
                Map<Integer, Integer> statuses) {
            this.admin = admin;
            this.random = random;
            this.consumer = consumer;
            this.failures = failures;
            this.statuses = statuses;
        }

        Seed seedOf(Door door) throws Exception {
            var endpoint = door.endpoint();
            var seed = current.get(endpoint);
            if (seed == null || uses.merge(endpoint, 1, Integer::sum) > SEED_REUSE) {
                var supplier = seeds.get(endpoint);
                seed = supplier != null
                        ? timed("seed", supplier::next)
                        : new Seed(
                                PATH_VARIABLE
                                        .matcher(door.pattern())
                                        .replaceAll("fuzz-" + Integer.toHexString(random.nextInt())),
                                JSON.writeValueAsString(Generator.value(door.bodyType(), random, 0, true)));
                current.put(endpoint, seed);
                uses.put(endpoint, 0);
                known = null;
            }
            return seed;
        }

        JsonNode seedTree(Door door) throws Exception {
            return JSON.readTree(seedOf(door).json());
        }

        String body(Door door) throws Exception {
            var roll = random.nextInt(100);
            if (roll < 10) {
                return JSON.writeValueAsString(Generator.value(door.bodyType(), random, 0, false));
            }
            if (roll < 15) {
                return Mutation.broken(seedOf(door).json(), random);
            }
            var tree = seedTree(door);
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                tree = Mutation.values()[random.nextInt(Mutation.values().length)].mutate(tree, random);
            }
            return Mutation.text(tree);
        }

        void call(Door door, String body) throws Exception {
            var seed = seedOf(door);
            var before = known != null ? known : timed("quiet", this::quiet);
            var answer = timed("send", () -> send(door, seed.path(), body));
            statuses.merge(answer.status(), 1, Integer::sum);
            var what = door.endpoint() + " " + abbreviate(body);
            if (answer.status() >= 500 || answer.status() < 200 || (answer.status() >= 300 && answer.status() < 400)) {
                failures.add(what + " → " + answer.status() + " " + abbreviate(answer.body()));
                known = null;
                return;
            }
            if (answer.status() >= 400) {
                if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
                    failures.add(what + " → " + answer.status() + " as " + answer.contentType() + ", not problem+json");
                }
                var after = timed("state", this::state);
                if (after.writes() != before.writes() || after.sends() != before.sends()) {
                    failures.add(what + " → " + answer.status() + " but changed " + difference(before, after));
                    known = null;
                } else if (!after.ends().equals(before.ends())) {
                    // Not the refusal's doing (it wrote no outbox and sent nothing): a timer or consumer
                    // of the service published meanwhile. Counted, and the next call settles first.
                    statuses.merge(-1, 1, Integer::sum);
                    known = null;
                } else {
                    known = after;
                }
                return;
            }
            // accepted: the record has moved on, so the next body of this door gets a fresh one
            current.remove(door.endpoint());
            known = null;
        }

        private Answer send(Door door, String path, String body) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token(door))
                    .method(door.method(), HttpRequest.BodyPublishers.ofString(body, UTF_8))
                    .build();
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
                return new Answer(
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null),
                        response.body());
            } catch (java.io.IOException e) {
                // a connection the service closed without answering is as bad as a 5xx
                return new Answer(599, null, e.toString());
            }
        }

        /**
         * The state once the relay has published what accepted bodies left in outboxes and the
         * service's consumers have handled what that published (some consume their own topics).
         */
        private State quiet() throws Exception {
            partitions = null;
            var deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                var state = state();
                if (!pendingOutbox() && caughtUp(state)) {
                    return state;
                }
                Thread.sleep(5);
            }
            throw new AssertionError("the service did not settle within " + TIMEOUT);
        }

        /** Whether every consumer group has committed the end of every partition it reads. */
        private boolean caughtUp(State state) throws Exception {
            for (var group : admin.listGroups().all().get()) {
                var committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get();
                for (var entry : committed.entrySet()) {
                    var end = state.ends().get(entry.getKey());
                    if (end != null
                            && entry.getValue() != null
                            && entry.getValue().offset() < end) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean pendingOutbox() {
            for (var collection : mongo.getCollectionNames()) {
                if (mongo.getCollection(collection)
                                .countDocuments(new org.bson.Document(
                                        "outbox.pending.0", new org.bson.Document("$exists", true)))
                        > 0) {
                    return true;
                }
            }
            return false;
        }

        private State state() {
            if (partitions == null) {
                partitions = new ArrayList<>();
                consumer.listTopics(Duration.ofSeconds(10)).forEach((topic, infos) -> {
                    // the broker's own topics (consumer offsets) move with every commit
                    if (!topic.startsWith("__")) {
                        infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                    }
                });
            }
            return new State(
                    writes.byRequests(), RequestPublishes.count(), Map.copyOf(consumer.endOffsets(partitions)));
        }

        private String difference(State before, State after) {
            var changed = new ArrayList<String>();
            if (before.writes() != after.writes()) {
                changed.add((after.writes() - before.writes()) + " writes to the store");
            }
            if (before.sends() != after.sends()) {
                changed.add((after.sends() - before.sends()) + " records sent to Kafka");
            }
            after.ends().forEach((partition, end) -> {
                if (!Objects.equals(before.ends().get(partition), end)) {
                    changed.add("topic " + partition);
                }
            });
            return String.join(", ", changed);
        }

        private String token(Door door) {
            var rows = table.rowsOf(service).stream()
                    .filter(r -> r.endpoint().equals(door.endpoint()))
                    .toList();
            var row = rows.stream()
                    .filter(r -> r.whose() == Whose.OWN || r.whose() == Whose.ANY)
                    .findFirst()
                    .or(() -> rows.stream().findFirst())
                    .orElseThrow(
                            () -> new AssertionError(door.endpoint() + " has no row in " + AuthorizationTable.FILE));
            for (var role : Role.values()) {
                if (row.outcome(role).granted()) {
                    return AuthorizationMatrix.A.token(role);
                }
            }
            throw new AssertionError(door.endpoint() + ": no role is granted its own record");
        }
    }

    /** Ways to spoil a valid body; each returns the spoiled body as text. */
    enum Mutation {
        WRONG_TYPE {
            @Override
            JsonNode replace(JsonNode node, Random random) {
                return switch (random.nextInt(6)) {
                    case 0 -> node.isNumber() ? NODES.stringNode("zwölf") : NODES.numberNode(random.nextInt());
                    case 1 -> NODES.booleanNode(random.nextBoolean());
                    case 2 -> NODES.objectNode().put("value", node.isString() ? node.asString() : "x");
                    case 3 -> NODES.arrayNode().add(node.deepCopy());
                    case 4 -> NODES.stringNode(node.toString());
                    default -> node.isArray() || node.isObject() ? NODES.stringNode("[]") : NODES.arrayNode();
                };
            }
        },
        MISSING_FIELD {
            @Override
            JsonNode mutate(JsonNode tree, Random random) {
                var objects = new ArrayList<ObjectNode>();
                collect(tree, node -> {
                    if (node instanceof ObjectNode object && !object.isEmpty()) {
                        objects.add(object);
                    }
                });
                if (!objects.isEmpty()) {
                    var object = objects.get(random.nextInt(objects.size()));
                    var names = new ArrayList<>(object.propertyNames());
                    object.remove(names.get(random.nextInt(names.size())));
                }
                return tree;
            }
        },
        NULL {
            @Override
            JsonNode replace(JsonNode node, Random random) {
                return NODES.nullNode();
            }
        },
        HUGE_STRING {
            @Override
            JsonNode replace(JsonNode node, Random random) {
                var length = switch (random.nextInt(4)) {
                    case 0 -> 300;
                    case 1 -> 5_000;
                    case 2 -> 70_000;
                    default -> 400_000;
                };
                return NODES.stringNode(("超长" + "x".repeat(9)).repeat(length / 11 + 1));
            }
        },
        DEEP_NESTING {
            @Override
            JsonNode replace(JsonNode node, Random random) {
                // a marker, nested as text by text(): a tree this deep is more than Jackson writes
                var depth = random.nextBoolean() ? 40 + random.nextInt(100) : 1_000 + random.nextInt(5_000);
                return NODES.stringNode(DEEP + depth + (random.nextBoolean() ? "[" : "{"));
            }
        },
        UNICODE {
            @Override
            JsonNode replace(JsonNode node, Random random) {
                return NODES.stringNode(Generator.unicode(random));
            }
        },
        EXTRA_FIELD {
            @Override
            JsonNode mutate(JsonNode tree, Random random) {
                var objects = new ArrayList<ObjectNode>();
                collect(tree, node -> {
                    if (node instanceof ObjectNode object) {
                        objects.add(object);
                    }
                });
                if (objects.isEmpty()) {
                    return tree;
                }
                var object = objects.get(random.nextInt(objects.size()));
                object.set(
                        random.nextBoolean() ? "extra" + random.nextInt(1000) : Generator.unicode(random),
                        Generator.json(random, 0));
                return tree;
            }
        },
        EDGE_NUMBER {
            @Override
            JsonNode replace(JsonNode node, Random random) {
                return switch (random.nextInt(8)) {
                    case 0 -> NODES.numberNode(new BigDecimal("1e400"));
                    case 1 -> NODES.numberNode(new BigDecimal("-99999999999999999999999999"));
                    case 2 -> NODES.numberNode(Long.MIN_VALUE);
                    case 3 -> NODES.numberNode(-1);
                    case 4 -> NODES.numberNode(0.000000001);
                    case 5 -> NODES.numberNode(Integer.MAX_VALUE);
                    case 6 -> NODES.stringNode("NaN");
                    default -> NODES.numberNode(new BigDecimal("12.3456789012345678901234567890"));
                };
            }
        },
        EDGE_TIME {
            @Override
            JsonNode replace(JsonNode node, Random random) {
                return NODES.stringNode(
                        switch (random.nextInt(7)) {
                            case 0 -> "2026-02-30";
                            case 1 -> "+999999999-12-31T23:59:59Z";
                            case 2 -> "-999999999-01-01T00:00:00Z";
                            case 3 -> "1970-01-01T00:00:00Z";
                            case 4 -> "2026-11-30T25:61:00Z";
                            case 5 -> "P9999999999D";
                            default -> "tomorrow";
                        });
            }
        };

        /** The new value of one node of the body (the whole body included). */
        JsonNode replace(JsonNode node, Random random) {
            return node;
        }

        private static final String DEEP = "@@deep:";
        private static final Pattern DEEP_MARKER = Pattern.compile("\"" + DEEP + "(\\d+)([\\[{])\"");

        /** The body with one node replaced. */
        JsonNode mutate(JsonNode tree, Random random) {
            var slots = new ArrayList<Runnable>();
            var replaced = new JsonNode[] {tree};
            slots.add(() -> replaced[0] = replace(tree, random));
            collectSlots(tree, random, slots);
            // the whole body is replaced seldom: the fields are where the checks are
            var slot = slots.size() == 1 || random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(slots.size() - 1);
            slots.get(slot).run();
            return replaced[0];
        }

        /** The body as text, deep nesting markers nested. */
        static String text(JsonNode tree) {
            return DEEP_MARKER.matcher(tree.toString()).replaceAll(marker -> {
                var depth = Integer.parseInt(marker.group(1));
                var array = marker.group(2).equals("[");
                return java.util.regex.Matcher.quoteReplacement(
                        (array ? "[" : "{\"a\":").repeat(depth) + "1" + (array ? "]" : "}").repeat(depth));
            });
        }

        private void collectSlots(JsonNode node, Random random, List<Runnable> slots) {
            if (node instanceof ObjectNode object) {
                for (var name : new ArrayList<>(object.propertyNames())) {
                    var child = object.get(name);
                    slots.add(() -> object.set(name, replace(child, random)));
                    collectSlots(child, random, slots);
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    var index = i;
                    var child = array.get(i);
                    slots.add(() -> array.set(index, replace(child, random)));
                    collectSlots(child, random, slots);
                }
            }
        }

        static void collect(JsonNode node, java.util.function.Consumer<JsonNode> each) {
            each.accept(node);
            node.forEach(child -> collect(child, each));
        }

        /** Text that is not quite JSON. */
        static String broken(String json, Random random) {
            return switch (random.nextInt(6)) {
                case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
                case 1 -> json + "}";
                case 2 -> json.replaceFirst(":", "");
                case 3 -> "";
                case 4 -> json.replace('"', '\'');
                default -> "\uFEFF" + json + "\u0000";
            };
        }
    }

    /** Values of a body's declared type, plausible or not. */
    static final class Generator {

        /** Every text made up in this run, to find in meter tags. */
        static final java.util.Set<String> GENERATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private Generator() {}

        static JsonNode value(Type type, Random random, int depth, boolean plausible) {
            if (!plausible && random.nextInt(12) == 0) {
                return json(random, depth);
            }
            if (type instanceof ParameterizedType parameterized) {
                var raw = (Class<?>) parameterized.getRawType();
                var arguments = parameterized.getActualTypeArguments();
                if (Collection.class.isAssignableFrom(raw)) {
                    var array = NODES.arrayNode();
                    var size = depth > 3 ? 0 : random.nextInt(plausible ? 3 : 6);
                    for (int i = 0; i < size; i++) {
                        array.add(value(arguments[0], random, depth + 1, plausible));
                    }
                    return array;
                }
                if (Map.class.isAssignableFrom(raw)) {
                    var object = NODES.objectNode();
                    for (int i = random.nextInt(3); i > 0; i--) {
                        object.set(string(random, plausible), value(arguments[1], random, depth + 1, plausible));
                    }
                    return object;
                }
                if (raw == java.util.Optional.class) {
                    return value(arguments[0], random, depth, plausible);
                }
                return value(raw, random, depth, plausible);
            }
            if (type instanceof GenericArrayType array) {
                return NODES.arrayNode().add(value(array.getGenericComponentType(), random, depth + 1, plausible));
            }
            if (!(type instanceof Class<?> raw)) {
                return json(random, depth);
            }
            if (raw == String.class) {
                return NODES.stringNode(string(random, plausible));
            }
            if (raw == int.class
                    || raw == Integer.class
                    || raw == long.class
                    || raw == Long.class
                    || raw == short.class) {
                return plausible
                        ? NODES.numberNode(1 + random.nextInt(5))
                        : NODES.numberNode(random.nextLong() >> random.nextInt(64));
            }
            if (raw == double.class || raw == Double.class || raw == BigDecimal.class || raw == float.class) {
                return NODES.numberNode(
                        BigDecimal.valueOf(plausible ? random.nextInt(10_000) : random.nextLong(), random.nextInt(4)));
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return NODES.booleanNode(random.nextBoolean());
            }
            if (raw.isEnum()) {
                var constants = raw.getEnumConstants();
                return !plausible && random.nextInt(4) == 0
                        ? NODES.stringNode(string(random, false))
                        : NODES.stringNode(((Enum<?>) constants[random.nextInt(constants.length)]).name());
            }
            if (raw == Instant.class) {
                return NODES.stringNode(Instant.parse("2026-11-30T08:00:00Z")
                        .plusSeconds(random.nextInt(200_000) - 100_000)
                        .toString());
            }
            if (raw == LocalDate.class) {
                return NODES.stringNode(
                        LocalDate.of(2020 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28))
                                .toString());
            }
            if (raw == LocalTime.class) {
                return NODES.stringNode(
                        LocalTime.of(random.nextInt(24), random.nextInt(60)).toString());
            }
            if (raw == Duration.class) {
                return NODES.stringNode(
                        Duration.ofMinutes(random.nextInt(10_000)).toString());
            }
            if (raw.isArray()) {
                return NODES.arrayNode().add(value(raw.getComponentType(), random, depth + 1, plausible));
            }
            if (raw.isRecord()) {
                var object = NODES.objectNode();
                for (var component : raw.getRecordComponents()) {
                    if (!plausible && random.nextInt(8) == 0) {
                        continue;
                    }
                    object.set(
                            component.getName(),
                            depth > 5
                                    ? NODES.nullNode()
                                    : value(component.getGenericType(), random, depth + 1, plausible));
                }
                return object;
            }
            return json(random, depth);
        }

        /** Any JSON at all. */
        static JsonNode json(Random random, int depth) {
            return switch (depth > 3 ? random.nextInt(4) : random.nextInt(6)) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.numberNode(random.nextDouble() * 1e6);
                case 2 -> NODES.stringNode(unicode(random));
                case 3 -> NODES.booleanNode(random.nextBoolean());
                case 4 -> NODES.arrayNode().add(json(random, depth + 1)).add(json(random, depth + 1));
                default -> NODES.objectNode().set(unicode(random), json(random, depth + 1));
            };
        }

        static String string(Random random, boolean plausible) {
            var text = made(random, plausible);
            GENERATED.add(text);
            return text;
        }

        private static String made(Random random, boolean plausible) {
            if (plausible) {
                return "F-" + Integer.toHexString(random.nextInt(0xffff));
            }
            return switch (random.nextInt(5)) {
                case 0 -> "";
                case 1 -> " ";
                case 2 -> unicode(random);
                case 3 -> "x".repeat(random.nextInt(3_000));
                default -> "F-" + Integer.toHexString(random.nextInt());
            };
        }

        private static final String[] ODD = {
            "王芳", "😀🔧", "\u202Eevil", "a\u0000b", "\u200B", "\uD800", "\uDFFF", "\r\n\t", "<script>", "' OR 1=1 --",
            "${jndi:ldap://x}", "%s%n", "..\\..\\", "ｆｕｌｌｗｉｄｔｈ", "e\u0301", "\u0007", "null", "true", "-0", "1e999"
        };

        static String unicode(Random random) {
            var text = new StringBuilder();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                text.append(ODD[random.nextInt(ODD.length)]);
            }
            GENERATED.add(text.toString());
            return text.toString();
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        var flat = text.replace('\n', ' ');
        return flat.length() > 160 ? flat.substring(0, 160) + "…(" + flat.length() + " chars)" : flat;
    }
}
