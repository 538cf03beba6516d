package ai.altllm.gateway.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusTokensTest {

    private static final byte[] K1 = "k1-secret-k1-secret-k1-secret-k1-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] K2 = "k2-secret-k2-secret-k2-secret-k2-secret".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String PURPOSE = "video.task";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final StatusTokens tokens = new StatusTokens(Map.of("k1", K1, "k2", K2), "k1", clock);
    private final TaskClaim claim = new TaskClaim("task_1", "key_A", "acct_A", PURPOSE, NOW.plus(Duration.ofDays(7)));

    private Optional<TaskClaim> asKeyA(String token) {
        return tokens.verify(token, PURPOSE, "key_A", "acct_A");
    }

    @Test
    void genuineTokenVerifiesForItsCreator() {
        String token = tokens.mint(claim);
        assertTrue(token.startsWith("v1.k1."));
        assertEquals(Optional.of(claim), asKeyA(token));
    }

    @Test
    void anotherKeyOfTheSameAccountMayPoll() {
        assertEquals(Optional.of(claim), tokens.verify(tokens.mint(claim), PURPOSE, "key_B", "acct_A"));
    }

    @Test
    void anotherAccountsKeyGetsNothing() {
        assertEquals(Optional.empty(), tokens.verify(tokens.mint(claim), PURPOSE, "key_X", "acct_X"));
    }

    @Test
    void tamperedPayloadOrMacIsRejected() {
        String token = tokens.mint(claim);
        String[] parts = token.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"t\":\"task_2\",\"k\":\"key_A\",\"a\":\"acct_A\",\"p\":\"video.task\",\"exp\":9999999999}"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), asKeyA(parts[0] + "." + parts[1] + "." + forgedPayload + "." + parts[3]));
        char last = parts[3].charAt(10);
        String flipped = parts[3].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[3].substring(11);
        assertEquals(Optional.empty(), asKeyA(parts[0] + "." + parts[1] + "." + parts[2] + "." + flipped));
    }

    @Test
    void expiredWrongPurposeUnknownKeyAndGarbageAllLookTheSame() {
        String expired = tokens.mint(new TaskClaim("t", "key_A", "acct_A", PURPOSE, NOW.minusSeconds(1)));
        assertEquals(Optional.empty(), asKeyA(expired));
        assertEquals(Optional.empty(), tokens.verify(tokens.mint(claim), "video.download", "key_A", "acct_A"));
        String[] parts = tokens.mint(claim).split("\\.");
        assertEquals(Optional.empty(), asKeyA("v1.k9." + parts[2] + "." + parts[3]));
        assertEquals(Optional.empty(), asKeyA("v2." + parts[1] + "." + parts[2] + "." + parts[3]));
        for (String junk : new String[] {null, "", "v1", "v1.k1..", "' OR 1=1 --", "v1.k1.e30." + "A".repeat(43),
            "x".repeat(10_000)}) {
            assertEquals(Optional.empty(), asKeyA(junk));
        }
    }

    @Test
    void rotationKeepsOldTokensValidWhileNewOnesUseTheNewKey() {
        String old = tokens.mint(claim);
        StatusTokens rotated = new StatusTokens(Map.of("k1", K1, "k2", K2), "k2", clock);
        assertTrue(rotated.mint(claim).startsWith("v1.k2."));
        assertEquals(Optional.of(claim), rotated.verify(old, PURPOSE, "key_A", "acct_A"));
        StatusTokens retired = new StatusTokens(Map.of("k2", K2), "k2", clock);
        assertEquals(Optional.empty(), retired.verify(old, PURPOSE, "key_A", "acct_A"));
    }

    @Test
    void weakOrMissingSigningKeysAreRefusedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> new StatusTokens(Map.of("k1", K1), "k2", clock));
        assertThrows(IllegalArgumentException.class,
                () -> new StatusTokens(Map.of("k1", "short".getBytes(StandardCharsets.UTF_8)), "k1", clock));
    }
}
