package dk.skp.model.vocabulary;

import java.util.Locale;

/**
 * A vocabulary value with the words a Danish or English reader sees. Danish is the default: the service is
 * Danish first, and any language other than English falls back to it.
 */
public interface Labelled {

    String labelDa();

    String labelEn();

    default String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn() : labelDa();
    }
}
