package dev.aftersales.parts.value.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.parts.stock.domain.Lot;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.StockOnHand;
import dev.aftersales.parts.stock.domain.StockState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockValuationTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    /** A month is 1/12 of 365.25 days. */
    static final Duration MONTH = Duration.ofMinutes(43_830);

    /** What the valuation reads of a line. */
    static StockOnHand onHand(Stock line) {
        return StockOnHand.of(line.locationId(), line.partNumber(), line.onHand(), line.lots(), line.unitCost());
    }

    static Stock line(BigDecimal unitCost, Lot... lots) {
        int onHand = List.of(lots).stream().mapToInt(Lot::units).sum();
        return Stock.restore(
                new StockState("D-SH", "FLT-RO-01", onHand, 0, List.of(), List.of(), List.of(lots), unitCost),
                1L,
                null);
    }

    /**
     * By hand, at 100 a unit: 10 new units keep 1000; 6 units 18 months old keep half, 300; 2 units
     * 40 months old are written off. Cost 1800, book value 1300. 0.7 % of 150 000 is 1050: warn; of
     * 200 000 is 1400: no warning.
     */
    @Test
    void writes_lots_down_in_a_straight_line_over_36_months_and_warns_above_the_share_of_cost_of_sales() {
        var stock = line(
                new BigDecimal("100"),
                new Lot(NOW.minus(MONTH.multipliedBy(40)), 2),
                new Lot(NOW.minus(MONTH.multipliedBy(18)), 6),
                new Lot(NOW, 10));

        var valuation = StockValuation.of(List.of(onHand(stock)), NOW, 36, 0.007, new BigDecimal("150000"));

        assertThat(valuation.cost()).isEqualByComparingTo("1800");
        assertThat(valuation.bookValue()).isEqualByComparingTo("1300");
        assertThat(valuation.buckets()).extracting(StockValuation.Bucket::units).containsExactly(10, 6, 0, 2);
        assertThat(valuation.buckets().get(1).bookValue()).isEqualByComparingTo("300");
        assertThat(valuation.allowed()).isEqualByComparingTo("1050");
        assertThat(valuation.warning()).isTrue();
        assertThat(StockValuation.of(List.of(onHand(stock)), NOW, 36, 0.007, new BigDecimal("200000"))
                        .warning())
                .isFalse();
    }

    @Test
    void units_leave_the_oldest_lots_first() {
        var stock = line(new BigDecimal("100"), new Lot(NOW.minus(MONTH.multipliedBy(18)), 6), new Lot(NOW, 10));

        stock.setOnHand(12, 0, NOW);
        assertThat(stock.lots()).containsExactly(new Lot(NOW.minus(MONTH.multipliedBy(18)), 2), new Lot(NOW, 10));
        stock.setOnHand(15, 0, NOW.plusSeconds(60));
        assertThat(stock.lots()).hasSize(3).last().isEqualTo(new Lot(NOW.plusSeconds(60), 3));
    }
}
