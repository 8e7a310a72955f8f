package dev.prec.lang.bind.report;

import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.PlotFile;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;
import dev.prec.plot.ImageFormat;
import dev.prec.report.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The blocks that show one product of a run: a run table, a fit, a law, an optimum or a plot. */
final class ProductBlocks {
    /** Statistics of a fit shown as blocks of their own rather than table rows. */
    private static final List<String> FIT_OWN_BLOCKS = List.of("warnings", "intervals");

    private ProductBlocks() {
    }

    /** Config columns first, then results, one row per run. */
    static List<Block> runs(String label, RunTable t) {
        Set<String> columns = new LinkedHashSet<>();
        t.rows().forEach(r -> columns.addAll(r.config().fields().keySet()));
        t.rows().forEach(r -> columns.addAll(r.results().fields().keySet()));
        List<String> header = new ArrayList<>(columns);
        List<List<String>> rows = new ArrayList<>();
        for (RunTable.Run r : t.rows()) {
            RecordValue all = r.fields();
            rows.add(header.stream().map(c -> all.get(c).map(Cells::bare).orElse("")).toList());
        }
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(label));
        out.add(new Block.Text(t.rows().size() + (t.rows().size() == 1 ? " run" : " runs")));
        if (!header.isEmpty()) {
            out.add(new Block.Table(header, rows));
        }
        return out;
    }

    /** Estimates with their 95% intervals, then the fit's statistics; warnings stand out. */
    static List<Block> fit(String label, FitResult f) {
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(label));
        out.add(new Block.Text("law " + f.law().name() + "(" + String.join(", ", f.law().variables()) + ")"));
        List<List<String>> estimates = new ArrayList<>();
        for (FitResult.Estimate e : f.estimates()) {
            estimates.add(List.of(e.name(), Cells.number(e.value()), Cells.number(e.lower()), Cells.number(e.upper()),
                    e.boundHit() ? "on its bound" : ""));
        }
        if (!estimates.isEmpty()) {
            out.add(new Block.Table(List.of("parameter", "value", "lower 95%", "upper 95%", "bound"), estimates));
        }
        f.statistics().get("intervals").filter(StringValue.class::isInstance)
                .ifPresent(v -> out.add(new Block.Text("intervals: " + ((StringValue) v).value())));
        for (FitResult.Estimate e : f.estimates()) {
            if (e.boundHit()) {
                out.add(new Block.Warning(e.name() + " = " + Cells.number(e.value())
                        + " sits on a bound of its range: the data do not pin it down"));
            }
        }
        if (f.statistics().get("warnings").orElse(null) instanceof ListValue warnings) {
            warnings.elements().forEach(w -> out.add(new Block.Warning(text(w))));
        }
        List<List<String>> stats = Cells.rows(f.statistics(), FIT_OWN_BLOCKS);
        if (!stats.isEmpty()) {
            out.add(new Block.Table(List.of("statistic", "value"), stats));
        }
        return out;
    }

    /** A law with its parameter values (published, or fitted elsewhere). */
    static List<Block> law(String label, LawValue l) {
        List<List<String>> rows = l.values().entrySet().stream()
                .map(e -> List.of(e.getKey(), Cells.number(e.getValue()))).toList();
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(label));
        out.add(new Block.Text("law " + l.name() + "(" + String.join(", ", l.variables()) + ")"));
        if (!rows.isEmpty()) {
            out.add(new Block.Table(List.of("parameter", "value"), rows));
        }
        return out;
    }

    /** The optimum's fields; its notes (boundary hits, rounding of P*) as warnings. */
    static List<Block> optimum(String label, OptimumValue o) {
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(label));
        List<List<String>> rows = Cells.rows(o.fields(), List.of("notes"));
        if (!rows.isEmpty()) {
            out.add(new Block.Table(List.of("quantity", "value"), rows));
        }
        if (o.fields().get("notes").orElse(null) instanceof ListValue notes) {
            notes.elements().forEach(n -> out.add(new Block.Warning(text(n))));
        }
        return out;
    }

    /** The written image inlined; a file gone since it was written is said so, not skipped. */
    static List<Block> plot(String label, PlotFile p) {
        try {
            return List.of(new Block.Figure(label, ImageFormat.of(p.path()), Files.readAllBytes(p.path())));
        } catch (IOException | IllegalArgumentException e) {
            return List.of(new Block.Warning("plot " + p.path() + " could not be inlined: " + e.getMessage()));
        }
    }

    private static String text(Value v) {
        return v instanceof StringValue s ? s.value() : v.show();
    }
}
