package dev.prec.embed;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * JSR-223 registration of prec: {@code new ScriptEngineManager().getEngineByName("prec")} or
 * {@code getEngineByExtension("prec")}. Registered in {@code META-INF/services/javax.script.ScriptEngineFactory}.
 */
public final class PrecScriptEngineFactory implements ScriptEngineFactory {

    @Override
    public String getEngineName() {
        return "prec";
    }

    @Override
    public String getEngineVersion() {
        return Prec.version();
    }

    @Override
    public List<String> getExtensions() {
        return List.of("prec");
    }

    @Override
    public List<String> getMimeTypes() {
        return List.of("text/x-prec");
    }

    @Override
    public List<String> getNames() {
        return List.of("prec", "Prec");
    }

    @Override
    public String getLanguageName() {
        return "prec";
    }

    @Override
    public String getLanguageVersion() {
        return Prec.version();
    }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> getNames().getFirst();
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            // One engine per thread at a time: evaluations of one engine are serialized.
            case "THREADING" -> "MULTITHREADED";
            default -> null;
        };
    }

    /** prec has no methods on values; a call is a function applied to the object and the arguments. */
    @Override
    public String getMethodCallSyntax(String obj, String method, String... args) {
        String rest = args.length == 0 ? "" : ", " + String.join(", ", args);
        return method + "(" + obj + rest + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "print \"" + toDisplay.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String getProgram(String... statements) {
        return Arrays.stream(statements).collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new PrecScriptEngine(this, Prec.engine());
    }
}
