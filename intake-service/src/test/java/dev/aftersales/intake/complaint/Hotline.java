package dev.aftersales.intake.complaint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The call-center software, as the slice tests drive it: HTTP calls to the running service. */
final class Hotline {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The complaint form of docs/foundation-api.md. */
    static final String FORM = """
            {"customer": {"name": "王芳", "phones": ["13812345678"], "address": "上海市浦东新区张江路88号", "regionCode": "310115"},
             "machine": {"serialNumber": "WP-0001", "model": "RO-400", "spec": "400G", "productionDate": "2024-03-01", "batchNumber": "B2403"},
             "purchasedOn": "2024-05-01", "kind": "REPAIR", "channel": "HOTLINE",
             "symptoms": "漏水", "customerRequest": "尽快上门"}
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    Hotline(int port) {
        this.port = port;
    }

    /**
     * A valid form to change for one test, about a machine of its own: a second call about a machine
     * with an open case is logged on that case instead of opening another.
     */
    static ObjectNode form() {
        var form = (ObjectNode) JSON.readTree(FORM);
        ((ObjectNode) form.path("machine"))
                .put(
                        "serialNumber",
                        "WP-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        return form;
    }

    static String serialOf(ObjectNode form) {
        return form.path("machine").path("serialNumber").asString();
    }

    static JsonNode read(String json) {
        return JSON.readTree(json);
    }

    /** The {@code field}s of a problem's {@code errors}. */
    static List<String> fieldsAtFault(String problem) {
        var fields = new ArrayList<String>();
        for (var error : read(problem).path("errors")) {
            fields.add(error.path("field").asString());
        }
        return fields;
    }

    HttpResponse<String> register(String token, String body) {
        return register(token, body, null);
    }

    HttpResponse<String> register(String token, String body, String traceparent) {
        var request = HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return send(request, token);
    }

    /** Registers a valid complaint and returns its id. */
    String registered(String token, ObjectNode form) {
        var response = register(token, form.toString());
        if (response.statusCode() != 201) {
            throw new AssertionError("registration failed: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).path("complaintId").asString();
    }

    HttpResponse<String> registerWithKey(String token, String body, String idempotencyKey) {
        var request = HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, token);
    }

    HttpResponse<String> postWithKey(String token, String path, String body, String idempotencyKey) {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, token);
    }

    HttpResponse<String> post(String token, String path, String body) {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        return send(request, token);
    }

    HttpResponse<String> get(String token, String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    /** The case view, which must exist. */
    JsonNode caseView(String token, String complaintId) {
        var response = show(token, complaintId);
        if (response.statusCode() != 200) {
            throw new AssertionError("case view failed: " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    /** The {@code what}s of the case's timeline, oldest first. */
    List<String> milestones(String token, String complaintId) {
        var whats = new ArrayList<String>();
        for (var entry : caseView(token, complaintId).path("timeline")) {
            whats.add(entry.path("what").asString());
        }
        return whats;
    }

    /** A valid form about machine {@code serialNumber}. */
    static ObjectNode form(String serialNumber, String kind) {
        var form = form();
        ((ObjectNode) form.path("machine")).put("serialNumber", serialNumber);
        form.put("kind", kind);
        return form;
    }

    HttpResponse<String> show(String token, String complaintId) {
        return send(
                HttpRequest.newBuilder(uri("/api/complaints/" + complaintId)).GET(), token);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
