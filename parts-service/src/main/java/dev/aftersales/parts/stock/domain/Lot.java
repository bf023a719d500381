package dev.aftersales.parts.stock.domain;

import java.time.Instant;

/**
 * Units of a stock line that arrived together; their age drives the write-down of the line's value.
 *
 * @param receivedAt null for units counted before lots were kept (age unknown, taken as new)
 */
public record Lot(Instant receivedAt, int units) {}
