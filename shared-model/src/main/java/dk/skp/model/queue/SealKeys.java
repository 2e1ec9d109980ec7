package dk.skp.model.queue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.Set;

/**
 * The keysets queue payloads are sealed with (see {@link SealedPayload}): staff holds the private keyset
 * (SKP_SEAL_PRIVATE_KEYSET), intake only its public half (SKP_SEAL_PUBLIC_KEYSET). A setting's value is a keyset in
 * Tink's JSON format, the path of a file holding one, or {@link #DEVELOPMENT} for the keyset committed to this
 * repository, which the profiles local, dev and test use and a production start refuses.
 * <p>
 * Also the command behind bin/seal-keys: {@code new} makes a private keyset, {@code rotate FILE} adds a new primary key
 * to one and keeps the old keys, {@code retire FILE ID} removes an earlier key; each prints the private keyset and its
 * public keyset.
 */
public final class SealKeys {

    /** The setting's value that selects the committed development keyset. Known to everyone: never in production. */
    public static final String DEVELOPMENT = "development-keyset-from-the-repository-never-use-in-production";
    /** HPKE X25519 / HKDF-SHA256 / AES-256-GCM, with Tink's key-id prefix (so several keys can be told apart). */
    public static final String KEY_TEMPLATE = "DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM";
    private static final String DEVELOPMENT_PRIVATE = "development-only-seal-private-keyset.json";

    static {
        try {
            HybridConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SealKeys() {
    }

    /**
     * Staff's private keyset from a setting's value.
     *
     * @throws IllegalArgumentException naming {@code env} and what is wrong, never the key material
     */
    public static KeysetHandle privateKeyset(String env, String value) {
        String json = json(env, value);
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(env + " is not a Tink private keyset in JSON (make one with "
                    + "bin/seal-keys new): " + e.getClass().getSimpleName());
        }
    }

    /**
     * Intake's public keyset from a setting's value. A private keyset is refused: intake must not be able to open.
     *
     * @throws IllegalArgumentException naming {@code env} and what is wrong, never the key material
     */
    public static KeysetHandle publicKeyset(String env, String value) {
        String json = json(env, value);
        try {
            return TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(json);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(env + " is not a Tink public keyset in JSON (it must be the public "
                    + "keyset that bin/seal-keys prints, never the private one): " + e.getClass().getSimpleName());
        }
    }

    public static Sealer sealer(String env, String value) {
        return new Sealer(publicKeyset(env, value));
    }

    public static Opener opener(String env, String value) {
        return new Opener(privateKeyset(env, value));
    }

    /**
     * Whether a setting's value is, or holds a key of, the committed development keyset: for the production check, so
     * that pasting the committed JSON in is refused as well as the word {@link #DEVELOPMENT}.
     */
    public static boolean isDevelopment(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (DEVELOPMENT.equals(value.strip())) {
            return true;
        }
        try {
            String json = json("keyset", value);
            Set<Integer> ids = new HashSet<>();
            KeysetHandle development = developmentPrivate();
            for (int i = 0; i < development.size(); i++) {
                ids.add(development.getAt(i).getId());
            }
            // Ids are in both halves of a keyset; without secret parsing, a private keyset fails and is checked next.
            KeysetHandle given;
            try {
                given = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(json);
            } catch (GeneralSecurityException hasSecrets) {
                given = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            }
            for (int i = 0; i < given.size(); i++) {
                if (ids.contains(given.getAt(i).getId())) {
                    return true;
                }
            }
            return false;
        } catch (Exception unreadable) {
            return false; // the service's own start says what is wrong with it
        }
    }

    /** A new private keyset with one key. */
    public static KeysetHandle generate() throws GeneralSecurityException {
        return KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.generateEntryFromParametersName(KEY_TEMPLATE).withRandomId().makePrimary())
                .build();
    }

    /** The keyset with a new key as its primary, the earlier keys kept (enabled) so that what they sealed still opens. */
    public static KeysetHandle rotate(KeysetHandle privateKeyset) throws GeneralSecurityException {
        return KeysetHandle.newBuilder(privateKeyset)
                .addEntry(KeysetHandle.generateEntryFromParametersName(KEY_TEMPLATE).withRandomId().makePrimary())
                .build();
    }

