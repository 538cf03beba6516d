package ai.altllm.gateway.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VideoSectionTest {

    private static final String LONG = "0123456789abcdef0123456789abcdef";

    private static GatewayConfig parse(String video, Map<String, String> env) {
        String json = "{\"providers\": {}, \"models\": []" + (video == null ? "" : ", \"video\": " + video) + "}";
        return new ConfigParser(env::get).parse("test.json", json);
    }

    private static String error(String video) {
        return assertThrows(ConfigException.class, () -> parse(video, Map.of())).getMessage();
    }

    @Test
    void twoKeysFromTheEnvironmentWithTheActiveOneNamed() {
        VideoConfig video = parse("{\"signing_keys\": {\"2026-10\": \"${env:OLD}\", \"2026-11\": \"${env:NEW}\"}, "
                + "\"active_key\": \"2026-11\", \"token_ttl_seconds\": 3600, \"poll_cache_ms\": 500}",
                Map.of("OLD", LONG + "-old", "NEW", LONG + "-new")).video();
        assertEquals("2026-11", video.activeKey());
        assertArrayEquals((LONG + "-old").getBytes(StandardCharsets.UTF_8), video.signingKeys().get("2026-10"));
        assertEquals(3600, video.tokenTtlSeconds());
        assertEquals(500, video.pollCacheMs());
        assertFalse(video.ephemeral());
    }

    @Test
    void aSingleKeyIsActiveByItselfAndNoSectionMeansARandomKey() {
        assertEquals("k1", parse("{\"signing_keys\": {\"k1\": \"" + LONG + "\"}}", Map.of()).video().activeKey());
        VideoConfig none = parse(null, Map.of()).video();
        assertTrue(none.ephemeral());
        assertEquals(32, none.signingKeys().get(none.activeKey()).length);
        assertEquals(VideoConfig.DEFAULT_POLL_CACHE_MS, none.pollCacheMs());
    }

    @Test
    void badSectionsNameTheField() {
        assertTrue(error("{\"signing_keys\": {\"k1\": \"short\"}}")
                .contains("video.signing_keys.k1: must be at least 32"));
        assertTrue(error("{\"signing_keys\": {\"k1\": \"${env:UNSET_KEY}\"}}").contains("UNSET_KEY is not set"));
        assertTrue(error("{\"signing_keys\": {}}").contains("video.signing_keys: must hold one or two keys"));
        assertTrue(error("{\"signing_keys\": {\"a\": \"" + LONG + "\", \"b\": \"" + LONG + "\", \"c\": \"" + LONG
                + "\"}, \"active_key\": \"a\"}").contains("one or two"));
        assertTrue(error("{\"signing_keys\": {\"a\": \"" + LONG + "\", \"b\": \"" + LONG + "\"}}")
                .contains("video.active_key: is required"));
        assertTrue(error("{\"signing_keys\": {\"a\": \"" + LONG + "\"}, \"active_key\": \"z\"}")
                .contains("'z' is not a key"));
        assertTrue(error("{\"signing_keys\": {\"a.b\": \"" + LONG + "\"}}").contains("key ids use"));
        assertTrue(error("{\"signing_keys\": {\"a\": \"" + LONG + "\"}, \"token_ttl_seconds\": 5}")
                .contains("at least 60"));
        assertTrue(error("{\"signing_keys\": {\"a\": \"" + LONG + "\"}, \"algorithm\": \"none\"}")
                .contains("video.algorithm: unknown field"), "the algorithm is fixed, never configurable");
    }
}
