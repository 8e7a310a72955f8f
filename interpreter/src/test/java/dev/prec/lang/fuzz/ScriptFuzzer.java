package dev.prec.lang.fuzz;

import dev.prec.grammar.PrecLexer;
import dev.prec.lang.diag.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A seeded source of hostile {@code .prec} scripts: mutations of real scripts (tokens deleted,
 * inserted, swapped, duplicated; characters replaced with odd ones; truncations; brackets left
 * unbalanced; scripts spliced together), random token soup, and very deep nesting. The same seed
 * and corpus give the same sequence, so a failure is reproduced from the seed and index in its message.
 *
 * <p>Run a phase over it with {@link FuzzRun}; the corpus is {@link #defaultCorpus()} unless given.
 */
public final class ScriptFuzzer {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|//[^\\n]*|\"(?:[^\"\\\\\\n]|\\\\.)*\"?|[0-9][0-9_.]*(?:[eE][+-]?[0-9]+)?[KMBT%]?|\\w+|\\.\\.|[<>=!]=|.",
            Pattern.DOTALL);

    /** Odd characters for byte-level mutation: controls, quotes, escapes, comment starts, non-ASCII. */
    private static final List<String> ODD = List.of(
            "\u0000", "\r", "\t", "\n", "\"", "\\", "'", "#", "@", "!", "%", "$", "`", "/*", "*/", "//", "..", "é",
            "\uD83D\uDE00", "\uD800", "\u00A0", "\u2028", "{", "}", "(", ")", "[", "]", ",", ":", ";", "=", "^", "-");

    /** Words and symbols the language knows, taken from the grammar so they follow its changes. */
    private static final List<String> VOCABULARY = vocabulary();

    private final Random random;
    private final List<String> corpus;
    private final List<List<String>> corpusTokens;

    /**
     * @param seed the seed of the whole sequence
     * @param corpus well-formed scripts to mutate, at least one
     */
    public ScriptFuzzer(long seed, List<String> corpus) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("the corpus needs at least one script");
        }
        this.random = new Random(seed);
        this.corpus = List.copyOf(corpus);
        this.corpusTokens = this.corpus.stream().map(ScriptFuzzer::tokens).toList();
    }

    /** The next script of the sequence. */
    public String next() {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return mutateTokens();
        } else if (kind < 45) {
            return mutateCharacters();
        } else if (kind < 60) {
            return soup();
        } else if (kind < 68) {
            String s = pick(corpus);
            return s.substring(0, random.nextInt(s.length() + 1));
        } else if (kind < 78) {
            return unbalance();
        } else if (kind < 88) {
            return deep();
        }
        return splice();
    }

    private String mutateTokens() {
        List<String> tokens = new ArrayList<>(pick(corpusTokens));
        int edits = 1 + random.nextInt(5);
        for (int e = 0; e < edits && !tokens.isEmpty(); e++) {
            int i = random.nextInt(tokens.size());
            switch (random.nextInt(5)) {
                case 0 -> tokens.remove(i);
                case 1 -> tokens.add(i, " " + pick(VOCABULARY) + " ");
                case 2 -> {
                    int j = random.nextInt(tokens.size());
                    String t = tokens.get(i);
                    tokens.set(i, tokens.get(j));
                    tokens.set(j, t);
                }
                case 3 -> {
                    int end = Math.min(tokens.size(), i + 1 + random.nextInt(12));
                    tokens.addAll(end, new ArrayList<>(tokens.subList(i, end)));
                }
                default -> tokens.set(i, pick(VOCABULARY));
            }
        }
        return String.join("", tokens);
    }

    private String mutateCharacters() {
        StringBuilder s = new StringBuilder(pick(corpus));
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits; e++) {
            int i = random.nextInt(s.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> s.insert(i, pick(ODD));
                case 1 -> s.insert(i, (char) random.nextInt(0x3000));
                default -> {
                    if (i < s.length()) {
                        s.deleteCharAt(i);
                    }
                }
            }
        }
        return s.toString();
    }

    private String soup() {
        int n = 1 + random.nextInt(60);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(8) == 0 ? "\n" : " ").append(pick(VOCABULARY));
        }
        return s.toString();
    }

    private String unbalance() {
        StringBuilder s = new StringBuilder(pick(corpus));
        int n = 1 + random.nextInt(4);
        for (int k = 0; k < n; k++) {
            s.insert(random.nextInt(s.length() + 1), pick(List.of("(", "[", "{", ")", "]", "}")));
        }
        return s.toString();
    }

    /** One construct repeated hundreds or thousands of times, as a statement of its own in a real script. */
    private String deep() {
        int depth = 50 + random.nextInt(random.nextBoolean() ? 200 : 4000);
        String[][] shapes = {
            {"(", "1", ")"}, {"[", "1", "]"}, {"{a: ", "1", "}"}, {"f(", "x", ")"}, {"-", "x", ""},
            {"not ", "x", ""}, {"x ^ ", "2", ""}, {"plan ", "g", ""}, {"a.", "b", ""}, {"1 + ", "1", ""},
            {"x where ", "y", ""}, {"fit ", "l", " to t"}, {"(", "", ""}, {"m with {a: [", "1", "]}"},
        };
        String[] shape = shapes[random.nextInt(shapes.length)];
        String nested = shape[0].repeat(depth) + shape[1] + shape[2].repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
        String host = pick(corpus);
        int at = host.indexOf('\n', random.nextInt(host.length() + 1));
        return at < 0 ? host + "\nx = " + nested : host.substring(0, at) + "\nx = " + nested + host.substring(at);
    }

    private String splice() {
        String a = pick(corpus);
        String b = pick(corpus);
        return a.substring(0, random.nextInt(a.length() + 1)) + b.substring(random.nextInt(b.length() + 1));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Splits a script into lexer-like pieces, whitespace and comments included, so that joining restores it. */
    static List<String> tokens(String script) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(script);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<String> vocabulary() {
        List<String> words = new ArrayList<>(List.of("x", "width", "runs", "1M", "26B tokens", "1.5B", "10%",
                "1e21 bitflops", "6.2e-4", "1e99999999999", "1e-99999999999", "1e-400", "9".repeat(400),
                "\"file.csv\"", "int(4)", "per_group(32)", "\n", ";", "// c\n", "/* c */"));
        IntStream.range(1, PrecLexer.VOCABULARY.getMaxTokenType() + 1)
                .mapToObj(PrecLexer.VOCABULARY::getLiteralName)
                .filter(n -> n != null)
                .map(n -> n.substring(1, n.length() - 1))
                .forEach(words::add);
        return List.copyOf(words);
    }

    /**
     * The scripts the fuzzer mutates by default: every {@code .prec} file under the test resources'
     * {@code lang/} directory and under the repository's {@code examples/} directory (looked up from the
     * working directory, which is the module's directory under Maven).
     */
    public static List<String> defaultCorpus() {
        List<Path> roots = new ArrayList<>();
        URL lang = ScriptFuzzer.class.getClassLoader().getResource("lang");
        if (lang != null) {
            try {
                roots.add(Path.of(lang.toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        for (Path examples : List.of(Path.of("examples"), Path.of("..", "examples"))) {
            if (Files.isDirectory(examples)) {
                roots.add(examples);
            }
        }
        List<String> scripts = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(p -> p.toString().endsWith(".prec") && Files.isRegularFile(p)).sorted().toList()) {
                    scripts.add(Files.readString(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }

    /** The script as a source file named after its place in the sequence. */
    static SourceFile source(long seed, int index, String text) {
        return new SourceFile("fuzz-" + seed + "-" + index + ".prec", text);
    }
}
