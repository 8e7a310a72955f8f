package dev.prec.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.cli.PrecCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The study of {@code examples/study/} in miniature: the same scripts, run through the {@code prec}
 * command with {@code --set} shrinking every sweep, end to end from an empty store, well inside
 * the three minutes the issue allows. Each script must exit 0 (its own asserts pass), fit its laws
 * with a useful R^2, and write every figure it names.
 */
class StudyMiniatureTest {
    private static final Path STUDY = ExamplesTest.EXAMPLES.resolve("study");
    private static final Duration BUDGET = Duration.ofSeconds(170);
    private static final String TINY_SIZES = "sizes=[transformer(layers: 1, width: 16, heads: 2, context: 16), "
            + "transformer(layers: 1, width: 24, heads: 2, context: 16), transformer(layers: 1, width: 32, heads: 2, context: 16)]";
    private static final Pattern OUTPUT = Pattern.compile("to \"(out/[^\"]+)\"");
    private static final Pattern R2 = Pattern.compile("r2: ([0-9.eE-]+)");

    /** Exit code and what the command printed. */
    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome prec(Path script, String... sets) {
        List<String> args = new ArrayList<>(List.of("run", script.toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PrecCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Outcome(exit, out.toString(), err.toString());
    }

    /** The files a script says it writes under out/: figures, tables, the report. */
    private static List<String> outputs(Path script) throws IOException {
        List<String> files = new ArrayList<>();
        Matcher m = OUTPUT.matcher(Files.readString(script));
        while (m.find()) {
            files.add(m.group(1));
        }
        return files;
    }

    /** The R^2 printed with the fit of {@code law} (the statistics line after its parameter table). */
    private static double r2(String printed, String law) {
        int at = printed.indexOf("fit of " + law + ",");
        assertTrue(at >= 0, "no fit of " + law + " printed:\n" + printed);
        Matcher m = R2.matcher(printed.substring(at));
        assertTrue(m.find(), printed.substring(at));
        return Double.parseDouble(m.group(1));
    }

    private static void assertWroteEverything(Path script, Path dir) throws IOException {
        List<String> files = outputs(script);
        assertFalse(files.isEmpty(), "the script names its outputs");
        for (String f : files) {
            Path p = dir.resolve(f);
            assertTrue(Files.isRegularFile(p) && Files.size(p) > 0, f + " was not written");
        }
    }

    @Test
    void theSyntheticStudyRunsEndToEndInMiniatureAndFitsItsLaws(@TempDir Path dir) throws IOException {
        Path script = Files.copy(STUDY.resolve("synthetic.prec"), dir.resolve("synthetic.prec"));
        Outcome o = assertTimeoutPreemptively(BUDGET, () -> prec(script, TINY_SIZES,
                "tokens=[20K, 60K]",
                "precisions=[bf16, {weights: int(3)}, {weights: int(4)}, {weights: int(6)}, {activations: int(4)}, "
                        + "{activations: int(6)}, {kv: int(4)}, {kv: int(6)}]",
                "fp_precisions=[{weights: fp(e2, m0)}, {weights: fp(e3, m2)}]",
                "post_formats=[int(3), int(4)]"));
        assertEquals(0, o.exit(), o.out() + o.err());
        assertTrue(r2(o.out(), "kumar2024.training") > 0.8, o.out());
        assertTrue(r2(o.out(), "kumar2024.weights") > 0.8, o.out());
        assertWroteEverything(script, dir);
    }

    @Test
    void theTextStudyRunsEndToEndInMiniatureOnAFolderOfText(@TempDir Path dir) throws IOException {
        Path script = Files.copy(STUDY.resolve("text.prec"), dir.resolve("text.prec"));
        writeCorpus(dir.resolve("corpus"));
        Outcome o = assertTimeoutPreemptively(BUDGET, () -> prec(script, TINY_SIZES,
                "tokens=[20K, 60K]",
                "precisions=[bf16, {weights: int(3)}, {weights: int(4)}, {weights: int(6)}, {activations: int(4)}, {activations: int(6)}, {kv: int(3)}, {kv: int(6)}]",
                "post_formats=[int(3), int(4)]"));
        assertEquals(0, o.exit(), o.out() + o.err());
        assertTrue(r2(o.out(), "kumar2024.weights") > 0.8, o.out());
        assertWroteEverything(script, dir);
    }

    /**
     * A small English-like corpus made here (tests never download): seeded sentences over a fixed
     * vocabulary with a little grammar, in two files so the folder reader is exercised.
     */
    private static void writeCorpus(Path folder) throws IOException {
        Files.createDirectories(folder);
        String[] subjects = {"the king", "a shepherd", "the people", "his servant", "the prophet", "a stranger"};
        String[] verbs = {"went up to", "spake unto", "looked upon", "came near", "built", "blessed"};
        String[] objects = {"the city", "the mountain", "the temple", "the river", "his house", "the field"};
        String[] tails = {"in the morning", "by night", "with great joy", "and was afraid", "for many days", ""};
        Random random = new Random(7);
        for (int file = 0; file < 2; file++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 120_000) {
                text.append(subjects[random.nextInt(subjects.length)]).append(' ')
                        .append(verbs[random.nextInt(verbs.length)]).append(' ')
                        .append(objects[random.nextInt(objects.length)]);
                String tail = tails[random.nextInt(tails.length)];
                text.append(tail.isEmpty() ? "" : " " + tail).append(random.nextInt(4) == 0 ? ".\n" : ". ");
            }
            Files.writeString(folder.resolve("part" + file + ".txt"), text);
        }
    }
}
