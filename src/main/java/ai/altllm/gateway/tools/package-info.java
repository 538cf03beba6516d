/**
 * Built-in tools the gateway runs itself: a small SPI ({@link ai.altllm.gateway.tools.BuiltinTool}, CDI beans found at
 * startup), the registry that offers them to models and runs them, and the rules for which requests get them.
 */
package ai.altllm.gateway.tools;
