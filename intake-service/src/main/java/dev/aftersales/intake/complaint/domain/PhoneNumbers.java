package dev.aftersales.intake.complaint.domain;

import java.util.regex.Pattern;

/**
 * The phone numbers a hotline accepts: a mainland mobile ({@code 13812345678}), a landline with its
 * area code ({@code 021-12345678} or {@code 02112345678}), or an international number in E.164
 * ({@code +8613812345678}). Numbers are taken as typed: no spaces or other separators, so the
 * technician dials exactly what the customer gave.
 */
public final class PhoneNumbers {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    /** What an agent is told when a number is refused. */
    public static final String RULE =
            "must be a mainland mobile (13812345678), a landline (021-12345678) or an E.164 number (+8613812345678)";

    private PhoneNumbers() {}

    public static boolean isValid(String phone) {
        return phone != null
                && (MAINLAND_MOBILE.matcher(phone).matches()
                        || LANDLINE.matcher(phone).matches()
                        || E164.matcher(phone).matches());
    }
}