    /**
     * The keyset without one of its earlier keys, once nothing sealed to it is left on the queue.
     *
     * @throws IllegalArgumentException when the keyset has no such key, or it is the primary
     */
    public static KeysetHandle retire(KeysetHandle privateKeyset, int keyId) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(privateKeyset);
        for (int i = 0; i < builder.size(); i++) {
            if (privateKeyset.getAt(i).getId() == keyId) {
                if (privateKeyset.getAt(i).isPrimary()) {
                    throw new IllegalArgumentException("key " + Integer.toUnsignedString(keyId)
                            + " is the primary: rotate first, and retire it once nothing sealed to it is left");
                }
                builder.deleteAt(i);
                return builder.build();
            }
        }
        throw new IllegalArgumentException("the keyset has no key " + Integer.toUnsignedString(keyId));
    }

    public static String privateJson(KeysetHandle privateKeyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(privateKeyset, InsecureSecretKeyAccess.get());
    }

    public static String publicJson(KeysetHandle privateKeyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(privateKeyset.getPublicKeysetHandle());
    }

    private static KeysetHandle developmentPrivate() throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(developmentJson(), InsecureSecretKeyAccess.get());
    }

    private static String developmentJson() {
        try (InputStream in = SealKeys.class.getResourceAsStream(DEVELOPMENT_PRIVATE)) {
            if (in == null) {
                throw new IllegalStateException(DEVELOPMENT_PRIVATE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(String env, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException(env + " is not set (a keyset in JSON, or the path of a file holding "
                    + "one; see README, \"Running it in production\")");
        }
        if (v.equals(DEVELOPMENT)) {
            String privateJson = developmentJson();
            if (env.contains("PUBLIC")) {
                try {
                    return publicJson(TinkJsonProtoKeysetFormat.parseKeyset(privateJson, InsecureSecretKeyAccess.get()));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the committed development keyset does not parse", e);
                }
            }
            return privateJson;
        }
        if (v.startsWith("{")) {
            return v;
        }
        Path file = Path.of(v);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(env + " is neither a keyset in JSON nor a readable file: " + file);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(env + ": " + file + " could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** bin/seal-keys: {@code new}, or {@code rotate FILE}. */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        KeysetHandle keyset;
        if (args.length == 1 && args[0].equals("new")) {
            keyset = generate();
        } else if ((args.length == 2 && args[0].equals("rotate")) || (args.length == 3 && args[0].equals("retire"))) {
            try {
                KeysetHandle given = privateKeyset("the private keyset file", args[1]);
                keyset = args[0].equals("rotate") ? rotate(given) : retire(given, Integer.parseUnsignedInt(args[2]));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(1);
                return;
            }
        } else {
            System.err.println("""
                    usage: bin/seal-keys new             a new private keyset (staff) and its public keyset (intake)
                           bin/seal-keys rotate FILE     FILE's private keyset with a new primary key, the old keys kept
                           bin/seal-keys retire FILE ID  FILE's private keyset without the earlier key ID""");
            System.exit(2);
            return;
        }
        out.println("# Private keyset for staff-api (SKP_SEAL_PRIVATE_KEYSET). Secret: store it like a password.");
        out.println("# Key ids (payloads are sealed to the primary): " + describe(keyset));
        out.println(privateJson(keyset).strip());
        out.println("# Public keyset for intake-api (SKP_SEAL_PUBLIC_KEYSET). Give it to intake after staff has the"
                + " private one.");
        out.println(publicJson(keyset).strip());
    }

    private static String describe(KeysetHandle keyset) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < keyset.size(); i++) {
            var entry = keyset.getAt(i);
            ids.append(i == 0 ? "" : ", ").append(Integer.toUnsignedString(entry.getId()))
                    .append(entry.isPrimary() ? " (primary)" : "");
        }
        return ids.toString();
    }
}
