package dev.prec.lang.eval;

import dev.prec.lang.ast.SourcePrinter;
import dev.prec.lang.check.CheckedProgram;
import dev.prec.lang.diag.DiagnosticSink;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.engine.ReportEngine;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what {@code report} shows: the script's plan and source, every product of the session's
 * runs labelled with the names bound to it, values the script bound without an action (a run table read
 * from a CSV file, a published law), and the printed output.
 */
final class RunRecord {
    private RunRecord() {
    }

    /** @param plan the program's plan before it ran ({@link #plan}) */
    static ReportEngine.Request request(CheckedProgram program, Session session, String plan, Path file,
                                        RecordValue options) {
        String name = program.program().span().file();
        Path scriptFile = Path.of(name).getFileName();
        String title = "Report of " + (scriptFile == null ? name : scriptFile.toString());
        Map<Value, List<String>> names = new IdentityHashMap<>();
        session.bindings().forEach((n, v) -> names.computeIfAbsent(v, k -> new ArrayList<>()).add(n));
        List<ReportEngine.Product> products = new ArrayList<>();
        Map<Value, Boolean> shown = new IdentityHashMap<>();
        for (RunJournal.Made m : session.journal().made()) {
            List<String> bound = names.getOrDefault(m.value(), List.of());
            String label = bound.isEmpty() ? m.source() : String.join(", ", bound) + " = " + m.source();
            products.add(new ReportEngine.Product(label, m.value()));
            shown.put(m.value(), true);
        }
        session.bindings().forEach((n, v) -> {
            if (!shown.containsKey(v) && reportable(v)) {
                products.add(new ReportEngine.Product(String.join(", ", names.get(v)), v));
                shown.put(v, true);
            }
        });
        return new ReportEngine.Request(title, new ReportEngine.Script(name,
                SourcePrinter.print(program.program())), plan, products,
                session.journal().printed(), file, options);
    }

    /** Bound values a report shows even when no action of the session made them. */
    private static boolean reportable(Value v) {
        return v instanceof RunTable || v instanceof FitResult || v instanceof OptimumValue
                || v instanceof LawValue l && l.isFitted();
    }

    /** The plan as {@code prec check} prints it; planning problems (all reported before the run) are not repeated. */
    static String plan(CheckedProgram program, Session session, Engines engines) {
        try {
            return Planner.plan(program, session, engines, new DiagnosticSink()).render();
        } catch (ScriptError | IllegalArgumentException e) {
            return "the plan could not be computed: " + e.getMessage();
        }
    }
}
