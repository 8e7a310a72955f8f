package dev.prec.lang.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a test script says should happen, written in its own comments, so that language tests read as
 * the language (house style 7). Recognized comments, each running to the end of its line:
 * <pre>
 * x = f(1, 2]        // error: expected ')' to close the call to 'f' opened at 1:6, found ']'
 * // error: 7:14: expected an expression after '+'
 * y = widht          // error: 3:5: unknown name 'widht' // hint: did you mean 'width'?
 * z = heigth         // error: unknown name 'heigth'
 *                    // hint: did you mean 'height'?
 * print 1 + 2        // expect: 3
 * // expect runtime error: 2:7: division by zero
 * // warning: 4:1: 'runs' is never used
 * </pre>
 * <ul>
 *   <li>{@code // error: MESSAGE} expects an error diagnostic with exactly that message on the comment's
 *       own line, any column; {@code // error: L:C: MESSAGE} pins line and column (1-based) instead.
 *       {@code // warning:} is the same for warnings.</li>
 *   <li>{@code // hint: TEXT}, on its own or after an error on the same line, requires the diagnostic
 *       expected just before it to carry exactly that hint. Without one, the hint is not checked.</li>
 *   <li>{@code // expect: TEXT} is one line of printed output; the lines are expected in order.</li>
 *   <li>{@code // expect runtime error: [L:C: ]MESSAGE} expects evaluation to stop with that error.</li>
 * </ul>
 * Every diagnostic a run produces must be expected, and every expectation met; a script without
 * expectations must produce no diagnostics at all.
 *
 * @param diagnostics the expected diagnostics, in source order
 * @param output the expected printed lines, in order
 * @param runtimeError the expected runtime error, if any
 */
public record ScriptExpectations(List<Expected> diagnostics, List<String> output, Optional<Expected> runtimeError) {

    private static final Pattern COMMENT = Pattern.compile(
            "//\\s*(error|warning|hint|expect|expect runtime error):\\s?(.*)$");
    private static final Pattern POSITION = Pattern.compile("^(\\d+):(\\d+):\\s?(.*)$");

    public ScriptExpectations {
        diagnostics = List.copyOf(diagnostics);
        output = List.copyOf(output);
    }

    /**
     * One expected diagnostic or runtime error.
     *
     * @param severity error or warning
     * @param line the 1-based line
     * @param column the 1-based column, or 0 for any column on the line
     * @param message the exact message
     * @param hint the exact hint, or empty when not checked
     */
    public record Expected(Diagnostic.Severity severity, int line, int column, String message, Optional<String> hint) {

        /** Whether {@code d} is what this expectation describes. */
        public boolean matches(Diagnostic d) {
            return d.severity() == severity && d.span().line() == line
                    && (column == 0 || d.span().column() == column) && d.message().equals(message)
                    && hint.map(h -> h.equals(d.hint())).orElse(true);
        }

        Expected withHint(String text) {
            return new Expected(severity, line, column, message, Optional.of(text));
        }

        @Override
        public String toString() {
            return line + ":" + (column == 0 ? "*" : column) + ": " + severity.name().toLowerCase() + ": " + message
                    + hint.map(h -> " (hint: " + h + ")").orElse("");
        }
    }

    /** Reads the expectations in {@code source}'s comments. */
    public static ScriptExpectations of(SourceFile source) {
        List<Expected> diagnostics = new ArrayList<>();
        List<String> output = new ArrayList<>();
        Expected runtime = null;
        boolean lastWasRuntime = false;
        for (int n = 1; n <= source.lineCount(); n++) {
            Matcher m = COMMENT.matcher(source.line(n));
            if (!m.find()) {
                continue;
            }
            String text = m.group(2).strip();
            switch (m.group(1)) {
                case "error", "warning" -> {
                    String[] parts = text.split(" // hint: ", 2);
                    Expected e = positioned(m.group(1).equals("error") ? Diagnostic.Severity.ERROR
                            : Diagnostic.Severity.WARNING, n, parts[0].strip());
                    diagnostics.add(parts.length == 2 ? e.withHint(parts[1].strip()) : e);
                    lastWasRuntime = false;
                }
                case "hint" -> {
                    if (lastWasRuntime && runtime != null) {
                        runtime = runtime.withHint(text);
                    } else if (!diagnostics.isEmpty()) {
                        diagnostics.set(diagnostics.size() - 1, diagnostics.getLast().withHint(text));
                    } else {
                        throw new IllegalArgumentException(source.name() + ":" + n + ": '// hint:' without an error before it");
                    }
                }
                case "expect" -> output.add(m.group(2));
                default -> {
                    runtime = positioned(Diagnostic.Severity.ERROR, n, text);
                    lastWasRuntime = true;
                }
            }
        }
        return new ScriptExpectations(diagnostics, output, Optional.ofNullable(runtime));
    }

    private static Expected positioned(Diagnostic.Severity severity, int line, String text) {
        Matcher p = POSITION.matcher(text);
        if (p.matches()) {
            return new Expected(severity, Integer.parseInt(p.group(1)), Integer.parseInt(p.group(2)), p.group(3),
                    Optional.empty());
        }
        return new Expected(severity, line, 0, text, Optional.empty());
    }

    /**
     * The mismatches between these expectations and {@code actual}: expected diagnostics not produced,
     * then produced diagnostics not expected; empty when they agree.
     */
    public List<String> mismatches(List<Diagnostic> actual) {
        List<Diagnostic> unmatched = new ArrayList<>(actual);
        List<String> problems = new ArrayList<>();
        for (Expected e : diagnostics) {
            Optional<Diagnostic> hit = unmatched.stream().filter(e::matches).findFirst();
            if (hit.isPresent()) {
                unmatched.remove(hit.get());
            } else {
                problems.add("missing    " + e);
            }
        }
        for (Diagnostic d : unmatched) {
            problems.add("unexpected " + d.span().line() + ":" + d.span().column() + ": "
                    + d.severity().name().toLowerCase() + ": " + d.message()
                    + (d.hint().isEmpty() ? "" : " (hint: " + d.hint() + ")"));
        }
        return problems;
    }
}
