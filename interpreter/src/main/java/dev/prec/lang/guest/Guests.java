package dev.prec.lang.guest;

import dev.prec.lang.value.FunctionValue;

/**
 * The guest languages. The JavaScript runtime (one shared polyglot engine) is created on first use;
 * until then no {@code org.graalvm} class is loaded.
 */
public final class Guests {

    private Guests() {
    }

    /** JavaScript, sandboxed with {@link GuestLimits#DEFAULT}. */
    public static GuestLanguage javascript() {
        return JsHolder.INSTANCE;
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

    /** Initialised on the first {@link #javascript()} call: the JVM's lazy class initialisation. */
    private static final class JsHolder {
        static final GuestLanguage INSTANCE = new JsRuntime(GuestLimits.DEFAULT);
    }
}
