package dev.prec.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.eval.Plan;
import dev.prec.lang.eval.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example script checks and has a plan; every example that needs no engine also runs to the
 * end. An example with engine actions is skipped from running, with the engines it needs as the reason.
 */
class ExamplesTest {
    /** The examples directory: this module's base directory, where surefire runs. */
    static final Path EXAMPLES = Path.of("").toAbsolutePath();

    static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> all = files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".prec")).sorted().toList();
            assertTrue(all.size() >= 3, "expected the example scripts in " + EXAMPLES);
            return all;
        }
    }

    private static Session session(Path script, List<String> printed) {
        return Pipeline.session(printed::add, script.toAbsolutePath().getParent());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleChecksAndHasAPlan() throws IOException {
        return scripts().stream().map(p -> DynamicTest.dynamicTest("check " + p.getFileName(), () -> {
            SourceFile source = new SourceFile(p.getFileName().toString(), Files.readString(p));
            DiagnosticSink sink = new DiagnosticSink();
            Optional<Plan> plan = Pipeline.withInstalledEngines().plan(source, session(p, new ArrayList<>()), sink);
            assertTrue(plan.isPresent() && sink.all().isEmpty(), DiagnosticRenderer.render(sink.all(), source));
            assertTrue(plan.get().render().startsWith("plan: "), plan.get().render());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleWhoseEnginesArePresentRuns() throws IOException {
        return scripts().stream().map(p -> DynamicTest.dynamicTest("run " + p.getFileName(), () -> {
            SourceFile source = new SourceFile(p.getFileName().toString(), Files.readString(p));
            Pipeline pipeline = Pipeline.withInstalledEngines();
            List<String> printed = new ArrayList<>();
            DiagnosticSink sink = new DiagnosticSink();
            Plan plan = pipeline.plan(source, session(p, printed), sink).orElseThrow();
            // Examples with actions train, fit or solve: real work, checked here and run by their engines' tests.
            Assumptions.assumeTrue(plan.needs().isEmpty(), () -> p.getFileName() + " is checked only: it needs "
                    + plan.needs().stream().map(c -> c.description()).collect(Collectors.joining(", ")));
            boolean ran = pipeline.run(source, session(p, printed), sink).isPresent();
            assertTrue(ran, DiagnosticRenderer.render(sink.all(), source));
            assertTrue(!printed.isEmpty(), p.getFileName() + " printed nothing");
        }));
    }
}
