package dev.prec.lang.guest;

import dev.prec.lang.builtin.Builtin;
import dev.prec.lang.builtin.Param;
import dev.prec.lang.builtin.Signature;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Type;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-ins behind {@code fn name = js "..."}: {@code js(source)} defines a sandboxed JavaScript
 * function and {@code file(path)} reads guest source from a file next to the script.
 */
public final class GuestBuiltins {
    /** Guest source files larger than this are refused: source, not data, belongs there. */
    private static final long MAX_SOURCE_BYTES = 1L << 20;

    private GuestBuiltins() {
    }

    /** {@code js} and {@code file}. */
    public static List<Builtin> all() {
        return List.of(
                new Builtin(new Signature("js", List.of(Param.required("source", Type.STRING,
                        "JavaScript whose value is a function, e.g. \"(N, D, P) => 6*N*D*P/16\""),
                        Param.optional("limits", new Type.Rec(Map.of()), RecordValue.EMPTY,
                                "per-call limits { statements, wall_s, heap_mib }; written fn f = js \"...\" with {...}")),
                        Type.of(Type.Kind.FUNCTION), "a sandboxed JavaScript function (no IO, host access, threads,"
                        + " processes or environment; statement, time and heap limits per call)"),
                        Optional.empty(), (a, c) -> javascript(c.guestPolicy().limitsFor((RecordValue) a.get("limits")
                                .orElse(RecordValue.EMPTY))).define("js function", string(a.get("source")))),
                new Builtin(new Signature("file", List.of(Param.required("path", Type.STRING,
                        "the file, relative to the script")), Type.STRING, "the text of a file (UTF-8, at most 1 MiB),"
                        + " e.g. guest source: fn f = js file(\"cost.js\")"),
                        Optional.empty(), (a, c) -> new StringValue(read(c.resolve(string(a.get("path")))))));
    }

    /** The runtime, or a script error when the polyglot jars are missing or cannot start. */
    private static GuestLanguage javascript(GuestLimits limits) {
        try {
            return Guests.javascript(limits);
        } catch (LinkageError | InternalError e) {
            throw new IllegalArgumentException("JavaScript functions are unavailable in this installation: " + e);
        }
    }

    private static String string(Optional<dev.prec.lang.value.Value> v) {
        return ((StringValue) v.orElseThrow()).value();
    }

    private static String read(Path path) {
        try {
            if (Files.size(path) > MAX_SOURCE_BYTES) {
                throw new IllegalArgumentException(path + " is larger than 1 MiB");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage());
        }
    }
}
