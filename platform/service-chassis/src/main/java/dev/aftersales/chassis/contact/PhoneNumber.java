package dev.aftersales.chassis.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Chinese phone number as the hotline's lookup and the customer master key it, however it was typed: spaces, dashes,
 * dots and brackets go, a leading {@code +86} or {@code 0086} goes, and what is left is written in
 * E.164 ({@code +86} and the national number). A mobile number is 11 digits starting with 1; a
 * landline keeps its area code without the trunk 0, so {@code 021-6888 1234}, {@code (021)68881234}
 * and {@code +86 21 6888 1234} are one number.
 */
public final class PhoneNumber {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()\\u3000（）]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Area codes after the trunk 0: 10 (Beijing), 2x, or three digits from 3; local numbers 7–8 digits. */
    private static final Pattern LANDLINE = Pattern.compile("(10|2\\d|[3-9]\\d{2})\\d{7,8}");

    private PhoneNumber() {}

    /** The E.164 key of {@code typed}, or empty when it is not a Chinese phone number. */
    public static Optional<String> key(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        var digits = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1); // the trunk prefix of a landline's area code
        } else if (digits.startsWith("86")
                && digits.length() == 13
                && MOBILE.matcher(digits.substring(2)).matches()) {
            digits = digits.substring(2);
        }
        if (digits.startsWith("0")) {
            digits = digits.substring(1); // +86 021…: a trunk 0 typed after the country code
        }
        if (MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches()) {
            return Optional.of("+86" + digits);
        }
        return Optional.empty();
    }
}
