package ai.altllm.gateway.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A model's {@code extra_params}: request fields beyond OpenAI's that the operator lets through to its provider. */
public final class ExtraParams {

    /**
     * Fields that choose where a request goes, which model answers, or whose credentials pay: forwarding one would let
     * a caller reach other models (OpenRouter's {@code models}, {@code provider}) at this catalog model's price.
     */
    private static final Set<String> ROUTING = Set.of("models", "model_list", "provider", "providers", "route",
            "transforms", "preset", "fallbacks", "extra_body", "extra_query", "extra_headers", "headers",
            "deployment", "deployments", "deployment_id", "upstream_model", "api_base", "base_url", "api_key",
            "api_type", "api_version", "host", "url", "endpoint", "organization", "custom_llm_provider");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private ExtraParams() {
    }

    /** Whether the field could redirect the request or smuggle credentials: never forwarded, never opted into. */
    public static boolean routing(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return ROUTING.contains(lower) || lower.contains("host") || lower.endsWith("_url");
    }

    static Set<String> read(Fields model) {
        List<String> names = model.strings("extra_params");
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String at = "extra_params[" + i + "]";
            if (!NAME.matcher(name).matches()) {
                throw model.error(at, "must be a request field name (letters, digits, '_', '.', '-'; at most 64)");
            }
            if (routing(name)) {
                throw model.error(at, "'" + name + "' chooses where a request goes or who pays for it; the gateway "
                        + "never forwards it");
            }
            result.add(name);
        }
        return Set.copyOf(result);
    }
}
