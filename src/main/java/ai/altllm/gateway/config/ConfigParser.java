package ai.altllm.gateway.config;

import static ai.altllm.gateway.json.Jsonp.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Turns the text of a config file into a checked {@link GatewayConfig}, or one {@link ConfigException}. */
public final class ConfigParser {

    static final Set<String> FEATURES = Set.of("tools", "json_mode", "streaming", "vision", "reasoning",
            "structured_outputs", "video");
    private static final Set<String> PROVIDER_FIELDS = Set.of("type", "base_url", "api_key", "timeouts");
    private static final Set<String> TIMEOUT_FIELDS = Set.of("connect_ms", "first_byte_ms", "idle_ms", "total_ms");
    private static final Set<String> LIMIT_FIELDS = Set.of("max_request_bytes", "body_timeout_seconds",
            "body_buffer_bytes");
    private static final Set<String> MODEL_FIELDS = Set.of("id", "name", "description", "created", "provider",
            "upstream_model", "pricing", "context_length", "max_output_length", "input_modalities",
            "output_modalities", "supported_sampling_parameters", "supported_features", "durations", "resolutions",
            "deployments", "extra_params");
    private static final Set<String> DEPLOYMENT_FIELDS = Set.of("provider", "upstream_model", "weight");
    /** Fields that stay inside the gateway: clients never learn which provider or upstream model serves them. */
    private static final Set<String> PRIVATE_MODEL_FIELDS = Set.of("provider", "upstream_model", "deployments",
            "extra_params");
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    private static final Pattern PROVIDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final UnaryOperator<String> environment;

    public ConfigParser(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public GatewayConfig parse(String source, String text) {
        Fields root = new Fields(source, "", readObject(source, text), new Interpolation(environment));
        Map<String, ProviderConfig> providers = providers(root.object("providers"));
        List<ModelConfig> models = models(root, providers);
        if (root.has("limits")) {
            Fields limits = root.object("limits");
            limits.onlyKnown(LIMIT_FIELDS);
            if (limits.positiveLong("max_request_bytes", 1) < 1) {
                throw limits.error("max_request_bytes", "must be at least 1");
            }
            long bodyTimeout = limits.positiveLong("body_timeout_seconds", 1);
            if (bodyTimeout < 1 || bodyTimeout > 3600) {
                throw limits.error("body_timeout_seconds", "must be between 1 and 3600");
            }
            if (limits.positiveLong("body_buffer_bytes", 1) < 1) {
                throw limits.error("body_buffer_bytes", "must be at least 1");
            }
        }
        DatabaseConfig database = DatabaseSection.read(root);
        ToolsConfig tools = ToolsSection.read(root, models.stream().map(ModelConfig::id).collect(
                java.util.stream.Collectors.toSet()));
        return new GatewayConfig(source, Map.copyOf(providers), List.copyOf(models), database, UpstreamPool.read(root),
                OperationsSection.read(root), LimitSections.rateLimits(root, models), LimitSections.credits(root),
                LimitSections.clusterState(root), tools, VideoSection.read(root), AuthThrottleConfig.read(root),
                root.json());
    }

    private static JsonObject readObject(String source, String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
            throw new ConfigException(source, "", "must be a JSON object");
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new ConfigException(source, "", "malformed JSON at line " + at.getLineNumber() + ", column "
                    + at.getColumnNumber() + ": " + e.getMessage());
        } catch (JsonException e) {
            throw new ConfigException(source, "", "malformed JSON: " + e.getMessage());
        }
    }

    private static Map<String, ProviderConfig> providers(Fields section) {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        for (String id : section.json().keySet()) {
            if (!PROVIDER_ID.matcher(id).matches()) {
                throw section.error(id, "provider ids use letters, digits, '.', '_' and '-'");
            }
            Fields p = section.object(id);
            p.onlyKnown(PROVIDER_FIELDS);
            String typeName = p.requiredString("type");
            ProviderType type = ProviderType.fromConfigName(typeName).orElseThrow(() -> p.error("type",
                    "unknown provider type '" + typeName + "' (known: " + ProviderType.allowedNames() + ")"));
            providers.put(id, new ProviderConfig(id, type, baseUrl(p), p.secret("api_key"), timeouts(p)));
        }
        return providers;
    }

