/**
 * Calls to upstream providers: the only package that touches the HTTP client. One shared non-blocking client, one
 * subpackage per upstream protocol.
 */
package ai.altllm.gateway.upstream;
