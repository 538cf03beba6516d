/** Brute-force throttling of portal sign-ins and admin keys, per client address and per account name at an address. */
package ai.altllm.gateway.throttle;
