package dev.aftersales.contracts.dispatch;

import dev.aftersales.contracts.FieldLimits;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

/** Where a machine stands, as an installer or a relocation reports it. */
public record SiteFacts(
        @Size(max = FieldLimits.ADDRESS) String address,
        @Size(max = FieldLimits.CODE) String regionCode,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {}
