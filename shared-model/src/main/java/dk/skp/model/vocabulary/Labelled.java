package dk.skp.model.vocabulary;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A vocabulary value with the words a Danish or English reader sees, from Vocabulary*.properties (keyed
 * {@code Enum.CONSTANT}). Danish is the default: the service is Danish first, and any language other than English
 * falls back to it.
 */
public interface Labelled {

    String name();

    default String labelDa() {
        return label(Locale.forLanguageTag("da"));
    }

    default String labelEn() {
        return label(Locale.ENGLISH);
    }

    default String label(Locale locale) {
        Locale language = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("da");
        ResourceBundle bundle = ResourceBundle.getBundle("dk.skp.model.vocabulary.Vocabulary", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString(getClass().getSimpleName() + "." + name());
    }
}
