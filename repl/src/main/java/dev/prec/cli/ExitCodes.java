package dev.prec.cli;

import picocli.CommandLine;

/** prec's exit codes, mapped in one place. */
final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
    /** The script checked (and ran) without errors. */
    static final int OK = 0;
    /** The script has errors, or failed while running (including an engine's failure). */
    static final int SCRIPT_ERROR = 1;
    /** The command line is wrong: unknown option, missing file, malformed --set. */
    static final int USAGE = 2;

    /** The script was reported as failing; the diagnostics are already printed. */
    static final class ScriptFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScriptFailed() {
            super("script failed", null, false, false);
        }
    }

    /** The command line is unusable; the message says why and is printed as is. */
    static final class UsageProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageProblem(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public int getExitCode(Throwable t) {
        return switch (t) {
            case ScriptFailed f -> SCRIPT_ERROR;
            case UsageProblem u -> USAGE;
            case CommandLine.ParameterException p -> USAGE;
            default -> SCRIPT_ERROR;
        };
    }

    /**
     * Prints a failure without a stack trace: script failures are already reported, usage problems
     * get their message; anything else is a bug in prec, shown with its trace only when
     * {@code PREC_DEBUG} is set.
     */
    static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        switch (e) {
            case ScriptFailed f -> { }
            case UsageProblem u -> cmd.getErr().println("prec: " + u.getMessage());
            default -> {
                cmd.getErr().println("prec: internal error: " + e);
                if (System.getenv("PREC_DEBUG") != null) {
                    e.printStackTrace(cmd.getErr());
                } else {
                    cmd.getErr().println("(set PREC_DEBUG=1 for the stack trace, and please report it)");
                }
            }
        }
        cmd.getErr().flush();
        return new ExitCodes().getExitCode(e);
    }
}
