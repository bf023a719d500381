package dev.aftersales.parts.stock.application;

import dev.aftersales.chassis.security.Caller;
import dev.aftersales.chassis.security.Role;
import dev.aftersales.parts.location.application.LocationAccess;
import dev.aftersales.parts.stock.domain.Stock;
import dev.aftersales.parts.stock.domain.Stocks;
import java.util.List;
import org.springframework.stereotype.Service;

/** The stock lines of a location: for operations and dispatch every location's, for a dealer its own. */
@Service
public class ShowStock {

    private final Stocks stocks;

    ShowStock(Stocks stocks) {
        this.stocks = stocks;
    }

    public List<Stock> atLocation(String locationId, Caller caller) {
        LocationAccess.require(caller, locationId, Role.OPS, Role.DISPATCHER);
        return stocks.atLocation(locationId);
    }
}
