package dev.aftersales.parts.value.domain;

import dev.aftersales.parts.stock.domain.StockOnHand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What spare parts on hand are worth: each lot's cost written down in a straight line over {@code
 * writeDownMonths} (a month = 1/12 year), by age bucket of 12 months; plus whether the total exceeds
 * the allowed share of the trailing three years' cost of sales.
 */
public record StockValuation(
        List<Bucket> buckets, BigDecimal cost, BigDecimal bookValue, BigDecimal allowed, boolean warning) {

    private static final double DAYS_PER_MONTH = 365.25 / 12;

    /** @param fromMonths inclusive, @param toMonths exclusive, null = open */
    public record Bucket(int fromMonths, Integer toMonths, int units, BigDecimal cost, BigDecimal bookValue) {}

    /**
     * @param costOfSales the trailing three years' cost of sales; null = no warning computed
     */
    public static StockValuation of(
            List<StockOnHand> lines, Instant now, int writeDownMonths, double warningShare, BigDecimal costOfSales) {
        int bucketCount = (writeDownMonths + 11) / 12 + 1;
        int[] units = new int[bucketCount];
        var cost = new BigDecimal[bucketCount];
        var book = new BigDecimal[bucketCount];
        for (int i = 0; i < bucketCount; i++) {
            cost[i] = BigDecimal.ZERO;
            book[i] = BigDecimal.ZERO;
        }
        for (var line : lines) {
            if (line.unitCost() == null) {
                continue;
            }
            for (var lot : line.lots()) {
                var received = lot.receivedAt() == null ? now : lot.receivedAt();
                double months = Math.max(0, Duration.between(received, now).toHours() / 24.0 / DAYS_PER_MONTH);
                int bucket = Math.min(bucketCount - 1, (int) (months / 12));
                var lotCost = line.unitCost().multiply(BigDecimal.valueOf(lot.units()));
                double remaining = Math.max(0.0, 1.0 - months / writeDownMonths);
                units[bucket] += lot.units();
                cost[bucket] = cost[bucket].add(lotCost);
                book[bucket] = book[bucket].add(lotCost.multiply(BigDecimal.valueOf(remaining)));
            }
        }
        var buckets = new ArrayList<Bucket>();
        var totalCost = BigDecimal.ZERO;
        var totalBook = BigDecimal.ZERO;
        for (int i = 0; i < bucketCount; i++) {
            var bookValue = book[i].setScale(2, RoundingMode.HALF_UP);
            buckets.add(new Bucket(i * 12, i == bucketCount - 1 ? null : (i + 1) * 12, units[i], cost[i], bookValue));
            totalCost = totalCost.add(cost[i]);
            totalBook = totalBook.add(bookValue);
        }
        var allowed = costOfSales == null
                ? null
                : costOfSales.multiply(BigDecimal.valueOf(warningShare)).setScale(2, RoundingMode.HALF_UP);
        return new StockValuation(
                buckets, totalCost, totalBook, allowed, allowed != null && totalBook.compareTo(allowed) > 0);
    }
}
