package ai.altllm.gateway.upstream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a server-sent-event byte stream into event data, whatever the read boundaries: LF, CRLF or CR line ends,
 * comment lines ({@code :keep-alive}), multi-line data joined with {@code \n}, fields other than {@code data} ignored.
 * Works on bytes so that a UTF-8 character split across two reads is decoded whole.
 */
public final class SseParser {

    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

    private final Consumer<String> onEvent;
    private final int maxEventBytes;
    private byte[] line = new byte[512];
    private int length;
    private boolean afterCr;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    public SseParser(int maxEventBytes, Consumer<String> onEvent) {
        this.maxEventBytes = maxEventBytes;
        this.onEvent = onEvent;
    }

    /** Consumes all remaining bytes; throws {@link IllegalStateException} when one event exceeds the limit. */
    public void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine();
            } else {
                append(b);
            }
        }
    }

    private void append(byte b) {
        if (length == line.length) {
            if (length + data.length() >= maxEventBytes) {
                throw new IllegalStateException("server-sent event larger than " + maxEventBytes + " bytes");
            }
            line = Arrays.copyOf(line, length * 2);
        }
        line[length++] = b;
    }

    private void endLine() {
        if (length == 0) {
            if (hasData) {
                String event = data.toString();
                data.setLength(0);
                hasData = false;
                onEvent.accept(event);
            }
            return;
        }
        int colon = indexOfColon();
        if (colon == DATA.length && Arrays.equals(line, 0, colon, DATA, 0, DATA.length)) {
            int start = colon + 1 < length && line[colon + 1] == ' ' ? colon + 2 : colon + 1;
            if (hasData) {
                data.append('\n');
            }
            data.append(new String(line, start, length - start, StandardCharsets.UTF_8));
            hasData = true;
        } else if (colon == -1 && length == DATA.length && Arrays.equals(line, 0, length, DATA, 0, DATA.length)) {
            if (hasData) {
                data.append('\n');
            }
            hasData = true;
        }
        length = 0;
    }

    private int indexOfColon() {
        for (int i = 0; i < length; i++) {
            if (line[i] == ':') {
                return i;
            }
        }
        return -1;
    }
}
