package dev.aftersales.chassis.web;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Problem titles and the chassis' own field messages in the caller's language: Simplified Chinese
 * when {@code Accept-Language} prefers Chinese, English otherwise (agents work in Chinese, vendors'
 * software often in English). Bean-validation messages come translated by Hibernate Validator through
 * the same locale ({@link ProblemLanguageConfiguration}); a service's own messages stay as written.
 */
public final class ProblemTexts {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    private static final String BUNDLE = "dev.aftersales.chassis.web.problems";

    private ProblemTexts() {}

    /** The language of the current request's problems: zh-CN or en. */
    static Locale locale() {
        var requested = LocaleContextHolder.getLocale();
        return requested != null && requested.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The title of problems of type {@code urn:aftersales:problem:<slug>}; {@code english} when none is known. */
    public static String title(String slug, String english) {
        // a service's own problem types (a specific conflict) fall back to their status' title
        return text("title." + slug, text("title." + english, english));
    }

    /** A field message of the chassis (its English text is the key), else the message as it is. */
    public static String field(String message) {
        if (message == null) {
            return null;
        }
        var oneOf = "must be one of ";
        if (message.startsWith(oneOf)) {
            return text("field.must be one of", "must be one of") + " " + message.substring(oneOf.length());
        }
        return text("field." + message, message);
    }

    private static String text(String key, String fallback) {
        var locale = locale();
        if (locale.equals(Locale.ENGLISH)) {
            return fallback;
        }
        try {
            return ResourceBundle.getBundle(
                            BUNDLE,
                            locale,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
