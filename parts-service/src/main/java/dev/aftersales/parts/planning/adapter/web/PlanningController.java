package dev.aftersales.parts.planning.adapter.web;

import dev.aftersales.chassis.security.CurrentUser;
import dev.aftersales.parts.planning.application.PlanStock;
import dev.aftersales.parts.planning.domain.DemandPlan;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Stock recommendations: OPS for every dealer, a dealer for its own. */
@RestController
class PlanningController {

    private final PlanStock planStock;
    private final CurrentUser user;

    PlanningController(PlanStock planStock, CurrentUser user) {
        this.planStock = planStock;
        this.user = user;
    }

    @GetMapping("/api/planning/{dealerId}/{partNumber}")
    @PreAuthorize("hasAnyRole('OPS','DEALER')")
    DemandPlan plan(@PathVariable String dealerId, @PathVariable String partNumber) {
        return planStock.plan(dealerId, partNumber, user.caller());
    }
}
