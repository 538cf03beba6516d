package ai.altllm.gateway.config;

/**
 * The optional {@code database} section: a JDBC URL with its credentials; absent means the embedded H2 database
 * under the data directory.
 */
public record DatabaseConfig(String url, String user, Secret password) {

    /** The databases whose driver ships in the WAR; anything else would only fail later, at first connection. */
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }
}
