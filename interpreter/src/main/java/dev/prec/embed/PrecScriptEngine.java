package dev.prec.embed;

import dev.prec.lang.diag.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.util.Map;
import java.util.regex.Pattern;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/**
 * prec behind the JSR-223 {@link ScriptEngine} interface. Before each evaluation the context's
 * global and engine bindings whose names are prec names are bound in the script (engine scope wins);
 * after it every top-level binding of the session is copied back into the engine scope as plain
 * Java. {@code print} writes to the context's writer. A script error is a {@link ScriptException}
 * with the file, line and column of the first error.
 */
public final class PrecScriptEngine extends AbstractScriptEngine {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

    private final PrecScriptEngineFactory factory;
    private final PrecEngine engine;

    PrecScriptEngine(PrecScriptEngineFactory factory, PrecEngine engine) {
        this.factory = factory;
        this.engine = engine;
    }

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        synchronized (engine) {
            bindIn(context.getBindings(ScriptContext.GLOBAL_SCOPE));
            bindIn(context.getBindings(ScriptContext.ENGINE_SCOPE));
            Writer writer = context.getWriter();
            PrintWriter out = writer instanceof PrintWriter p ? p : new PrintWriter(writer, true);
            engine.onOutput(line -> {
                out.println(line);
                out.flush();
            });
            try {
                Object result = engine.eval(script);
                copyOut(context.getBindings(ScriptContext.ENGINE_SCOPE));
                return result;
            } catch (PrecException e) {
                copyOut(context.getBindings(ScriptContext.ENGINE_SCOPE));
                Diagnostic first = e.first();
                Object file = context.getAttribute(ScriptEngine.FILENAME);
                ScriptException se = new ScriptException(e.getMessage(), file == null ? first.span().file() : file.toString(),
                        first.span().line(), first.span().column());
                se.initCause(e);
                throw se;
            }
        }
    }

    private void bindIn(Bindings bindings) {
        if (bindings == null) {
            return;
        }
        for (Map.Entry<String, Object> e : bindings.entrySet()) {
            if (NAME.matcher(e.getKey()).matches() && e.getValue() != null && !e.getKey().equals("context")) {
                try {
                    engine.put(e.getKey(), e.getValue());
                } catch (IllegalArgumentException notAPrecValue) {
                    // Hosts keep objects of their own in shared bindings; prec sees only values it can hold.
                }
            }
        }
    }

    private void copyOut(Bindings bindings) {
        if (bindings != null) {
            bindings.putAll(engine.bindings());
        }
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n; (n = reader.read(buffer)) > 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ScriptException(e);
        }
        return eval(text.toString(), context);
    }

    @Override
    public Bindings createBindings() {
        return new SimpleBindings();
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }
}
