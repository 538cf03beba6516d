package ai.altllm.gateway.json;

import jakarta.json.spi.JsonProvider;

/** The JSON-P provider, looked up once: {@code Json.createX} searches the service loader on every call. */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }
}
