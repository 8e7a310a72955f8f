package dev.prec.lang.guest;

import dev.prec.lang.value.FunctionValue;

/** A language guest functions are written in; implementations hide the polyglot types. */
public interface GuestLanguage {

    /**
     * Evaluates {@code source} in the sandbox; its value must be a function.
     *
     * @param name the name shown in messages and tables
     * @param source the guest code whose completion value is the function
     * @return a function callable from scripts; each call is checked against this language's limits
     * @throws IllegalArgumentException when the source does not compile, breaks a limit or is not a function
     */
    FunctionValue define(String name, String source);
}
