package dev.prec.lang.eval;

import dev.prec.lang.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local names during evaluation (a law's variables, a where row's columns), in front of the
 * session's top-level bindings. Immutable once made except for {@link #define} while a law body
 * binds its intermediate values.
 */
final class Env {
    /** Names bound here. */
    private final Map<String, Value> values;
    /** The enclosing environment; null at the top, where the session's bindings are. */
    private final Env parent;
    /** The session whose top-level bindings end the chain. */
    private final Session session;

    private Env(Map<String, Value> values, Env parent, Session session) {
        this.values = values;
        this.parent = parent;
        this.session = session;
    }

    static Env top(Session session) {
        return new Env(new HashMap<>(), null, session);
    }

    Env child(Map<String, Value> locals) {
        return new Env(new HashMap<>(locals), this, session);
    }

    void define(String name, Value value) {
        values.put(name, value);
    }

    Optional<Value> lookup(String name) {
        Value v = values.get(name);
        if (v != null) {
            return Optional.of(v);
        }
        return parent != null ? parent.lookup(name) : session.lookup(name);
    }

    Session session() {
        return session;
    }

    /** Every name visible here, innermost first, for suggestions. */
    List<String> names() {
        List<String> all = new ArrayList<>(values.keySet());
        if (parent != null) {
            all.addAll(parent.names());
        } else {
            all.addAll(session.bindings().keySet());
        }
        return all;
    }
}
