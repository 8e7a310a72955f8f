package dev.prec.embed;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.engine.ProgressEvent;
import dev.prec.lang.eval.Plan;
import dev.prec.lang.eval.Session;
import dev.prec.lang.guest.GuestPolicy;
import dev.prec.lang.guest.Guests;
import dev.prec.lang.guest.HostFunction;
import dev.prec.lang.value.PlainJava;
import dev.prec.lang.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One prec session for a host program: names bound by one {@link #eval} stay visible to the next.
 * Evaluations run one at a time (calls are serialized); {@link #cancel()} may be called from any thread.
 *
 * <pre>{@code
 * PrecEngine prec = Prec.engine();
 * prec.put("width", 64);
 * prec.eval("model m = transformer(layers: 2, width: width, heads: 4, context: 64)");
 * double n = (Double) prec.eval("m.params");
 * }</pre>
 */
public final class PrecEngine {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

    private final Pipeline pipeline;
    private final Session session;
    /** Set by {@link #cancel()}, cleared when an evaluation starts. */
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Receive progress events of running actions. */
    private final List<Consumer<ProgressEvent>> listeners = new CopyOnWriteArrayList<>();
    /** Receives each line {@code print} shows; standard output until {@link #onOutput} changes it. */
    private volatile Consumer<String> output = System.out::println;

    PrecEngine(Engines engines) {
        this.pipeline = new Pipeline(engines);
        ActionContext context = new ActionContext(e -> listeners.forEach(l -> l.accept(e)), cancelled);
        this.session = new Session(line -> output.accept(line), context, Path.of("").toAbsolutePath());
    }

    /** Sends what scripts {@code print} to {@code out} instead of standard output. */
    public PrecEngine onOutput(Consumer<String> out) {
        this.output = java.util.Objects.requireNonNull(out, "out");
        return this;
    }

    /** Adds a listener for progress events of long actions (train, fit, ...); called on engine threads. */
    public PrecEngine onProgress(Consumer<ProgressEvent> listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Trains the sweeps of the scripts that follow with the executor of that name, over the
     * scripts' own {@code executor} option: {@code local}, or {@code spark} when the cluster
     * module is on the classpath (docs/cluster.md).
     *
     * @param name the executor's name
     * @param settings its settings, e.g. {@code master} for {@code spark}; none for {@code local}
     * @return this engine
     * @throws IllegalArgumentException if no executor of that name is on the classpath, or
     *     {@code local} is given settings
     */
    public PrecEngine executor(String name, Map<String, String> settings) {
        session.context().executor().set(new dev.prec.sweep.ExecutorChoice(name, settings).requireAvailable());
        return this;
    }

    /**
     * Binds {@code name} for the scripts that follow.
     *
     * @param value a {@code Number}, {@code String}, {@code Boolean}, {@code List}, array, {@code Map}
     *     with string keys, or a prec {@link Value}
     * @throws IllegalArgumentException if {@code name} is not a valid name or {@code value} has no prec counterpart
     */
    public synchronized PrecEngine put(String name, Object value) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid prec name");
        }
        session.define(name, PlainJava.toValue(value));
        return this;
    }

    /**
     * Makes a Java function callable from the scripts that follow, like a built-in: {@code name(x, y)},
     * {@code name(y: 2, x: 1)}, or as {@code optimize ... with { cost: name }} when it takes (N, D, P).
     *
     * @param name the name scripts call it by
     * @param parameters its parameter names, in order
     * @param function receives the arguments as plain Java (see {@link HostFunction})
     * @throws IllegalArgumentException if {@code name} or a parameter is not a valid name
     */
    public synchronized PrecEngine register(String name, List<String> parameters, HostFunction function) {
        parameters.forEach(p -> requireName(p));
        session.define(requireName(name), HostFunction.asFunction(name, parameters, java.util.Objects.requireNonNull(
                function, "function")));
        return this;
    }

    /**
     * Makes an executable {@code org.graalvm.polyglot.Value} from the host's own polyglot context callable
     * from scripts; its parameter names are read from its source. It runs with the host context's
     * permissions (prec's sandbox is for script-defined {@code fn}s).
     *
     * @param polyglotFunction an executable {@code org.graalvm.polyglot.Value}
     * @throws IllegalArgumentException if {@code name} is not valid or the value is not executable
     */
    public synchronized PrecEngine register(String name, Object polyglotFunction) {
        session.define(requireName(name), Guests.polyglotFunction(name, polyglotFunction));
        return this;
    }

    /**
     * Sets the limits of the guest functions ({@code fn f = js "..."}) that scripts define from now on:
     * the defaults a {@code fn} gets and the ceiling its {@code with { statements, wall_s, heap_mib }} may
     * not exceed. {@link GuestPolicy#DEFAULT} until called; {@code GuestPolicy.fixed(limits)} stops scripts
     * from raising them. Functions defined earlier keep their limits.
     *
     * @param policy defaults and ceiling; see {@link dev.prec.lang.guest.GuestLimits} for each limit's meaning and range
     */
    public synchronized PrecEngine guestPolicy(GuestPolicy policy) {
        session.guestPolicy(java.util.Objects.requireNonNull(policy, "policy"));
        return this;
    }

    /** The guest limits scripts of this engine get; see {@link #guestPolicy(GuestPolicy)}. */
    public synchronized GuestPolicy guestPolicy() {
        return session.guestPolicy();
    }

    private static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid prec name");
        }
        return name;
    }

    /**
     * The value bound to {@code name} as plain Java: {@code Double}, {@code String}, {@code Boolean},
     * {@code List}, {@code Map<String, Object>}, {@code Path} (plots), or null for nothing.
     *
     * @throws IllegalArgumentException if nothing is bound to {@code name}
     */
    public synchronized Object get(String name) {
        return PlainJava.of(value(name));
    }

    /** The number bound to {@code name}; its unit, if any, is dropped. */
    public double getNumber(String name) {
        if (get(name) instanceof Double d) {
            return d;
        }
        throw new IllegalArgumentException("'" + name + "' is a " + value(name).type().describe() + ", not a number");
    }

    /**
     * The prec value bound to {@code name}, for hosts that want types and units.
     *
     * @throws IllegalArgumentException if nothing is bound to {@code name}
     */
    public synchronized Value value(String name) {
        return session.lookup(name).orElseThrow(() -> new IllegalArgumentException("nothing is bound to '" + name + "'"));
    }

    public synchronized boolean has(String name) {
        return session.lookup(name).isPresent();
    }

    /** Every binding as plain Java, in the order made. */
    public synchronized Map<String, Object> bindings() {
        Map<String, Object> out = new LinkedHashMap<>();
        session.bindings().forEach((k, v) -> out.put(k, PlainJava.of(v)));
        return out;
    }

    /**
     * Checks and runs {@code script}.
     *
     * @return the value of the last statement as plain Java (see {@link #get}); null when it is not an expression
     * @throws PrecException if the script has errors or fails while running; bindings made before a
     *     runtime failure stay
     */
    public Object eval(String script) throws PrecException {
        return PlainJava.of(evalValue(new SourceFile("<string>", script), session.baseDirectory()));
    }

    /**
     * Checks and runs the script in {@code file}; relative paths in it resolve against its directory.
     *
     * @throws PrecException as {@link #eval(String)}, or if the file cannot be read
     */
    public Object eval(Path file) throws PrecException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            SourceFile none = new SourceFile(file.toString(), "");
            throw new PrecException(List.of(dev.prec.lang.diag.Diagnostic.error(
                    new dev.prec.lang.diag.Span(file.toString(), 1, 1, 1, 1), "io",
                    "cannot read " + file + ": " + e.getMessage(), "")), none);
        }
        Path dir = file.toAbsolutePath().getParent();
        return PlainJava.of(evalValue(new SourceFile(file.toString(), text), dir == null ? session.baseDirectory() : dir));
    }

    private synchronized Value evalValue(SourceFile source, Path dir) throws PrecException {
        cancelled.set(false);
        Path before = session.baseDirectory();
        session.baseDirectory(dir);
        try {
            DiagnosticSink sink = new DiagnosticSink();
            Optional<Value> v = pipeline.run(source, session, sink);
            if (v.isEmpty()) {
                throw new PrecException(sink.all(), source);
            }
            return v.get();
        } finally {
            session.baseDirectory(before);
        }
    }

    /**
     * Checks {@code script} and returns its plan (sweeps, runs, FLOPs, engines needed) without running it.
     *
     * @throws PrecException if the script has errors
     */
    public synchronized Plan plan(String script) throws PrecException {
        SourceFile source = new SourceFile("<string>", script);
        DiagnosticSink sink = new DiagnosticSink();
        return pipeline.plan(source, session, sink).orElseThrow(() -> new PrecException(sink.all(), source));
    }

    /** Asks the running evaluation to stop at its next check; it then fails with a "cancelled" error. */
    public void cancel() {
        cancelled.set(true);
    }
}
