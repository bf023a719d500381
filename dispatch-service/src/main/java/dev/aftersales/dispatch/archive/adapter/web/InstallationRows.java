package dev.aftersales.dispatch.archive.adapter.web;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.csv.CsvRows;
import dev.aftersales.chassis.csv.CsvTable;
import dev.aftersales.dispatch.archive.application.ParsedRow;
import dev.aftersales.dispatch.archive.domain.CustomerContact;
import dev.aftersales.dispatch.archive.domain.ImportedMachine;
import dev.aftersales.dispatch.archive.domain.Installation;
import dev.aftersales.dispatch.archive.domain.Site;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads installation rows from CSV (a header row naming the columns, then one row each; see
 * {@link CsvTable}) or from JSON objects with the same field names, and checks each row on its own.
 */
final class InstallationRows {

    static final List<String> COLUMNS = List.of(
            "serialNumber",
            "model",
            "productLine",
            "customerId",
            "dealerId",
            "installerId",
            "installedOn",
            "address",
            "regionCode",
            "latitude",
            "longitude",
            "customerName",
            "customerPhone",
            "historical");

    /** The longest cell a streamed upload takes, as the JSON rows' bound. */
    static final int MAX_CELL = 500;

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private InstallationRows() {}

    /** Line numbers are the rows a spreadsheet shows, the header being line 1. */
    static List<ParsedRow> fromCsv(CsvTable csv) {
        var header = csv.header();
        if (header.isEmpty()) {
            return List.of(ParsedRow.bad(1, "missing header line"));
        }
        var unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
        if (!unknown.isEmpty() || !header.contains("serialNumber") || !header.contains("dealerId")) {
            return List.of(
                    ParsedRow.bad(1, "header must name serialNumber and dealerId and only these columns: " + COLUMNS));
        }
        var rows = new ArrayList<ParsedRow>();
        for (var row : csv.rows()) {
            if (row.cells().size() != header.size()) {
                rows.add(ParsedRow.bad(
                        row.line(),
                        "expected " + header.size() + " columns, found "
                                + row.cells().size()));
                continue;
            }
            var fields = new HashMap<String, String>();
            for (int c = 0; c < header.size(); c++) {
                fields.put(header.get(c), row.cell(c));
            }
            rows.add(parse(row.line(), fields));
        }
        return rows;
    }

    /**
     * The rows of an upload read as it arrives ({@link CsvRows}), each checked on its own; a cell
     * longer than {@link #MAX_CELL} characters rejects its row, so no row can outgrow a stored chunk.
     *
     * @throws InvalidRequestException naming {@code header} when the header names unknown columns or
     *     lacks serialNumber or dealerId: nothing of such a file is loaded
     */
    static Iterator<ParsedRow> fromCsvStream(CsvRows csv) {
        var header = csv.header();
        var unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
        if (header.isEmpty()
                || !unknown.isEmpty()
                || !header.contains("serialNumber")
                || !header.contains("dealerId")) {
            throw new InvalidRequestException(
                    "header", "must name serialNumber and dealerId and only these columns: " + COLUMNS);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return csv.hasNext();
            }

            @Override
            public ParsedRow next() {
                var row = csv.next();
                if (row.cells().size() != header.size()) {
                    return ParsedRow.bad(
                            row.line(),
                            "expected " + header.size() + " columns, found "
                                    + row.cells().size());
                }
                var fields = new HashMap<String, String>();
                for (int c = 0; c < header.size(); c++) {
                    var cell = row.cell(c);
                    if (cell != null && cell.length() > MAX_CELL) {
                        return ParsedRow.bad(row.line(), header.get(c) + ": at most " + MAX_CELL + " characters");
                    }
                    fields.put(header.get(c), cell);
                }
                return parse(row.line(), fields);
            }
        };
    }

    /** Positions count from 1. */
    static List<ParsedRow> fromJson(List<Map<String, String>> objects) {
        var rows = new ArrayList<ParsedRow>();
        for (int i = 0; i < objects.size(); i++) {
            var fields = new HashMap<String, String>();
            var object = objects.get(i);
            if (object != null) {
                fields.putAll(object);
            }
            rows.add(parse(i + 1, fields));
        }
        return rows;
    }

    static ParsedRow parse(int line, Map<String, String> fields) {
        var serial = blankToNull(fields.get("serialNumber"));
        if (serial == null) {
            return ParsedRow.bad(line, "serialNumber: must not be blank");
        }
        var dealer = blankToNull(fields.get("dealerId"));
        if (dealer == null) {
            return ParsedRow.bad(line, "dealerId: must not be blank");
        }
        LocalDate installedOn = null;
        var date = blankToNull(fields.get("installedOn"));
        if (date != null) {
            try {
                installedOn = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                return ParsedRow.bad(line, "installedOn: not a date (YYYY-MM-DD): " + date);
            }
        }
        var region = blankToNull(fields.get("regionCode"));
        if (region != null && !REGION_CODE.matcher(region).matches()) {
            return ParsedRow.bad(line, "regionCode: must be 6 digits");
        }
        Double latitude;
        Double longitude;
        try {
            latitude = number(fields.get("latitude"), 90);
            longitude = number(fields.get("longitude"), 180);
        } catch (IllegalArgumentException e) {
            return ParsedRow.bad(line, e.getMessage());
        }
        if ((latitude == null) != (longitude == null)) {
            return ParsedRow.bad(line, "latitude and longitude: give both or neither");
        }
        var address = blankToNull(fields.get("address"));
        var site = address == null && region == null && latitude == null
                ? null
                : new Site(address, region, latitude, longitude);
        var historical = blankToNull(fields.get("historical"));
        if (historical != null && !historical.equalsIgnoreCase("true") && !historical.equalsIgnoreCase("false")) {
            return ParsedRow.bad(line, "historical: true or false");
        }
        var customerId = blankToNull(fields.get("customerId"));
        var name = blankToNull(fields.get("customerName"));
        var phone = blankToNull(fields.get("customerPhone"));
        if (name != null && name.length() > 200 || phone != null && phone.length() > 32) {
            return ParsedRow.bad(line, "customerName, customerPhone: at most 200 and 32 characters");
        }
        return ParsedRow.ok(
                line,
                new ImportedMachine(
                        new Installation(
                                serial,
                                blankToNull(fields.get("model")),
                                blankToNull(fields.get("productLine")),
                                customerId,
                                dealer,
                                blankToNull(fields.get("installerId")),
                                installedOn,
                                site),
                        name == null && phone == null ? null : new CustomerContact(customerId, name, phone),
                        Boolean.parseBoolean(historical)));
    }

    private static Double number(String value, double limit) {
        var v = blankToNull(value);
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("coordinates: not a number: " + v);
        }
        if (Double.isNaN(d) || Math.abs(d) > limit) {
            throw new IllegalArgumentException("coordinates: out of range: " + v);
        }
        return d;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
