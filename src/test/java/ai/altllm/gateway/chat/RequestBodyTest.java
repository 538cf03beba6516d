package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.altllm.gateway.errors.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

    private static int status(byte[] bytes, long max) {
        return assertThrows(ApiException.class, () -> RequestBody.read(new ByteArrayInputStream(bytes), -1, max))
                .status();
    }

    @Test
    void readsAnObject() {
        assertEquals(1, RequestBody.read(new ByteArrayInputStream("{\"a\":1}".getBytes(StandardCharsets.UTF_8)), 7,
                100).getInt("a"));
    }

    @Test
    void refusesOversizedBodiesWith413WhetherDeclaredOrNot() {
        assertEquals(413, status(new byte[200], 100));
        assertEquals(413, assertThrows(ApiException.class, () -> RequestBody.read(new ByteArrayInputStream(new byte[0]),
                101, 100)).status());
    }

    @Test
    void refusesInvalidJsonUtf8AndDeepNestingWith400() {
        assertEquals(400, status("{\"a\":".getBytes(StandardCharsets.UTF_8), 100));
        assertEquals(400, status("[]".getBytes(StandardCharsets.UTF_8), 100));
        assertEquals(400, status(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, 100));
        String deep = "{\"a\":" + "[".repeat(70) + "]".repeat(70) + "}";
        assertEquals(400, status(deep.getBytes(StandardCharsets.UTF_8), 1000));
        assertEquals(2, RequestBody.depth("{\"a\":[\"[[[[{{{\\\"\"]}"));
    }
}
