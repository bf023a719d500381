package dev.aftersales.chassis.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.application.NotFoundException;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PagingTest {

    static final String KEY = "a-test-key-of-at-least-thirty-two-chars";
    static final Caller DEALER_A = new Caller("u-a", Set.of(Role.DEALER), "dealer-a", null);
    static final Caller DEALER_B = new Caller("u-b", Set.of(Role.DEALER), "dealer-b", null);

    final Paging paging = new Paging(KEY);

    String cursorAfter(Position position, String list, Map<String, ?> filter, Caller caller) {
        var request = paging.request(list, filter, caller, null, 1);
        return paging.page(request, List.of("x", "y"), row -> position, row -> row)
                .next();
    }

    @Test
    void a_cursor_gives_back_the_position_it_was_made_after() {
        var at = Instant.parse("2026-11-30T10:15:30.123Z");
        var cursor = cursorAfter(new Position(at, "c-7"), "cases", Map.of("status", "OPEN"), DEALER_A);

        var next = paging.request("cases", Map.of("status", "OPEN"), DEALER_A, cursor, 10);

        assertThat(next.after()).isEqualTo(new Position(at, "c-7"));
        assertThat(next.limit()).isEqualTo(10);
    }

    @Test
    void a_cursor_carries_neither_the_filter_nor_the_caller() {
        var cursor = cursorAfter(new Position("2026", "c-1"), "cases", Map.of("phone", "+8613812345678"), DEALER_A);

        var decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))));
        assertThat(decoded).doesNotContain("13812345678").doesNotContain("dealer-a");
    }

    @Test
    void a_cursor_replayed_by_another_caller_for_another_filter_or_list_is_not_found() {
        var cursor = cursorAfter(new Position(5L, "t-1"), "transfers", Map.of("direction", "ship"), DEALER_A);

        assertThatThrownBy(() -> paging.request("transfers", Map.of("direction", "ship"), DEALER_B, cursor, 10))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> paging.request("transfers", Map.of("direction", "receive"), DEALER_A, cursor, 10))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> paging.request("backorders", Map.of("direction", "ship"), DEALER_A, cursor, 10))
                .isInstanceOf(NotFoundException.class);
        assertThat(paging.request("transfers", Map.of("direction", "ship"), DEALER_A, cursor, 10)
                        .after())
                .isEqualTo(new Position(5L, "t-1"));
    }

    @Test
    void a_forged_or_garbled_cursor_is_not_found() {
        var cursor = cursorAfter(new Position("x", "t-1"), "transfers", Map.of(), DEALER_A);
        var otherKey = new Paging("another-key-of-at-least-thirty-two-chars");

        assertThatThrownBy(() -> otherKey.request("transfers", Map.of(), DEALER_A, cursor, 10))
                .isInstanceOf(NotFoundException.class);
        for (var garbled : List.of("nonsense", "a.b", cursor + "x", "." + cursor, "%%%.%%%")) {
            assertThatThrownBy(() -> paging.request("transfers", Map.of(), DEALER_A, garbled, 10))
                    .as(garbled)
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void limit_defaults_to_fifty_and_above_two_hundred_or_below_one_is_refused_naming_limit() {
        assertThat(paging.request("l", Map.of(), DEALER_A, null, null).limit()).isEqualTo(50);
        assertThat(paging.request("l", Map.of(), DEALER_A, null, 200).limit()).isEqualTo(200);
        for (var limit : List.of(201, 0, -1)) {
            assertThatThrownBy(() -> paging.request("l", Map.of(), DEALER_A, null, limit))
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> assertThat(e.errors())
                                    .singleElement()
                                    .satisfies(p -> assertThat(p.field()).isEqualTo("limit")));
        }
    }

    @Test
    void the_last_page_has_no_next_cursor() {
        var request = paging.request("l", Map.of(), DEALER_A, null, 2);

        var page = paging.page(request, List.of("a", "b"), row -> new Position(row, row), row -> row);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.next()).isNull();
    }

    @Test
    void a_service_without_a_cursor_key_refuses_to_start() {
        assertThatThrownBy(() -> new Paging(null)).hasMessageContaining("aftersales.paging.cursor-key");
        assertThatThrownBy(() -> new Paging("short")).hasMessageContaining("aftersales.paging.cursor-key");
    }

    public record SomeFilter(String dealerId, String status, Instant from) {}

    @Test
    void a_filter_record_is_read_as_its_components_in_order_with_nulls_kept() {
        var from = Instant.parse("2026-11-01T00:00:00Z");

        assertThat(Paging.filterOf(new SomeFilter("D-SH", null, from)))
                .containsExactly(entry("dealerId", "D-SH"), entry("status", null), entry("from", from));
    }
}
