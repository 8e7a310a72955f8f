package dev.prec.cli;

import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.sweep.ExecutorChoice;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code prec run FILE [--set name=value]... [--executor NAME [--master URL] [--executor-setting name=value]...]}:
 * check the script, then run it, its sweeps trained where {@code --executor} says.
 */
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

    @Option(names = "--executor", paramLabel = "NAME",
            description = "where sweeps train: local (this JVM), or spark with the cluster jar on the classpath"
                    + " (docs/cluster.md); overrides the script's executor option")
    String executor;

    @Option(names = "--master", paramLabel = "URL",
            description = "the executor's master, e.g. spark://host:7077 or local[4]")
    String master;

    @Option(names = "--executor-setting", paramLabel = "NAME=VALUE",
            description = "an executor setting, e.g. threadsPerRun=4, maxFailures=4 or a spark.* setting (repeatable)")
    Map<String, String> executorSettings = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ExecutorChoice> choice = executorChoice();
        ScriptInput.Planned planned = ScriptInput.plan(file, sets, out, err);
        choice.ifPresent(c -> planned.session().context().executor().set(c));
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

    /**
     * The executor the options choose, checked to be on the classpath before the script runs.
     *
     * @throws ExitCodes.UsageProblem if settings come without {@code --executor}, or the executor is missing
     */
    private Optional<ExecutorChoice> executorChoice() {
        if (executor == null) {
            if (master != null || !executorSettings.isEmpty()) {
                throw new ExitCodes.UsageProblem("--master and --executor-setting go with --executor, e.g. --executor spark");
            }
            return Optional.empty();
        }
        Map<String, String> settings = new LinkedHashMap<>(executorSettings);
        if (master != null) {
            settings.put("master", master);
        }
        try {
            return Optional.of(new ExecutorChoice(executor, settings).requireAvailable());
        } catch (IllegalArgumentException e) {
            throw new ExitCodes.UsageProblem("--executor " + executor + ": " + e.getMessage());
        }
    }
}
