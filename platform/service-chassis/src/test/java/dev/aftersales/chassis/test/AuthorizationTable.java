package dev.aftersales.chassis.test;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.aftersales.chassis.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checked-in authorization table ({@code docs/authorization.md}): endpoint × whose record →
 * the answer for each role and for a call without a token. Read by every service's matrix test, and
 * rendered into each service README between {@link #BEGIN} and {@link #END}.
 */
public final class AuthorizationTable {

    public static final String FILE = "docs/authorization.md";
    public static final String BEGIN =
            "<!-- authorization:begin (generated from docs/authorization.md by AuthorizationMatrixTest; edit that file) -->";
    public static final String END = "<!-- authorization:end -->";
    /** Rows of this service hold the chassis' doors, the same in every service. */
    public static final String ALL_SERVICES = "all";
    /** Set to {@code true} to rewrite a stale README section instead of failing. */
    public static final String RENDER_PROPERTY = "authorization.render";

    /** Whose record the call is about, seen from the caller (see the file's legend). */
    public enum Whose {
        OWN,
        OTHER,
        PARTY,
        EXISTING,
        ANY;

        static Whose parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An answer: its status, and for {@code absent} a 2xx that leaves the record out (not listed, or
     * rejected as unknown in a batch).
     */
    public record Outcome(int status, boolean absent) {

        static Outcome parse(String text) {
            var parts = text.trim().split("\\s+");
            if (parts.length == 2 && parts[1].equals("absent")) {
                return new Outcome(Integer.parseInt(parts[0]), true);
            }
            if (parts.length != 1) {
                throw new IllegalArgumentException("an outcome is a status, or a status and 'absent': " + text);
            }
            return new Outcome(Integer.parseInt(parts[0]), false);
        }

        /** The caller got the record and did the thing. */
        public boolean granted() {
            return status / 100 == 2 && !absent;
        }

        @Override
        public String toString() {
            return absent ? status + " absent" : String.valueOf(status);
        }
    }

    /**
     * One row. {@code caller} outcomes are keyed by role; a call without token is {@link #anonymous()}.
     */
    public record Row(
            String service, String method, String path, Whose whose, Map<Role, Outcome> byRole, Outcome anonymous) {

        public String endpoint() {
            return method + " " + path;
        }

        /** The answer for a role, or for no token when {@code role} is null. */
        public Outcome outcome(Role role) {
            return role == null ? anonymous : byRole.get(role);
        }

        String markdown(boolean withService) {
            var cells = new ArrayList<String>();
            if (withService) {
                cells.add(service);
            }
            cells.add(method);
            cells.add(path);
            cells.add(whose.toString());
            for (var role : Role.values()) {
                cells.add(byRole.get(role).toString());
            }
            cells.add(anonymous.toString());
            return "| " + String.join(" | ", cells) + " |";
        }
    }

    private final Path root;
    private final List<Row> rows;

    private AuthorizationTable(Path root, List<Row> rows) {
        this.root = root;
        this.rows = List.copyOf(rows);
    }

    /** The table of the source tree the test runs in (found upwards from the working directory). */
    public static AuthorizationTable load() {
        var root = repositoryRoot();
        try {
            return new AuthorizationTable(root, parse(Files.readAllLines(root.resolve(FILE), UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> parse(List<String> lines) {
        var rows = new ArrayList<Row>();
        var columns = 4 + Role.values().length + 1;
        boolean inTable = false;
        for (var line : lines) {
            var trimmed = line.trim();
            if (!trimmed.startsWith("|")) {
                inTable = false;
                continue;
            }
            var cells = Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split("\\|"))
                    .map(String::trim)
                    .toList();
            if (cells.get(0).equals("service")) {
                var expected = new ArrayList<>(List.of("service", "method", "path", "object"));
                Arrays.stream(Role.values()).map(Role::name).forEach(expected::add);
                expected.add("no token");
                if (!cells.equals(expected)) {
                    throw new IllegalStateException(FILE + ": the header must be " + expected + ", is " + cells);
                }
                inTable = true;
                continue;
            }
            if (!inTable || cells.get(0).startsWith("---")) {
                continue;
            }
            if (cells.size() != columns) {
                throw new IllegalStateException(FILE + ": a row needs " + columns + " cells: " + line);
            }
            var byRole = new EnumMap<Role, Outcome>(Role.class);
            for (var role : Role.values()) {
                byRole.put(role, Outcome.parse(cells.get(4 + role.ordinal())));
            }
            rows.add(new Row(
                    cells.get(0),
                    cells.get(1),
                    cells.get(2),
                    Whose.parse(cells.get(3)),
                    byRole,
                    Outcome.parse(cells.get(columns - 1))));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(FILE + " has no table rows");
        }
        return rows;
    }

    /** The rows of a service, its chassis doors included. */
    public List<Row> rowsOf(String service) {
        return rows.stream()
                .filter(r -> r.service().equals(service) || r.service().equals(ALL_SERVICES))
                .toList();
    }

    public Optional<Row> row(String service, String endpoint, Whose whose) {
        return rowsOf(service).stream()
                .filter(r -> r.endpoint().equals(endpoint) && r.whose() == whose)
                .findFirst();
    }

    /** The README section of a service, markers included. */
    public String section(String service) {
        var lines = new ArrayList<String>();
        lines.add(BEGIN);
        var header = new ArrayList<>(List.of("method", "path", "object"));
        Arrays.stream(Role.values()).map(Role::name).forEach(header::add);
        header.add("no token");
        lines.add("| " + String.join(" | ", header) + " |");
        lines.add("|" + "---|".repeat(header.size()));
        rowsOf(service).stream().filter(r -> r.service().equals(service)).forEach(r -> lines.add(r.markdown(false)));
        rowsOf(service).stream()
                .filter(r -> r.service().equals(ALL_SERVICES))
                .forEach(r -> lines.add(r.markdown(false)));
        lines.add(END);
        return String.join("\n", lines);
    }

    /**
     * The README's section as it should read, or the README itself when it is current. With {@code
     * -Dauthorization.render=true} a stale section is rewritten and the README returned as written.
     *
     * @return a problem, or empty when the README (now) shows this service's rows
     */
    public Optional<String> checkReadme(String service, Path readme) {
        try {
            var text = Files.readString(readme, UTF_8);
            var begin = text.indexOf(BEGIN);
            var end = text.indexOf(END);
            if (begin < 0 || end < begin) {
                return Optional.of(readme + " has no section between " + BEGIN + " and " + END);
            }
            var current = text.substring(begin, end + END.length());
            var wanted = section(service);
            if (current.equals(wanted)) {
                return Optional.empty();
            }
            if (Boolean.getBoolean(RENDER_PROPERTY)) {
                Files.writeString(
                        readme, text.substring(0, begin) + wanted + text.substring(end + END.length()), UTF_8);
                return Optional.empty();
            }
            return Optional.of(readme + " shows stale authorization rows; run this test with -D" + RENDER_PROPERTY
                    + "=true to render them from " + FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service module's README: the test runs in the module directory. */
    public Path readmeOf(String module) {
        return root.resolve(module).resolve("README.md");
    }

    private static Path repositoryRoot() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(FILE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    FILE + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
