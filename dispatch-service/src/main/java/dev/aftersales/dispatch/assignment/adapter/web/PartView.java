package dev.aftersales.dispatch.assignment.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aftersales.dispatch.assignment.domain.PartRequest;
import dev.aftersales.dispatch.assignment.domain.PartStatus;
import java.time.Instant;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
record PartView(
        String requestId, String partNumber, int quantity, PartStatus status, String locationId, Instant readyAt) {

    static List<PartView> of(List<PartRequest> parts) {
        return parts.stream()
                .map(p -> new PartView(
                        p.requestId(), p.partNumber(), p.quantity(), p.status(), p.locationId(), p.readyAt()))
                .toList();
    }
}
