package ai.altllm.gateway.config;

import java.util.Arrays;
import java.util.Optional;

/** The protocol a provider speaks; chat is OpenAI-compatible for all, video jobs differ. */
public enum ProviderType {
    /** Any OpenAI-compatible chat API: OpenAI, vLLM, Ollama, Azure-style deployments. */
    OPENAI("openai"),
    /** OpenRouter: OpenAI-compatible chat plus OpenRouter's video API. */
    OPENROUTER("openrouter"),
    /** BytePlus / Volcengine Ark: OpenAI-compatible chat plus Ark content-generation tasks. */
    ARK("ark");

    private final String configName;

    ProviderType(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<ProviderType> fromConfigName(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equals(name)).findFirst();
    }

    public static String allowedNames() {
        return String.join(", ", Arrays.stream(values()).map(ProviderType::configName).toList());
    }
}
