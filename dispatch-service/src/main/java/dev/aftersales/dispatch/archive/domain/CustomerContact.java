package dev.aftersales.dispatch.archive.domain;

/**
 * The machine's customer as an installation report or a correction gives it. Only the id is kept in
 * the archive; name and phone are personal data dispatch does not need, so they are published to
 * intake and followup (who phone the customer) and not stored here.
 */
public record CustomerContact(String customerId, String name, String phone) {

    /** Whether the contact details themselves (not just the id) were given. */
    boolean hasContact() {
        return name != null || phone != null;
    }
}
