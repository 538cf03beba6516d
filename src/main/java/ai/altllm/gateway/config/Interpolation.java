package ai.altllm.gateway.config;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${env:NAME}} and {@code ${env:NAME:-default}} in config strings with environment values. */
final class Interpolation {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final UnaryOperator<String> environment;

    Interpolation(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Returns the text with every reference resolved, or {@code null} if a referenced variable is unset. */
    String resolve(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(2);
            }
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The first unset variable a text refers to (with no default), for error messages. */
    String firstUnset(String text) {
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if ((value == null || value.isEmpty()) && m.group(2) == null) {
                return m.group(1);
            }
        }
        return null;
    }
}
