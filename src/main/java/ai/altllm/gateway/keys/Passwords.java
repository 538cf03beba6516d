package ai.altllm.gateway.keys;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Account passwords for portal sign-in, hashed with PBKDF2 (HMAC-SHA-256, 210,000 rounds, 32-byte salt and key).
 * Stored as {@code PBKDF2WithHmacSHA256:210000:<salt>:<hash>} (Base64), the format of Jakarta Security's
 * {@code Pbkdf2PasswordHash}; computed with the JDK rather than that bean, which WildFly and Open Liberty only
 * provide to applications that enable Jakarta Security.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 210_000;
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when an account has no password, so an unknown name costs as long as a wrong password. */
    private final String decoy = hash("decoy password never matched");

    public String hash(String password) {
        byte[] salt = new byte[BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(derive(ALGORITHM, password, salt, ITERATIONS, BYTES));
    }

    /** True when the password matches; {@code stored} may be null (then a decoy is checked, and false returned). */
    public boolean verify(String password, String stored) {
        boolean match = matches(password, stored == null ? decoy : stored);
        return stored != null && match;
    }

    private static boolean matches(String password, String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !parts[0].startsWith("PBKDF2With")) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = derive(parts[0], password, salt, Integer.parseInt(parts[1]), expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String algorithm, String password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
