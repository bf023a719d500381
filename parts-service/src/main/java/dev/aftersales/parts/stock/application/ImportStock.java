package dev.aftersales.parts.stock.application;

import dev.aftersales.chassis.application.ConflictException;
import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.parts.stock.application.StockImports.AcceptedRow;
import dev.aftersales.parts.stock.application.StockImports.RejectedRow;
import dev.aftersales.parts.stock.application.StockImports.Report;
import dev.aftersales.parts.stock.domain.Stock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A dealer's (or operations') bulk stock count, from CSV or JSON. Each valid row sets its line like
 * {@link SetStock} (units that arrive serve backorders the same way); invalid rows are reported with their row number and field and do not stop the
 * others. An import with no valid row at all is refused whole (400, every problem named) and leaves
 * no trace, so it can be corrected and sent again under the same id. Idempotent by import id within
 * its owner (the dealer, or operations): a repeat answers the first run's report and writes nothing.
 */
@Service
public class ImportStock {

    /** One data row as read from the file, fields still text. {@code row} counts data rows from 1. */
    public record RawRow(
            int row, String locationId, String partNumber, String onHand, String reorderPoint, String unitCost) {}

    /** The report, and whether it is the answer of an earlier run of the same import. */
    public record Result(Report report, boolean replayed) {}

    /** The owner of operations' imports, which may touch every location. */
    public static final String OPERATIONS = "OPS";

    private static final Logger log = LoggerFactory.getLogger(ImportStock.class);

    private final SetStock setStock;
    private final StockImports imports;

    ImportStock(SetStock setStock, StockImports imports) {
        this.setStock = setStock;
        this.imports = imports;
    }

    /**
     * @param owner whose import ids these are: the dealer id, or {@link #OPERATIONS}
     */
    public Result run(String owner, String importId, String userId, List<RawRow> rows) {
        var done = imports.find(owner, importId);
        if (done.isPresent()) {
            return new Result(done.get(), true);
        }
        var rejected = new ArrayList<RejectedRow>();
        var valid = new ArrayList<RowLine>();
        var rowOfLine = new HashMap<String, Integer>();
        for (var raw : rows) {
            var line = parse(raw, rejected);
            if (line == null) {
                continue;
            }
            var earlier = rowOfLine.putIfAbsent(Stock.idOf(line.locationId(), line.partNumber()), raw.row());
            if (earlier != null) {
                rejected.add(new RejectedRow(raw.row(), "partNumber", "repeats the line of row " + earlier));
                continue;
            }
            valid.add(new RowLine(raw.row(), line));
        }
        if (valid.isEmpty()) {
            throw new InvalidRequestException(
                    rejected.isEmpty()
                            ? List.of(new FieldProblem("rows", "must list at least one stock line"))
                            : rejected.stream()
                                    .map(r -> new FieldProblem("rows[" + r.row() + "]." + r.field(), r.message()))
                                    .toList());
        }
        if (!imports.begin(owner, importId, userId)) {
            return imports.find(owner, importId)
                    .map(report -> new Result(report, true))
                    .orElseThrow(() -> new ConflictException("import " + importId + " is still running"));
        }
        var accepted = new ArrayList<AcceptedRow>();
        for (var row : valid) {
            try {
                // one row at a time: a row refused (on hand below reserved) must not stop the others
                var stock = setStock.count(new SetStockCommand(List.of(row.line())), userId)
                        .get(0);
                accepted.add(new AcceptedRow(row.row(), stock.locationId(), stock.partNumber(), stock.onHand()));
            } catch (InvalidRequestException e) {
                e.errors()
                        .forEach(p -> rejected.add(new RejectedRow(
                                row.row(), p.field().substring(p.field().lastIndexOf('.') + 1), p.message())));
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(RejectedRow::row));
        var report = new Report(importId, accepted, rejected);
        imports.finish(owner, report);
        log.info("stock import {}: {} rows accepted, {} rejected", importId, accepted.size(), rejected.size());
        return new Result(report, false);
    }

    private record RowLine(int row, SetStockCommand.Line line) {}

    private static SetStockCommand.Line parse(RawRow raw, List<RejectedRow> rejected) {
        int before = rejected.size();
        var locationId = id(raw, "locationId", raw.locationId(), rejected);
        var partNumber = id(raw, "partNumber", raw.partNumber(), rejected);
        Integer onHand = null;
        if (required(raw, "onHand", raw.onHand(), rejected) != null) {
            onHand = count(raw, "onHand", raw.onHand(), rejected);
        }
        Integer reorderPoint =
                blank(raw.reorderPoint()) ? null : count(raw, "reorderPoint", raw.reorderPoint(), rejected);
        BigDecimal unitCost = null;
        if (!blank(raw.unitCost())) {
            try {
                unitCost = new BigDecimal(raw.unitCost().trim());
                if (unitCost.signum() < 0) {
                    rejected.add(new RejectedRow(raw.row(), "unitCost", "must be greater than or equal to 0"));
                }
            } catch (NumberFormatException e) {
                rejected.add(new RejectedRow(raw.row(), "unitCost", "must be a number"));
            }
        }
        if (rejected.size() > before) {
            return null;
        }
        return new SetStockCommand.Line(locationId.trim(), partNumber.trim(), onHand, reorderPoint, unitCost);
    }

    /**
     * A location id or part number, bounded as the stock door bounds them: a longer one would be
     * refused only when its event is written, after the import had begun.
     */
    private static String id(RawRow raw, String field, String value, List<RejectedRow> rejected) {
        var id = required(raw, field, value, rejected);
        if (id != null && id.trim().length() > MAX_ID) {
            rejected.add(new RejectedRow(raw.row(), field, "must be at most " + MAX_ID + " characters"));
            return null;
        }
        return id;
    }

    private static final int MAX_ID = 64;

    private static String required(RawRow raw, String field, String value, List<RejectedRow> rejected) {
        if (blank(value)) {
            rejected.add(new RejectedRow(raw.row(), field, "must not be blank"));
            return null;
        }
        return value;
    }

    private static Integer count(RawRow raw, String field, String value, List<RejectedRow> rejected) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                rejected.add(new RejectedRow(raw.row(), field, "must be greater than or equal to 0"));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            rejected.add(new RejectedRow(raw.row(), field, "must be a whole number"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
