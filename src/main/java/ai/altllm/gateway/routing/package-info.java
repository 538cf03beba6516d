/**
 * Where a call goes: weighted choice among a model's deployments, one failover before anything reached the
 * client, and a circuit breaker per deployment so a failing upstream stops receiving traffic for a while.
 */
package ai.altllm.gateway.routing;
