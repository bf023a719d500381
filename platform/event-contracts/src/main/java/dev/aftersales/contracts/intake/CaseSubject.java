package dev.aftersales.contracts.intake;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Whom or what a complaint is about. A technician who is the subject of a case is never offered a
 * visit for it and never sees it.
 *
 * @param id the technician's, dealer's or batch's id; null for a fee or the product
 */
public record CaseSubject(
        @NotNull SubjectKind kind,
        @Size(max = FieldLimits.ID) String id,
        @Size(max = FieldLimits.TEXT) String description) {}
