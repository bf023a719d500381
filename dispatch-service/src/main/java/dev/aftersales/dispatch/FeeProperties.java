package dev.aftersales.dispatch;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fee schedule ({@code aftersales.dispatch.fees.*}), in yuan: a door fee, labour, and labour
 * per kind of work ({@code ComplaintKind} names) where it differs.
 */
@ConfigurationProperties("aftersales.dispatch.fees")
public record FeeProperties(
        @DefaultValue("30") BigDecimal doorFee,
        @DefaultValue("50") BigDecimal labour,
        Map<String, BigDecimal> labourByKind) {}
