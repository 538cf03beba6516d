package ai.altllm.gateway.testsupport;

import javax.cache.processor.MutableEntry;

/** A cache entry held in a field, to run JCache entry processors in unit tests without a cache. */
public final class MapEntry<K, V> implements MutableEntry<K, V> {

    private final K key;
    private V value;

    public MapEntry(K key) {
        this.key = key;
    }

    @Override
    public boolean exists() {
        return value != null;
    }

    @Override
    public void remove() {
        value = null;
    }

    @Override
    public void setValue(V newValue) {
        value = newValue;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public V getValue() {
        return value;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
