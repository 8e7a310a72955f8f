package dev.prec.repl;

import dev.prec.lang.parse.Parser;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * The REPL without a terminal (piped input, a dumb terminal): reads statements, runs each as soon as
 * it is complete, prints results, and reports whether any input failed (the exit status), so
 * the REPL is scriptable. No prompts are printed, so its output matches {@code prec run}'s.
 */
public final class PipedRepl {
    private final ReplSession repl;
    private final ReplCommands commands;

    public PipedRepl(ReplSession repl) {
        this.repl = repl;
        this.commands = new ReplCommands(repl);
    }

    /**
     * Reads and runs inputs until the end of {@code in} or {@code :quit}.
     *
     * @return true when no input or command failed
     * @throws IOException if reading fails
     */
    public boolean run(BufferedReader in) throws IOException {
        boolean ok = true;
        StringBuilder pending = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (pending.isEmpty() && ReplCommands.isCommand(line)) {
                ReplCommands.Outcome o = commands.run(line);
                ok &= o.ok();
                if (o.next() == ReplCommands.Next.QUIT) {
                    return ok;
                }
                continue;
            }
            pending.append(line).append('\n');
            if (pending.toString().isBlank()) {
                pending.setLength(0);
            } else if (!Parser.isIncomplete(pending.toString())) {
                ok &= repl.eval(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.toString().isBlank()) {
            ok &= repl.eval(pending.toString());
        }
        return ok;
    }
}
