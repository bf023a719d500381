package dev.aftersales.chassis.logging;

import java.util.regex.Pattern;

/**
 * Masks phone numbers in free text. Names and addresses cannot be recognised reliably, so the
 * rule is that code never logs them; this is the safety net for numbers that slip into messages.
 */
public final class PersonalData {

    /** Mainland mobile (11 digits from 13x-19x), landline with area code, or E.164. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\d])(\\+?86[- ]?)?(1[3-9]\\d)\\d{4}(\\d{4})(?![\\d])"
            + "|(?<![\\d])(0\\d{2,3})[- ]?\\d{4}(\\d{3,4})(?![\\d])"
            + "|\\+(\\d{1,3})[\\d -]{6,}(\\d{2})(?![\\d])");

    private PersonalData() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        var m = PHONE.matcher(text);
        if (!m.find()) {
            return text;
        }
        var sb = new StringBuilder();
        m.reset();
        while (m.find()) {
            String replacement;
            if (m.group(2) != null) {
                replacement = (m.group(1) != null ? m.group(1) : "") + m.group(2) + "****" + m.group(3);
            } else if (m.group(4) != null) {
                replacement =
                        m.group(4) + "-****" + m.group(5).substring(m.group(5).length() - 2);
            } else {
                replacement = "+" + m.group(6) + "****" + m.group(7);
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
