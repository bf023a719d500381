package dev.aftersales.parts.reservation.domain;

import dev.aftersales.contracts.parts.ReservationSource;
import dev.aftersales.parts.location.domain.Location;
import dev.aftersales.parts.location.domain.LocationKind;
import dev.aftersales.parts.stock.domain.Stock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a technician's parts can come from, in the order the chain tries them (domain.md, Parts): the
 * technician's own dealer; then the other dealers, nearest first (a transfer); then the factory
 * warehouses, shortest lead time first. Only stock lines with units available are on it.
 */
public final class SupplyChain {

    /** A stock line on the chain: where it is, and what its units are to the technician's dealer. */
    public record Supplier(Stock line, Location at, ReservationSource source) {

        /** The line at {@code at} as seen from {@code dealerId}: the own dealer, a factory, or a dealer to transfer from. */
        public static Supplier of(Stock line, Location at, String dealerId) {
            ReservationSource source;
            if (at.id().equals(dealerId)) {
                source = ReservationSource.OWN_DEALER;
            } else if (at.kind() == LocationKind.FACTORY) {
                source = ReservationSource.FACTORY;
            } else {
                source = ReservationSource.TRANSFER;
            }
            return new Supplier(line, at, source);
        }
    }

    /** A factory without a lead time comes after every factory that names one. */
    private static final Duration UNKNOWN_LEAD_TIME = Duration.ofDays(36500);

    private final List<Supplier> suppliers;

    private SupplyChain(List<Supplier> suppliers) {
        this.suppliers = List.copyOf(suppliers);
    }

    /**
     * @param lines the part's stock lines to consider
     * @param locations each line's location master data (a location nobody described counts as a
     *     dealer farther than every described one)
     */
    public static SupplyChain of(String dealerId, List<Stock> lines, Function<String, Location> locations) {
        var own = new ArrayList<Supplier>();
        var dealers = new ArrayList<Supplier>();
        var factories = new ArrayList<Supplier>();
        for (var line : lines) {
            if (line.available() <= 0) {
                continue;
            }
            var supplier = Supplier.of(line, locations.apply(line.locationId()), dealerId);
            switch (supplier.source()) {
                case OWN_DEALER -> own.add(supplier);
                case TRANSFER -> dealers.add(supplier);
                case FACTORY -> factories.add(supplier);
            }
        }
        // The technician's dealer is looked up only when other dealers are to be ordered by distance from it.
        if (dealers.size() > 1) {
            var here = locations.apply(dealerId);
            dealers.sort(Comparator.comparing(
                    Supplier::at, Comparator.comparingDouble(here::distanceTo).thenComparing(Location::id)));
        }
        factories.sort(Comparator.comparing(
                Supplier::at, Comparator.comparing(SupplyChain::leadTimeOf).thenComparing(Location::id)));
        var ordered = new ArrayList<>(own);
        ordered.addAll(dealers);
        ordered.addAll(factories);
        return new SupplyChain(ordered);
    }

    private static Duration leadTimeOf(Location factory) {
        return factory.leadTime() == null ? UNKNOWN_LEAD_TIME : factory.leadTime();
    }

    /** In chain order. */
    public List<Supplier> suppliers() {
        return suppliers;
    }

    /** The first supplier, in chain order, that has all {@code quantity} units. */
    public Optional<Supplier> firstWithAll(int quantity) {
        return suppliers.stream().filter(s -> s.line().canSupply(quantity)).findFirst();
    }

    /** The units all suppliers have together. */
    public int available() {
        return suppliers.stream().mapToInt(s -> s.line().available()).sum();
    }
}
