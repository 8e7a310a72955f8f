package dev.prec.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One combination of axis values.
 *
 * @param values axis name to value, in axis order
 */
public record Point(Map<String, Object> values) {

    public Point {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param axis an axis name
     * @return this point's value on that axis
     * @throws NoSuchElementException if the sweep has no such axis
     */
    public Object get(String axis) {
        if (!values.containsKey(axis)) {
            throw new NoSuchElementException("no axis '" + axis + "' in " + values.keySet());
        }
        return values.get(axis);
    }

    /**
     * @param axis an axis name whose values are numbers
     * @return this point's value on that axis as a double
     * @throws ClassCastException if the value is not a number
     */
    public double number(String axis) {
        return ((Number) get(axis)).doubleValue();
    }
}
