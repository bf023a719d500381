package dev.aftersales.chassis.paging;

import dev.aftersales.chassis.audit.Audit;
import dev.aftersales.chassis.audit.AuditEntry;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.time.WallClock;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A list door's CSV export ({@code GET …/export.csv}): the same query as the list, walked page by page
 * and written as it is read, so memory does not grow with the export.
 *
 * <ul>
 *   <li>UTF-8 with a byte-order mark, so Excel opens Chinese text as such;
 *   <li>a cell starting with {@code = + - @}, a tab or a carriage return is prefixed with {@code '}, so a
 *       spreadsheet never runs a customer's text as a formula (CSV injection);
 *   <li>at most {@link #cap} rows: the header {@value #CAP_HEADER} says so up front, and an export cut
 *       there ends with a row saying so;
 *   <li>audited: who exported which list with which filter and how many rows (the filter as the door
 *       names it, never a phone number or a name).
 * </ul>
 */
public class CsvExport {

    public static final String CAP_HEADER = "X-Export-Row-Cap";
    public static final String AUDIT_ACTION = "list.export";
    static final int BATCH = 500;
    private static final String BOM = "\uFEFF";

    private final Audit audit;
    private final WallClock wallClock;
    private final int cap;

    public CsvExport(Audit audit, WallClock wallClock, int cap) {
        this.audit = audit;
        this.wallClock = wallClock;
        this.cap = cap;
    }

    public int cap() {
        return cap;
    }

    /**
     * A list's filter as the audit trail takes it: each value given, as text; those left out are not named.
     * For filters without personal values (a phone number goes in as "given", see {@link #write}).
     */
    public static Map<String, String> givenFilter(Map<String, ?> filter) {
        var given = new java.util.LinkedHashMap<String, String>();
        filter.forEach((name, value) -> {
            if (value != null) {
                given.put(name, value.toString());
            }
        });
        return given;
    }

    /** One column of a list's CSV: its header and how a row's view fills its cell (null for an empty one). */
    public record Column<V>(String name, Function<V, ?> cell) {}

    /**
     * One list's export: its columns, how to read its rows page by page, and each row's lines of
     * cells (one line per row but for a list whose store row holds several, e.g. a case's overdue
     * actions).
     */
    public record Sheet<R>(
            String list,
            List<String> columns,
            Function<PageRequest, List<R>> pages,
            Function<R, Position> position,
            Function<R, List<?>> cells,
            Function<R, List<? extends List<?>>> lines) {

        /** One line per row. */
        public Sheet(
                String list,
                List<String> columns,
                Function<PageRequest, List<R>> pages,
                Function<R, Position> position,
                Function<R, List<?>> cells) {
            this(list, columns, pages, position, cells, row -> List.of(cells.apply(row)));
        }

        /**
         * One line per row, read off the row's view (the list door's JSON item) column by column, so the
         * CSV and the JSON show the same fields by the same names.
         */
        public static <R, V> Sheet<R> ofViews(
                String list,
                List<Column<V>> columns,
                Function<PageRequest, List<R>> pages,
                Function<R, Position> position,
                Function<R, V> view) {
            return new Sheet<>(list, columns.stream().map(Column::name).toList(), pages, position, row -> {
                var shown = view.apply(row);
                // a list that takes nulls: they are written as empty cells
                return columns.stream()
                        .map(column -> column.cell().apply(shown))
                        .toList();
            });
        }

        /** Several lines per row (none for a row that shows nothing); {@code cells} is the first. */
        public static <R> Sheet<R> ofLines(
                String list,
                List<String> columns,
                Function<PageRequest, List<R>> pages,
                Function<R, Position> position,
                Function<R, List<? extends List<?>>> lines) {
            return new Sheet<>(
                    list,
                    columns,
                    pages,
                    position,
                    row -> {
                        List<? extends List<?>> all = lines.apply(row);
                        return all.isEmpty() ? List.of() : all.get(0);
                    },
                    lines);
        }
    }

    /**
     * Streams {@code sheet} into {@code response} and audits it.
     *
     * @param auditedFilter the filter as it may be written into the audit trail: parameter names with
     *     values that are not personal data (a phone number is recorded as given, not written)
     */
    public <R> void write(
            HttpServletResponse response, Caller caller, Map<String, String> auditedFilter, Sheet<R> sheet)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + sheet.list() + ".csv\"");
        response.setHeader(CAP_HEADER, Integer.toString(cap));
        int rows = 0;
        boolean cut = false;
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(BOM);
        // not closed here: the container ends the response once the audit entry is written, so a
        // client that has the whole export can rely on its entry being in the trail
        var csv = new CSVPrinter(out, CSVFormat.EXCEL);
        try {
            csv.printRecord(sheet.columns());
            Position after = null;
            while (true) {
                var batch = sheet.pages().apply(PageRequest.walk(BATCH, after));
                int taken = Math.min(batch.size(), BATCH);
                for (int i = 0; i < taken && !cut; i++) {
                    for (var line : sheet.lines().apply(batch.get(i))) {
                        if (rows == cap) {
                            cut = true;
                            break;
                        }
                        csv.printRecord(safe(line));
                        rows++;
                    }
                }
                if (cut || batch.size() <= BATCH) {
                    break;
                }
                after = sheet.position().apply(batch.get(taken - 1));
                csv.flush(); // what is read goes out: the client sees rows while the rest is read
            }
            if (cut) {
                csv.printRecord("# cut at " + cap + " rows: narrow the filter (e.g. a shorter period)");
            }
            csv.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            var details = new LinkedHashMap<>(auditedFilter);
            details.put("rows", Integer.toString(rows));
            details.put("cut", Boolean.toString(cut));
            audit.record(new AuditEntry(AUDIT_ACTION, caller.userId(), sheet.list(), details, wallClock.instant()));
        }
    }

    /** Cells as text a spreadsheet shows and never evaluates. */
    static List<String> safe(List<?> cells) {
        var safe = new ArrayList<String>(cells.size());
        for (var cell : cells) {
            var text = cell == null ? "" : cell.toString();
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            safe.add(text);
        }
        return safe;
    }
}
