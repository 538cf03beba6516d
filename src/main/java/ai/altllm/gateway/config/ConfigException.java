package ai.altllm.gateway.config;

/** A configuration problem, told in one line: which file, which field, what is wrong. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String source, String field, String problem) {
        super(source + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }
}
