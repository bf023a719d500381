package dev.aftersales.contracts.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.contracts.EventCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * {@code docs/asyncapi} is the published contract of the events: the AsyncAPI 3 document and one JSON
 * Schema per event type, generated from the records. A record may only grow (new optional fields,
 * wider types, looser bounds); dropping, renaming or narrowing anything fails here, whatever the
 * files say, because consumers and the events already on the topics rely on the contract. A
 * compatible change asks for the files to be regenerated: {@code -Daftersales.contracts.write=true}.
 */
class EventDescriptionsTest {

    static final String WRITE = "aftersales.contracts.write";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();

    @Test
    void no_event_drops_renames_or_narrows_a_field_of_its_checked_in_schema() throws IOException {
        var current = EventSchemas.all();
        var breaks = new ArrayList<String>();
        if (!Files.isDirectory(schemas())) {
            return; // nothing published yet
        }
        try (var files = Files.list(schemas())) {
            for (var file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                var name = file.getFileName().toString();
                var now = current.get(name);
                if (now == null) {
                    breaks.add(
                            name + ": the event type is gone from EventCatalog; retire a type only with its consumers");
                    continue;
                }
                SchemaCompatibility.breaks(JSON.readTree(file.toFile()), now).forEach(b -> breaks.add(name + ": " + b));
            }
        }
        assertThat(breaks)
                .as("breaking changes to published events; make a new type and version (EventCatalog) instead")
                .isEmpty();
    }

    @Test
    void the_checked_in_asyncapi_document_and_schemas_are_what_the_records_say() throws IOException {
        var expected = new LinkedHashMap<Path, String>();
        expected.put(directory().resolve("asyncapi.yaml"), YAML.writeValueAsString(EventSchemas.asyncApi()));
        EventSchemas.all().forEach((name, schema) -> expected.put(schemas().resolve(name), json(schema)));
        var stale = new ArrayList<String>();
        for (Map.Entry<Path, String> file : expected.entrySet()) {
            var checkedIn = Files.exists(file.getKey()) ? Files.readString(file.getKey(), UTF_8) : null;
            if (!file.getValue().equals(checkedIn)) {
                stale.add(directory().relativize(file.getKey()).toString());
            }
        }
        if (!stale.isEmpty() && Boolean.getBoolean(WRITE)) {
            no_event_drops_renames_or_narrows_a_field_of_its_checked_in_schema(); // never rewrite a broken contract
            Files.createDirectories(schemas());
            for (var file : expected.entrySet()) {
                Files.writeString(file.getKey(), file.getValue(), UTF_8);
            }
            return;
        }
        assertThat(stale)
                .as("docs/asyncapi differs from the event records; the change is additive, so regenerate the files"
                        + " and check them in:\n  ./mvnw -B -ntp -pl platform/event-contracts verify"
                        + " -Dtest=EventDescriptionsTest -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE + "=true")
                .isEmpty();
    }

    @Test
    void every_event_of_the_catalog_has_a_message_on_its_topic() {
        var document = EventSchemas.asyncApi();
        for (var event : EventCatalog.values()) {
            var name = event.payloadType().getSimpleName();
            assertThat(document.at("/channels/" + event.topic() + "/messages/" + name + "/$ref")
                            .asString())
                    .isEqualTo("#/components/messages/" + name);
            assertThat(document.at("/components/messages/" + name + "/name").asString())
                    .isEqualTo(event.type());
        }
        var topics =
                Arrays.stream(EventCatalog.values()).map(EventCatalog::topic).collect(Collectors.toSet());
        assertThat(document.get("channels").propertyNames()).containsExactlyInAnyOrderElementsOf(topics);
    }

    static String json(JsonNode node) {
        var printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer().with(printer).writeValueAsString(node) + "\n";
    }

    static Path directory() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "repository root (.ci/) not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs/asyncapi");
    }

    static Path schemas() {
        return directory().resolve("schemas");
    }
}
