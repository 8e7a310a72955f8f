package dev.prec.cli;

import dev.prec.embed.Prec;
import dev.prec.lang.Pipeline;
import dev.prec.lang.diag.DiagnosticRenderer;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.diag.SourceFile;
import dev.prec.lang.eval.Session;
import dev.prec.lang.parse.Parser;
import dev.prec.lang.value.NothingValue;
import dev.prec.lang.value.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code prec repl}: a plain line loop over the same pipeline as {@code run}. Lines are read until
 * brackets, strings and comments close; each input runs in one session, so names stay bound; errors
 * are shown and the loop goes on. History, completion, highlighting and the {@code :runs}-style
 * commands belong to the full REPL, which has its own issue.
 */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = "Read .prec statements line by line and run them (a minimal REPL; Ctrl-D quits).")
final class ReplCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("prec " + Prec.version() + ": a minimal line REPL. History, completion and :load arrive with "
                + "the full REPL. :help for help, Ctrl-D to quit.");
        Pipeline pipeline = Pipeline.withInstalledEngines();
        Session session = ScriptInput.session(Path.of("repl.prec"), out, err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder pending = new StringBuilder();
        int entry = 1;
        while (true) {
            out.print(pending.isEmpty() ? "prec> " : " ...> ");
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                out.flush();
                return ExitCodes.OK;
            }
            if (pending.isEmpty() && line.strip().startsWith(":")) {
                if (command(line.strip(), out)) {
                    return ExitCodes.OK;
                }
                continue;
            }
            pending.append(line).append('\n');
            if (Parser.isIncomplete(pending.toString())) {
                continue;
            }
            SourceFile source = new SourceFile("<repl:" + entry++ + ">", pending.toString());
            pending.setLength(0);
            DiagnosticSink sink = new DiagnosticSink();
            Optional<Value> v = pipeline.run(source, session, sink);
            if (v.isEmpty()) {
                err.print(DiagnosticRenderer.render(sink.all(), source));
                err.flush();
            } else if (!(v.get() instanceof NothingValue)) {
                out.println(v.get().show());
            }
        }
    }

    /** Runs a {@code :command}; true when the loop should end. */
    private static boolean command(String command, PrintWriter out) {
        switch (command) {
            case ":quit", ":q", ":exit" -> {
                return true;
            }
            case ":help", ":h" -> out.println("Type .prec statements; an open bracket continues on the next line.\n"
                    + "Names stay bound between inputs. Commands: :help, :quit. Ctrl-D quits.");
            default -> out.println("unknown command " + command + "; :help lists the commands");
        }
        return false;
    }
}
