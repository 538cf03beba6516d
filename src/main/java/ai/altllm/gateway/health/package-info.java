/** Liveness and readiness: whether the gateway is up, which build it is, and whether it should take traffic. */
package ai.altllm.gateway.health;
