package dev.aftersales.parts.value.application;

import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.stock.domain.Stocks;
import dev.aftersales.parts.value.domain.StockValuation;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The spare-parts value report, over every location or one. Reads what the lines have on hand, not
 * what they hold: the gauge values every line at each metrics refresh, however many requests they served.
 */
@Service
public class ValueStock {

    private final Stocks stocks;
    private final PartsProperties properties;
    private final Clock clock;

    ValueStock(Stocks stocks, PartsProperties properties, Clock clock) {
        this.stocks = stocks;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param locationId null for every location; @param costOfSales trailing three years, null for no warning */
    public StockValuation value(String locationId, BigDecimal costOfSales) {
        var lines = locationId == null ? stocks.onHandEverywhere() : stocks.onHandAt(locationId);
        return StockValuation.of(
                lines, clock.instant(), properties.writeDownMonths(), properties.valueWarningShare(), costOfSales);
    }
}
