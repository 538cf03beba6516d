package ai.altllm.gateway.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The API key format: {@code altllm-}, 40 random base62 characters (about 238 bits) and a 6-character CRC32
 * checksum, so secret scanners and typos are recognised without a database lookup.
 */
public final class KeyFormat {

    public static final String PREFIX = "altllm-";
    static final int RANDOM_LENGTH = 40;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
    /** How much of a key may be shown again later: the fixed prefix and four random characters. */
    static final int VISIBLE_LENGTH = PREFIX.length() + 4;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFormat() {
    }

    public static String generate() {
        StringBuilder key = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.append(checksum(key)).toString();
    }

    /** Whether the text has the shape of a key and its checksum matches; says nothing about whether it exists. */
    public static boolean isWellFormed(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        int body = LENGTH - CHECKSUM_LENGTH;
        return checksum(text.subSequence(0, body)).equals(text.substring(body));
    }

    public static String visiblePrefix(String key) {
        return key.substring(0, VISIBLE_LENGTH);
    }

    /**
     * SHA-256 of the key. Keys carry ~238 random bits, so a fast hash is enough: no dictionary can guess them, and
     * a slow hash would put seconds of CPU on every cache miss.
     */
    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hashHex(String key) {
        return HexFormat.of().formatHex(hash(key));
    }

    static String checksum(CharSequence body) {
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
            value /= ALPHABET.length();
        }
        return new String(out);
    }
}
