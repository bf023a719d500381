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
import java.util.List;
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
        // A supervisor sets the key accounts in the customer master; follow-up watches their silence.
        for (var tier : archive.customerTiers().entrySet()) {
            send(
                    "PUT",
                    dispatch.resolve("/api/customers/" + tier.getKey()),
                    supervisorToken,
                    Map.of("tier", tier.getValue()));
        }
        // PIPL, as an operator shows it: a customer recorded twice is merged, then erased on their request.
        send(
                "POST",
                dispatch.resolve("/api/archive/import"),
                opsToken,
                Map.of(
                        "installations",
                        List.of(piplRow("1", "隐私演示甲", "13900000001"), piplRow("2", "隐私演示乙", "13900000002"))));
        send(
                "POST",
                dispatch.resolve("/api/customers/CU-PIPL-1/merges"),
                supervisorToken,
                Map.of("customerId", "CU-PIPL-2"));
        send("POST", dispatch.resolve("/api/customers/CU-PIPL-1/erasure"), opsToken, Map.of());
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

    private static Map<String, Object> piplRow(String n, String name, String phone) {
        return Map.of(
                "serialNumber",
                "WP-PIPL-" + n,
                "model",
                "RO-400",
                "productLine",
                "WATER_PURIFIER",
                "customerId",
                "CU-PIPL-" + n,
                "dealerId",
                "D-SH",
                "installerId",
                "T-001",
                "installedOn",
                "2023-04-01",
                "site",
                Map.of("address", "上海市浦东新区演示路" + n + "号", "regionCode", "310115"),
                "customer",
                Map.of("name", name, "phone", phone),
                "historical",
                true);
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
