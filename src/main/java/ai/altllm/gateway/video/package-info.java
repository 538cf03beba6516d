/**
 * Asynchronous video generation: tasks created upstream, tracked by signed status tokens bound to their creator, and
 * listed for the portal's Videos page.
 */
package ai.altllm.gateway.video;
