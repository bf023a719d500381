package dev.aftersales.chassis.paging;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Keyset (seek) paging with opaque cursors for every list door.
 *
 * <p>A cursor carries the last row's sort value and {@code _id}, sealed with an HMAC over those and
 * over the list's name, its filter and the caller (user, dealer, technician, roles). The filter and the
 * caller travel only inside the seal, so a cursor in a URL or a log shows no phone number or customer
 * id. A cursor whose seal fails, or that was made for another list, filter or caller, is answered 404:
 * it reveals nothing about whose it was. The key comes from the service's secret configuration
 * ({@code aftersales.paging.cursor-key}), the same on every instance, so a page may follow from any.
 *
 * <p>The caller's scope is never taken from a cursor: the door asks the store with the token's
 * caller on every page, and the cursor only says where to continue.
 */
public class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String MAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** @param cursorKey at least 32 characters of secret, the same on every instance of the service */
    public Paging(String cursorKey) {
        if (cursorKey == null || cursorKey.strip().length() < 32) {
            throw new IllegalStateException("aftersales.paging.cursor-key must be set to a secret of at least 32"
                    + " characters, the same on every instance of the service (it seals the lists' page cursors)");
        }
        this.key = new SecretKeySpec(cursorKey.strip().getBytes(StandardCharsets.UTF_8), MAC);
    }

    /**
     * The page a list door was asked for.
     *
     * @param list the list's name, e.g. {@code complaints.search}
     * @param filter the list's filter as the door read it (nulls left out); part of the seal, never of the cursor
     * @param cursor the {@code cursor} parameter, null for the first page
     * @param limit the {@code limit} parameter; null means {@value #DEFAULT_LIMIT}, above {@value #MAX_LIMIT} is 400
     * @throws InvalidRequestException naming {@code limit}
     * @throws NotFoundException for a cursor that is not this caller's for this list and filter
     */
    public PageRequest request(String list, Map<String, ?> filter, Caller caller, String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        var binding = binding(list, filter, caller);
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : open(cursor, binding), binding);
    }

    /**
     * A list's filter as {@link #request} and {@link CsvExport#givenFilter} take it: each component of
     * the filter record by name, in declaration order, nulls kept. Read off the record itself, so a field
     * added to a filter is sealed into its cursors without a map to keep in step.
     *
     * @param filter a public record
     */
    public static Map<String, Object> filterOf(Record filter) {
        var fields = new LinkedHashMap<String, Object>();
        for (var component : filter.getClass().getRecordComponents()) {
            try {
                fields.put(component.getName(), component.getAccessor().invoke(filter));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("a list filter must be a public record: " + filter.getClass(), e);
            }
        }
        return fields;
    }

    /**
     * The page made of what the store returned for {@code request}: at most {@code limit} items and,
     * when the store returned more, the cursor of the last one.
     *
     * @param rows the store's answer, up to {@code limit + 1} rows in list order
     */
    public <R, T> Page<T> page(PageRequest request, List<R> rows, Function<R, Position> position, Function<R, T> view) {
        var shown = rows.size() > request.limit() ? rows.subList(0, request.limit()) : rows;
        String next = rows.size() > request.limit()
                ? seal(position.apply(shown.get(shown.size() - 1)), request.binding())
                : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    /**
     * The cursor that continues {@code request} at {@code position}, for a door whose source says
     * itself where the next page starts (a topic read backwards) rather than by its last row.
     */
    public String cursor(PageRequest request, Position position) {
        return seal(position, request.binding());
    }

    /** 200 with the page, and a {@code Link: <…>; rel="next"} header to the next page when there is one. */
    public static <T> ResponseEntity<Page<T>> ok(Page<T> page) {
        var response = ResponseEntity.ok();
        if (page.next() != null) {
            var next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", page.next())
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page);
    }

    String seal(Position position, String binding) {
        var payload = position.encodedValue() + '\n' + position.id();
        var body = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(mac(binding + '\n' + payload));
    }

    private Position open(String cursor, String binding) {
        try {
            int dot = cursor.indexOf('.');
            if (dot < 0 || cursor.length() > 1024) {
                throw new IllegalArgumentException("not a cursor");
            }
            var payload = new String(DECODER.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
            var seal = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(seal, mac(binding + '\n' + payload))) {
                throw new IllegalArgumentException("seal does not hold");
            }
            int newline = payload.indexOf('\n');
            return Position.decode(payload.substring(0, newline), payload.substring(newline + 1));
        } catch (RuntimeException e) {
            // a forged, foreign or stale cursor: nothing to say about it, not even that it exists
            throw new NotFoundException("no such page");
        }
    }

    private String binding(String list, Map<String, ?> filter, Caller caller) {
        var parts = new TreeMap<String, String>();
        filter.forEach((name, value) -> {
            if (value != null) {
                parts.put(name, String.valueOf(value));
            }
        });
        var text = new StringBuilder(list).append('\n');
        parts.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\u0000'));
        text.append('\n')
                .append(caller.userId())
                .append('\u0000')
                .append(caller.dealerId())
                .append('\u0000')
                .append(caller.technicianId())
                .append('\u0000')
                .append(caller.roles().stream().sorted().toList());
        return ENCODER.encodeToString(mac(text.toString()));
    }

    private byte[] mac(String text) {
        try {
            var mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
