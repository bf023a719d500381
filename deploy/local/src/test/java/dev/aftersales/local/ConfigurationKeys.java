package dev.aftersales.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code aftersales.*} configuration keys a module uses, and the keys its {@code @ConfigurationProperties}
 * records bind (from the configuration processor's {@code META-INF/spring-configuration-metadata.json}).
 *
 * <p>A key is "used" where it is set or read as configuration: in application and test property files,
 * in a {@code ${...}} placeholder, in a {@code key=value} string (test properties, the launcher's
 * {@code --key=value} arguments), as the first argument of {@code DynamicPropertyRegistry.add} or of a
 * {@code Binder}, and as a key of a {@code Map.of} that feeds a {@code MapConfigurationPropertySource}.
 * Other {@code "aftersales.…"} strings are metric names or event types and are left alone.
 */
final class ConfigurationKeys {

    /** One use of a key: where, and which key. */
    record Use(Path file, String key) {
        @Override
        public String toString() {
            return key + " (" + file + ")";
        }
    }

    private static final String KEY = "aftersales\\.[A-Za-z0-9_.\\[\\]-]*[A-Za-z0-9_\\]]";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(" + KEY + ")");
    private static final Pattern KEY_EQUALS_VALUE = Pattern.compile("\"(?:--)?(" + KEY + ")=");
    private static final Pattern PROPERTY_CALL =
            Pattern.compile("\\b(?:add|bind|bindOrCreate|withProperty)\\(\\s*\"(" + KEY + ")\"");
    private static final Pattern MAP_ENTRY = Pattern.compile("\\bMap\\.(?:of|entry)\\(");
    private static final Pattern STRING = Pattern.compile("\"(" + KEY + ")\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigurationKeys() {}

    /** Every use in a module's sources and resources (main and test). */
    static List<Use> usedIn(Path module, Set<Path> skipped) {
        var uses = new ArrayList<Use>();
        for (var dir : List.of("src/main/java", "src/test/java", "src/main/resources", "src/test/resources")) {
            var root = module.resolve(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> !skipped.contains(f.getFileName()))
                        .filter(f -> kind(f) != Kind.OTHER)
                        .forEach(f -> uses.addAll(usedInFile(f, read(f))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uses;
    }

    private enum Kind {
        JAVA,
        YAML,
        PROPERTIES,
        OTHER
    }

    private static Kind kind(Path file) {
        var name = file.getFileName().toString();
        if (name.endsWith(".java")) {
            return Kind.JAVA;
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return Kind.YAML;
        }
        return name.endsWith(".properties") ? Kind.PROPERTIES : Kind.OTHER;
    }

    static List<Use> usedInFile(Path file, String text) {
        var keys = switch (kind(file)) {
            case JAVA -> inJava(text);
            case YAML -> inYaml(text);
            case PROPERTIES -> inProperties(text);
            case OTHER -> Set.<String>of();
        };
        return keys.stream().sorted().map(k -> new Use(file, k)).toList();
    }

    static Set<String> inJava(String source) {
        var keys = new HashSet<String>();
        for (var pattern : List.of(PLACEHOLDER, KEY_EQUALS_VALUE, PROPERTY_CALL)) {
            pattern.matcher(source).results().forEach(m -> keys.add(m.group(1)));
        }
        if (source.contains("MapConfigurationPropertySource")) {
            var calls = MAP_ENTRY.matcher(source);
            while (calls.find()) {
                var arguments = topLevelArguments(source, calls.end());
                for (int i = 0; i < arguments.size(); i += 2) {
                    var key = STRING.matcher(arguments.get(i).strip());
                    if (key.matches()) {
                        keys.add(key.group(1));
                    }
                }
            }
        }
        return keys;
    }

    static Set<String> inYaml(String text) {
        var keys = new HashSet<String>();
        for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            flatten("", document, keys);
        }
        return keys;
    }

    static Set<String> inProperties(String text) {
        var properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var keys = new HashSet<String>();
        properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith("aftersales."))
                .forEach(keys::add);
        return keys;
    }

    /**
     * The keys a module may use: the names its records bind, plus map-valued properties, lists of records and groups,
     * under which any further key is bound ({@code tiers.KEY.task}) or a whole group is bound at once.
     */
    static Set<String> documentedIn(List<Path> metadataFiles) {
        var documented = new HashSet<String>();
        for (var file : metadataFiles) {
            JsonNode metadata = JSON.readTree(read(file));
            for (var property : metadata.path("properties")) {
                var name = property.path("name").asString();
                documented.add(name);
                var type = property.path("type").asString();
                // A map's keys, and the items of a list of records, are bound under the property's name.
                if (type.startsWith("java.util.Map<") || (type.startsWith("java.util.List<") && type.contains("$"))) {
                    documented.add(name + ".*");
                }
            }
            for (var group : metadata.path("groups")) {
                documented.add(group.path("name").asString());
            }
        }
        return documented;
    }

    static boolean isDocumented(String key, Set<String> documented) {
        var plain = key.replaceAll("\\[[^]]*]", "");
        if (documented.contains(plain)) {
            return true;
        }
        for (int dot = plain.lastIndexOf('.'); dot > 0; dot = plain.lastIndexOf('.', dot - 1)) {
            if (documented.contains(plain.substring(0, dot) + ".*")) {
                return true;
            }
        }
        return false;
    }

    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, keys));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), keys);
            }
        } else if (prefix.startsWith("aftersales.")) {
            keys.add(prefix);
        }
    }

    /** The arguments of the call whose "(" ends at {@code start}, split at its own commas. */
    private static List<String> topLevelArguments(String source, int start) {
        var arguments = new ArrayList<String>();
        var current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted) {
                current.append(c);
                if (c == '\\') {
                    current.append(source.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
                current.append(c);
            } else if (c == '(') {
                depth++;
                current.append(c);
            } else if (c == ')' && depth == 0) {
                arguments.add(current.toString());
                return arguments;
            } else if (c == ')') {
                depth--;
                current.append(c);
            } else if (c == ',' && depth == 0) {
                arguments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return arguments;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
