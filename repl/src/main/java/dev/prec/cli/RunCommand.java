package dev.prec.cli;

import dev.prec.lang.diag.DiagnosticSink;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prec run FILE [--set name=value]...}: check the script, then run it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Check a .prec script, print its plan when it trains, then run it.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .prec script")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "replace the script's binding of NAME with VALUE, a prec expression (repeatable)")
    Map<String, String> sets = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScriptInput.Planned planned = ScriptInput.plan(file, sets, out, err);
        if (planned.plan().trainedRuns() > 0) {
            err.print(planned.plan().render());
            err.flush();
        }
        DiagnosticSink sink = new DiagnosticSink();
        if (planned.pipeline().run(planned.source(), planned.session(), sink).isEmpty()) {
            throw ScriptInput.failed(sink, planned.source(), err);
        }
        return ExitCodes.OK;
    }
}
