/** Liveness and readiness: whether the gateway is up, and whether it should take traffic. */
package ai.altllm.gateway.health;
