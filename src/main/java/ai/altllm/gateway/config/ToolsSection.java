package ai.altllm.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/** Reads the optional {@code tools} section with the same field-exact errors as the rest of the file. */
final class ToolsSection {

    private static final Set<String> FIELDS = Set.of("max_rounds", "disabled_models", "disabled_keys", "crypto");
    private static final Set<String> CRYPTO_FIELDS = Set.of("base_url", "api_key", "api_key_header", "cache_ttl_ms",
            "requests_per_minute", "timeout_ms");
    private static final int MAX_ROUNDS_LIMIT = 16;

    private ToolsSection() {
    }

    static ToolsConfig read(Fields root, Set<String> modelIds) {
        if (!root.has("tools")) {
            return ToolsConfig.NONE;
        }
        Fields tools = root.object("tools");
        tools.onlyKnown(FIELDS);
        long rounds = tools.positiveLong("max_rounds", ToolsConfig.NONE.maxRounds());
        if (rounds < 2 || rounds > MAX_ROUNDS_LIMIT) {
            throw tools.error("max_rounds", "must be from 2 (one tool round and the answer) to " + MAX_ROUNDS_LIMIT);
        }
        var models = tools.strings("disabled_models");
        for (int i = 0; i < models.size(); i++) {
            if (!modelIds.contains(models.get(i))) {
                throw tools.error("disabled_models[" + i + "]", "no model '" + models.get(i) + "' in models");
            }
        }
        var keys = tools.strings("disabled_keys");
        for (int i = 0; i < keys.size(); i++) {
            if (!keys.get(i).startsWith("key_")) {
                throw tools.error("disabled_keys[" + i + "]", "must be an API key id such as key_..., never a key");
            }
        }
        Optional<ToolsConfig.CryptoSource> crypto = tools.has("crypto") ? Optional.of(crypto(tools.object("crypto")))
                : Optional.empty();
        return new ToolsConfig((int) rounds, Set.copyOf(models), Set.copyOf(keys), crypto);
    }

    private static ToolsConfig.CryptoSource crypto(Fields c) {
        c.onlyKnown(CRYPTO_FIELDS);
        String text = c.requiredString("base_url");
        URI base;
        try {
            base = new URI(text);
        } catch (URISyntaxException e) {
            throw c.error("base_url", "is not a valid URL: " + e.getReason());
        }
        if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme())) || base.getHost() == null) {
            throw c.error("base_url", "must be an absolute http or https URL, got '" + text + "'");
        }
        long perMinute = c.positiveLong("requests_per_minute", 30);
        if (perMinute < 1 || perMinute > 100_000) {
            throw c.error("requests_per_minute", "must be from 1 to 100000");
        }
        long timeout = c.positiveLong("timeout_ms", 5_000);
        if (timeout < 1) {
            throw c.error("timeout_ms", "must be at least 1 millisecond");
        }
        String header = c.string("api_key_header", "x-cg-demo-api-key");
        if (!header.matches("[A-Za-z0-9-]{1,64}")) {
            throw c.error("api_key_header", "must be an HTTP header name");
        }
        return new ToolsConfig.CryptoSource(base, c.secret("api_key"), header, c.positiveLong("cache_ttl_ms", 30_000),
                (int) perMinute, new Timeouts(Math.min(timeout, 5_000), timeout, timeout, timeout));
    }
}
