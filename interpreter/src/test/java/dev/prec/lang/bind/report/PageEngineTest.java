package dev.prec.lang.bind.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.lang.engine.ReportEngine;
import dev.prec.lang.value.ListValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PlotFile;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.Value;
import dev.prec.report.Block;
import dev.prec.report.Page;
import dev.prec.report.Section;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageEngineTest {
    @TempDir
    Path dir;

    private ReportEngine.Request request(List<ReportEngine.Product> products, RecordValue options) {
        return new ReportEngine.Request("Report of s.prec", new ReportEngine.Script("s.prec", "x = 1"), "plan: no sweeps",
                products, List.of("hello"), dir.resolve("r.html"), options);
    }

    private static Section section(Page page, String id) {
        return page.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aPlotFileGoneSinceItWasWrittenIsReportedNotDropped() {
        Page page = PageEngine.page(request(List.of(new ReportEngine.Product("plot x to \"gone.png\"",
                new PlotFile(dir.resolve("gone.png")))), RecordValue.EMPTY), Instant.EPOCH);
        List<Block> plots = section(page, "plots").blocks();
        assertEquals(1, plots.size());
        assertTrue(plots.getFirst() instanceof Block.Warning w && w.text().contains("gone.png"), plots.toString());
    }

    @Test
    void longListsInARunTableAreSummarizedAndEveryRunIsARow() {
        List<Value> curve = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            curve.add(NumberValue.of(4.0 - i / 100.0));
        }
        List<RunTable.Run> rows = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            rows.add(new RunTable.Run(new RecordValue(Map.of("N", NumberValue.of(1e6 * (r + 1)))),
                    new RecordValue(Map.of("val_curve", new ListValue(curve)))));
        }
        Page page = PageEngine.page(request(List.of(new ReportEngine.Product("runs", new RunTable(rows))),
                RecordValue.EMPTY), Instant.EPOCH);
        Block.Table table = section(page, "runs").blocks().stream().filter(Block.Table.class::isInstance)
                .map(Block.Table.class::cast).findFirst().orElseThrow();
        assertEquals(List.of("N", "val_curve"), table.header());
        assertEquals(30, table.rows().size());
        assertEquals(List.of("1e6", "list of 100, last 3.01"), table.rows().getFirst());
    }

    @Test
    void cellsShowFourSignificantDigitsAndIntegersAsWritten() {
        assertEquals("3.142", Cells.number(Math.PI));
        assertEquals("2e9", Cells.number(2e9));
        assertEquals("123456", Cells.number(123456));
        assertEquals("1.235e6", Cells.number(1234567));
        assertEquals("0.0001235", Cells.number(1.2345e-4));
        assertEquals("NaN", Cells.number(Double.NaN));
    }

    @Test
    void aWrongOptionTypeIsRefusedWithItsName() {
        var e = assertThrows(IllegalArgumentException.class, () -> PageEngine.page(request(List.of(),
                new RecordValue(Map.of("title", NumberValue.of(3)))), Instant.EPOCH));
        assertTrue(e.getMessage().contains("title"), e.getMessage());
    }
}
