package ai.altllm.gateway.limits.cluster;

import ai.altllm.gateway.config.Configuration;
import ai.altllm.gateway.limits.credits.BalanceSource;
import ai.altllm.gateway.limits.credits.BalanceStore;
import ai.altllm.gateway.limits.credits.LocalBalances;
import ai.altllm.gateway.limits.ratelimit.LimitStore;
import ai.altllm.gateway.limits.ratelimit.LocalLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Chooses, once, where rate-limit and credit state lives: in this JVM (the default), or in the cluster when the
 * configuration asks for {@code "shared_state": "cluster"} and the server offers JCache. Without JCache it says so in
 * one log line and keeps the state in memory; it never fails the deployment.
 */
@ApplicationScoped
public class SharedState implements BalanceSource {

    private static final Logger LOG = System.getLogger(SharedState.class.getName());

    /** The two stores and where they live, for the log. */
    record Stores(LimitStore limits, BalanceStore balances, String where) {
    }

    @Inject
    Configuration configuration;

    private Stores stores;

    @PostConstruct
    void choose() {
        Stores local = new Stores(new LocalLimits(), new LocalBalances(), "memory");
        if (!configuration.get().clusterState()) {
            stores = local;
            return;
        }
        stores = cluster();
        if (stores == null) {
            stores = local;
        } else {
            LOG.log(Level.INFO, "AltLLM rate limits and credit balances are shared through {0}", stores.where());
        }
    }

    private Stores cluster() {
        String why;
        try {
            Class.forName("javax.cache.CacheManager", false, SharedState.class.getClassLoader());
            Stores cluster = JCacheStores.open();
            if (cluster != null) {
                return cluster;
            }
            why = "nothing is bound at " + JCacheStores.JNDI;
        } catch (ClassNotFoundException | LinkageError e) {
            why = "this server has no JCache API";
        } catch (Exception e) {
            why = "JCache at " + JCacheStores.JNDI + " is unavailable (" + e + ")";
        }
        LOG.log(Level.WARNING, "AltLLM shared_state is \"cluster\" but " + why + "; rate limits and credit balances "
                + "stay in this instance's memory");
        return null;
    }

    public LimitStore limits() {
        return stores.limits();
    }

    @Override
    public BalanceStore balances() {
        return stores.balances();
    }
}
