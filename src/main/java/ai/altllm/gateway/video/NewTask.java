package ai.altllm.gateway.video;

import ai.altllm.gateway.upstream.VideoRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A validated create request, with who asks, which provider serves it and what it is estimated to cost. */
record NewTask(String keyId, String accountId, String model, String provider, VideoRequest request,
        BigDecimal estimate) {

    /** Fingerprint of what was asked, so a reused Idempotency-Key with a different request is caught. */
    String fingerprint() {
        String text = model + "\n" + request.durationSeconds() + "\n" + request.resolution() + "\n" + request.prompt();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
