package dev.aftersales.chassis.test;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The query shapes a service sends to its store while its tests run, and the indexes it declares, so
 * that a test can tell which shape real MongoDB would answer by scanning. The embedded store ignores
 * non-unique indexes, so nothing else would notice a missing one until production data grows.
 *
 * <p>A shape is a collection with the fields its filter compares for equality, the fields it sorts by
 * and the fields it compares by range; an index serves it when it starts with the equality fields,
 * then the sort fields, then a range field (MongoDB's equality–sort–range rule). One JVM-wide record:
 * a service's test classes share it, and {@link #uncovered} is asked once all of them ran.
 */
public final class QueryShapes implements CommandListener {

    /** What one command asks of a collection. */
    public record Shape(String collection, Set<String> equality, List<String> sort, Set<String> range) {

        /** No filter and no order: every document. */
        boolean whole() {
            return equality.isEmpty() && sort.isEmpty() && range.isEmpty();
        }

        /** Served by the collection's primary key alone. */
        boolean byId() {
            return equality.contains("_id");
        }

        @Override
        public String toString() {
            return collection + " {equality " + equality + ", sort " + sort + ", range " + range + "}";
        }
    }

    private static final QueryShapes RECORDED = new QueryShapes(true);

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** Where the current thread's commands are also recorded, while it runs work given to {@link #capture}. */
    private static final ThreadLocal<QueryShapes> CAPTURING = new ThreadLocal<>();

    private final Set<Shape> shapes = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<List<String>>> indexes = new ConcurrentHashMap<>();
    private final Map<String, Set<List<String>>> uniqueIndexes = new ConcurrentHashMap<>();
    private final boolean servicesOnly;

    /** Records every command it is shown. */
    public QueryShapes() {
        this(false);
    }

    /** @param servicesOnly leave out what the tests ask themselves (assertions, clean-ups): only the service's queries count */
    private QueryShapes(boolean servicesOnly) {
        this.servicesOnly = servicesOnly;
    }

    /** The one listener the test contexts register (see {@link ServiceTestInitializer}). */
    public static QueryShapes recorded() {
        return RECORDED;
    }

    public Set<Shape> shapes() {
        return Set.copyOf(shapes);
    }

    /** Each collection's declared indexes, as their key fields in order ({@code _id} implied). */
    public Map<String, Set<List<String>>> indexes() {
        return new TreeMap<>(indexes);
    }

    /** Each collection's declared unique indexes, as their key fields in order ({@code _id} implied). */
    public Map<String, Set<List<String>>> uniqueIndexes() {
        return new TreeMap<>(uniqueIndexes);
    }

    /**
     * Runs {@code work} on the calling thread and records into {@code into} the shapes of the commands
     * the service sends from this thread meanwhile (the synchronous driver calls listeners on the
     * thread that sends), so a test can judge one use case's queries apart from the timers, the relay
     * and the consumers, which run on threads of their own. Needs {@link #recorded()} on the client.
     */
    public static <T> T capture(QueryShapes into, java.util.function.Supplier<T> work) {
        var before = CAPTURING.get();
        CAPTURING.set(into);
        try {
            return work.get();
        } finally {
            CAPTURING.set(before);
        }
    }

    /**
     * The shapes that neither name {@code _id} nor exactly the fields of a unique index declared on
     * their collection (by any client recorded in {@link #recorded()}): on the embedded store, which
     * serves only such filters from an index, each is a scan of its collection.
     */
    public List<Shape> notByKey() {
        var unique = recorded().uniqueIndexes();
        return shapes.stream()
                .filter(shape -> !shape.byId())
                .filter(shape -> !(shape.range().isEmpty()
                        && shape.sort().isEmpty()
                        && unique.getOrDefault(shape.collection(), Set.of()).stream()
                                .anyMatch(index -> Set.copyOf(index).equals(shape.equality()))))
                .sorted((a, b) -> a.toString().compareTo(b.toString()))
                .toList();
    }

    /** The shapes no declared index serves, on every collection but {@code small} ones (master data that does not grow). */
    public List<Shape> uncovered(Set<String> small) {
        return uncovered(small, Set.of());
    }

    /**
     * The shapes no declared index serves, on every collection but {@code small} ones, and but the
     * whole-collection reads of {@code readWhole} ones (a one-off migration or a report over everything,
     * each named with its reason by the caller): their filtered queries still need an index.
     */
    public List<Shape> uncovered(Set<String> small, Set<String> readWhole) {
        return shapes.stream()
                .filter(shape -> !small.contains(shape.collection()))
                .filter(shape -> !(readWhole.contains(shape.collection()) && shape.whole()))
                .filter(shape -> !served(shape, indexes.getOrDefault(shape.collection(), Set.of())))
                .sorted((a, b) -> a.toString().compareTo(b.toString()))
                .toList();
    }

    /** Whether one of {@code keys} (each an index's fields in order) serves {@code shape}. */
    public static boolean served(Shape shape, Set<List<String>> keys) {
        if (shape.byId()) {
            return true;
        }
        if (shape.equality().isEmpty()
                && shape.sort().isEmpty()
                && shape.range().isEmpty()) {
            return false; // the whole collection
        }
        return keys.stream().anyMatch(index -> servedBy(shape, index));
    }

    private static boolean servedBy(Shape shape, List<String> index) {
        int e = shape.equality().size();
        int s = shape.sort().size();
        // a range on a sort field is bounded by the sort's own place in the index
        boolean rangeOnSort = shape.sort().stream().anyMatch(shape.range()::contains);
        boolean rangeAfter = !shape.range().isEmpty() && !rangeOnSort;
        if (index.size() < e + s + (rangeAfter ? 1 : 0)) {
            return false;
        }
        if (!Set.copyOf(index.subList(0, e)).equals(shape.equality())) {
            return false;
        }
        if (!index.subList(e, e + s).equals(shape.sort())) {
            return false;
        }
        return !rangeAfter || shape.range().contains(index.get(e + s));
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (servicesOnly && askedByATest()) {
            return;
        }
        var capturing = CAPTURING.get();
        if (capturing != null && capturing != this) {
            capturing.commandStarted(event);
        }
        var command = event.getCommand();
        switch (event.getCommandName()) {
            case "find" -> add(name(command, "find"), command.get("filter"), command.get("sort"));
            case "count" -> {
                // without a filter MongoDB answers from the collection's metadata (estimatedDocumentCount)
                if (command.get("query") instanceof BsonDocument query && !query.isEmpty()) {
                    add(name(command, "count"), query, null);
                }
            }
            // distinct walks an index on its key (DISTINCT_SCAN): the key reads as a sort after the equality fields
            case "distinct" ->
                add(
                        name(command, "distinct"),
                        command.get("query"),
                        command.get("key") instanceof BsonString key
                                ? new BsonDocument(key.getValue(), new BsonInt32(1))
                                : null);
            case "findAndModify", "findandmodify" ->
                add(name(command, event.getCommandName()), command.get("query"), command.get("sort"));
            case "update" -> each(command, "updates", name(command, "update"));
            case "delete" -> each(command, "deletes", name(command, "delete"));
            case "aggregate" -> {
                var pipeline = command.get("pipeline");
                if (pipeline instanceof BsonArray stages
                        && !stages.isEmpty()
                        && stages.get(0).isDocument()) {
                    add(name(command, "aggregate"), stages.get(0).asDocument().get("$match"), null);
                }
            }
            case "createIndexes" -> declared(command);
            default -> {}
        }
    }

    /**
     * Whether the nearest project code on the calling thread is test code (the synchronous driver
     * calls listeners on the thread that sends the command): then it is a test's own look into the store.
     */
    private static boolean askedByATest() {
        return STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type.getName().startsWith("dev.aftersales.") && type != QueryShapes.class)
                .findFirst()
                .map(QueryShapes::testCode)
                .orElse(false));
    }

    static boolean testCode(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return false;
        }
        var location = source.getLocation().toString();
        return location.contains("/test-classes/") || location.endsWith("-tests.jar");
    }

    private void each(BsonDocument command, String field, String collection) {
        if (command.get(field) instanceof BsonArray statements) {
            for (var statement : statements) {
                if (statement.isDocument()) {
                    add(collection, statement.asDocument().get("q"), null);
                }
            }
        }
    }

    private void declared(BsonDocument command) {
        var collection = name(command, "createIndexes");
        if (command.get("indexes") instanceof BsonArray list) {
            for (var index : list) {
                if (index.isDocument() && index.asDocument().get("key") instanceof BsonDocument key) {
                    indexes.computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet())
                            .add(List.copyOf(key.keySet()));
                    if (index.asDocument().get("unique") instanceof org.bson.BsonBoolean unique && unique.getValue()) {
                        uniqueIndexes
                                .computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet())
                                .add(List.copyOf(key.keySet()));
                    }
                }
            }
        }
    }

    private static String name(BsonDocument command, String field) {
        var value = command.get(field);
        return value != null && value.isString() ? value.asString().getValue() : "?";
    }

    private void add(String collection, BsonValue filter, BsonValue sort) {
        var sortFields = sort instanceof BsonDocument order ? List.copyOf(order.keySet()) : List.<String>of();
        for (var branch : branches(filter instanceof BsonDocument document ? document : new BsonDocument())) {
            var equality = new LinkedHashSet<String>();
            var range = new LinkedHashSet<String>();
            classify(branch, equality, range);
            range.removeAll(equality);
            shapes.add(new Shape(collection, Set.copyOf(equality), sortFields, Set.copyOf(range)));
        }
    }

    /** An {@code $or} at the top is one shape per branch: MongoDB plans each branch by itself. */
    private static List<BsonDocument> branches(BsonDocument filter) {
        if (filter.get("$or") instanceof BsonArray alternatives) {
            var rest = new BsonDocument();
            filter.forEach((k, v) -> {
                if (!k.equals("$or")) {
                    rest.put(k, v);
                }
            });
            var all = new ArrayList<BsonDocument>();
            for (var alternative : alternatives) {
                if (alternative.isDocument()) {
                    var branch = rest.clone();
                    branch.putAll(alternative.asDocument());
                    all.addAll(branches(branch));
                }
            }
            return all;
        }
        return List.of(filter);
    }

    private static void classify(BsonDocument filter, Set<String> equality, Set<String> range) {
        filter.forEach((field, condition) -> {
            if (field.equals("$and") && condition instanceof BsonArray parts) {
                parts.forEach(part -> {
                    if (part.isDocument()) {
                        classify(part.asDocument(), equality, range);
                    }
                });
            } else if (field.startsWith("$")) {
                range.add(field); // $expr, $where, $nor: no index serves them
            } else if (condition instanceof BsonDocument operators
                    && !operators.isEmpty()
                    && operators.getFirstKey().startsWith("$")) {
                var ops = operators.keySet();
                if (ops.stream().allMatch(op -> op.equals("$eq") || op.equals("$in") || op.equals("$elemMatch"))) {
                    equality.add(field);
                } else {
                    range.add(field);
                }
            } else {
                equality.add(field);
            }
        });
    }

    /**
     * What a service's coverage test asserts once its other test classes ran: no shape on a growing
     * collection goes unserved. {@code small}: master data that stays small (a scan is fine);
     * {@code readWhole}: growing collections read whole on purpose (their filtered queries still need an
     * index). Skipped when run alone: there are no shapes to judge.
     */
    public void assertServed(Set<String> small, Set<String> readWhole) {
        org.junit.jupiter.api.Assumptions.assumeTrue(!shapes.isEmpty(), "run with the service's other tests");
        System.out.println("[query shapes] " + shapes.size() + " shapes; indexes " + indexes());
        var uncovered = uncovered(small, readWhole);
        org.assertj.core.api.Assertions.assertThat(uncovered)
                .as("query shapes no declared index serves:%s", describe(uncovered))
                .isEmpty();
    }

    /** For a test's message: each shape once, by collection. */
    public static String describe(List<Shape> shapes) {
        return shapes.stream().map(Shape::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
