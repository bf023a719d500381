package dev.aftersales.dispatch;

import dev.aftersales.dispatch.archive.domain.WarrantyTerms;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Warranty terms ({@code aftersales.dispatch.warranty.*}): the default, and overrides per product
 * line and per model (the model wins), e.g. {@code product-lines.WATER_PURIFIER.main-parts: P5Y}.
 */
@ConfigurationProperties("aftersales.dispatch.warranty")
public record WarrantyProperties(
        @DefaultValue("P1Y") Period wholeMachine,
        @DefaultValue("P3Y") Period mainParts,
        Map<String, Terms> productLines,
        Map<String, Terms> models) {

    /** A missing period falls back to the default's. */
    public record Terms(Period wholeMachine, Period mainParts) {}

    public WarrantyTerms defaults() {
        return new WarrantyTerms(wholeMachine, mainParts);
    }

    public Map<String, WarrantyTerms> productLineTerms() {
        return resolve(productLines);
    }

    public Map<String, WarrantyTerms> modelTerms() {
        return resolve(models);
    }

    private Map<String, WarrantyTerms> resolve(Map<String, Terms> terms) {
        if (terms == null) {
            return Map.of();
        }
        var resolved = new java.util.HashMap<String, WarrantyTerms>();
        terms.forEach((key, t) -> resolved.put(
                key,
                new WarrantyTerms(
                        t.wholeMachine() == null ? wholeMachine : t.wholeMachine(),
                        t.mainParts() == null ? mainParts : t.mainParts())));
        return resolved;
    }
}
