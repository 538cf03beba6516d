package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void hashesVerifyAndAreSaltedInJakartaSecurityFormat() {
        String stored = passwords.hash("correct horse battery");
        assertTrue(stored.matches("PBKDF2WithHmacSHA256:210000:[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}"), stored);
        assertTrue(passwords.verify("correct horse battery", stored));
        assertFalse(passwords.verify("correct horse batterY", stored));
        assertNotEquals(stored, passwords.hash("correct horse battery"), "a fresh salt per hash");
    }

    /** A hash computed outside Java (Python's hashlib) in the format Pbkdf2PasswordHash stored before. */
    @Test
    void verifiesHashesStoredByJakartaSecurity() {
        String stored = "PBKDF2WithHmacSHA256:210000:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=:"
                + "BLTozVB2v1tw3TgL+4ojHp5mZ0VfnJChF377xNxK9yM=";
        assertTrue(passwords.verify("correct horse battery", stored));
        assertFalse(passwords.verify("correct horse", stored));
    }

    @Test
    void noOrBrokenStoredHashNeverMatches() {
        assertFalse(passwords.verify("decoy password never matched", null));
        assertFalse(passwords.verify("x", "not-a-hash"));
        assertFalse(passwords.verify("x", "PBKDF2WithHmacSHA256:210000:%%%:%%%"));
    }
}
