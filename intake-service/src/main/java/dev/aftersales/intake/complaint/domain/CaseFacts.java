package dev.aftersales.intake.complaint.domain;

import dev.aftersales.contracts.intake.CaseSubject;
import dev.aftersales.contracts.intake.InstallationRequest;
import java.util.List;

/**
 * What the kind of a new case adds to its form: whom or what a complaint is about, the machine's other
 * open cases it is linked to (other matters), and what an installation of a machine not yet archived
 * is about.
 *
 * @param subject null for service requests
 * @param relatedComplaintIds empty when the machine has no other open case
 * @param installation null unless an installation of a machine the archive does not know
 */
public record CaseFacts(CaseSubject subject, List<String> relatedComplaintIds, InstallationRequest installation) {

    public static final CaseFacts NONE = new CaseFacts(null, List.of(), null);

    public CaseFacts {
        relatedComplaintIds = relatedComplaintIds == null ? List.of() : List.copyOf(relatedComplaintIds);
    }

    /** The registration line's tail: what this case is about and what it is linked to. */
    String describe() {
        var text = new StringBuilder();
        if (subject != null) {
            text.append(", about ").append(subject.kind());
            if (subject.id() != null) {
                text.append(' ').append(subject.id());
            }
        }
        if (installation != null) {
            text.append(", installation of a new ")
                    .append(installation.model() == null ? "machine" : installation.model());
        }
        if (!relatedComplaintIds.isEmpty()) {
            text.append(", linked to ").append(String.join(", ", relatedComplaintIds));
        }
        return text.toString();
    }
}
