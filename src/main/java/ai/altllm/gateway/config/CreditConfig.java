package ai.altllm.gateway.config;

/**
 * The {@code credits} section.
 *
 * @param enabled whether requests reserve and settle credits at all
 * @param prepaidByDefault whether an account without its own budget setting is limited to its balance ({@code
 *     prepaid}) rather than {@code unlimited}
 * @param defaultMaxOutputTokens output tokens reserved for a request that names no {@code max_tokens} when its model
 *     has no {@code max_output_length}
 */
public record CreditConfig(boolean enabled, boolean prepaidByDefault, long defaultMaxOutputTokens) {

    public static final CreditConfig DEFAULTS = new CreditConfig(true, false, 4096);
}
