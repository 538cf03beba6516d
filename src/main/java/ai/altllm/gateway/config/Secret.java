package ai.altllm.gateway.config;

import java.util.Optional;

/**
 * A credential taken from the environment; it may be absent, and then knows which variable should hold it.
 * {@link #toString()} never shows the value, so a secret cannot leak through a log line or an exception.
 */
public final class Secret {

    private final String value;
    private final String variable;

    private Secret(String value, String variable) {
        this.value = value;
        this.variable = variable;
    }

    public static Secret of(String value) {
        return new Secret(value, null);
    }

    public static Secret missing(String variable) {
        return new Secret(null, variable);
    }

    public static Secret none() {
        return new Secret(null, null);
    }

    public boolean isPresent() {
        return value != null;
    }

    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** The environment variable an operator must set, when the value is missing because it was unset. */
    public Optional<String> missingVariable() {
        return Optional.ofNullable(variable);
    }

    @Override
    public String toString() {
        return value != null ? "Secret[***]" : variable != null ? "Secret[unset " + variable + "]" : "Secret[none]";
    }
}
