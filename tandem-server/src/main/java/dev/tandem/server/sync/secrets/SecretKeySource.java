package dev.tandem.server.sync.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Finds the key that encrypts stored credentials: {@code TANDEM_SECRET_KEY} (base64 of 32 bytes) when given;
 * otherwise, for demos and development, a key generated once into {@code <dataDir>/secret.key}, with a loud
 * warning because whoever can read that file can read the credentials.
 */
public final class SecretKeySource {

    /** Environment variable holding the production key. */
    public static final String ENV = "TANDEM_SECRET_KEY";
    /** File name of the generated development key inside the data directory. */
    public static final String KEY_FILE = "secret.key";

    private static final Logger LOG = LoggerFactory.getLogger(SecretKeySource.class);

    private SecretKeySource() {
    }

    /**
     * The key from {@code configuredBase64} when it is not blank, else from (or newly into) the key file.
     *
     * @throws IllegalArgumentException when the configured key is not base64 of exactly 32 bytes
     */
    public static byte[] resolve(String configuredBase64, Path dataDir) {
        if (configuredBase64 != null && !configuredBase64.isBlank()) {
            return decode(configuredBase64.trim(), ENV);
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }

    /**
     * A cipher over the key {@link #resolve} finds, looked up on first use (so a node that never stores a
     * credential never creates a key file) and then kept.
     */
    public static Supplier<SecretCipher> lazyCipher(String configuredBase64, Path dataDir) {
        return new Supplier<>() {
            private SecretCipher cipher;

            @Override
            public synchronized SecretCipher get() {
                if (cipher == null) {
                    cipher = new SecretCipher(resolve(configuredBase64, dataDir));
                }
                return cipher;
            }
        };
    }

    private static void generate(Path file) throws IOException {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
                    java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.debug("file system has no POSIX permissions; {} keeps its default permissions", file);
        }
        LOG.warn("!!! {} is not set: generated a development key into {}. Anyone who can read that file can"
                + " decrypt the stored Salesforce credentials. In production set {} (base64 of 32 random bytes,"
                + " e.g. `openssl rand -base64 32`) and keep it out of the data directory. !!!",
                ENV, file.toAbsolutePath(), ENV);
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": must be base64 of " + SecretCipher.KEY_BYTES
                    + " random bytes");
        }
        if (key.length != SecretCipher.KEY_BYTES) {
            throw new IllegalArgumentException(source + ": must decode to " + SecretCipher.KEY_BYTES
                    + " bytes, decodes to " + key.length);
        }
        return key;
    }
}
