/**
 * The gateway's SQL database: the pooled {@code DataSource} bundled in the WAR (embedded H2 by default, PostgreSQL by
 * configuration), the versioned schema migrations applied when the application starts, and the readiness check
 * that it and other components offer to {@code /health/ready}.
 */
package ai.altllm.gateway.db;
