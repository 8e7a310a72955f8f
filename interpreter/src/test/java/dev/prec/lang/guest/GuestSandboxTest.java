package dev.prec.lang.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.embed.Prec;
import dev.prec.embed.PrecEngine;
import dev.prec.embed.PrecException;
import dev.prec.lang.diag.Diagnostic;
import dev.prec.lang.value.FunctionValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.RecordValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guest code that reaches outside the sandbox, or never stops, gets a script error at the call; the
 * interpreter keeps working (a function defined before the attack still answers) and the disk is unchanged.
 */
class GuestSandboxTest {

    /** A directory of files the attacks aim at; compared before and after. */
    @TempDir
    static Path dir;

    private static Map<Path, String> snapshot() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(p -> p, p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    /** Defines {@code attack} after a harmless function, calls it, and checks the error and recovery. */
    private static String attack(String source) throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "keep");
        Map<Path, String> before = snapshot();
        PrecEngine prec = Prec.engine();
        prec.eval("fn square = js \"(x) => x * x\"");
        prec.put("target", dir.resolve("secret.txt").toString()).put("folder", dir.toString());
        prec.eval("fn attack = js \"" + source.replace("\"", "\\\"") + "\"");
        PrecException e = assertThrows(PrecException.class, () -> prec.eval("a = 1\nr = attack(target, folder)"));
        Diagnostic d = e.first();
        assertEquals(2, d.span().line(), "the error points at the call");
        assertTrue(d.message().startsWith("attack: JavaScript"), d.message());
        assertEquals(49.0, prec.eval("square(7)"), "the interpreter stays usable");
        assertEquals(before, snapshot(), "nothing on disk changed");
        return d.message();
    }

    @Test
    void readingAFileIsRefused() throws Exception {
        attack("(f, d) => load(f)");
        String viaJava = attack("(f, d) => Java.type('java.nio.file.Files').readString(Java.type('java.nio.file.Path').of(f))");
        assertTrue(viaJava.contains("java.nio.file.Files"), viaJava);
    }

    @Test
    void writingAFileIsRefused() throws Exception {
        attack("(f, d) => { const w = new (Java.type('java.io.FileWriter'))(f); w.write('gone'); w.close(); return 1 }");
    }

    @Test
    void listingADirectoryIsRefused() throws Exception {
        String m = attack("(f, d) => new (Java.type('java.io.File'))(d).list().length");
        assertTrue(m.contains("java.io.File"), m);
    }

    @Test
    void loadingAJavaClassIsRefused() throws Exception {
        attack("(f, d) => Java.type('java.lang.Runtime').getRuntime().availableProcessors()");
        attack("(f, d) => Java.type('java.lang.Class').forName('java.lang.System')");
    }

    @Test
    void spawningAProcessIsRefused() throws Exception {
        attack("(f, d) => new (Java.type('java.lang.ProcessBuilder'))(['rm', f]).start().waitFor()");
    }

    @Test
    void openingASocketIsRefused() throws Exception {
        attack("(f, d) => new (Java.type('java.net.Socket'))('127.0.0.1', 22).isConnected()");
    }

    @Test
    void readingTheEnvironmentIsRefused() throws Exception {
        attack("(f, d) => Java.type('java.lang.System').getenv('PATH')");
        attack("(f, d) => process.env.PATH");
    }

    @Test
    void startingAThreadIsRefused() throws Exception {
        attack("(f, d) => { const t = new (Java.type('java.lang.Thread'))(() => 1); t.start(); return 1 }");
        attack("(f, d) => { new Worker('postMessage(1)'); return 1 }");
    }

    @Test
    void reachingAnotherLanguageOrAModuleLoaderIsRefused() throws Exception {
        attack("(f, d) => Polyglot.eval('python', 'import os')");
        attack("(f, d) => require('fs').readFileSync(f, 'utf8')");
    }

    @Test
    void unboundedRecursionIsAScriptErrorNotAStackOverflow() throws Exception {
        String m = attack("(f, d) => { const r = (n) => r(n + 1) + 1; return r(0) }");
        assertTrue(m.contains("Maximum call stack size exceeded"), m);
    }

    @Test
    void unboundedRecursionOnASmallHostStackIsAScriptErrorToo() throws Exception {
        PrecEngine prec = Prec.engine();
        prec.eval("fn deep = js \"function r(n) { return n === 0 ? 0 : 1 + r(n - 1) }; r\"");
        AtomicReference<Object> outcome = new AtomicReference<>();
        // 512 KiB is far below the 4 MiB test threads get: the overflow comes sooner and may hit host frames.
        Thread small = new Thread(null, () -> {
            try {
                outcome.set(prec.eval("a = deep(10)\nb = deep(10M)"));
            } catch (PrecException | RuntimeException | Error e) {
                outcome.set(e);
            }
        }, "small-stack", 512 * 1024);
        small.start();
        small.join();
        PrecException e = assertInstanceOf(PrecException.class, outcome.get());
        assertEquals(2, e.first().span().line());
        assertTrue(e.first().message().contains("call stack") || e.first().message().contains("recursed too deeply"),
                e.first().message());
        assertEquals(10.0, prec.getNumber("a"));
        assertEquals(100.0, prec.eval("deep(100)"), "the interpreter stays usable");
    }

    @Test
    void anEndlessLoopHitsTheStatementLimit() throws Exception {
        String m = attack("(f, d) => { while (true) {} }");
        assertTrue(m.contains("statement limit"), m);
    }

    @Test
    void unboundedAllocationHitsALimit() throws Exception {
        String m = attack("(f, d) => { const a = []; while (true) a.push(new Array(1000000).fill(1.5)); }");
        assertTrue(m.contains("limit"), m);
    }

    @Test
    void aLongCallHitsTheWallTimeLimitAndTheRuntimeRecovers() {
        JsRuntime js = new JsRuntime(new GuestLimits(Long.MAX_VALUE, Duration.ofMillis(300), 512L << 20));
        FunctionValue spin = js.define("spin", "() => { for (;;) {} }");
        FunctionValue twice = js.define("twice", "(x) => 2 * x");
        long start = System.nanoTime();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spin.body().apply(RecordValue.EMPTY));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(e.getMessage().contains("wall-time limit of 300 ms"), e.getMessage());
        assertTrue(seconds < 5, "stopped after " + seconds + " s");
        assertEquals(NumberValue.of(42), twice.body().apply(new RecordValue(Map.of("x", NumberValue.of(21)))));
    }

    @Test
    void aTopLevelLoopInTheSourceIsStoppedAtDefinition() {
        PrecEngine prec = Prec.engine();
        PrecException e = assertThrows(PrecException.class, () -> prec.eval("fn f = js \"while (true) {}; (x) => x\""));
        assertTrue(e.first().message().contains("statement limit"), e.first().message());
    }
}
