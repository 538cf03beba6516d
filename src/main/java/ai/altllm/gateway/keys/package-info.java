/**
 * API keys and the accounts that own them: the key format, storage by hash, the request filter that authenticates
 * every non-public call, and the request-scoped {@link ai.altllm.gateway.keys.Caller} later endpoints consult.
 */
package ai.altllm.gateway.keys;
