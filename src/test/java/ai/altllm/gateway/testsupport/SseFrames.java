package ai.altllm.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads a streamed HTTP body as the raw bytes a client got, frame by frame, with when each frame arrived. */
public record SseFrames(String raw, List<String> data, List<Long> arrivalMillis, List<String> names) {

    /**
     * Reads to the end of the body; {@code data} holds each frame's payload (after {@code data: }), {@code names} each
     * frame's {@code event:} name or {@code ""} for none.
     */
    public static SseFrames read(HttpResponse<InputStream> response) {
        return read(response, frame -> {});
    }

    /** As {@link #read(HttpResponse)}, telling {@code onFrame} each frame's payload the moment it arrives. */
    public static SseFrames read(HttpResponse<InputStream> response, Consumer<String> onFrame) {
        long start = System.nanoTime();
        StringBuilder raw = new StringBuilder();
        List<String> data = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        byte[] buffer = new byte[8192];
        int consumed = 0;
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) != -1;) {
                raw.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                for (int end; (end = raw.indexOf("\n\n", consumed)) >= 0; consumed = end + 2) {
                    // Blank lines before a frame dispatch nothing in SSE (RESTEasy opens every stream with one).
                    String frame = raw.substring(consumed, end).replaceFirst("^\n+", "");
                    // Comment lines dispatch nothing either (the gateway's nudge on WildFly, ClientStream).
                    if (frame.isEmpty() || frame.lines().allMatch(line -> line.startsWith(":"))) {
                        continue;
                    }
                    String name = "";
                    if (frame.startsWith("event: ") && frame.indexOf('\n') > 0) {
                        name = frame.substring(7, frame.indexOf('\n'));
                        frame = frame.substring(frame.indexOf('\n') + 1);
                    }
                    names.add(name);
                    data.add(frame.startsWith("data: ") ? frame.substring(6) : frame);
                    arrivals.add((System.nanoTime() - start) / 1_000_000);
                    onFrame.accept(data.get(data.size() - 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SseFrames(raw.toString(), data, arrivals, names);
    }
}
