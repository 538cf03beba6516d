package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyFormatTest {

    @Test
    void generatedKeysHaveThePrefixTheLengthAndAValidChecksum() {
        String key = KeyFormat.generate();
        assertTrue(key.matches("altllm-[0-9A-Za-z]{46}"), key);
        assertEquals(KeyFormat.LENGTH, key.length());
        assertTrue(KeyFormat.isWellFormed(key));
        assertEquals(key.substring(0, 11), KeyFormat.visiblePrefix(key));
    }

    @Test
    void keysAreUnique() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(keys.add(KeyFormat.generate()));
        }
    }

    @Test
    void checksumCatchesAnyChangedCharacter() {
        String key = KeyFormat.generate();
        for (int i = KeyFormat.PREFIX.length(); i < key.length(); i++) {
            char replacement = key.charAt(i) == 'a' ? 'b' : 'a';
            String typo = key.substring(0, i) + replacement + key.substring(i + 1);
            assertFalse(KeyFormat.isWellFormed(typo), typo);
        }
    }

    @Test
    void malformedTextIsRejected() {
        String key = KeyFormat.generate();
        for (String bad : new String[] {null, "", "altllm-", key + "x", key.substring(1), "sk-" + key.substring(3),
            key.substring(0, 20) + "!" + key.substring(21), "' OR '1'='1"}) {
            assertFalse(KeyFormat.isWellFormed(bad), String.valueOf(bad));
        }
    }

    @Test
    void hashIsSha256AndStable() {
        String key = KeyFormat.generate();
        assertEquals(32, KeyFormat.hash(key).length);
        assertArrayEquals(KeyFormat.hash(key), KeyFormat.hash(key));
        assertNotEquals(KeyFormat.hashHex(key), KeyFormat.hashHex(KeyFormat.generate()));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", KeyFormat.hashHex("abc"));
    }
}
