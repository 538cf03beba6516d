/**
 * The gateway's SQL database: the pooled {@code DataSource} bundled in the WAR (embedded H2 by default, PostgreSQL by
 * configuration) and the versioned schema migrations applied when the application starts.
 */
package ai.altllm.gateway.db;
