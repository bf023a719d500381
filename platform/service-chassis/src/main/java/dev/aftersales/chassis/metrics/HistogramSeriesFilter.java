package dev.aftersales.chassis.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.Set;

/**
 * Keeps histogram buckets off meters tagged per dealer or technician. A histogram costs one series per
 * bucket for every tag combination: with a few hundred dealers and thousands of technicians that
 * would be hundreds of thousands of series. Latency is read across the network (p95 of time to
 * arrive); per-dealer performance comes from counters (arrivals within the SLA by dealer).
 */
public class HistogramSeriesFilter implements MeterFilter {

    static final Set<String> PER_PARTY_TAGS = Set.of("dealer", "technician");

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        var perParty = id.getTags().stream().anyMatch(tag -> PER_PARTY_TAGS.contains(tag.getKey()));
        if (!perParty) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(false)
                .serviceLevelObjectives(new double[0])
                .percentiles(new double[0])
                .build()
                .merge(config);
    }
}
