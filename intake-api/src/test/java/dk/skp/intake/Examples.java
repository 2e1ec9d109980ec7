package dk.skp.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shared examples and fixture, from shared-model's test jar: the same files every module tests against. */
public final class Examples {

    public static final String ANONYMOUS_NEIGHBOUR = "/examples/concern-anonymous-neighbour.json";
    public static final String POLICE_PARTNER = "/examples/concern-police-partner.json";
    public static final String MESSAGE_FIXTURE = "/fixtures/concern-submitted-v1.json";

    private Examples() {
    }

    public static String read(String resource) {
        try (InputStream in = Examples.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
