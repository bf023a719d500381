package dev.aftersales.chassis.test;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.test.AuthorizationTable.Outcome;
import dev.aftersales.chassis.test.AuthorizationTable.Row;
import dev.aftersales.chassis.test.AuthorizationTable.Whose;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Calls every door of a running service with every role and no token, against records of the
 * caller's own and of someone else, and compares each answer with the checked-in {@link
 * AuthorizationTable}. Per row of the table:
 *
 * <ol>
 *   <li>one record is opened for the row (the caller's for {@code own}/{@code any}, else another
 *       party's) and every refused call (non-2xx, or {@code absent}) is made against it; after each
 *       refused write its state must be unchanged;
 *   <li>for {@code other} and {@code party} rows, the record's owner then makes the same call with
 *       the role that the {@code own} row grants, and must get that answer: the refused record exists
 *       and is usable, so the refusal is about who asks;
 *   <li>every granted call gets a fresh record of its own, so one grant's change does not decide
 *       the next.
 * </ol>
 *
 * Besides, every handler mapping of the service (controllers, the chassis' admin door, actuator
 * endpoints) must have a row, and every row a mapping. Failures are collected and reported together.
 * The services register one {@link Door} per endpoint; each builds a valid request, so the answer
 * is about authorization, not validation.
 */
public final class AuthorizationMatrix {

    /** Someone the tests call as: a user who is also a dealer's staff and a technician of that dealer. */
    public record Party(String userId, String dealerId, String technicianId) {

        /** A token for this party in {@code role}; null (no token) for a null role. */
        public String token(Role role) {
            if (role == null) {
                return null;
            }
            return switch (role) {
                case AGENT -> TestTokens.agent(userId);
                case TECHNICIAN -> TestTokens.technician(technicianId, dealerId);
                case DEALER -> TestTokens.dealer(userId, dealerId);
                case OPS, SUPERVISOR, DISPATCHER -> TestTokens.token(userId, Map.of(), role);
            };
        }
    }

    /** The caller of every call. */
    public static final Party A = new Party("matrix-a", "D-MA", "T-MA");
    /** The owner of records that are not the caller's. */
    public static final Party B = new Party("matrix-b", "D-MB", "T-MB");
    /** A third dealer, for transfers between two others. */
    public static final Party C = new Party("matrix-c", "D-MC", "T-MC");

    /**
     * What a door is asked to open a record for.
     *
     * @param owner the caller for {@code own} and {@code any} rows, else {@link #B}
     */
    public record Scene(Whose whose, Party caller, Party owner, Party third) {}

    /** Opens a record for a scene and says how to call the door about it. */
    @FunctionalInterface
    public interface Door {
        Target open(Scene scene) throws Exception;
    }

    /** A concrete call of a door: path (with query), body, and how to judge the answer. */
    public static final class Target {

        private final String path;
        private String contentType;
        private String body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Callable<Object> state;
        private Predicate<String> shows;
        private Predicate<String> streamUntil;

        private Target(String path) {
            this.path = path;
        }

        public static Target at(String path) {
            return new Target(path);
        }

        public Target json(String json) {
            return body("application/json", json);
        }

        public Target body(String contentType, String body) {
            this.contentType = contentType;
            this.body = body;
            return this;
        }

        public Target header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** What a refused write must leave as it was (compared with {@code equals}). */
        public Target state(Callable<Object> state) {
            this.state = state;
            return this;
        }

        /** Whether an answer's body contains the record: required for {@code absent} outcomes. */
        public Target shows(Predicate<String> shows) {
            this.shows = shows;
            return this;
        }

        /** An event stream: read lines until one matches, then hang up. */
        public Target streamUntil(Predicate<String> line) {
            this.streamUntil = line;
            return this;
        }

        @Override
        public String toString() {
            return path;
        }
    }

    private record Answer(int status, String body) {}

    private static final List<Role> ROLES = Arrays.asList(Role.values());
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String service;
    private final int port;
    private final ApplicationContext context;
    private final AuthorizationTable table = AuthorizationTable.load();
    private final Map<String, Door> doors = new LinkedHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AuthorizationMatrix(String service, int port, ApplicationContext context) {
        this.service = service;
        this.port = port;
        this.context = context;
    }

    public static AuthorizationMatrix of(String service, int port, ApplicationContext context) {
        return new AuthorizationMatrix(service, port, context);
    }

    /** @param endpoint the method and path pattern as the table names it, e.g. {@code GET /api/x/{id}} */
    public AuthorizationMatrix door(String endpoint, Door door) {
        if (doors.putIfAbsent(endpoint, door) != null) {
            throw new IllegalArgumentException("two doors for " + endpoint);
        }
        return this;
    }

    /**
     * A stored document as a refused write must leave it: without its outbox, version and type hint,
     * which the relay and the service's consumers change on their own.
     */
    public static Callable<Object> stored(MongoTemplate mongo, String collection, Object id) {
        return () -> {
            var document = mongo.findById(id, org.bson.Document.class, collection);
            if (document != null) {
                document.remove("outbox");
                document.remove("version");
                document.remove("_class");
            }
            return document;
        };
    }

    public AuthorizationTable table() {
        return table;
    }

    /** Runs every row and the mapping check; one assertion error lists everything that failed. */
    public void verify() {
        var failures = new ArrayList<String>();
        checkEveryMappingHasARow(failures);
        for (var endpoint : doors.keySet()) {
            if (table.rowsOf(service).stream().noneMatch(r -> r.endpoint().equals(endpoint))) {
                failures.add("a door is registered for " + endpoint + ", which has no row");
            }
        }
        var calls = 0;
        for (var row : table.rowsOf(service)) {
            var door = doors.get(row.endpoint());
            if (door == null) {
                failures.add(describe(row) + ": no door registered to call it");
                continue;
            }
            try {
                calls += verify(row, door, failures);
            } catch (Exception | AssertionError e) {
                failures.add(describe(row) + ": " + e);
            }
        }
        System.out.printf(
                "[%s] authorization matrix: %d rows, %d calls, %d failures%n",
                service, table.rowsOf(service).size(), calls, failures.size());
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " authorization failures (" + AuthorizationTable.FILE + "):\n  "
                    + String.join("\n  ", failures));
        }
    }

    private int verify(Row row, Door door, List<String> failures) throws Exception {
        var owner = row.whose() == Whose.OWN || row.whose() == Whose.ANY ? A : B;
        var calls = 0;
        var shared = door.open(new Scene(row.whose(), A, owner, C));
        if (!isRead(row) && shared.state == null) {
            failures.add(describe(row) + ": a write's door must say what a refusal leaves unchanged (state)");
        }
        var before = shared.state == null ? null : shared.state.call();
        for (var role : callers()) {
            var outcome = row.outcome(role);
            if (outcome.granted()) {
                continue;
            }
            var answer = call(row, shared, A.token(role));
            calls++;
            judge(row, role, "", outcome, shared, answer, failures);
            if (!isRead(row) && shared.state != null && !Objects.equals(before, shared.state.call())) {
                failures.add(describe(row) + " as " + name(role) + ": the refused call changed the record");
            }
        }
        if (row.whose() == Whose.OTHER || row.whose() == Whose.PARTY) {
            var own = table.row(service, row.endpoint(), Whose.OWN)
                    .orElseThrow(() -> new IllegalStateException("an " + row.whose() + " row needs an own row"));
            var owners = 0;
            for (var role : ROLES) {
                if (!row.outcome(role).granted() && own.outcome(role).granted()) {
                    owners++;
                    calls++;
                    judge(
                            row,
                            role,
                            " (its owner)",
                            own.outcome(role),
                            shared,
                            call(row, shared, B.token(role)),
                            failures);
                }
            }
            if (owners == 0) {
                failures.add(describe(row) + ": no role is refused here but granted its own record");
            }
        }
        for (var role : callers()) {
            var outcome = row.outcome(role);
            if (!outcome.granted()) {
                continue;
            }
            var target = door.open(new Scene(row.whose(), A, owner, C));
            calls++;
            judge(row, role, "", outcome, target, call(row, target, A.token(role)), failures);
        }
        return calls;
    }

    private void judge(
            Row row, Role role, String who, Outcome expected, Target target, Answer answer, List<String> failures) {
        var cell = describe(row) + " as " + name(role) + who;
        if (answer.status() != expected.status()) {
            failures.add(cell + ": expected " + expected.status() + ", got " + answer.status() + " "
                    + abbreviate(answer.body()));
            return;
        }
        if (expected.absent() || (expected.granted() && target.shows != null)) {
            if (target.shows == null) {
                failures.add(cell + ": an 'absent' outcome needs the door to say what shows the record");
            } else if (target.shows.test(answer.body()) == expected.absent()) {
                failures.add(
                        cell + (expected.absent() ? ": the answer shows the record" : ": the answer lacks the record")
                                + " " + abbreviate(answer.body()));
            }
        }
    }

    private Answer call(Row row, Target target, String token) throws Exception {
        var method = row.method().equals("*") ? "GET" : row.method();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target.path))
                .timeout(TIMEOUT)
                .method(
                        method,
                        target.body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(target.body, UTF_8));
        if (target.contentType != null) {
            request.header("Content-Type", target.contentType);
        }
        target.headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (target.streamUntil == null) {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            return new Answer(response.statusCode(), response.body());
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        var read = CompletableFuture.supplyAsync(() -> {
            var lines = new StringBuilder();
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.append(line).append('\n');
                    if (target.streamUntil.test(line)) {
                        break;
                    }
                }
            } catch (java.io.IOException e) {
                lines.append("(stream failed: ").append(e).append(')');
            }
            return lines.toString();
        });
        try {
            return new Answer(response.statusCode(), read.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            response.body().close();
        }
    }

    private void checkEveryMappingHasARow(List<String> failures) {
        var mapped = new TreeSet<String>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
                    var methods = info.getMethodsCondition().getMethods();
                    for (var pattern : info.getPatternValues()) {
                        if (methods.isEmpty()) {
                            mapped.add("* " + pattern);
                        }
                        methods.forEach(m -> mapped.add(m.name() + " " + pattern));
                    }
                }));
        Set<String> tabled = new TreeSet<>();
        table.rowsOf(service).forEach(r -> tabled.add(r.endpoint()));
        for (var endpoint : mapped) {
            if (!tabled.contains(endpoint)) {
                failures.add("the handler mapping " + endpoint + " has no row in " + AuthorizationTable.FILE);
            }
        }
        for (var endpoint : tabled) {
            if (!mapped.contains(endpoint)) {
                failures.add("the row " + endpoint + " matches no handler mapping of " + service);
            }
        }
    }

    private static List<Role> callers() {
        var callers = new ArrayList<Role>(ROLES);
        callers.add(null);
        return callers;
    }

    private static boolean isRead(Row row) {
        return row.method().equals("GET") || row.method().equals("*");
    }

    private static String name(Role role) {
        return role == null ? "no token" : role.name();
    }

    private static String describe(Row row) {
        return row.endpoint() + " [" + row.whose() + "]";
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        var flat = body.replace('\n', ' ');
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
