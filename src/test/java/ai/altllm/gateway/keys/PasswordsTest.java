package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    /** One instance: each computes a decoy hash, and PBKDF2 is slow on purpose. */
    private static final Passwords PASSWORDS = new Passwords();

    @Test
    void hashesVerifyAndAreSaltedInJakartaSecurityFormat() {
        String stored = PASSWORDS.hash("correct horse battery");
        assertTrue(stored.matches("PBKDF2WithHmacSHA256:210000:[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}"), stored);
        assertTrue(PASSWORDS.verify("correct horse battery", stored));
        assertFalse(PASSWORDS.verify("correct horse batterY", stored));
        assertNotEquals(stored, PASSWORDS.hash("correct horse battery"), "a fresh salt per hash");
    }

    /** A hash computed outside Java (Python's hashlib) in the format Pbkdf2PasswordHash stored before. */
    @Test
    void verifiesHashesStoredByJakartaSecurity() {
        String stored = "PBKDF2WithHmacSHA256:210000:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=:"
                + "BLTozVB2v1tw3TgL+4ojHp5mZ0VfnJChF377xNxK9yM=";
        assertTrue(PASSWORDS.verify("correct horse battery", stored));
        assertFalse(PASSWORDS.verify("correct horse", stored));
    }

    @Test
    void noOrBrokenStoredHashNeverMatches() {
        assertFalse(PASSWORDS.verify("decoy password never matched", null));
        assertFalse(PASSWORDS.verify("x", "not-a-hash"));
        assertFalse(PASSWORDS.verify("x", "PBKDF2WithHmacSHA256:210000:%%%:%%%"));
    }
}
