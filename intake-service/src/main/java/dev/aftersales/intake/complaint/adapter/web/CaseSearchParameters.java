package dev.aftersales.intake.complaint.adapter.web;

import dev.aftersales.chassis.application.InvalidRequestException;
import dev.aftersales.chassis.contact.PhoneNumber;
import dev.aftersales.contracts.intake.ComplaintKind;
import dev.aftersales.intake.complaint.application.SearchCases;
import dev.aftersales.intake.complaint.domain.ComplaintStatus;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The case search's query parameters ({@code GET /api/complaints?phone=&last4=&from=&to=&serial=&customerId=&status=&kind=&agent=}),
 * each bounded. {@code from} is inclusive and {@code to} exclusive, as ISO instants.
 */
record CaseSearchParameters(
        @Size(max = 32) String phone,
        @Pattern(regexp = "\\d{4}", message = "four digits") String last4,
        Instant from,
        Instant to,
        @Size(max = 64) String serial,
        @Size(max = 64) String customerId,
        ComplaintStatus status,
        ComplaintKind kind,
        @Size(max = 128) String agent) {

    SearchCases.Search toSearch() {
        String phoneKey = null;
        if (!blank(phone)) {
            phoneKey = PhoneNumber.key(phone)
                    .orElseThrow(() -> new InvalidRequestException("phone", "not a Chinese phone number"));
        }
        return new SearchCases.Search(
                phoneKey,
                blankToNull(last4),
                blankToNull(serial),
                blankToNull(customerId),
                blankToNull(agent),
                status,
                kind,
                from,
                to);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text.strip();
    }
}
