package dev.aftersales.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many of one part a line may ask for ({@code aftersales.dispatch.part-line.*}): parts requests,
 * quotes and the parts used at completion. A visit needs a few of a part; a larger number is a
 * typing error or an attempt to drain a dealer's stock.
 */
@ConfigurationProperties("aftersales.dispatch.part-line")
public record PartLineLimits(
        @DefaultValue("1") int minQuantity,
        @DefaultValue("20") int maxQuantity) {

    public static final PartLineLimits DEFAULTS = new PartLineLimits(1, 20);

    public PartLineLimits {
        if (minQuantity < 1 || maxQuantity < minQuantity) {
            throw new IllegalArgumentException(
                    "aftersales.dispatch.part-line: need 1 <= min-quantity <= max-quantity, got " + minQuantity + ".."
                            + maxQuantity);
        }
    }
}
