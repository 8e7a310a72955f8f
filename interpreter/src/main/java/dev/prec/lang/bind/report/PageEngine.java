package dev.prec.lang.bind.report;

import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.ProgressEvent;
import dev.prec.lang.engine.ReportEngine;
import dev.prec.lang.value.BoolValue;
import dev.prec.lang.value.FitResult;
import dev.prec.lang.value.LawValue;
import dev.prec.lang.value.OptimumValue;
import dev.prec.lang.value.PlotFile;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Value;
import dev.prec.report.Block;
import dev.prec.report.Page;
import dev.prec.report.PageWriter;
import dev.prec.report.Section;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report engine: one XHTML page with sections Plan, Runs, Fitted laws, Laws, Optima, Plots, Printed
 * output and Script, each present (saying so when empty), products in the order the run made them.
 */
public final class PageEngine implements ReportEngine {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public PageEngine() {
    }

    @Override
    public Path report(Request request, ActionContext context) {
        Page page = page(request, Instant.now());
        context.checkCancelled();
        PageWriter.write(page, request.file());
        context.report(new ProgressEvent("report", 1, 1, page.title() + " -> " + request.file()));
        return request.file();
    }

    /**
     * @param now when the page is written, shown under the title
     * @throws IllegalArgumentException when an option has the wrong type
     */
    static Page page(Request request, Instant now) {
        RecordValue o = request.options();
        String title = option(o, "title", StringValue.class).map(StringValue::value).orElse(request.title());
        boolean source = option(o, "source", BoolValue.class).map(BoolValue::value).orElse(true);
        List<Block> runs = new ArrayList<>();
        List<Block> fits = new ArrayList<>();
        List<Block> laws = new ArrayList<>();
        List<Block> optima = new ArrayList<>();
        List<Block> plots = new ArrayList<>();
        for (Product p : request.products()) {
            switch (p.value()) {
                case RunTable t -> runs.addAll(ProductBlocks.runs(p.label(), t));
                case FitResult f -> fits.addAll(ProductBlocks.fit(p.label(), f));
                case LawValue l -> laws.addAll(ProductBlocks.law(p.label(), l));
                case OptimumValue b -> optima.addAll(ProductBlocks.optimum(p.label(), b));
                case PlotFile f -> plots.addAll(ProductBlocks.plot(p.label(), f));
                default -> laws.addAll(List.of(new Block.Heading(p.label()), new Block.Code(p.value().show())));
            }
        }
        List<Section> sections = new ArrayList<>(List.of(
                new Section("plan", "Plan", List.of(new Block.Text("As prec check prints it, computed before the"
                        + " script's first statement ran."), new Block.Code(request.plan().strip())), ""),
                new Section("runs", "Runs", runs, "No run table in this run."),
                new Section("fits", "Fitted laws", fits, "No fit in this run."),
                new Section("laws", "Laws", laws, "No other law with parameter values."),
                new Section("optima", "Optima", optima, "No optimum in this run."),
                new Section("plots", "Plots", plots, "No plot in this run."),
                new Section("output", "Printed output", request.output().isEmpty() ? List.of()
                        : List.of(new Block.Code(String.join("\n", request.output()))), "Nothing was printed.")));
        if (source) {
            sections.add(new Section("script", "Script", List.of(new Block.Code(request.script().source())), ""));
        }
        String subtitle = "prec run of " + request.script().name() + ", written "
                + now.truncatedTo(ChronoUnit.SECONDS) + " (UTC)";
        return new Page(title, subtitle, sections);
    }

    private static <T extends Value> Optional<T> option(RecordValue o, String name, Class<T> type) {
        return o.get(name).map(v -> {
            if (type.isInstance(v)) {
                return type.cast(v);
            }
            throw new IllegalArgumentException("option " + name + " must be a "
                    + (type == BoolValue.class ? "bool" : "string") + ", not a " + v.type().describe());
        });
    }
}
