package dev.aftersales.parts.stock.adapter.web;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.csv.CsvTable;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.parts.stock.application.ImportStock;
import dev.aftersales.parts.stock.application.ImportStock.RawRow;
import dev.aftersales.parts.stock.application.StockImports.AcceptedRow;
import dev.aftersales.parts.stock.application.StockImports.RejectedRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk stock counts as a file: {@code text/csv} (a header row naming the columns) or {@code
 * application/json} (an array of objects). A dealer may import only its own locations: one row for
 * another location refuses the whole import (403) before anything is written. {@code Import-Id}
 * (or, without one, the file's content) names the import within the caller's dealer.
 */
@RestController
@RequestMapping("/api/stock/imports")
class StockImportController {

    static final String IMPORT_ID = "Import-Id";
    static final List<String> COLUMNS = List.of("locationId", "partNumber", "onHand", "reorderPoint", "unitCost");

    record ImportAnswer(String importId, boolean replayed, List<AcceptedRow> accepted, List<RejectedRow> rejected) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportStock importStock;
    private final CurrentUser user;

    StockImportController(ImportStock importStock, CurrentUser user) {
        this.importStock = importStock;
        this.user = user;
    }

    @PostMapping(consumes = "text/csv")
    @PreAuthorize("hasAnyRole('OPS','DEALER')")
    ImportAnswer importCsv(
            @RequestBody byte[] body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestHeader(name = IMPORT_ID, required = false) String id) {
        return run(id, "text/csv", body, csvRows(CsvTable.read(body, contentType)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OPS','DEALER')")
    ImportAnswer importJson(@RequestBody String body, @RequestHeader(name = IMPORT_ID, required = false) String id) {
        return run(id, "application/json", body.getBytes(StandardCharsets.UTF_8), jsonRows(body));
    }

    private ImportAnswer run(String givenId, String type, byte[] body, List<RawRow> rows) {
        if (givenId != null && (givenId.isBlank() || givenId.length() > 200)) {
            throw new InvalidRequestException(IMPORT_ID, "must be 1 to 200 characters");
        }
        for (var row : rows) {
            requireOwnLocation(row);
        }
        // Without an id the content is the id: the same file sent twice is one import.
        var importId = givenId != null ? givenId : "sha256:" + sha256(type, body);
        var result = importStock.run(owner(), importId, user.userId(), rows);
        var report = result.report();
        return new ImportAnswer(report.importId(), result.replayed(), report.accepted(), report.rejected());
    }

    /** Import ids are the dealer's own (or operations'): another dealer's id is another import. */
    private String owner() {
        if (user.hasRole(Role.OPS)) {
            return ImportStock.OPERATIONS;
        }
        return user.dealerId().orElseThrow(() -> new AccessDeniedException("a dealer token names its dealer_id"));
    }

    private void requireOwnLocation(RawRow row) {
        if (user.hasRole(Role.OPS)
                || row.locationId() == null
                || row.locationId().isBlank()) {
            return; // a blank location is reported as a bad row
        }
        if (!user.dealerId().map(row.locationId().trim()::equals).orElse(false)) {
            throw new AccessDeniedException(
                    "row " + row.row() + ": location " + row.locationId() + " is not the caller's");
        }
    }

    /**
     * The first non-blank row names the columns (any order); data rows are numbered from 1, blank rows
     * not counted. Quoting, line breaks in cells and the charset as {@link CsvTable} reads them.
     */
    static List<RawRow> csvRows(CsvTable csv) {
        if (csv.header().isEmpty()) {
            throw new InvalidRequestException("body", "must have a header row and at least one stock line");
        }
        var header = csv.header();
        var index = new java.util.HashMap<String, Integer>();
        var problems = new ArrayList<FieldProblem>();
        for (int i = 0; i < header.size(); i++) {
            var name = header.get(i);
            var column = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst();
            if (column.isEmpty()) {
                problems.add(new FieldProblem("header[" + i + "]", "unknown column '" + name + "'; known: " + COLUMNS));
            } else if (index.putIfAbsent(column.get(), i) != null) {
                problems.add(new FieldProblem("header[" + i + "]", "repeats column " + column.get()));
            }
        }
        for (var required : COLUMNS.subList(0, 3)) {
            if (!index.containsKey(required)) {
                problems.add(new FieldProblem("header", "must name the column " + required));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        var rows = new ArrayList<RawRow>();
        for (var row : csv.rows()) {
            rows.add(new RawRow(
                    rows.size() + 1,
                    value(row, index.get("locationId")),
                    value(row, index.get("partNumber")),
                    value(row, index.get("onHand")),
                    value(row, index.get("reorderPoint")),
                    value(row, index.get("unitCost"))));
        }
        return rows;
    }

    private static String value(CsvTable.Row row, Integer column) {
        return column == null ? null : row.cell(column);
    }

    /** An array of objects with the same fields as the CSV columns; values may be strings or numbers. */
    static List<RawRow> jsonRows(String body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException("body", "is not valid JSON");
        }
        if (tree == null || !tree.isArray()) {
            throw new InvalidRequestException("body", "must be a JSON array of stock lines");
        }
        var rows = new ArrayList<RawRow>();
        for (int i = 0; i < tree.size(); i++) {
            var node = tree.get(i);
            Map<String, String> text = new java.util.HashMap<>();
            if (node.isObject()) {
                for (var column : COLUMNS) {
                    var v = node.get(column);
                    text.put(column, v == null || v.isNull() ? null : v.isValueNode() ? v.asString() : "?" + v);
                }
            }
            rows.add(new RawRow(
                    i + 1,
                    text.get("locationId"),
                    text.get("partNumber"),
                    text.get("onHand"),
                    text.get("reorderPoint"),
                    text.get("unitCost")));
        }
        return rows;
    }

    /** Over the type and the bytes as sent: for a UTF-8 file the same id as when the body was hashed as text. */
    private static String sha256(String type, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((type + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
