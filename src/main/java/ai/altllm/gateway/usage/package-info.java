/**
 * Usage accounting: the usage event every chat request ends with (tokens and cost), written to the database in
 * batches off the request path, and read back by {@code /v1/usage} (own key) and {@code /admin/v1/usage} (filters,
 * CSV).
 */
package ai.altllm.gateway.usage;
