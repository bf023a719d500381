package dev.aftersales.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo archive into a fresh stack through the services' own doors (dispatch's archive
 * import, parts' stock update, follow-up's customer tiers), as an operator would. Every call is idempotent; the marker file
 * only saves the work on later starts.
 */
final class DemoLoader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dataDir;
    private final DemoArchive archive = DemoArchive.get();

    DemoLoader(Path dataDir) {
        this.dataDir = dataDir;
    }

    boolean alreadyLoaded() {
        return Files.isRegularFile(marker());
    }

    void load(URI dispatch, URI parts, URI followup, String opsToken, String supervisorToken) {
        send("POST", dispatch.resolve("/api/archive/import"), opsToken, archive.archiveImport());
        send("PUT", parts.resolve("/api/stock"), opsToken, archive.stockUpdate());
        // A supervisor sets the key accounts, whose silence follow-up watches.
        for (var tier : archive.customerTiers().entrySet()) {
            send(
                    "PUT",
                    followup.resolve("/api/customers/" + tier.getKey() + "/tier"),
                    supervisorToken,
                    Map.of("tier", tier.getValue()));
        }
        try {
            Files.writeString(marker(), "demo archive and stock loaded\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files a person can use with curl: the archive as loaded and a ready complaint for WP-0001. */
    void writeExamples() {
        var dir = dataDir.resolve("demo");
        try {
            Files.createDirectories(dir);
            Files.write(
                    dir.resolve("customers-and-machines.json"),
                    PRETTY.writeValueAsBytes(Map.of(
                            "customers", archive.customers(),
                            "machines", archive.machines(),
                            "technicians", archive.technicians())));
            Files.write(
                    dir.resolve("complaint-WP-0001.json"),
                    PRETTY.writeValueAsBytes(archive.complaint("WP-0001", "REPAIR", "净水器漏水，出水变小")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path marker() {
        return dataDir.resolve("demo-loaded");
    }

    private static void send(String method, URI uri, String token, Object body) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("loading the demo data: " + method + " " + uri + " answered "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("loading the demo data: " + method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the demo data", e);
        }
    }
}
