/**
 * The gateway's SQL database: the pooled {@code DataSource} bundled in the WAR (embedded H2 by default, PostgreSQL by
 * configuration), the versioned schema migrations applied when the application starts, the writers that batch rows
 * (and group-commit them, or journal them to a file first, where a row must be durable at once), and the readiness
 * check that it and other components offer to {@code /health/ready}.
 */
package ai.altllm.gateway.db;
