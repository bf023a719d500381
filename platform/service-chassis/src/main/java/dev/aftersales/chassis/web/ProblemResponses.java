package dev.aftersales.chassis.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * Writes a problem+json answer from a servlet filter, where the MVC advice cannot reach (security
 * refusals, oversized bodies, idempotency keys). The detail may quote what the client sent (its
 * idempotency key), so it is escaped. The title is in the caller's language ({@link ProblemTexts}).
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static void write(HttpServletResponse response, int status, String slug, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"urn:aftersales:problem:" + slug + "\",\"title\":\""
                        + escaped(ProblemTexts.title(slug, title)) + "\",\"status\":"
                        + status + ",\"detail\":\"" + escaped(detail) + "\"}");
    }

    private static String escaped(String text) {
        var out = new StringBuilder(text.length());
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
