package dev.prec.repl;

import dev.prec.lang.builtin.Builtins;
import dev.prec.embed.Prec;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStyle;

/**
 * The REPL on a terminal: JLine reads each input with history, highlighting, completion and
 * continuation lines; Ctrl-C at the prompt clears the line, Ctrl-C while an input runs cancels its
 * action (the session survives), Ctrl-D quits.
 */
public final class TerminalRepl {
    /** The prompt of a new input and of its continuation lines. */
    static final String PROMPT = "prec> ";
    static final String CONTINUATION = " ...> ";

    private final Terminal terminal;
    private final ReplSession repl;
    private final LineReader reader;
    /** The last signature tip printed, so Tab repeats it only when the call changes. */
    private String lastTip = "";

    /**
     * @param terminal the terminal to read from and write to
     * @param repl the session, printing to the terminal's writer
     * @param history the history file, kept across sessions
     */
    public TerminalRepl(Terminal terminal, ReplSession repl, Path history) {
        this.terminal = terminal;
        this.repl = repl;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("prec")
                .parser(new InputParser())
                .highlighter(new PrecHighlighter())
                .completer(new PrecCompleter(repl))
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.INDENTATION, 2)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .option(LineReader.Option.AUTO_GROUP, true)
                .build();
        reader.getWidgets().put("prec-complete", this::completeWithTip);
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("prec-complete"), "\t");
    }

    /** Tab: prints the signature of the call being typed (once per call), then completes. */
    private boolean completeWithTip() {
        String before = reader.getBuffer().substring(0, reader.getBuffer().cursor());
        Optional<String> tip = signatureTip(before);
        if (tip.isPresent() && !tip.get().equals(lastTip)) {
            reader.printAbove(new org.jline.utils.AttributedString(tip.get(),
                    AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK)));
        }
        lastTip = tip.orElse("");
        reader.callWidget(LineReader.COMPLETE_WORD);
        return true;
    }

    /** The signature of the built-in being called at the end of {@code before}, with its doc line. */
    static Optional<String> signatureTip(String before) {
        return CallSite.at(before).flatMap(c -> Builtins.function(c.function()))
                .map(f -> f.signature().show() + "  -- " + f.signature().doc());
    }

    /**
     * Reads and runs inputs until Ctrl-D or {@code :quit}.
     *
     * @return true when the last input or command ran without errors
     */
    public boolean run() {
        terminal.writer().println("prec " + Prec.version() + " REPL: :help for help, Tab completes, Ctrl-D quits.");
        boolean ok = true;
        ReplCommands commands = new ReplCommands(repl);
        while (true) {
            String input;
            try {
                input = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                saveHistory();
                terminal.writer().println();
                terminal.flush();
                return ok;
            }
            if (input.isBlank()) {
                continue;
            }
            lastTip = "";
            if (ReplCommands.isCommand(input)) {
                ReplCommands.Outcome o = commands.run(input);
                ok = o.ok();
                if (o.next() == ReplCommands.Next.QUIT) {
                    saveHistory();
                    return ok;
                }
                continue;
            }
            ok = evalCancellable(input);
        }
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (java.io.IOException e) {
            terminal.writer().println("could not save the history: " + e.getMessage());
        }
    }

    /** Runs one input with Ctrl-C bound to cancelling its action instead of ending the process. */
    private boolean evalCancellable(String input) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            repl.cancel();
            terminal.writer().println("^C cancelling the running action...");
            terminal.flush();
        });
        try {
            return repl.eval(input);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }
}
