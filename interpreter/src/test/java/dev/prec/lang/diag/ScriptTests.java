package dev.prec.lang.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs every {@code .prec} script of a test-resource directory as one dynamic test, checking what
 * happened against the expectations in the script's comments ({@link ScriptExpectations} documents
 * the comment syntax). A phase's test class needs one method:
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; parseScripts() {
 *     return ScriptTests.inResources("lang/parse", source -&gt; {
 *         DiagnosticSink sink = new DiagnosticSink();
 *         Parser.parse(source, sink);
 *         return ScriptTests.Outcome.diagnostics(sink.all());
 *     });
 * }
 * </pre>
 */
public final class ScriptTests {
    private ScriptTests() {
    }

    /**
     * What running a script produced.
     *
     * @param diagnostics every diagnostic reported, in order
     * @param output the printed lines, or empty when the phase prints nothing (then {@code // expect:}
     *     lines are not checked)
     * @param runtimeError the runtime error evaluation stopped with, if any
     */
    public record Outcome(List<Diagnostic> diagnostics, Optional<List<String>> output, Optional<Diagnostic> runtimeError) {
        public Outcome {
            diagnostics = List.copyOf(diagnostics);
            output = output.map(List::copyOf);
        }

        /** The outcome of a phase that only reports diagnostics (parsing, checking). */
        public static Outcome diagnostics(List<Diagnostic> diagnostics) {
            return new Outcome(diagnostics, Optional.empty(), Optional.empty());
        }
    }

    /**
     * One dynamic test per {@code .prec} file directly in the class-path directory {@code resourceDir},
     * sorted by name.
     *
     * @param resourceDir e.g. {@code "lang/parse"}
     * @param run runs the phase under test on a script
     */
    public static Stream<DynamicTest> inResources(String resourceDir, Function<SourceFile, Outcome> run) {
        Path dir = resourceDirectory(resourceDir);
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".prec")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(!scripts.isEmpty(), "no .prec scripts in " + dir);
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(),
                () -> check(read(p), run)));
    }

    /** Runs {@code source} and fails with every mismatch listed when the outcome is not the expected one. */
    public static void check(SourceFile source, Function<SourceFile, Outcome> run) {
        ScriptExpectations expected = ScriptExpectations.of(source);
        Outcome outcome = run.apply(source);
        List<String> problems = expected.mismatches(outcome.diagnostics());
        if (!problems.isEmpty()) {
            fail(source.name() + ":\n  " + String.join("\n  ", problems) + "\nrendered:\n"
                    + DiagnosticRenderer.render(outcome.diagnostics(), source));
        }
        outcome.output().ifPresent(lines -> assertEquals(expected.output(), lines, source.name() + ": printed output"));
        if (expected.runtimeError().isPresent() || outcome.runtimeError().isPresent()) {
            String want = expected.runtimeError().map(Object::toString).orElse("no runtime error");
            boolean ok = expected.runtimeError().isPresent() && outcome.runtimeError().isPresent()
                    && expected.runtimeError().get().matches(outcome.runtimeError().get());
            if (!ok) {
                fail(source.name() + ": expected " + want + ", got "
                        + outcome.runtimeError().map(d -> d.span() + ": " + d.message()).orElse("no runtime error"));
            }
        }
    }

    /** Reads a script, naming it by its file name so that expectations and spans agree. */
    public static SourceFile read(Path path) {
        try {
            return new SourceFile(path.getFileName().toString(), Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceDirectory(String resourceDir) {
        URL url = ScriptTests.class.getClassLoader().getResource(resourceDir);
        if (url == null) {
            throw new IllegalArgumentException("no test resource directory " + resourceDir);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
