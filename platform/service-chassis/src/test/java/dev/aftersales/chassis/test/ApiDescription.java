package dev.aftersales.chassis.test;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The OpenAPI 3.1 description of a service, as springdoc reads it off the running code (in an
 * {@link ApiDescriptionTest}), completed with what the chassis does for every door and springdoc
 * cannot see: the bearer-JWT scheme, the RFC 9457 problem answers (one schema) and the {@code
 * Idempotency-Key} header. {@link #checkAgainstCheckedInFile()} compares it with {@code
 * docs/openapi/<service>.yaml}; with {@value #WRITE} set to {@code true} it rewrites that file instead.
 */
public final class ApiDescription {

    /** The system property that makes the check rewrite the checked-in file instead of failing. */
    public static final String WRITE = "aftersales.openapi.write";

    static final String DIRECTORY = "docs/openapi";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String service;
    private final String summary;
    private final String localUrl;
    private final int port;

    private ApiDescription(String service, String summary, String localUrl, int port) {
        this.service = service;
        this.summary = summary;
        this.localUrl = localUrl;
        this.port = port;
    }

    /**
     * @param service the module name, also the file name under {@code docs/openapi}
     * @param summary one paragraph for the document's description: who calls this service for what
     * @param localUrl where the local stack serves it ({@code ./run-local.sh})
     * @param port the port of the service under test
     */
    public static ApiDescription of(String service, String summary, String localUrl, int port) {
        return new ApiDescription(service, summary, localUrl, port);
    }

    /** The completed description as YAML, as it is checked in. */
    public String yaml() throws IOException, InterruptedException {
        return YAML.writeValueAsString(completed(generated()));
    }

    /**
     * Fails when the checked-in file differs from what the code describes, naming the command that
     * regenerates it; rewrites the file instead when {@value #WRITE} is {@code true}.
     */
    public void checkAgainstCheckedInFile() throws IOException, InterruptedException {
        var file = file();
        var current = yaml();
        var checkedIn = Files.exists(file) ? Files.readString(file, UTF_8) : "";
        if (current.equals(checkedIn)) {
            return;
        }
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, current, UTF_8);
            return;
        }
        throw new AssertionError(file + " does not describe the code (" + firstDifference(checkedIn, current)
                + "). If the change is meant, regenerate the file and check it in:\n  ./mvnw -B -ntp -pl " + service
                + " -am verify -Dtest=OpenApiDescriptionTest -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE
                + "=true");
    }

    /** The checked-in file; the test runs in the module's directory, below the repository's root. */
    public Path file() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "repository root (.ci/) not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(DIRECTORY).resolve(service + ".yaml");
    }

    private ObjectNode generated() throws IOException, InterruptedException {
        var http = HttpClient.newHttpClient();
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                        .header("Authorization", "Bearer " + TestTokens.ops())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("springdoc answered " + response.statusCode() + ": " + response.body()
                    + " (is it an @ApiDescriptionTest?)");
        }
        return (ObjectNode) JSON.readTree(response.body());
    }

    ObjectNode completed(ObjectNode springdoc) {
        var doc = NODES.objectNode();
        doc.put("openapi", springdoc.path("openapi").asString("3.1.0"));
        var info = doc.putObject("info");
        info.put("title", service);
        info.put("version", "v1");
        info.put(
                "description",
                summary + "\n\nEvery door needs a bearer JWT (see `bearerJwt`). Errors are RFC 9457 problem"
                        + " details (`Problem`); invalid input lists every field at fault in `errors`. Problem"
                        + " titles and field messages are in Simplified Chinese when `Accept-Language` prefers zh"
                        + " (zh-CN), else in English. Every POST accepts an `Idempotency-Key`. Unknown JSON fields in"
                        + " a request are refused (400). Generated from the code by OpenApiDescriptionTest: do not"
                        + " edit by hand.");
        doc.putArray("servers")
                .addObject()
                .put("url", "/")
                .put("description", "the service's own host; " + localUrl + " in the local stack (./run-local.sh)");
        doc.putArray("security").addObject().putArray("bearerJwt");
        var tags = doc.putArray("tags");
        var paths = springdoc.path("paths").isObject() ? (ObjectNode) springdoc.get("paths") : NODES.objectNode();
        for (var path : paths.properties()) {
            for (var operation : path.getValue().properties()) {
                complete(path.getKey(), operation.getKey(), (ObjectNode) operation.getValue());
            }
        }
        tagsOf(paths)
                .forEach(tag -> tags.addObject()
                        .put("name", tag)
                        .put("description", "The " + tag.replace('-', ' ') + " doors."));
        doc.set("paths", paths);
        var components = doc.putObject("components");
        var schemas = components.putObject("schemas");
        if (springdoc.path("components").path("schemas").isObject()) {
            schemas.setAll((ObjectNode) springdoc.get("components").get("schemas"));
        }
        schemas.set("Problem", problemSchema());
        schemas.set("FieldProblem", fieldProblemSchema());
        components.set("responses", problemResponses());
        components.set("parameters", idempotencyKey());
        components.putObject("securitySchemes").set("bearerJwt", bearerJwt());
        return doc;
    }

    /** The answers and header every door has through the chassis, by method and shape. */
    private static void complete(String path, String method, ObjectNode operation) {
        var responses =
                operation.has("responses") ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
        var hasBody = operation.has("requestBody");
        // a path's text id always binds; other parameters (query, header, typed ids) may be refused
        var hasParameters = operation
                .path("parameters")
                .valueStream()
                .anyMatch(p -> !p.path("in").asString().equals("path")
                        || !p.path("schema").path("type").asString().equals("string"));
        if (!operation.has("summary") && operation.has("operationId")) {
            operation.put("summary", summaryOf(operation.get("operationId").asString(), operation.path("tags")));
        }
        if (operation.path("tags").isArray()) {
            // springdoc names a tag after its controller class: name the capability instead
            var capabilities = NODES.arrayNode();
            operation
                    .get("tags")
                    .valueStream()
                    .forEach(t -> capabilities.add(t.asString().replaceAll("-controller$", "")));
            operation.set("tags", capabilities);
        }
        var problems = new ArrayList<Map.Entry<String, String>>();
        if (hasBody || hasParameters) {
            problems.add(Map.entry("400", "BadRequest"));
        }
        problems.add(Map.entry("401", "Unauthorized"));
        problems.add(Map.entry("403", "Forbidden"));
        if (path.contains("{")) {
            problems.add(Map.entry("404", "NotFound"));
        }
        if (!method.equals("get")) {
            problems.add(Map.entry("409", "Conflict"));
        }
        if (hasBody) {
            problems.add(Map.entry("413", "ContentTooLarge"));
        }
        if (method.equals("post")) {
            problems.add(Map.entry("422", "IdempotencyKeyReused"));
            var parameters = operation.has("parameters")
                    ? (ArrayNode) operation.get("parameters")
                    : operation.putArray("parameters");
            // a door that reads the key itself declares it too: one description of it is enough
            for (int i = parameters.size() - 1; i >= 0; i--) {
                var parameter = parameters.get(i);
                if (parameter.path("in").asString().equals("header")
                        && parameter.path("name").asString().equalsIgnoreCase("Idempotency-Key")) {
                    parameters.remove(i);
                }
            }
            parameters.addObject().put("$ref", "#/components/parameters/IdempotencyKey");
        }
        for (var problem : problems) {
            if (!responses.has(problem.getKey())) {
                responses.putObject(problem.getKey()).put("$ref", "#/components/responses/" + problem.getValue());
            }
        }
        responses.set("default", NODES.objectNode().put("$ref", "#/components/responses/Unexpected"));
    }

    /** {@code approveResolution} → "Approve resolution"; a lone verb is completed by its capability. */
    static String summaryOf(String operationId, JsonNode tags) {
        var words = operationId
                .replaceAll("_\\d+$", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT);
        if (!words.contains(" ") && tags.size() > 0) {
            words += " " + tags.get(0).asString().replaceAll("-controller$", "").replace('-', ' ');
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static java.util.SortedSet<String> tagsOf(ObjectNode paths) {
        var tags = new java.util.TreeSet<String>();
        paths.valueStream()
                .flatMap(JsonNode::valueStream)
                .flatMap(operation -> operation.path("tags").valueStream())
                .forEach(tag -> tags.add(tag.asString()));
        return tags;
    }

    private static ObjectNode problemSchema() {
        var schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "An RFC 9457 problem detail (application/problem+json).");
        schema.putArray("required").add("type").add("title").add("status");
        var properties = schema.putObject("properties");
        properties
                .putObject("type")
                .put("type", "string")
                .put("format", "uri-reference")
                .put("description", "What kind of problem: urn:aftersales:problem:<slug>.");
        properties
                .putObject("title")
                .put("type", "string")
                .put("description", "Short, the same for every problem of its type.");
        properties
                .putObject("status")
                .put("type", "integer")
                .put("format", "int32")
                .put("minimum", 400)
                .put("maximum", 599);
        properties.putObject("detail").put("type", "string").put("description", "What happened in this case.");
        properties.putObject("instance").put("type", "string").put("format", "uri-reference");
        properties
                .putObject("traceId")
                .put("type", "string")
                .put("description", "The W3C trace id of the request, to quote when asking for help.");
        var errors = properties.putObject("errors");
        errors.put("type", "array");
        errors.put("description", "Invalid input only: every field at fault, sorted by field.");
        errors.putObject("items").put("$ref", "#/components/schemas/FieldProblem");
        return schema;
    }

    private static ObjectNode fieldProblemSchema() {
        var schema = NODES.objectNode();
        schema.put("type", "object");
        schema.putArray("required").add("field").add("message");
        var properties = schema.putObject("properties");
        properties
                .putObject("field")
                .put("type", "string")
                .put(
                        "description",
                        "The field's JSON path in the request (customer.phones[0]), a parameter's name, or body.");
        properties.putObject("message").put("type", "string").put("description", "What is wrong with it.");
        return schema;
    }

    private record Answer(String name, int status, String slug, String title, String detail, String description) {}

    private static final List<Answer> ANSWERS = List.of(
            new Answer(
                    "BadRequest",
                    400,
                    "invalid-request",
                    "Invalid request",
                    "The request has invalid fields.",
                    "Invalid input: every field at fault is listed in `errors`. Nothing was stored or published."),
            new Answer(
                    "Unauthorized",
                    401,
                    "unauthenticated",
                    "Unauthenticated",
                    "A valid bearer token is required.",
                    "No bearer token, or one that is not valid (signature, issuer, audience, expiry)."),
            new Answer(
                    "Forbidden",
                    403,
                    "forbidden",
                    "Forbidden",
                    "Your role does not allow this.",
                    "The token's roles do not admit this door (docs/authorization.md)."),
            new Answer(
                    "NotFound",
                    404,
                    "not-found",
                    "Not found",
                    "No such record.",
                    "No such record, or one the caller may not know exists (another technician's or dealer's)."),
            new Answer(
                    "Conflict",
                    409,
                    "conflict",
                    "Conflict",
                    "The record was changed meanwhile; read it and try again.",
                    "The record's state does not allow this now, or a request with the same Idempotency-Key is"
                            + " still running (then with Retry-After)."),
            new Answer(
                    "ContentTooLarge",
                    413,
                    "payload-too-large",
                    "Payload too large",
                    "The request body is larger than 65536 bytes.",
                    "The body is above the size limit, or the change would raise an event too large to publish."),
            new Answer(
                    "IdempotencyKeyReused",
                    422,
                    "idempotency-key-reused",
                    "Idempotency key reused",
                    "The Idempotency-Key was first used with another request.",
                    "The same Idempotency-Key was sent with another method, path or body."),
            new Answer(
                    "Unexpected",
                    500,
                    "internal",
                    "Internal error",
                    "Something went wrong on our side; quote the trace id.",
                    "An error on the service's side; the problem carries the trace id to quote."));

    private static ObjectNode problemResponses() {
        var responses = NODES.objectNode();
        for (var answer : ANSWERS) {
            var response = responses.putObject(answer.name());
            response.put("description", answer.description());
            var content = response.putObject("content").putObject(PROBLEM_JSON);
            content.putObject("schema").put("$ref", "#/components/schemas/Problem");
            var example = content.putObject("example");
            example.put("type", "urn:aftersales:problem:" + answer.slug());
            example.put("title", answer.title());
            example.put("status", answer.status());
            example.put("detail", answer.detail());
            example.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            if (answer.status() == 400) {
                var errors = example.putArray("errors");
                errors.addObject().put("field", "customer.phones[0]").put("message", "must not be blank");
                errors.addObject().put("field", "kind").put("message", "must be one of [REPAIR, INSTALLATION, …]");
            }
        }
        return responses;
    }

    private static ObjectNode idempotencyKey() {
        var parameters = NODES.objectNode();
        var key = parameters.putObject("IdempotencyKey");
        key.put("name", "Idempotency-Key");
        key.put("in", "header");
        key.put("required", false);
        key.put(
                "description",
                "Makes a retry safe: the same key with the same request within 24 h gets the first answer again"
                        + " (with Idempotent-Replayed: true) and nothing is done twice. A key belongs to the token's"
                        + " subject.");
        key.putObject("schema")
                .put("type", "string")
                .put("minLength", 1)
                .put("maxLength", 128)
                .put("pattern", "^[\\x21-\\x7E]+$");
        key.put("example", "3f1c2a9e-7b4d-4e55-9a61-0c2d8e7f1a10");
        return parameters;
    }

    private static ObjectNode bearerJwt() {
        var scheme = NODES.objectNode();
        scheme.put("type", "http");
        scheme.put("scheme", "bearer");
        scheme.put("bearerFormat", "JWT");
        scheme.put(
                "description",
                "A JWT from the company's identity provider (RS256), with issuer, audience, subject and expiry. The"
                        + " `roles` claim lists AGENT, SUPERVISOR, DISPATCHER, TECHNICIAN, DEALER or OPS; a technician's"
                        + " token carries `technician_id` and `dealer_id`, a dealer's `dealer_id`.");
        return scheme;
    }

    private static String firstDifference(String expected, String actual) {
        var a = expected.lines().toList();
        var b = actual.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            var left = i < a.size() ? a.get(i) : "<end of file>";
            var right = i < b.size() ? b.get(i) : "<end of file>";
            if (!left.equals(right)) {
                return "line " + (i + 1) + ": file has `" + left.strip() + "`, code says `" + right.strip() + "`";
            }
        }
        return "line endings differ";
    }
}
