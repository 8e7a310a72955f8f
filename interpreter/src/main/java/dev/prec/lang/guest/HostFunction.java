package dev.prec.lang.guest;

import dev.prec.lang.value.FunctionValue;
import dev.prec.lang.value.PlainJava;
import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java function a host program makes callable from scripts. Arguments arrive as plain Java
 * ({@code Double}, {@code String}, {@code Boolean}, {@code List}, {@code Map<String, Object>}) in
 * parameter order; the result goes back through the same conversion.
 */
@FunctionalInterface
public interface HostFunction {

    /**
     * @param arguments one per declared parameter, in order
     * @return a {@code Number}, {@code String}, {@code Boolean}, {@code List}, array or {@code Map}
     * @throws IllegalArgumentException when an argument is outside the function's domain; the script
     *     sees the message as an error at the call
     */
    Object apply(List<Object> arguments);

    /**
     * {@code f} as a script function.
     *
     * @param name the name scripts call it by
     * @param parameters its parameter names, for named arguments and messages
     */
    static FunctionValue asFunction(String name, List<String> parameters, HostFunction f) {
        List<String> params = List.copyOf(parameters);
        return new FunctionValue(name, params, args -> {
            List<Object> in = new ArrayList<>();
            for (String p : params) {
                Value v = args.get(p).orElseThrow(() -> new IllegalArgumentException("missing argument '" + p + "'"));
                in.add(PlainJava.of(v));
            }
            for (String k : args.fields().keySet()) {
                if (!params.contains(k)) {
                    throw new IllegalArgumentException("no parameter '" + k + "'; it takes (" + String.join(", ", params) + ")");
                }
            }
            Object out = f.apply(in);
            try {
                return PlainJava.toValue(out);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("returned a value prec cannot hold: " + e.getMessage());
            }
        });
    }
}
