package dev.aftersales.intake.complaint.domain;

import java.util.List;
import java.util.Objects;

/**
 * The caller: a person or a company, how to reach them and where the machine stands. Personal data:
 * it travels only to the services that need it and is never logged.
 *
 * @param phones at least one, each valid by {@link PhoneNumbers}; the first is the one the technician calls
 * @param regionCode the administrative division of the address (e.g. {@code 310115}), used to find a service point
 */
public record Customer(String name, List<String> phones, String address, String regionCode) {

    /**
     * What an erased name, phone or address reads after the customer asked for erasure (PIPL); the
     * chassis' {@code PersonalDataEraser} writes it into stored cases, which must still load.
     */
    public static final String ERASED = "[erased]";

    public Customer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a customer has a name");
        }
        Objects.requireNonNull(phones, "phones");
        if (phones.isEmpty()) {
            throw new IllegalArgumentException("a customer has at least one phone number");
        }
        for (int i = 0; i < phones.size(); i++) {
            if (!PhoneNumbers.isValid(phones.get(i)) && !ERASED.equals(phones.get(i))) {
                throw new IllegalArgumentException("phones[" + i + "] " + PhoneNumbers.RULE);
            }
        }
        phones = List.copyOf(phones);
    }

    /** The number the technician phones first to agree an appointment. */
    public String contactPhone() {
        return phones.get(0);
    }
}
