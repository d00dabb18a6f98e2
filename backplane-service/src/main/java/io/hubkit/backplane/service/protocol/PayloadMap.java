package io.hubkit.backplane.service.protocol;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The payloads of a multi-target message: protocol name to framed hub message. Immutable, keeps
 * the order it was built in (the order written), and looks keys up ignoring case as the reference
 * implementation does; a name repeated in another case keeps its first value. Equality compares
 * the bytes. The arrays are shared, not copied.
 */
final class PayloadMap extends AbstractMap<String, byte[]> {

    private static final PayloadMap EMPTY = new PayloadMap(new String[0], new byte[0][]);

    private final String[] keys;
    private final byte[][] values;

    private PayloadMap(String[] keys, byte[][] values) {
        this.keys = keys;
        this.values = values;
    }

    static Map<String, byte[]> copyOf(Map<String, byte[]> payloads) {
        if (payloads == null || payloads.isEmpty()) {
            return EMPTY;
        }
        if (payloads instanceof PayloadMap already) {
            return already;
        }
        String[] keys = new String[payloads.size()];
        byte[][] values = new byte[payloads.size()][];
        int size = 0;
        for (Map.Entry<String, byte[]> entry : payloads.entrySet()) {
            String key = Objects.requireNonNull(entry.getKey(), "payload protocol name");
            if (indexOf(keys, size, key) < 0) {
                keys[size] = key;
                values[size] = Objects.requireNonNull(entry.getValue(), "payload of " + key);
                size++;
            }
        }
        return new PayloadMap(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
    }

    private static int indexOf(String[] keys, int size, Object key) {
        if (key instanceof String name) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public byte[] get(Object key) {
        int index = indexOf(keys, keys.length, key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(keys, keys.length, key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, byte[]>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, byte[]>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, byte[]> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(keys[index], values[index]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Map<?, ?> map) || map.size() != keys.length) {
            return false;
        }
        for (int i = 0; i < keys.length; i++) {
            if (!(map.get(keys[i]) instanceof byte[] bytes) || !Arrays.equals(values[i], bytes)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < keys.length; i++) {
            hash += keys[i].toLowerCase(java.util.Locale.ROOT).hashCode() ^ Arrays.hashCode(values[i]);
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            text.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i].length).append(" bytes");
        }
        return text.append('}').toString();
    }
}
