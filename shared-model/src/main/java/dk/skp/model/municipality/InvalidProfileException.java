package dk.skp.model.municipality;

import java.util.List;

/** A profile that cannot be used; the message names the file and every bad setting, for whoever edits it by hand. */
public class InvalidProfileException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidProfileException(String source, List<String> problems) {
        super("The municipality profile " + source + " is not valid (skp.municipality.profile):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
