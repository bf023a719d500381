package dev.aftersales.intake.complaint.application;

import dev.aftersales.contracts.intake.CaseSubject;
import dev.aftersales.contracts.intake.InstallationRequest;
import dev.aftersales.intake.complaint.domain.ComplaintForm;

/**
 * @param takenBy the user id of the agent on the call
 * @param phoneGuidance the guidance that settled the case on this call (电话指导), else null
 * @param subject whom or what a complaint is about; null for service requests (and then taken from the form)
 * @param matter the agent's word on whether the call is about an open case's matter; null: intake decides
 *     (same machine and kind, case open → that case)
 * @param relatedComplaintId the open case the agent means with {@code matter}, or null
 * @param installation what an installation of a machine not in the archive is about; null otherwise.
 *     {@code serialKnown} false: the form carries no serial yet, the case gets {@code NEW-<complaintId>}
 */
public record TakeCallCommand(
        ComplaintForm form,
        String takenBy,
        String phoneGuidance,
        CaseSubject subject,
        Matter matter,
        String relatedComplaintId,
        InstallationRequest installation) {

    /** Whether a call is about the matter of a case already open on the machine. */
    public enum Matter {
        /** A repeat call on that case. */
        SAME,
        /** Another matter: a new case, linked both ways to the machine's open cases. */
        NEW
    }

    public TakeCallCommand(ComplaintForm form, String takenBy, String phoneGuidance) {
        this(form, takenBy, phoneGuidance, null, null, null, null);
    }

    /** The serial a case gets while the installer has not yet read the machine's nameplate. */
    public static String placeholderSerial(String complaintId) {
        return "NEW-" + complaintId;
    }
}
