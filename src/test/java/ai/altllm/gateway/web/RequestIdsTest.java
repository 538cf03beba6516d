package ai.altllm.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void wellFormedIncomingIdIsKept() {
        assertEquals("trace-1234abcd", RequestIds.accept("trace-1234abcd"));
    }

    @Test
    void unsafeOrOddIdsAreReplaced() {
        for (String bad : new String[] {null, "", "short", "has space in it", "new\r\nline-header", "x".repeat(129)}) {
            String id = RequestIds.accept(bad);
            assertNotEquals(bad, id);
            assertTrue(id.matches("req_[0-9a-f]{24}"), id);
        }
    }
}
