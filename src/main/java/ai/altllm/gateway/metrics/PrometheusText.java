package ai.altllm.gateway.metrics;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): {@code # HELP}, {@code # TYPE}, then samples with
 * escaped label values. Small enough to own rather than bundle a client library for.
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(8192);

    void family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** One sample; {@code labels} and {@code extra} are name/value pairs. */
    void sample(String name, double value, String[] labels, String... extra) {
        out.append(name);
        if (labels.length + extra.length > 0) {
            out.append('{');
            boolean first = pairs(labels, true);
            pairs(extra, first);
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    private boolean pairs(String[] pairs, boolean first) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(pairs[i]).append("=\"");
            escape(pairs[i + 1]);
            out.append('"');
        }
        return first;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    /** Whole numbers without a fraction, so counters read naturally; others as Java writes doubles. */
    static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
