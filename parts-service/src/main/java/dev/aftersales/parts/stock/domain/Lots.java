package dev.aftersales.parts.stock.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lots of a stock line, oldest first: when its units arrived, so that their age can drive the
 * write-down of the line's value. Their units add up to the line's on hand; units leave oldest first.
 */
final class Lots {

    private final List<Lot> lots;

    /**
     * The stored lots made to add up to {@code onHand}: units counted before lots were kept become a
     * lot of unknown age (taken as new), units beyond on hand leave as if taken.
     */
    Lots(List<Lot> stored, int onHand) {
        this.lots = new ArrayList<>(stored == null ? List.of() : stored);
        int inLots = lots.stream().mapToInt(Lot::units).sum();
        if (inLots < onHand) {
            lots.add(0, new Lot(null, onHand - inLots));
        } else if (inLots > onHand) {
            take(inLots - onHand);
        }
    }

    void arrived(int units, Instant at) {
        if (units > 0) {
            lots.add(new Lot(at, units));
        }
    }

    /** Units leave the oldest lots first. */
    void take(int units) {
        int left = units;
        while (left > 0 && !lots.isEmpty()) {
            var oldest = lots.get(0);
            if (oldest.units() <= left) {
                lots.remove(0);
                left -= oldest.units();
            } else {
                lots.set(0, new Lot(oldest.receivedAt(), oldest.units() - left));
                left = 0;
            }
        }
    }

    List<Lot> list() {
        return List.copyOf(lots);
    }
}
