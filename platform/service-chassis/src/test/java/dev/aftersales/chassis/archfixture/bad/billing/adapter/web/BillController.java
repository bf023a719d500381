package dev.aftersales.chassis.archfixture.bad.billing.adapter.web;

import dev.aftersales.chassis.archfixture.bad.ticketing.application.OpenTicket;

/** One capability's adapter driving another capability's use case. */
public class BillController {
    void bill(String id) {
        new OpenTicket().open(id);
    }
}
