package ai.altllm.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Best-effort description of the base URL for the startup line. Jakarta EE offers no portable way to learn the
 * HTTP port, so it is read from {@code altllm.port}, else from a Payara Micro {@code --port} argument, else
 * Payara Micro's default 8080; on other servers only the context path is certain.
 */
final class ListenAddress {

    private static final Pattern PORT_ARGUMENT = Pattern.compile("(?:^|\\s)--port\\s+(\\d{1,5})(?:\\s|$)");

    private ListenAddress() {
    }

    static String describe(String contextPath) {
        String path = contextPath + "/v1";
        String port = System.getProperty("altllm.port");
        if (port == null && System.getProperty("product.name", "").equals("Payara Micro")) {
            Matcher m = PORT_ARGUMENT.matcher(System.getProperty("sun.java.command", ""));
            port = m.find() ? m.group(1) : "8080";
        }
        return port == null ? "API at context path " + path : "http://localhost:" + port + path;
    }
}
