package dev.aftersales.dispatch.assignment.domain;

import dev.aftersales.dispatch.archive.domain.Warranty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The fee schedule: a door fee and labour by kind of work, plus the parts at their prices. In the
 * whole-machine warranty everything is free; after it, parts stay free while the main-parts
 * warranty runs (dispatch does not tell main parts from others: every part counts as main).
 */
public final class FeeSchedule {

    private final BigDecimal doorFee;
    private final BigDecimal labour;
    private final Map<String, BigDecimal> labourByKind;

    public FeeSchedule(BigDecimal doorFee, BigDecimal labour, Map<String, BigDecimal> labourByKind) {
        this.doorFee = doorFee;
        this.labour = labour;
        this.labourByKind = labourByKind == null ? Map.of() : Map.copyOf(labourByKind);
    }

    public FeeQuote quote(Warranty warranty, LocalDate day, String kind, List<QuotedPart> parts, Instant now) {
        if (warranty != null && warranty.wholeMachineCovers(day)) {
            return new FeeQuote(true, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, now);
        }
        var partsCost = warranty != null && warranty.mainPartsCover(day)
                ? BigDecimal.ZERO
                : parts.stream().map(QuotedPart::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        var work = kind == null ? labour : labourByKind.getOrDefault(kind, labour);
        return new FeeQuote(false, doorFee, work, partsCost, doorFee.add(work).add(partsCost), now);
    }
}
