/** HTTP plumbing shared by every endpoint: the JAX-RS application, request ids, the container error page and the route inventory. */
package ai.altllm.gateway.web;
