package dev.aftersales.parts.stock.application;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.retry.ConflictRetry;
import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.parts.location.application.LocationAccess;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sets counted units on hand (restock, stock-take). Idempotent: the same lines set twice leave the
 * same stock. On hand never goes below what is reserved: such a line is refused, naming its row.
 * Units that arrive are announced by the line itself (StockReplenished, in the same write), which is
 * how waiting backorders learn of them.
 */
@Service
public class SetStock {

    private static final Logger log = LoggerFactory.getLogger(SetStock.class);

    /**
     * A line is hot while technicians reserve from it: each lost race means another write to it
     * succeeded, so the bound only needs to exceed a burst's writes; random pauses keep the losers
     * from colliding again in step. A line created meanwhile by another count is a duplicate key.
     */
    private static final ConflictRetry COUNTS = ConflictRetry.upTo(100)
            .pausing(Duration.ofMillis(1), Duration.ofMillis(50))
            .alsoOnDuplicateKey();

    private final Stocks stocks;
    private final Clock clock;

    SetStock(Stocks stocks, Clock clock) {
        this.stocks = stocks;
        this.clock = clock;
    }

    /** As {@link #set(SetStockCommand)}, for a caller: operations any location, a dealer only its own. */
    public List<Stock> set(SetStockCommand command, Caller caller) {
        command.lines().forEach(line -> LocationAccess.require(caller, line.locationId(), Role.OPS));
        return count(command, caller.userId());
    }

    /** A count by the platform itself (demo data, tests): audited as {@code system}. */
    public List<Stock> set(SetStockCommand command) {
        return count(command, "system");
    }

    /** Sets the lines as {@code countedBy} counted them; each line's audit entry is saved with it. */
    public List<Stock> count(SetStockCommand command, String countedBy) {
        var lines = command.lines();
        // Check every row before writing any, so a refused request normally changes nothing. Rows are
        // separate documents (no multi-document transactions): a reservation landing between this
        // check and the write can still refuse a later row after earlier ones were written.
        var problems = new ArrayList<FieldProblem>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var row = i;
            stocks.find(Stock.idOf(line.locationId(), line.partNumber()))
                    .filter(stock -> !stock.acceptsOnHand(line.onHand()))
                    .ifPresent(stock -> problems.add(belowReserved(row, stock)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        var result = new ArrayList<Stock>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var row = i;
            result.add(COUNTS.run(() -> write(row, line, countedBy)));
        }
        log.info("stock set for {} lines", result.size());
        return result;
    }

    private Stock write(int row, SetStockCommand.Line line, String countedBy) {
        var stock = stocks.find(Stock.idOf(line.locationId(), line.partNumber()))
                .orElseGet(() -> Stock.open(line.locationId(), line.partNumber()));
        if (!stock.acceptsOnHand(line.onHand())) {
            throw new InvalidRequestException(List.of(belowReserved(row, stock)));
        }
        stock.setOnHand(
                line.onHand(),
                line.reorderPoint() != null ? line.reorderPoint() : stock.reorderPoint(),
                clock.instant(),
                countedBy);
        if (line.unitCost() != null) {
            stock.setUnitCost(line.unitCost());
        }
        return stocks.save(stock);
    }

    private static FieldProblem belowReserved(int row, Stock stock) {
        return new FieldProblem(
                "[" + row + "].onHand",
                "must not be below the " + stock.reserved() + " units reserved at " + stock.id());
    }
}
