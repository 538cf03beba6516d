package ai.altllm.gateway.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the optional {@code rate_limits} and {@code credits} sections, naming the exact field in every error. */
final class LimitSections {

    private static final Set<String> VALUE_FIELDS = Set.of("requests_per_minute", "tokens_per_minute",
            "max_concurrent");
    private static final Set<String> TIER_FIELDS = Set.of("models", "requests_per_minute", "tokens_per_minute",
            "max_concurrent");
    private static final Set<String> SECTION_FIELDS = Set.of("default", "accounts", "tiers");
    private static final Set<String> CREDIT_FIELDS = Set.of("enabled", "default_budget", "default_max_output_tokens");

    private LimitSections() {
    }

    static RateLimitConfig rateLimits(Fields root, List<ModelConfig> models) {
        if (!root.has("rate_limits")) {
            return RateLimitConfig.NONE;
        }
        Fields section = root.object("rate_limits");
        section.onlyKnown(SECTION_FIELDS);
        LimitValues defaults = section.has("default") ? values(section.object("default"), VALUE_FIELDS)
                : LimitValues.NONE;
        Map<String, LimitValues> accounts = new LinkedHashMap<>();
        if (section.has("accounts")) {
            Fields all = section.object("accounts");
            for (String account : all.json().keySet()) {
                accounts.put(account, values(all.object(account), VALUE_FIELDS));
            }
        }
        Map<String, LimitValues> tiers = new LinkedHashMap<>();
        Map<String, String> tierOfModel = new LinkedHashMap<>();
        if (section.has("tiers")) {
            Fields all = section.object("tiers");
            for (String tier : all.json().keySet()) {
                Fields t = all.object(tier);
                tiers.put(tier, values(t, TIER_FIELDS));
                List<String> members = t.strings("models");
                for (int i = 0; i < members.size(); i++) {
                    String model = members.get(i);
                    if (models.stream().noneMatch(m -> m.id().equals(model))) {
                        throw t.error("models[" + i + "]", "no model '" + model + "' in models");
                    }
                    if (tierOfModel.putIfAbsent(model, tier) != null) {
                        throw t.error("models[" + i + "]", "model '" + model + "' is already in tier '"
                                + tierOfModel.get(model) + "'");
                    }
                }
            }
        }
        return new RateLimitConfig(defaults, Map.copyOf(accounts), Map.copyOf(tiers), Map.copyOf(tierOfModel));
    }

    private static LimitValues values(Fields f, Set<String> known) {
        f.onlyKnown(known);
        return new LimitValues(positive(f, "requests_per_minute"), positive(f, "tokens_per_minute"),
                f.has("max_concurrent") ? Math.toIntExact(positive(f, "max_concurrent")) : null);
    }

    private static Long positive(Fields f, String field) {
        if (!f.has(field)) {
            return null;
        }
        long value = f.positiveLong(field, 0);
        if (value < 1 || value > Integer.MAX_VALUE && field.equals("max_concurrent")) {
            throw f.error(field, "must be a whole number of at least 1 (leave it out for no limit)");
        }
        return value;
    }

    /** {@code "shared_state"}: {@code "memory"} (default) or {@code "cluster"}. */
    static boolean clusterState(Fields root) {
        String state = root.string("shared_state", "memory");
        if (!state.equals("memory") && !state.equals("cluster")) {
            throw root.error("shared_state", "must be \"memory\" or \"cluster\"");
        }
        return state.equals("cluster");
    }

    static CreditConfig credits(Fields root) {
        if (!root.has("credits")) {
            return CreditConfig.DEFAULTS;
        }
        Fields c = root.object("credits");
        c.onlyKnown(CREDIT_FIELDS);
        CreditConfig d = CreditConfig.DEFAULTS;
        String budget = c.string("default_budget", "unlimited");
        if (!budget.equals("unlimited") && !budget.equals("prepaid")) {
            throw c.error("default_budget", "must be \"unlimited\" or \"prepaid\"");
        }
        long maxOutput = c.positiveLong("default_max_output_tokens", d.defaultMaxOutputTokens());
        if (maxOutput < 1) {
            throw c.error("default_max_output_tokens", "must be at least 1");
        }
        return new CreditConfig(c.bool("enabled", d.enabled()), budget.equals("prepaid"), maxOutput);
    }
}
