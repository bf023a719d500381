package dev.aftersales.parts.transfer.application;

import dev.aftersales.chassis.security.Caller;
import dev.aftersales.parts.stock.domain.Stocks;
import dev.aftersales.parts.transfer.application.TransferAccess.Step;
import dev.aftersales.parts.transfer.domain.Transfer;
import org.springframework.stereotype.Service;

/** Where a transfer stands, for its two dealers, dispatch and operations ({@link TransferAccess}). */
@Service
public class ShowTransfer {

    private final Stocks stocks;

    ShowTransfer(Stocks stocks) {
        this.stocks = stocks;
    }

    public Transfer view(String transferId, Caller caller) {
        return TransferAccess.require(
                caller, transferId, Transfer.of(transferId, stocks.holdingTransfer(transferId)), Step.VIEW);
    }
}
