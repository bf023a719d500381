package dev.aftersales.chassis.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A paged list door of a service under test ({@code {"items": [...], "next": cursor}}), and the
 * assertions every list shares: a walk over all pages while records are inserted between them sees
 * each record that existed at the start exactly once; {@code limit} above the cap is 400 naming it; a
 * cursor replayed by another caller is 404.
 */
public final class ListDoor {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String path;
    private final String idField;

    /** @param path the door with its filter, e.g. {@code /api/complaints?status=REGISTERED} */
    public ListDoor(int port, String path, String idField) {
        this.port = port;
        this.path = path;
        this.idField = idField;
    }

    /** One page as read: the response, its items' ids and the next cursor (null on the last page). */
    public record Read(HttpResponse<String> response, List<String> ids, String next) {}

    public Read page(String token, Integer limit, String cursor) {
        var query = new StringBuilder(path).append(path.contains("?") ? '&' : '?');
        if (limit != null) {
            query.append("limit=").append(limit).append('&');
        }
        if (cursor != null) {
            query.append("cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        var response = get(port, query.toString(), token, "application/json");
        if (response.statusCode() != 200) {
            return new Read(response, List.of(), null);
        }
        var body = JSON.readTree(response.body());
        var ids = new ArrayList<String>();
        for (JsonNode item : body.path("items")) {
            ids.add(item.path(idField).asString());
        }
        var next = body.path("next").isNull() || body.path("next").isMissingNode()
                ? null
                : body.path("next").asString();
        if (next != null) {
            assertThat(response.headers().firstValue("Link"))
                    .as("Link header to the next page")
                    .hasValueSatisfying(
                            link -> assertThat(link).contains("rel=\"next\"").contains(next));
        }
        return new Read(response, ids, next);
    }

    /**
     * Walks every page with {@code limit}, calling {@code between} with the page number after each
     * page but the last, and asserts that each of {@code existing} was seen exactly once and that the
     * ids {@code belongs} rejects never appeared. Returns the ids in the order seen.
     */
    public List<String> walkWhileInserting(
            String token, int limit, Set<String> existing, IntConsumer between, Predicate<String> belongs) {
        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var read = page(token, limit, cursor);
            assertThat(read.response().statusCode())
                    .as("page %d: %s", pages, read.response().body())
                    .isEqualTo(200);
            assertThat(read.ids().size()).as("page size").isLessThanOrEqualTo(limit);
            seen.addAll(read.ids());
            cursor = read.next();
            if (cursor != null) {
                between.accept(pages);
            }
            pages++;
            assertThat(pages).as("pages walked").isLessThan(10_000);
        } while (cursor != null);
        assertThat(seen).as("no record twice").doesNotHaveDuplicates();
        assertThat(seen).as("every record that existed at the start").containsAll(existing);
        assertThat(seen).as("only the caller's records").allMatch(belongs);
        return seen;
    }

    /** {@code limit} above the cap: 400 naming {@code limit}. */
    public void refusesLimitAboveTheCap(String token, int cap) {
        var read = page(token, cap + 1, null);
        assertThat(read.response().statusCode()).isEqualTo(400);
        assertThat(read.response().body()).contains("\"limit\"");
    }

    /** A first page's cursor of {@code owner}, replayed by {@code other}: 404 (needs at least two rows for owner). */
    public void refusesACursorOfAnotherCaller(String owner, String other) {
        var first = page(owner, 1, null);
        assertThat(first.next()).as("a next page for the owner").isNotNull();
        var replayed = page(other, 1, first.next());
        assertThat(replayed.response().statusCode())
                .as(replayed.response().body())
                .isEqualTo(404);
        assertThat(replayed.response().headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        var tampered = page(owner, 1, first.next().substring(1));
        assertThat(tampered.response().statusCode()).isEqualTo(404);
    }

    public static HttpResponse<String> get(int port, String pathAndQuery, String token, String accept) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .header("Accept", accept)
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A CSV export as bytes, to check the byte-order mark itself. */
    public static HttpResponse<byte[]> export(int port, String pathAndQuery, String token) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
