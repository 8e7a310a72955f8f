package dev.prec.lang.check;

import dev.prec.lang.diag.Span;
import dev.prec.lang.value.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names visible at one point of a script, innermost first: a law body or a {@code where} condition
 * inside the script's top level.
 */
final class Scope {

    /**
     * A name the checker knows.
     *
     * @param type its type
     * @param declared where it was declared ({@link Span#NONE} for host values)
     * @param fromThisScript true when this very check declared it (redeclaring it is an error)
     */
    record Symbol(Type type, Span declared, boolean fromThisScript) {
    }

    /** The enclosing scope, null at the top level. */
    private final Scope parent;
    /** Names declared here. */
    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    /**
     * True inside a {@code where} over runs whose columns are known only at run time: unknown names
     * there are columns of type any, not errors.
     */
    private final boolean open;

    Scope(Scope parent, boolean open) {
        this.parent = parent;
        this.open = open;
    }

    static Scope top() {
        return new Scope(null, false);
    }

    Scope child() {
        return new Scope(this, false);
    }

    Scope openChild() {
        return new Scope(this, true);
    }

    void define(String name, Symbol symbol) {
        symbols.put(name, symbol);
    }

    Optional<Symbol> lookup(String name) {
        Symbol s = symbols.get(name);
        if (s != null) {
            return Optional.of(s);
        }
        return parent == null ? Optional.empty() : parent.lookup(name);
    }

    /** The symbol declared in this very scope, not an enclosing one. */
    Optional<Symbol> local(String name) {
        return Optional.ofNullable(symbols.get(name));
    }

    /** True when this scope or an enclosing one treats unknown names as run-time columns. */
    boolean isOpen() {
        return open || (parent != null && parent.isOpen());
    }

    /** Every visible name, innermost first, for suggestions. */
    List<String> names() {
        List<String> all = new ArrayList<>(symbols.keySet());
        if (parent != null) {
            all.addAll(parent.names());
        }
        return all;
    }
}
