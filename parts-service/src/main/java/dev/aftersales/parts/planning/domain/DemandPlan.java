package dev.aftersales.parts.planning.domain;

import java.util.Map;

/**
 * How many units of a part a dealer should keep: the failures expected over the lead time plus a
 * safety stock, from how often the part failed per machine of each model.
 *
 * <p>rate(model) = units used on machines of the model in the history window / machines of the
 * model installed (everywhere) / days of the window. Expected demand over {@code days} = Σ over
 * models of rate(model) × the dealer's installed machines of the model × days.
 *
 * @param leadTimeDays demand is covered until a reorder arrives
 * @param safetyStockDays extra days of expected demand kept against variation
 */
public record DemandPlan(
        String dealerId,
        String partNumber,
        double leadTimeDays,
        double safetyStockDays,
        double leadTimeDemand,
        double safetyStock,
        int recommended) {

    /**
     * @param usedByModel units of the part used per model in the window (all dealers)
     * @param installedByModel machines installed per model (all dealers)
     * @param dealerBaseByModel the dealer's installed machines per model
     */
    public static DemandPlan of(
            String dealerId,
            String partNumber,
            Map<String, Integer> usedByModel,
            Map<String, Integer> installedByModel,
            Map<String, Integer> dealerBaseByModel,
            double windowDays,
            double leadTimeDays,
            double safetyStockDays) {
        double dailyDemand = 0;
        for (var model : dealerBaseByModel.entrySet()) {
            int installed = installedByModel.getOrDefault(model.getKey(), 0);
            int used = usedByModel.getOrDefault(model.getKey(), 0);
            if (installed == 0 || windowDays <= 0) {
                continue;
            }
            dailyDemand += (double) used / installed / windowDays * model.getValue();
        }
        double leadTimeDemand = dailyDemand * leadTimeDays;
        double safety = dailyDemand * safetyStockDays;
        // round half a unit down: 1e-9 keeps 2.0000000001 from becoming 3
        int recommended = (int) Math.ceil(leadTimeDemand + safety - 1e-9);
        return new DemandPlan(
                dealerId, partNumber, leadTimeDays, safetyStockDays, leadTimeDemand, safety, Math.max(0, recommended));
    }
}
