package dev.prec.lang.guest;

import dev.prec.lang.value.FunctionValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guest languages. The JavaScript runtime (one shared polyglot engine) is created on first use;
 * until then no {@code org.graalvm} class is loaded.
 */
public final class Guests {

    private Guests() {
    }

    /** JavaScript, sandboxed with {@link GuestLimits#DEFAULT}. */
    public static GuestLanguage javascript() {
        return javascript(GuestLimits.DEFAULT);
    }

    /**
     * JavaScript, sandboxed with {@code limits}. Functions with equal limits share one runtime (one context);
     * a statement limit belongs to a context, so different limits need different runtimes.
     *
     * @param limits what each call of a function it defines may use
     */
    public static GuestLanguage javascript(GuestLimits limits) {
        return JsHolder.runtime(java.util.Objects.requireNonNull(limits, "limits"));
    }

    /**
     * @param language a language name as written after {@code fn name =}
     * @return whether prec can run functions written in it
     */
    public static boolean supports(String language) {
        return "js".equals(language);
    }

    /**
     * A host's executable {@code org.graalvm.polyglot.Value} as a script function; typed {@code Object}
     * so that callers' signatures do not load the polyglot classes.
     *
     * @param name the name scripts call it by
     * @param polyglotFunction an executable polyglot value from the host's own context
     * @throws IllegalArgumentException when it is not one
     */
    public static FunctionValue polyglotFunction(String name, Object polyglotFunction) {
        return HostPolyglot.function(name, polyglotFunction);
    }

    /** Initialised on the first {@link #javascript} call: the JVM's lazy class initialisation. */
    private static final class JsHolder {
        /**
         * Runtimes by limits, least recently used first. Bounded so that a script generating many distinct
         * limits cannot pile up contexts; an evicted runtime lives on in the functions that use it.
         */
        private static final int KEPT = 8;
        private static final Map<GuestLimits, JsRuntime> RUNTIMES = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<GuestLimits, JsRuntime> eldest) {
                return size() > KEPT;
            }
        };

        static synchronized GuestLanguage runtime(GuestLimits limits) {
            return RUNTIMES.computeIfAbsent(limits, JsRuntime::new);
        }
    }
}
