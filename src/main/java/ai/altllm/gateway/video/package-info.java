/** Asynchronous video generation: tasks created upstream, tracked by signed status tokens bound to their creator. */
package ai.altllm.gateway.video;
