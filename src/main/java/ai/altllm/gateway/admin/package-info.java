/**
 * The operator's admin API under {@code /admin/v1}: accounts and API keys, authenticated by the admin key from the
 * environment variable {@code ALTLLM_ADMIN_KEY} and disabled when it is unset.
 */
package ai.altllm.gateway.admin;
