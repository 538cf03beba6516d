/**
 * HTTP plumbing shared by every endpoint: request ids, non-blocking body reading, the exception mapper and container
 * error page that answer with the error envelope, and the route inventory.
 */
package ai.altllm.gateway.web;