    private static Timeouts timeouts(Fields p) {
        if (!p.has("timeouts")) {
            return Timeouts.DEFAULTS;
        }
        Fields t = p.object("timeouts");
        t.onlyKnown(TIMEOUT_FIELDS);
        Timeouts d = Timeouts.DEFAULTS;
        Timeouts result = new Timeouts(t.positiveLong("connect_ms", d.connectMs()),
                t.positiveLong("first_byte_ms", d.firstByteMs()), t.positiveLong("idle_ms", d.idleMs()),
                t.positiveLong("total_ms", d.totalMs()));
        for (String field : TIMEOUT_FIELDS) {
            if (t.has(field) && t.positiveLong(field, 1) == 0) {
                throw t.error(field, "must be at least 1 millisecond");
            }
        }
        return result;
    }

    private static URI baseUrl(Fields p) {
        String text = p.requiredString("base_url");
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw p.error("base_url", "must be an absolute http or https URL, got '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw p.error("base_url", "is not a valid URL: " + e.getReason());
        }
    }

    private static List<ModelConfig> models(Fields root, Map<String, ProviderConfig> providers) {
        List<ModelConfig> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Fields m : root.objects("models")) {
            ModelConfig model = model(m, providers);
            if (!seen.add(model.id())) {
                throw m.error("id", "duplicate model id '" + model.id() + "'");
            }
            result.add(model);
        }
        return result;
    }

    private static ModelConfig model(Fields m, Map<String, ProviderConfig> providers) {
        m.onlyKnown(MODEL_FIELDS);
        String id = m.requiredString("id");
        if (!MODEL_ID.matcher(id).matches()) {
            throw m.error("id", "model ids use letters, digits and . _ : / - (at most 128)");
        }
        List<Deployment> deployments = deployments(m, providers);
        if (m.has("pricing")) {
            m.object("pricing").decimalLeaves();
        }
        List<String> features = m.strings("supported_features");
        for (int i = 0; i < features.size(); i++) {
            if (!FEATURES.contains(features.get(i))) {
                throw m.error("supported_features[" + i + "]", "unknown feature '" + features.get(i) + "' (known: "
                        + String.join(", ", FEATURES.stream().sorted().toList()) + ")");
            }
        }
        Deployment first = deployments.get(0);
        return new ModelConfig(id, first.provider(), first.upstreamModel(), Set.copyOf(features), publicView(m, id),
                List.copyOf(deployments), ExtraParams.read(m));
    }

    /** Either {@code provider} + {@code upstream_model}, or a {@code deployments} array of them with weights. */
    private static List<Deployment> deployments(Fields m, Map<String, ProviderConfig> providers) {
        if (!m.has("deployments")) {
            return List.of(new Deployment(provider(m, providers), m.requiredString("upstream_model"), 1));
        }
        if (m.has("provider") || m.has("upstream_model")) {
            throw m.error("deployments", "give either provider and upstream_model, or deployments, not both");
        }
        List<Deployment> deployments = new ArrayList<>();
        for (Fields d : m.objects("deployments")) {
            d.onlyKnown(DEPLOYMENT_FIELDS);
            long weight = d.positiveLong("weight", 1);
            if (weight < 1 || weight > 1_000_000) {
                throw d.error("weight", "must be a whole number from 1 to 1000000");
            }
            deployments.add(new Deployment(provider(d, providers), d.requiredString("upstream_model"), (int) weight));
        }
        if (deployments.isEmpty()) {
            throw m.error("deployments", "must list at least one deployment");
        }
        return deployments;
    }

    private static String provider(Fields m, Map<String, ProviderConfig> providers) {
        String provider = m.requiredString("provider");
        if (!providers.containsKey(provider)) {
            throw m.error("provider", "no provider '" + provider + "' in providers (known: "
                    + String.join(", ", providers.keySet()) + ")");
        }
        return provider;
    }

    /** The model as clients see it: OpenAI's required fields first, then the catalog's metadata. */
    private static JsonObject publicView(Fields m, String id) {
        JsonObjectBuilder view = JSON.createObjectBuilder()
                .add("id", id)
                .add("object", "model")
                .add("created", m.positiveLong("created", 0))
                .add("owned_by", "altllm")
                .add("name", m.string("name", id))
                .add("description", m.string("description", ""));
        m.positiveLong("context_length", 0);
        m.positiveLong("max_output_length", 0);
        m.strings("input_modalities");
        m.strings("output_modalities");
        m.strings("supported_sampling_parameters");
        m.strings("resolutions");
        m.longs("durations");
        for (var field : m.json().entrySet()) {
            if (!PRIVATE_MODEL_FIELDS.contains(field.getKey()) && !Set.of("id", "created", "name", "description")
                    .contains(field.getKey())) {
                view.add(field.getKey(), field.getValue());
            }
        }
        return view.build();
    }
}
