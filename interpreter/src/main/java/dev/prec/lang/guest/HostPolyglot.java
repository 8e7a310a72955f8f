package dev.prec.lang.guest;

import dev.prec.lang.value.FunctionValue;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A host's own executable polyglot value as a script function. It runs in the host's context with
 * the host's permissions and limits: the host chose them, so prec adds no sandbox of its own.
 */
final class HostPolyglot {
    private HostPolyglot() {
    }

    /**
     * @throws IllegalArgumentException when {@code value} is not an executable {@link Value}
     */
    static FunctionValue function(String name, Object value) {
        if (!(value instanceof Value fn) || !fn.canExecute()) {
            throw new IllegalArgumentException("'" + name + "' must be an executable org.graalvm.polyglot.Value");
        }
        List<String> params = GuestValues.parameterNames(fn);
        return new FunctionValue(name, params, args -> {
            Object[] in = new Object[params.size()];
            for (int i = 0; i < params.size(); i++) {
                String p = params.get(i);
                in[i] = GuestValues.toGuest(fn.getContext(), args.get(p).orElseThrow(() ->
                        new IllegalArgumentException("missing argument '" + p + "'")), "argument '" + p + "'");
            }
            synchronized (fn) {
                try {
                    return GuestValues.toPrec(fn.execute(in), "the result of " + name);
                } catch (PolyglotException e) {
                    throw new IllegalArgumentException("error: " + e.getMessage());
                }
            }
        });
    }
}
