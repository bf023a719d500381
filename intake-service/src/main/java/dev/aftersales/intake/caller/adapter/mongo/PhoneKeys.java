package dev.aftersales.intake.caller.adapter.mongo;

import dev.aftersales.chassis.contact.PhoneNumber;

/** The {@code _id} of a phone's key documents: one number however it was typed ({@link PhoneNumber}). */
final class PhoneKeys {

    private PhoneKeys() {}

    /** E.164 for a Chinese number; any other string keyed by its digits, so it still finds itself; null without digits. */
    static String of(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return PhoneNumber.key(phone).orElseGet(() -> {
            var digits = phone.replaceAll("\\D", "");
            return digits.isEmpty() ? null : "other:" + digits;
        });
    }
}
