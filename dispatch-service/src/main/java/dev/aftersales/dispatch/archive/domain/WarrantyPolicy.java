package dev.aftersales.dispatch.archive.domain;

import java.util.Map;

/**
 * Warranty terms per model, else per product line, else the default (whole machine 1 year, main
 * parts 3 years). A warranty of one year from 2025-03-10 runs to 2026-03-09 inclusive.
 */
public final class WarrantyPolicy {

    private final WarrantyTerms defaults;
    private final Map<String, WarrantyTerms> byProductLine;
    private final Map<String, WarrantyTerms> byModel;

    public WarrantyPolicy(
            WarrantyTerms defaults, Map<String, WarrantyTerms> byProductLine, Map<String, WarrantyTerms> byModel) {
        this.defaults = defaults == null ? WarrantyTerms.DEFAULT : defaults;
        this.byProductLine = byProductLine == null ? Map.of() : Map.copyOf(byProductLine);
        this.byModel = byModel == null ? Map.of() : Map.copyOf(byModel);
    }

    public static WarrantyPolicy defaults() {
        return new WarrantyPolicy(WarrantyTerms.DEFAULT, Map.of(), Map.of());
    }

    public WarrantyTerms termsFor(String model, String productLine) {
        if (model != null && byModel.containsKey(model)) {
            return byModel.get(model);
        }
        if (productLine != null && byProductLine.containsKey(productLine)) {
            return byProductLine.get(productLine);
        }
        return defaults;
    }

    public Warranty warrantyOf(Installation installation) {
        if (installation.installedOn() == null) {
            return new Warranty(null, null);
        }
        var terms = termsFor(installation.model(), installation.productLine());
        var from = installation.installedOn();
        return new Warranty(
                from.plus(terms.wholeMachine()).minusDays(1),
                from.plus(terms.mainParts()).minusDays(1));
    }
}
