package dev.drydock.validator.schema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One of the schema model's maps. While a checkpoint is open it keeps what each key held before its first change
 * (or that it was absent), so the schema before a migration can be compared and put back in time proportional to
 * what the migration changed, not to the size of the schema; and it tells its {@link Listener} of every change,
 * so the model's indexes (indexes by table, foreign keys by target) stay current. Every way of changing it —
 * {@code put}, {@code remove}, {@code replaceAll}, removal through its views — goes through here.
 */
final class JournaledMap<V> extends AbstractMap<String, V> {

    /** Told of each change: {@code before} or {@code after} is null where the key was or becomes absent. */
    interface Listener<V> {
        void changed(String key, V before, V after);
    }

    private final Map<String, V> entries = new LinkedHashMap<>();
    private final Listener<V> listener;
    private Map<String, Optional<V>> before;

    JournaledMap(Listener<V> listener) {
        this.listener = listener;
    }

    /** Starts keeping before-images; any earlier ones are dropped. */
    void record() {
        before = new LinkedHashMap<>();
    }

    /** What changed keys held when {@link #record} was called, and stops keeping them. */
    Map<String, Optional<V>> stopRecording() {
        Map<String, Optional<V>> kept = before == null ? Map.of() : before;
        before = null;
        return kept;
    }

    /** Keeps {@code image} as what {@code key} held before, unless something is kept for it already. */
    void rememberBefore(String key, V image) {
        if (before != null) {
            before.putIfAbsent(key, Optional.ofNullable(image));
        }
    }

    @Override
    public V get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public V put(String key, V value) {
        V old = entries.get(key);
        rememberBefore(key, old);
        entries.put(key, value);
        listener.changed(key, old, value);
        return old;
    }

    @Override
    public V remove(Object key) {
        if (!(key instanceof String name) || !entries.containsKey(name)) {
            return null;
        }
        V old = entries.get(name);
        rememberBefore(name, old);
        entries.remove(name);
        listener.changed(name, old, null);
        return old;
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super V, ? extends V> function) {
        Map<String, V> changed = new LinkedHashMap<>();
        entries.forEach((key, value) -> {
            V replaced = function.apply(key, value);
            if (replaced != value) {
                changed.put(key, replaced);
            }
        });
        changed.forEach(this::put);
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                Iterator<Entry<String, V>> inner = entries.entrySet().iterator();
                return new Iterator<>() {
                    private Entry<String, V> current;

                    @Override
                    public boolean hasNext() {
                        return inner.hasNext();
                    }

                    @Override
                    public Entry<String, V> next() {
                        Entry<String, V> entry = inner.next();
                        current = entry;
                        return new SimpleImmutableEntry<>(entry.getKey(), entry.getValue());
                    }

                    @Override
                    public void remove() {
                        rememberBefore(current.getKey(), current.getValue());
                        inner.remove();
                        listener.changed(current.getKey(), current.getValue(), null);
                    }
                };
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }
}
