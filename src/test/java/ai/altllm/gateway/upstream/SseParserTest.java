package ai.altllm.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private final List<String> events = new ArrayList<>();
    private final SseParser parser = new SseParser(1024, events::add);

    private void feed(String text) {
        parser.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void framesSplitAcrossReadsAreJoined() {
        feed("data: {\"a\"");
        feed(":1}\n");
        assertEquals(List.of(), events);
        feed("\ndata: [DO");
        feed("NE]\n\n");
        assertEquals(List.of("{\"a\":1}", "[DONE]"), events);
    }

    @Test
    void crlfAndCrLineEndsWork() {
        feed("data: one\r\n\r\ndata: two\r\rdata: three\r");
        feed("\n\r\n");
        assertEquals(List.of("one", "two", "three"), events);
    }

    @Test
    void crlfSplitBetweenReadsIsOneLineEnd() {
        feed("data: x\r");
        feed("\n");
        feed("\r");
        feed("\n");
        assertEquals(List.of("x"), events);
    }

    @Test
    void commentsAndOtherFieldsAreIgnored() {
        feed(": keep-alive\n\n:OPENROUTER PROCESSING\n\nevent: message\nid: 7\nretry: 10\ndata: x\n\n");
        assertEquals(List.of("x"), events);
    }

    @Test
    void multiLineDataIsJoinedWithNewlines() {
        feed("data: first\ndata:second\ndata\n\n");
        assertEquals(List.of("first\nsecond\n"), events);
    }

    @Test
    void utf8SplitInsideACharacterIsDecodedWhole() {
        byte[] bytes = "data: é€\n\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            parser.feed(ByteBuffer.wrap(new byte[] {b}));
        }
        assertEquals(List.of("é€"), events);
    }

    @Test
    void incompleteEventAtTheEndIsNotDelivered() {
        feed("data: partial");
        assertEquals(List.of(), events);
    }

    @Test
    void oversizedEventIsRefused() {
        assertThrows(IllegalStateException.class, () -> feed("data: " + "x".repeat(5000)));
    }

    @Test
    void crOnlyEventsAreEachDelivered() {
        feed("data: a\r\rdata: b\r\r: note\r\rdata: c\r\r");
        assertEquals(List.of("a", "b", "c"), events);
    }

    @Test
    void mixedLineEndsInOneStream() {
        feed("data: a\r\ndata: b\n\rdata: c\r\r\ndata: d\n\r\n");
        assertEquals(List.of("a\nb", "c", "d"), events);
    }

    @Test
    void crAtTheEndOfOneReadAndLfAtTheStartOfTheNextAreOneLineEnd() {
        feed("data: a\r");
        feed("\ndata: b\r");
        feed("\n\r");
        feed("\n");
        assertEquals(List.of("a\nb"), events);
    }
}
