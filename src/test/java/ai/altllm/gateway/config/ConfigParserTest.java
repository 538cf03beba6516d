package ai.altllm.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigParserTest {

    private static final String PROVIDER = """
            "providers": {"up": {"type": "openai", "base_url": "http://127.0.0.1:9/v1", "api_key": "${env:UP_KEY}"}}""";

    private static GatewayConfig parse(String json, Map<String, String> env) {
        return new ConfigParser(env::get).parse("test.json", json);
    }

    private static String error(String json) {
        return assertThrows(ConfigException.class, () -> parse(json, Map.of())).getMessage();
    }

    private static String withModel(String modelFields) {
        return "{" + PROVIDER + ", \"models\": [{\"id\": \"m1\", \"provider\": \"up\", \"upstream_model\": \"u/m\""
                + modelFields + "}]}";
    }

    @Test
    void shippedDefaultParsesWithTheSeedModels() throws IOException {
        String text = Files.readString(Path.of("server-config/altllm.json"));
        GatewayConfig config = parse(text, Map.of("OPENROUTER_API_KEY", "sk-or-test"));
        assertEquals(3, config.models().size());
        ModelConfig basic = config.model("altllm-basic").orElseThrow();
        assertEquals("openrouter", basic.provider());
        assertTrue(basic.supports("json_mode"));
        assertEquals("0.0000006", basic.publicView().getJsonObject("pricing").getString("prompt"));
        assertEquals("model", basic.publicView().getString("object"));
        assertFalse(basic.publicView().containsKey("upstream_model"), "upstream mapping must stay private");
        assertFalse(basic.publicView().containsKey("provider"));
        assertTrue(config.model("altllm-flex-seedance-2.0").isPresent());
        assertTrue(config.model("altllm-flex-seedance-2.0-fast").isPresent());
        assertEquals("sk-or-test", config.provider("openrouter").apiKey().value().orElseThrow());
    }

    @Test
    void unsetKeyVariableDoesNotFailButNamesTheVariable() {
        GatewayConfig config = parse(withModel(""), Map.of());
        Secret key = config.provider("up").apiKey();
        assertFalse(key.isPresent());
        assertEquals("UP_KEY", key.missingVariable().orElseThrow());
        assertFalse(key.toString().contains("null"));
    }

    @Test
    void secretNeverPrintsItsValue() {
        Secret key = parse(withModel(""), Map.of("UP_KEY", "sk-very-secret")).provider("up").apiKey();
        assertFalse(key.toString().contains("sk-very-secret"));
        assertFalse(parse(withModel(""), Map.of("UP_KEY", "sk-very-secret")).providers().toString()
                .contains("sk-very-secret"));
    }

    @Test
    void environmentDefaultsApplyWhenUnset() {
        String json = "{\"providers\": {\"up\": {\"type\": \"openai\", \"base_url\": "
                + "\"${env:UP_URL:-http://127.0.0.1:8000/v1}\"}}, \"models\": []}";
        assertEquals("http://127.0.0.1:8000/v1", parse(json, Map.of()).provider("up").baseUrl().toString());
        assertEquals("http://10.0.0.1/v1",
                parse(json, Map.of("UP_URL", "http://10.0.0.1/v1")).provider("up").baseUrl().toString());
    }

    @Test
    void unsetVariableInANonSecretFieldIsAnError() {
        String json = "{\"providers\": {\"up\": {\"type\": \"openai\", \"base_url\": \"${env:UP_URL}\"}}, "
                + "\"models\": []}";
        assertEquals("test.json: providers.up.base_url: environment variable UP_URL is not set", error(json));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String message = error("{\n  \"providers\": {,\n}");
        assertTrue(message.startsWith("test.json: malformed JSON at line 2"), message);
    }

    @Test
    void missingSectionsAreNamed() {
        assertEquals("test.json: providers: is required", error("{\"models\": []}"));
        assertEquals("test.json: models: is required", error("{" + PROVIDER + "}"));
        assertEquals("test.json: must be a JSON object", error("[]"));
    }

    @Test
    void modelFieldErrorsNameTheExactField() {
        assertEquals("test.json: models[0].pricing.prompt: must be a decimal string such as \"0.0000006\" "
                + "(quoted, to stay exact)", error(withModel(", \"pricing\": {\"prompt\": 0.1}")));
        assertEquals("test.json: models[0].pricing.prompt: must be a decimal string such as \"0.0000006\"",
                error(withModel(", \"pricing\": {\"prompt\": \"cheap\"}")));
        assertEquals("test.json: models[0].context_length: must be a non-negative whole number",
                error(withModel(", \"context_length\": \"big\"")));
        assertEquals("test.json: models[0].durations[1]: must be a positive whole number",
                error(withModel(", \"durations\": [4, -1]")));
        assertTrue(error(withModel(", \"supported_features\": [\"json-mode\"]"))
                .startsWith("test.json: models[0].supported_features[0]: unknown feature 'json-mode'"));
        assertTrue(error(withModel(", \"contxt_length\": 5"))
                .startsWith("test.json: models[0].contxt_length: unknown field"));
    }

    @Test
    void referencesAndDuplicatesAreChecked() {
        String unknownProvider = "{" + PROVIDER + ", \"models\": [{\"id\": \"m\", \"provider\": \"nope\", "
                + "\"upstream_model\": \"x\"}]}";
        assertEquals("test.json: models[0].provider: no provider 'nope' in providers (known: up)",
                error(unknownProvider));
        String twice = "{" + PROVIDER + ", \"models\": [{\"id\": \"m\", \"provider\": \"up\", \"upstream_model\": "
                + "\"x\"}, {\"id\": \"m\", \"provider\": \"up\", \"upstream_model\": \"y\"}]}";
        assertEquals("test.json: models[1].id: duplicate model id 'm'", error(twice));
    }

    @Test
    void providerTypeAndUrlAreChecked() {
        assertTrue(error("{\"providers\": {\"p\": {\"type\": \"grpc\", \"base_url\": \"http://h\"}}, \"models\": []}")
                .startsWith(
                        "test.json: providers.p.type: unknown provider type 'grpc' (known: openai, openrouter, ark)"));
        assertEquals("test.json: providers.p.base_url: must be an absolute http or https URL, got 'ftp://h'",
                error("{\"providers\": {\"p\": {\"type\": \"ark\", \"base_url\": \"ftp://h\"}}, \"models\": []}"));
    }

    @Test
    void timeoutsDefaultPerProviderAndAreCheckedStrictly() {
        assertEquals(Timeouts.DEFAULTS, parse(withModel(""), Map.of()).provider("up").timeouts());
        String custom = "{\"providers\": {\"up\": {\"type\": \"openai\", \"base_url\": \"http://h/v1\", "
                + "\"timeouts\": {\"connect_ms\": 500, \"idle_ms\": 7000}}}, \"models\": []}";
        Timeouts t = parse(custom, Map.of()).provider("up").timeouts();
        assertEquals(new Timeouts(500, Timeouts.DEFAULTS.firstByteMs(), 7000, Timeouts.DEFAULTS.totalMs()), t);
        assertTrue(error(custom.replace("idle_ms", "idle")).startsWith("test.json: providers.up.timeouts.idle: "
                + "unknown field"));
        assertEquals("test.json: providers.up.timeouts.connect_ms: must be at least 1 millisecond",
                error(custom.replace("500", "0")));
    }

    @Test
    void requestSizeLimitDefaultsTo4MiBAndIsChecked() {
        assertEquals(4L * 1024 * 1024, parse(withModel(""), Map.of()).maxRequestBytes());
        String limited = "{" + PROVIDER + ", \"models\": [], \"limits\": {\"max_request_bytes\": 1000}}";
        assertEquals(1000, parse(limited, Map.of()).maxRequestBytes());
        assertTrue(error(limited.replace("max_request_bytes", "max")).startsWith("test.json: limits.max: unknown"));
        assertEquals("test.json: limits.max_request_bytes: must be at least 1", error(limited.replace("1000", "0")));
    }

    @Test
    void upstreamConnectionPoolIsConfigurableAndChecked() {
        assertEquals(UpstreamPool.DEFAULTS, parse(withModel(""), Map.of()).upstreamPool());
        String sized = "{" + PROVIDER + ", \"models\": [], \"upstream\": {\"max_connections\": 30000, "
                + "\"max_connections_per_host\": 25000}}";
        assertEquals(new UpstreamPool(30000, 25000), parse(sized, Map.of()).upstreamPool());
        String totalOnly = "{" + PROVIDER + ", \"models\": [], \"upstream\": {\"max_connections\": 100}}";
        assertEquals(new UpstreamPool(100, 100), parse(totalOnly, Map.of()).upstreamPool());
        assertEquals("test.json: upstream.max_connections_per_host: must not exceed max_connections (30000)",
                error(sized.replace("25000", "30001")));
        assertEquals("test.json: upstream.max_connections: must be between 1 and 1000000",
                error(sized.replace("30000,", "0,")));
        assertTrue(error(sized.replace("max_connections\"", "pool\"")).startsWith("test.json: upstream.pool: unknown"));
    }

    @Test
    void deploymentsListWeightedProvidersAndStayPrivate() {
        String json = "{" + PROVIDER + ", \"models\": [{\"id\": \"m1\", \"deployments\": ["
                + "{\"provider\": \"up\", \"upstream_model\": \"x\", \"weight\": 3},"
                + "{\"provider\": \"up\", \"upstream_model\": \"y\"}]}]}";
        ModelConfig model = parse(json, Map.of()).model("m1").orElseThrow();
        assertEquals(List.of(new Deployment("up", "x", 3), new Deployment("up", "y", 1)), model.deployments());
        assertEquals("up", model.provider());
        assertEquals("x", model.upstreamModel());
        assertFalse(model.publicView().containsKey("deployments"));
        assertEquals(List.of(new Deployment("up", "u/m", 1)), parse(withModel(""), Map.of()).models().get(0)
                .deployments());
        assertEquals("test.json: models[0].deployments[1].provider: no provider 'nope' in providers (known: up)",
                error(json.replace("\"provider\": \"up\", \"upstream_model\": \"y\"",
                        "\"provider\": \"nope\", \"upstream_model\": \"y\"")));
        assertTrue(error(json.replace("\"id\": \"m1\",", "\"id\": \"m1\", \"provider\": \"up\","))
                .contains("either provider and upstream_model, or deployments"));
        assertEquals("test.json: models[0].deployments[0].weight: must be a whole number from 1 to 1000000",
                error(json.replace("\"weight\": 3", "\"weight\": 0")));
    }

    @Test
    void extraParamsOptInToFieldsBeyondOpenAisAndStayPrivate() {
        ModelConfig model = parse(withModel(", \"extra_params\": [\"top_k\", \"repetition_penalty\"]"), Map.of())
                .models().get(0);
        assertEquals(Set.of("top_k", "repetition_penalty"), model.extraParams());
        assertFalse(model.publicView().containsKey("extra_params"));
        assertEquals(Set.of(), parse(withModel(""), Map.of()).models().get(0).extraParams());
        assertEquals("test.json: models[0].extra_params: must be an array of strings",
                error(withModel(", \"extra_params\": \"top_k\"")));
        assertTrue(error(withModel(", \"extra_params\": [\"top k\"]"))
                .startsWith("test.json: models[0].extra_params[0]: must be a request field name"));
    }

    @Test
    void extraParamsRefuseEveryRoutingField() {
        for (String routing : List.of("models", "provider", "route", "transforms", "extra_body", "deployment",
                "upstream_model", "Provider", "api_base", "callback_url", "proxy_host")) {
            String message = error(withModel(", \"extra_params\": [\"top_k\", \"" + routing + "\"]"));
            assertEquals("test.json: models[0].extra_params[1]: '" + routing + "' chooses where a request goes or "
                    + "who pays for it; the gateway never forwards it", message);
        }
    }
}
