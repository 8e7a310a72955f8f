package dev.prec.lang.eval;

import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.guest.GuestPolicy;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Value;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The state that outlives one evaluation: top-level bindings, overrides from the command line, where
 * {@code print} writes, and the action context (progress, cancellation). A REPL keeps one session;
 * a host program keeps one per {@code PrecEngine}. Not thread-safe: one evaluation at a time.
 */
public final class Session {
    /** Top-level bindings, in the order they were made. */
    private final Map<String, Value> bindings = new LinkedHashMap<>();
    /** Values that replace a script's own binding of the same name ({@code prec run --set}). */
    private final Map<String, Value> overrides = new LinkedHashMap<>();
    /** Receives each line {@code print} shows. */
    private final Consumer<String> out;
    /** Progress and cancellation of the running action. */
    private final ActionContext context;
    /** Directory relative paths resolve against. */
    private Path baseDirectory;
    /** What runs in this session produced, for {@code report}; a scratch copy starts its own. */
    private final RunJournal journal = new RunJournal();
    /** The limits of guest functions defined in this session; the host's to set. */
    private GuestPolicy guestPolicy = GuestPolicy.DEFAULT;

    /**
     * @param out receives printed text, one call per {@code print}
     * @param context progress listener and cancellation flag
     * @param baseDirectory where relative paths in scripts resolve
     */
    public Session(Consumer<String> out, ActionContext context, Path baseDirectory) {
        if (out == null || context == null || baseDirectory == null) {
            throw new IllegalArgumentException("out, context and baseDirectory are required");
        }
        this.out = out;
        this.context = context;
        this.baseDirectory = baseDirectory;
    }

    /**
     * A copy for planning: same bindings, overrides, context and directory, but printing nowhere,
     * so planning can evaluate declarations without touching this session.
     */
    public Session scratch() {
        Session copy = new Session(text -> { }, context, baseDirectory);
        copy.guestPolicy = guestPolicy;
        copy.bindings.putAll(bindings);
        copy.overrides.putAll(overrides);
        return copy;
    }

    public void define(String name, Value value) {
        bindings.put(name, value);
    }

    public Optional<Value> lookup(String name) {
        return Optional.ofNullable(bindings.get(name));
    }

    /** Every binding, in the order made; unmodifiable view. */
    public Map<String, Value> bindings() {
        return Collections.unmodifiableMap(bindings);
    }

    /** The types of the bindings, as the checker's starting scope. */
    public Map<String, Type> types() {
        Map<String, Type> types = new LinkedHashMap<>();
        bindings.forEach((k, v) -> types.put(k, v.type()));
        return types;
    }

    /** Makes the script's own binding of {@code name} take {@code value} instead. */
    public void override(String name, Value value) {
        overrides.put(name, value);
    }

    public Optional<Value> overrideOf(String name) {
        return Optional.ofNullable(overrides.get(name));
    }

    public Map<String, Value> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    public Consumer<String> out() {
        return out;
    }

    public ActionContext context() {
        return context;
    }

    public RunJournal journal() {
        return journal;
    }

    public Path baseDirectory() {
        return baseDirectory;
    }

    public void baseDirectory(Path dir) {
        this.baseDirectory = dir;
    }

    public GuestPolicy guestPolicy() {
        return guestPolicy;
    }

    /** Sets the limits of the guest functions defined from now on; functions defined earlier keep theirs. */
    public void guestPolicy(GuestPolicy policy) {
        this.guestPolicy = java.util.Objects.requireNonNull(policy, "policy");
    }
}
