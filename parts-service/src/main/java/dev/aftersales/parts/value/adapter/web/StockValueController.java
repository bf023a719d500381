package dev.aftersales.parts.value.adapter.web;

import dev.aftersales.parts.value.application.ValueStock;
import dev.aftersales.parts.value.domain.StockValuation;
import java.math.BigDecimal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports/stock-value?costOfSales=…&locationId=…} for operations. */
@RestController
class StockValueController {

    private final ValueStock valueStock;

    StockValueController(ValueStock valueStock) {
        this.valueStock = valueStock;
    }

    @GetMapping("/api/reports/stock-value")
    @PreAuthorize("hasRole('OPS')")
    StockValuation value(
            @RequestParam(required = false) String locationId, @RequestParam(required = false) BigDecimal costOfSales) {
        return valueStock.value(locationId, costOfSales);
    }
}
