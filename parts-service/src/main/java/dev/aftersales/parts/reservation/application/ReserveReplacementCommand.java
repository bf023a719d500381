package dev.aftersales.parts.reservation.application;

/**
 * Goods an agreed resolution promised the customer (REPLACEMENT or FREE_GOODS), to be held along the
 * chain from the selling dealer.
 *
 * @param actionId the idempotency key, with the complaint: one outcome per action, however often it arrives
 * @param itemNumber the stock item: a model or a consumable's part number
 */
public record ReserveReplacementCommand(
        String complaintId, String actionId, String itemNumber, int quantity, String sellingDealerId) {}
