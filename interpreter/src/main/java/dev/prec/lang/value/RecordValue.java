package dev.prec.lang.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Named fields in the order they were written; immutable (fields are copied). */
public record RecordValue(Map<String, Value> fields) implements Value {
    public static final RecordValue EMPTY = new RecordValue(Map.of());

    public RecordValue {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<Value> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** This record with {@code other}'s fields added or replacing same-named ones. */
    public RecordValue with(RecordValue other) {
        Map<String, Value> merged = new LinkedHashMap<>(fields);
        merged.putAll(other.fields);
        return new RecordValue(merged);
    }

    /** This record with one field set. */
    public RecordValue with(String name, Value value) {
        Map<String, Value> merged = new LinkedHashMap<>(fields);
        merged.put(name, value);
        return new RecordValue(merged);
    }

    @Override
    public Type type() {
        Map<String, Type> types = new LinkedHashMap<>();
        fields.forEach((k, v) -> types.put(k, v.type()));
        return new Type.Rec(types);
    }
}
