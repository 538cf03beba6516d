/**
 * {@code GET /metrics} in Prometheus text format: counters and histograms named after the OpenTelemetry GenAI
 * semantic conventions, kept with lock-free adders so the request path pays almost nothing for them.
 */
package ai.altllm.gateway.metrics;
