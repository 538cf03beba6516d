package ai.altllm.gateway.keys;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Public identifiers such as {@code key_…} and {@code acct_…}: random, so they reveal neither order nor count. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String create(String prefix) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
