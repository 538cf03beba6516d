package ai.altllm.gateway.upstream;

import ai.altllm.gateway.errors.ApiException;
import java.nio.ByteBuffer;

/** Receives a downloaded body on the client's I/O threads, with back-pressure; must never block. */
public interface ByteSink {

    /** A successful answer starts; {@code length} is -1 when unknown. */
    void begin(String contentType, long length);

    /**
     * Takes a copy of the bytes; returns false to pause the download until {@link Download#resume()} is called.
     */
    boolean write(ByteBuffer bytes);

    void end();

    /** The download failed before or during the body; exactly one of {@code end} and {@code fail} is called. */
    void fail(ApiException failure);
}
