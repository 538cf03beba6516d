package ai.altllm.gateway.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of integration tests of the built-in crypto tools: a scripted upstream model and a scripted market-data
 * source, each on the port it-config.json names.
 */
public abstract class PriceSourceIT extends UpstreamIT {

    /** The path prefix it-config.json gives the source's base URL. */
    protected static final String API = "/api/v3";

    protected static ScriptedPriceSource prices;

    @BeforeAll
    static void startPriceSource() {
        prices = ScriptedPriceSource.start(Integer.getInteger("crypto.port"));
    }

    @AfterAll
    static void stopPriceSource() {
        prices.close();
    }
}
