package dev.prec.cli;

import dev.prec.lang.Pipeline;
import dev.prec.repl.PipedRepl;
import dev.prec.repl.ReplSession;
import dev.prec.repl.TerminalRepl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prec repl}: the interactive REPL on a terminal; with piped input or a dumb terminal it reads
 * statements from standard input, prints results, and exits 1 when any input failed.
 */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = "Run .prec statements interactively (history, completion, :help); scriptable when piped.")
final class ReplCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--history", paramLabel = "FILE",
            description = "The history file (default: $PREC_HISTORY, else ~/.prec_history).")
    Path history;

    @Option(names = "--plain", description = "Read standard input without line editing, even on a terminal.")
    boolean plain;

    @Override
    public Integer call() throws IOException {
        Pipeline pipeline = Pipeline.withInstalledEngines();
        Path here = Path.of("").toAbsolutePath();
        boolean interactive = !plain && System.console() != null && System.console().isTerminal()
                && !"dumb".equals(System.getenv("TERM"));
        if (!interactive) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return new PipedRepl(new ReplSession(pipeline, here, out, err)).run(in) ? ExitCodes.OK : ExitCodes.SCRIPT_ERROR;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("prec").build()) {
            ReplSession session = new ReplSession(pipeline, here, terminal.writer(), terminal.writer());
            return new TerminalRepl(terminal, session, historyFile()).run() ? ExitCodes.OK : ExitCodes.SCRIPT_ERROR;
        }
    }

    private Path historyFile() {
        if (history != null) {
            return history;
        }
        String env = System.getenv("PREC_HISTORY");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".prec_history");
    }
}
