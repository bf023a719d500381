package dev.aftersales.parts.planning.application;

import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.parts.PartsProperties;
import dev.aftersales.parts.location.application.LocationAccess;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.location.domain.Locations;
import dev.aftersales.parts.planning.domain.DemandHistory;
import dev.aftersales.parts.planning.domain.DemandPlan;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/** The stock recommendation for a dealer and part, over the factory's lead time. */
@Service
public class PlanStock {

    private static final double SECONDS_PER_DAY = 86_400.0;

    private final DemandHistory history;
    private final Locations locations;
    private final PartsProperties properties;
    private final Clock clock;

    PlanStock(DemandHistory history, Locations locations, PartsProperties properties, Clock clock) {
        this.history = history;
        this.locations = locations;
        this.properties = properties;
        this.clock = clock;
    }

    /** A dealer plans its own stock; operations any dealer's. */
    public DemandPlan plan(String dealerId, String partNumber, Caller caller) {
        LocationAccess.require(caller, dealerId, Role.OPS);
        return plan(dealerId, partNumber);
    }

    public DemandPlan plan(String dealerId, String partNumber) {
        var window = properties.historyWindow();
        Duration leadTime = locations.ofKind(LocationKind.FACTORY).stream()
                .map(l -> l.leadTime())
                .filter(java.util.Objects::nonNull)
                .min(Duration::compareTo)
                .orElse(properties.factoryLeadTime());
        // the network's count only of the models the dealer has: the plan weighs nothing else
        var dealerBase = history.installedByModel(dealerId);
        return DemandPlan.of(
                dealerId,
                partNumber,
                history.usedByModel(partNumber, clock.instant().minus(window)),
                history.installedByModel(dealerBase.keySet()),
                dealerBase,
                window.toSeconds() / SECONDS_PER_DAY,
                leadTime.toSeconds() / SECONDS_PER_DAY,
                properties.safetyStockDays());
    }
}
