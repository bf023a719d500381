package dev.aftersales.parts.stock.adapter.web;

import dev.aftersales.chassis.application.FieldProblem;
import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.parts.stock.application.SetStock;
import dev.aftersales.parts.stock.application.SetStockCommand;
import dev.aftersales.parts.stock.application.ShowStock;
import dev.aftersales.parts.stock.domain.Stock;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Dealers' and operations' door to stock levels. A dealer sees and sets only its own locations (use cases' rule). */
@RestController
@RequestMapping("/api/stock")
class StockController {

    record StockLineRequest(
            @NotBlank @Size(max = 64) String locationId,
            @NotBlank @Size(max = 64) String partNumber,
            @NotNull @PositiveOrZero Integer onHand,
            @PositiveOrZero Integer reorderPoint,
            @PositiveOrZero java.math.BigDecimal unitCost) {}

    record StockLine(String locationId, String partNumber, int onHand, int reserved, int available, int reorderPoint) {

        static StockLine of(Stock stock) {
            return new StockLine(
                    stock.locationId(),
                    stock.partNumber(),
                    stock.onHand(),
                    stock.reserved(),
                    stock.available(),
                    stock.reorderPoint());
        }
    }

    /** Stock lines set in one request; a whole stock count goes through the imports. */
    static final int MAX_LINES = 1000;

    private final SetStock setStock;
    private final ShowStock showStock;
    private final CurrentUser user;
    private final Validator validator;

    StockController(SetStock setStock, ShowStock showStock, CurrentUser user, Validator validator) {
        this.setStock = setStock;
        this.showStock = showStock;
        this.user = user;
        this.validator = validator;
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('OPS','DEALER')")
    List<StockLine> set(@RequestBody @Size(max = MAX_LINES) List<StockLineRequest> lines) {
        validate(lines);
        var command = new SetStockCommand(lines.stream()
                .map(l -> new SetStockCommand.Line(
                        l.locationId(), l.partNumber(), l.onHand(), l.reorderPoint(), l.unitCost()))
                .toList());
        // The lines as counted: arrived units go to the backorders in line right after (StockReplenished).
        return setStock.set(command, user.caller()).stream().map(StockLine::of).toList();
    }

    @GetMapping("/{locationId}")
    @PreAuthorize("hasAnyRole('OPS','DISPATCHER','DEALER')")
    List<StockLine> atLocation(@PathVariable String locationId) {
        return showStock.atLocation(locationId, user.caller()).stream()
                .map(StockLine::of)
                .toList();
    }

    /** Validated row by row (not with {@code @Valid}) so that each problem names its row: {@code [2].onHand}. */
    private void validate(List<StockLineRequest> lines) {
        if (lines.isEmpty()) {
            throw new InvalidRequestException("body", "must list at least one stock line");
        }
        var problems = new ArrayList<FieldProblem>();
        var rowOfLine = new HashMap<String, Integer>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line == null) {
                problems.add(new FieldProblem("[" + i + "]", "must not be null"));
                continue;
            }
            for (var violation : validator.validate(line)) {
                problems.add(new FieldProblem("[" + i + "]." + violation.getPropertyPath(), violation.getMessage()));
            }
            if (line.locationId() != null && line.partNumber() != null) {
                var earlier = rowOfLine.putIfAbsent(Stock.idOf(line.locationId(), line.partNumber()), i);
                if (earlier != null) {
                    problems.add(new FieldProblem("[" + i + "]", "repeats the line of row " + earlier));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
