package dev.prec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prec check FILE}: check the script and print its plan; nothing runs. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a .prec script (names, arguments, types, units) and print its plan; nothing runs.")
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .prec script")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "check as if the script bound NAME to VALUE, a prec expression (repeatable)")
    Map<String, String> sets = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScriptInput.Planned planned = ScriptInput.plan(file, sets, out, err);
        out.println(file + ": ok");
        out.print(planned.plan().render());
        out.flush();
        return ExitCodes.OK;
    }
}
