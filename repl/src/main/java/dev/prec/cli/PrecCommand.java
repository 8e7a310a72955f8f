package dev.prec.cli;

import dev.prec.embed.Prec;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code prec} command; without a subcommand it opens the REPL on a terminal, else prints its usage. */
@Command(name = "prec", mixinStandardHelpOptions = true, versionProvider = PrecCommand.Version.class,
        description = "Precision-aware scaling-law research: check and run .prec scripts.",
        subcommands = {RunCommand.class, CheckCommand.class, ReplCommand.class, RunsCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE)
public final class PrecCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code prec --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"prec " + Prec.version(), "Java " + Runtime.version()};
        }
    }

    @Override
    public Integer call() {
        if (System.console() != null && System.console().isTerminal()) {
            // a bare `prec` typed at a terminal opens the REPL; piped or scripted, it prints usage
            return spec.commandLine().getSubcommands().get("repl").execute();
        }
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The command line with prec's exit codes and error printing; tests set its out and err. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new PrecCommand());
        cmd.setExitCodeExceptionMapper(new ExitCodes());
        cmd.setExecutionExceptionHandler(ExitCodes::handle);
        return cmd;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
