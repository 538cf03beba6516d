/** The web portal: its static pages, and the session-authenticated API those pages use to manage API keys. */
package ai.altllm.gateway.portal;
