package ai.altllm.gateway.limits.cluster;

import ai.altllm.gateway.limits.credits.ClusterBalances;
import ai.altllm.gateway.limits.ratelimit.ClusterLimits;
import java.math.BigDecimal;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The cluster stores on the server's own JCache (Payara Micro: Hazelcast, at JNDI {@code payara/CacheManager}). Only
 * loaded once JCache is known to be present, so servers without it never see a {@code javax.cache} type.
 */
final class JCacheStores {

    static final String JNDI = "payara/CacheManager";
    private static final String LIMITS = "altllm-rate-limits";
    private static final String BALANCES = "altllm-credit-balances";

    private JCacheStores() {
    }

    /** The stores, or null when the server binds no cache manager. Never {@code Caching.getCachingProvider()}. */
    static SharedState.Stores open() throws NamingException {
        CacheManager manager = (CacheManager) new InitialContext().lookup(JNDI);
        if (manager == null) {
            return null;
        }
        Cache<String, long[]> limits = cache(manager, LIMITS);
        Cache<String, BigDecimal> balances = cache(manager, BALANCES);
        return new SharedState.Stores(new ClusterLimits(limits), new ClusterBalances(balances),
                "JCache " + manager.getURI() + " (caches " + LIMITS + ", " + BALANCES + ")");
    }

    /** The named cache, created by whichever instance comes first. */
    private static <V> Cache<String, V> cache(CacheManager manager, String name) {
        Cache<String, V> cache = manager.getCache(name);
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(name, new MutableConfiguration<String, V>());
        } catch (CacheException alreadyCreated) {
            return manager.getCache(name);
        }
    }
}
