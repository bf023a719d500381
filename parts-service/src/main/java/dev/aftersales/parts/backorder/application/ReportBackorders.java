package dev.aftersales.parts.backorder.application;

import dev.aftersales.chassis.time.ReportPeriod;
import dev.aftersales.parts.backorder.domain.BackorderTally;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The stock report by period a parts manager reads first: per dealer, how many requests found no stock
 * anywhere (backordered), how many units, and what became of them (served, withdrawn, still waiting).
 * Counted from the backorders themselves, which are kept for good, so a past period reads the same
 * every time but for what was served or withdrawn since.
 */
@Service
public class ReportBackorders {

    private final BackorderTallies tallies;

    ReportBackorders(BackorderTallies tallies) {
        this.tallies = tallies;
    }

    /** @param dealerId one dealer, or null for all */
    public List<BackorderTally> report(ReportPeriod period, String dealerId) {
        return tallies.backorderedBetween(dealerId, period.start(), period.end());
    }
}
