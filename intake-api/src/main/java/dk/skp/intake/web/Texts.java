package dk.skp.intake.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The form's own words (Form*.properties), Danish or English. In templates: {t.someKey}. */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Texts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Texts of(Locale locale) {
        return new Texts(ResourceBundle.getBundle("dk.skp.intake.web.Form", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    public Locale locale() {
        return locale;
    }

    /** A text that must exist: a missing one is a bug, and the tests render every page. */
    public String get(String key) {
        return bundle.getString(key);
    }

    /** A text that may be absent, such as the hint of a field that needs none. */
    public String optional(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    @TemplateExtension(matchName = TemplateExtension.ANY)
    static String text(Texts texts, String key) {
        return texts.get(key);
    }
}
