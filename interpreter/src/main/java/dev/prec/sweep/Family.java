package dev.prec.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model families: a base description with some fields varied, as in
 * {@code small with { width: [32, 64] }}, giving one description per combination.
 */
public final class Family {

    private Family() {
    }

    /**
     * Expands a family.
     *
     * @param base the base model's fields
     * @param variations fields to vary and their values; fields not in {@code base} are added
     * @return one map per combination (first variation slowest), each {@code base} with the
     *     varied fields replaced
     * @throws IllegalArgumentException if a variation has no values
     */
    public static List<Map<String, Object>> expand(Map<String, ?> base, Map<String, List<?>> variations) {
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(new LinkedHashMap<>(base));
        for (Map.Entry<String, List<?>> v : variations.entrySet()) {
            if (v.getValue().isEmpty()) {
                throw new IllegalArgumentException("family variation '" + v.getKey() + "' has no values");
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> member : members) {
                for (Object value : v.getValue()) {
                    Map<String, Object> m = new LinkedHashMap<>(member);
                    m.put(v.getKey(), value);
                    next.add(m);
                }
            }
            members = next;
        }
        return members.stream().map(m -> (Map<String, Object>) Collections.unmodifiableMap(m)).toList();
    }
}
