package dev.aftersales.intake.complaint.adapter.web;

import dev.aftersales.contracts.intake.ResolutionAction;
import dev.aftersales.contracts.intake.ResolutionKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Bodies of the requests that work an open case. */
final class CaseRequests {

    private CaseRequests() {}

    /** What the agent told the customer. */
    record Answer(@NotBlank @Size(max = 2000) String note) {}

    /** The guidance that settled the case (电话指导). */
    record PhoneResolution(@NotBlank @Size(max = 2000) String guidance) {}

    record Action(
            @NotNull ResolutionKind kind,
            @Size(max = 500) String description,
            @DecimalMin("0") BigDecimal amount) {
        ResolutionAction toAction() {
            return new ResolutionAction(kind, description, amount);
        }
    }

    /** Several actions may combine: a replacement and an apology. */
    record ProposedResolution(@NotEmpty @Size(max = 10) List<@NotNull @Valid Action> actions) {}
}
