package dev.aftersales.chassis.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends a body to a service under test either with its length declared ({@code Content-Length}) or
 * chunked (no declared length), the two ways a request-size limit must hold.
 */
public final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RawHttp() {}

    /** {@code "x"} repeated to {@code kilobytes} KB inside a JSON string field {@code field}. */
    public static byte[] jsonOf(String field, int kilobytes) {
        return ("{\"" + field + "\": \"" + "x".repeat(kilobytes * 1024) + "\"}").getBytes();
    }

    public static HttpResponse<String> send(
            int port,
            String method,
            String path,
            String token,
            String contentType,
            byte[] body,
            boolean declareLength) {
        var publisher = declareLength
                ? HttpRequest.BodyPublishers.ofByteArray(body)
                // a publisher of unknown length makes the client send the body chunked
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token)
                .method(method, publisher)
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
