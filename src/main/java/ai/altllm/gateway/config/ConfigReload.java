package ai.altllm.gateway.config;

import java.util.List;

/**
 * What one reload of the config file did; also the CDI event, fired when it changed something, that tells beans
 * holding values derived from the configuration to derive them again.
 *
 * @param changed false when the file reads the same as the configuration in force (or there is no file)
 * @param config the configuration now in force
 * @param restartRequired settings the file changed that keep their old values until the gateway restarts
 */
public record ConfigReload(boolean changed, GatewayConfig config, List<String> restartRequired) {
}
