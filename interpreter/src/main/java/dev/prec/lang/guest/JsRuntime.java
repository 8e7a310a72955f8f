package dev.prec.lang.guest;

import dev.prec.lang.value.FunctionValue;
import dev.prec.lang.value.RecordValue;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * JavaScript through GraalJS: one shared {@link Engine}, one sandboxed {@link Context} reused by every
 * call (calls are serialised on this runtime). A call that breaks a limit closes the context with
 * cancellation; the next call builds a fresh one and re-evaluates the function sources it needs.
 */
final class JsRuntime implements GuestLanguage {
    private static final String LANGUAGE = "js";
    /** How often the watchdog looks at the clock and the heap during a call. */
    private static final long POLL_MILLIS = 5;

    /**
     * One engine for every runtime: it caches parsed sources and code across contexts, which is what
     * makes a fresh context (after a limit was hit) cheap.
     */
    private static final Engine ENGINE = Engine.newBuilder(LANGUAGE)
            // Stock JDK runs Truffle without its compiler; the warning would reach the user on every start.
            .option("engine.WarnInterpreterOnly", "false")
            .out(OutputStream.nullOutputStream())
            .err(OutputStream.nullOutputStream())
            .build();
    /** One daemon thread watches every call of every runtime. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "prec-guest-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final GuestLimits limits;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private Context context;
    /** Bumped whenever the context is replaced, so functions know to re-evaluate their source. */
    private long generation;

    JsRuntime(GuestLimits limits) {
        this.limits = limits;
    }

    @Override
    public synchronized FunctionValue define(String name, String source) {
        JsFunction f = new JsFunction(source);
        Value v = f.resolve();
        List<String> params = GuestValues.parameterNames(v);
        return new FunctionValue(name, params, args -> call(f, name, params, args));
    }

    private synchronized dev.prec.lang.value.Value call(JsFunction f, String name, List<String> params, RecordValue args) {
        for (String k : args.fields().keySet()) {
            if (!params.contains(k)) {
                throw new IllegalArgumentException("no parameter '" + k + "'; it takes (" + String.join(", ", params) + ")");
            }
        }
        Value fn = f.resolve();
        Object[] in = new Object[params.size()];
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            dev.prec.lang.value.Value a = args.get(p).orElseThrow(() ->
                    new IllegalArgumentException("missing argument '" + p + "'"));
            in[i] = GuestValues.toGuest(context, a, "argument '" + p + "'");
        }
        Value out = guarded(() -> fn.execute(in));
        return GuestValues.toPrec(out, "the result of " + name);
    }

    /** A guest function's source and its value in the current context, re-evaluated after a reset. */
    private final class JsFunction {
        private final String source;
        private Value value;
        private long valueGeneration = -1;

        JsFunction(String source) {
            this.source = source;
        }

        Value resolve() {
            if (context == null) {
                open();
            }
            if (valueGeneration != generation) {
                Value v = guarded(() -> context.eval(LANGUAGE, source));
                if (!v.canExecute()) {
                    throw new IllegalArgumentException("the JavaScript source must evaluate to a function, got "
                            + GuestValues.describe(v));
                }
                value = v;
                valueGeneration = generation;
            }
            return value;
        }
    }

    private void open() {
        context = Context.newBuilder(LANGUAGE)
                .engine(ENGINE)
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(limits.statements(), null).build())
                .build();
        generation++;
    }

    /**
     * Runs {@code action} under the statement, wall-time and heap limits; a breach cancels the context
     * (it is rebuilt on the next call) and becomes an {@link IllegalArgumentException} saying which limit.
     */
    private <T> T guarded(java.util.function.Supplier<T> action) {
        Context ctx = context;
        ctx.resetLimits();
        AtomicReference<String> breach = new AtomicReference<>();
        long start = System.nanoTime();
        long heapStart = memory.getHeapMemoryUsage().getUsed();
        ScheduledFuture<?> guard = WATCHDOG.scheduleAtFixedRate(() -> {
            String why = null;
            if (System.nanoTime() - start > limits.wallTime().toNanos()) {
                why = "ran longer than the wall-time limit of " + limits.wallTime().toMillis() + " ms";
            } else if (memory.getHeapMemoryUsage().getUsed() - heapStart > limits.heapBytes()) {
                why = "allocated more than the heap limit of " + (limits.heapBytes() >> 20) + " MiB";
            }
            if (why != null && breach.compareAndSet(null, why)) {
                ctx.close(true);
            }
        }, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        try {
            return action.get();
        } catch (PolyglotException e) {
            throw failure(e, breach.get());
        } catch (IllegalStateException e) {
            // The watchdog closed the context between two polyglot operations.
            reset();
            throw new IllegalArgumentException("JavaScript " + (breach.get() != null ? breach.get() : "context closed: "
                    + e.getMessage()));
        } catch (StackOverflowError e) {
            reset();
            throw new IllegalArgumentException("JavaScript recursed too deeply");
        } finally {
            guard.cancel(false);
        }
    }

    private IllegalArgumentException failure(PolyglotException e, String breach) {
        if (e.isCancelled() || e.isResourceExhausted() || e.isInterrupted() || e.isExit() || e.isInternalError()) {
            reset();
        }
        String message;
        if (breach != null) {
            message = breach;
        } else if (e.isResourceExhausted() && e.getMessage() != null && e.getMessage().contains("Statement count")) {
            message = "executed more than the statement limit of " + limits.statements() + " statements";
        } else if (e.isSyntaxError()) {
            message = "syntax error: " + e.getMessage();
        } else {
            message = "error: " + e.getMessage();
        }
        return new IllegalArgumentException("JavaScript " + message);
    }

    private void reset() {
        if (context != null) {
            try {
                context.close(true);
            } catch (RuntimeException alreadyClosed) {
                // Closing a cancelled context may report the cancellation again; it is closed either way.
            }
        }
        context = null;
    }
}
