/**
 * API keys and the accounts that own them: the key format, storage by hash, the operator's admin key, the check
 * that authenticates a request's bearer key, and the request-scoped {@link ai.altllm.gateway.keys.Caller} later
 * endpoints consult.
 */
package ai.altllm.gateway.keys;
