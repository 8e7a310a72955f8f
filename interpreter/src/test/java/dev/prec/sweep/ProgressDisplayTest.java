package dev.prec.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.store.RunRecord;
import dev.prec.store.RunResult;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressDisplayTest {

    @TempDir
    Path dir;

    private static List<RunSpec> runs() {
        return List.of(RunSpec.of(GradientJob.spec(1, 0.1, 60)), RunSpec.of(GradientJob.spec(2, 0.1, 0)));
    }

    private String execute(SweepListenerFactory factory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (RunStore store = RunStore.open(dir.resolve(factory.hashCode() + ".db"))) {
            new LocalExecutor(store, LocalOptions.defaults().withShutdownHandling(false))
                    .execute(new SweepRequest(runs(), new GradientJob(null), false), factory.create(out));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Makes a display writing to a stream. */
    private interface SweepListenerFactory {
        SweepListener create(PrintStream out);
    }

    @Test
    void withoutATerminalEachEndedRunIsOneLine() {
        String[] lines = execute(LineProgress::new).split("\n");
        assertEquals(4, lines.length, String.join("\n", lines));
        assertEquals("sweep: 2 runs, 0 ended before, 2 to run", lines[0]);
        assertTrue(lines[1].startsWith("[1/2] done      " + runs().get(0).shortKey()), lines[1]);
        assertTrue(lines[1].contains("val loss"), lines[1]);
        assertTrue(lines[2].startsWith("[2/2] FAILED    " + runs().get(1).shortKey()), lines[2]);
        assertTrue(lines[2].contains("steps must be >= 1"), lines[2]);
        assertEquals("sweep: 1 done, 1 failed, 0 diverged", lines[3]);
        assertTrue(!String.join("", lines).contains("\033"), "no escape codes in plain output");
    }

    @Test
    void inATerminalBarsAreRedrawnInPlaceAndEndedRunsStayAbove() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress display = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        RunSpec a = runs().get(0);
        display.on(new SweepEvent.Planned(2, 0));
        display.on(new SweepEvent.Started(a, false));
        display.on(new SweepEvent.Progressed(a, new RunProgress(1_000_000, 4_000_000, 3.25)));
        RunResult result = new RunResult(2.5, List.of(), List.of(), 1e5, 40, "m", List.of());
        display.on(new SweepEvent.Ended(new RunRecord(a, RunStatus.DONE, Optional.empty(), Optional.of(result),
                OptionalLong.empty(), Optional.empty(), 1)));
        String screen = bytes.toString(StandardCharsets.UTF_8);
        String[] frames = screen.split("\033\\[J", -1);
        assertEquals(5, frames.length, screen);
        assertTrue(frames[3].contains("[#####---------------] 1.0M/4.0M tok  loss 3.250"), frames[3]);
        assertTrue(frames[3].contains("sweep                                    [###-----------------] 0/2 ended"),
                frames[3]);
        assertTrue(frames[3].endsWith("\r\033[2A"), "moves up over both bars to redraw");
        assertTrue(frames[4].startsWith("done      " + a.shortKey()), frames[4]);
        assertTrue(frames[4].contains("1/2 ended"), frames[4]);
    }

    @Test
    void countsAndDurationsReadLikeAPaper() {
        assertEquals("950", ProgressDisplay.count(950));
        assertEquals("12.3k", ProgressDisplay.count(12_345));
        assertEquals("4.0M", ProgressDisplay.count(4e6));
        assertEquals("1.5B", ProgressDisplay.count(1.5e9));
        assertEquals("42s", ProgressDisplay.duration(42.4));
        assertEquals("3m10s", ProgressDisplay.duration(190));
        assertEquals("1h02m", ProgressDisplay.duration(3720));
        assertEquals("--", ProgressDisplay.duration(Double.NaN));
        assertEquals("[#####-----]", ProgressDisplay.bar(0.5, 10));
    }
}
