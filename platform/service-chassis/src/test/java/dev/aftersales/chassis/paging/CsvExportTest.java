package dev.aftersales.chassis.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.chassis.audit.AuditEntry;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.chassis.time.WallClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class CsvExportTest {

    static final Caller SUPERVISOR = new Caller("sup-1", Set.of(Role.SUPERVISOR), null, null);

    final List<AuditEntry> audited = new ArrayList<>();

    /** Rows "r0".."r{n-1}", read page by page as a store would answer a keyset query. */
    static CsvExport.Sheet<String> rows(int n) {
        var all = IntStream.range(0, n).mapToObj(i -> String.format("r%05d", i)).toList();
        return new CsvExport.Sheet<>(
                "things",
                List.of("id", "text"),
                request -> all.stream()
                        .filter(r -> request.after() == null
                                || r.compareTo(request.after().id()) > 0)
                        .limit(request.limit() + 1L)
                        .toList(),
                r -> new Position(r, r),
                r -> List.of(r, "净水器漏水"));
    }

    String export(int cap, CsvExport.Sheet<String> sheet, MockHttpServletResponse response) throws Exception {
        new CsvExport(audited::add, WallClock.system(), cap)
                .write(response, SUPERVISOR, Map.of("status", "OPEN"), sheet);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void every_row_is_written_once_across_batches_after_a_byte_order_mark_and_the_export_is_audited() throws Exception {
        var response = new MockHttpServletResponse();

        var csv = export(50_000, rows(1234), response);

        var bytes = response.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var lines = csv.substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("id,text");
        assertThat(lines).hasSize(1235).doesNotHaveDuplicates();
        assertThat(lines[1]).isEqualTo("r00000,净水器漏水");
        assertThat(response.getHeader(CsvExport.CAP_HEADER)).isEqualTo("50000");
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("list.export");
            assertThat(entry.actor()).isEqualTo("sup-1");
            assertThat(entry.subject()).isEqualTo("things");
            assertThat(entry.details())
                    .containsEntry("rows", "1234")
                    .containsEntry("status", "OPEN")
                    .containsEntry("cut", "false");
        });
    }

    @Test
    void an_export_past_its_cap_stops_there_and_says_so() throws Exception {
        var csv = export(600, rows(2000), new MockHttpServletResponse());

        var lines = csv.substring(1).split("\r\n");
        assertThat(lines).hasSize(1 + 600 + 1);
        assertThat(lines[lines.length - 1]).contains("# cut at 600 rows");
        assertThat(audited.get(0).details()).containsEntry("rows", "600").containsEntry("cut", "true");
    }

    @Test
    void the_audited_filter_names_only_the_values_given_in_their_order() {
        var filter = new java.util.LinkedHashMap<String, Object>();
        filter.put("status", "OPEN");
        filter.put("dealerId", null);
        filter.put("from", java.time.Instant.parse("2026-11-01T00:00:00Z"));

        assertThat(CsvExport.givenFilter(filter))
                .containsExactly(Map.entry("status", "OPEN"), Map.entry("from", "2026-11-01T00:00:00Z"));
    }

    @Test
    void cells_a_spreadsheet_would_evaluate_are_prefixed() {
        assertThat(CsvExport.safe(List.of("=HYPERLINK(\"x\")", "+86 138", "-1", "@SUM(A1)", "\tx", "plain", "")))
                .containsExactly("'=HYPERLINK(\"x\")", "'+86 138", "'-1", "'@SUM(A1)", "'\tx", "plain", "");
    }

    record Thing(String id, Integer count, String note) {}

    @Test
    void a_sheet_of_views_has_a_column_per_named_cell_and_writes_nulls_as_empty_cells() throws Exception {
        var sheet = CsvExport.Sheet.<String, Thing>ofViews(
                "things",
                List.of(
                        new CsvExport.Column<>("id", Thing::id),
                        new CsvExport.Column<>("note", Thing::note),
                        new CsvExport.Column<>("count", Thing::count)),
                request -> request.after() == null ? List.of("t1") : List.of(),
                row -> new Position(row, row),
                row -> new Thing(row, 3, null));

        var csv = export(10, sheet, new MockHttpServletResponse());

        assertThat(csv.substring(1).split("\r\n")).containsExactly("id,note,count", "t1,,3");
    }
}
