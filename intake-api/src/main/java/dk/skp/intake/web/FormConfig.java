package dk.skp.intake.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "skp.intake.form")
public interface FormConfig {

    /**
     * Who may show the form in a frame: the Content-Security-Policy frame-ancestors sources, e.g.
     * {@code 'self' https://www.odense.dk} for a municipality that embeds it in its own site.
     */
    @WithDefault("'self'")
    String frameAncestors();
}
