/** Chooses which deployment serves a request: weighted, skipping deployments whose circuit is open. */
package ai.altllm.gateway.routing;
