package dev.prec.repl;

import dev.prec.format.Formats;
import dev.prec.lang.builtin.Builtin;
import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.builtin.Param;
import dev.prec.lang.parse.Lexemes;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: {@code :commands} at the start; file paths inside a string; the fields of a record
 * after {@code name.}; otherwise the named arguments of the call being typed, then names in scope,
 * built-in functions and constants, keywords and format presets.
 */
final class PrecCompleter implements Completer {
    private final ReplSession repl;

    PrecCompleter(ReplSession repl) {
        this.repl = repl;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(candidates(line.line().substring(0, line.cursor())));
    }

    /** The candidates for the text left of the cursor; their values replace the word being typed. */
    List<Candidate> candidates(String before) {
        int start = InputParser.wordStart(before);
        String word = before.substring(start);
        List<Candidate> out = new ArrayList<>();
        if (start == 0 && word.startsWith(":")) {
            ReplCommands.NAMES.forEach(c -> out.add(new Candidate(c, c, "commands", null, null, null, true)));
            return out;
        }
        if (InputParser.inString(before, start)) {
            return paths(word);
        }
        if (start > 0 && before.charAt(start - 1) == '.') {
            return fields(owner(before.substring(0, start - 1)));
        }
        CallSite.at(before).ifPresent(c -> Builtins.function(c.function()).ifPresent(f -> namedArguments(f, c, out)));
        Set<String> seen = new LinkedHashSet<>();
        for (String name : repl.session().bindings().keySet()) {
            if (seen.add(name)) {
                out.add(new Candidate(name, name, "names", null, null, null, true));
            }
        }
        for (Builtin f : Builtins.functions().values()) {
            String name = f.signature().name();
            if (seen.add(name)) {
                out.add(new Candidate(name + "(", name, "functions", f.signature().showRequired(), null, null, false));
            }
        }
        for (String name : Builtins.constants().keySet()) {
            if (seen.add(name)) {
                out.add(new Candidate(name, name, "constants", null, null, null, true));
            }
        }
        for (String k : Lexemes.keywords()) {
            if (seen.add(k)) {
                out.add(new Candidate(k, k, "keywords", null, null, null, true));
            }
        }
        for (String f : Formats.names()) {
            if (seen.add(f)) {
                out.add(new Candidate(f, f, "formats", null, null, null, true));
            }
        }
        return out;
    }

    private static void namedArguments(Builtin f, CallSite call, List<Candidate> out) {
        for (Param p : f.signature().params()) {
            if (!call.givenNames().contains(p.name())) {
                out.add(new Candidate(p.name() + ": ", p.name() + ":", "arguments of " + f.signature().name(),
                        p.type().describe(), null, null, false));
            }
        }
    }

    /** The name right before a {@code .}, when it is one. */
    private static String owner(String beforeDot) {
        int i = beforeDot.length();
        while (i > 0 && (Character.isLetterOrDigit(beforeDot.charAt(i - 1)) || beforeDot.charAt(i - 1) == '_')) {
            i--;
        }
        return beforeDot.substring(i);
    }

    private List<Candidate> fields(String owner) {
        Set<String> names = new LinkedHashSet<>();
        Optional<Value> v = repl.session().lookup(owner);
        v.filter(RecordValue.class::isInstance).map(RecordValue.class::cast).ifPresent(r -> names.addAll(r.fields().keySet()));
        Type t = repl.session().types().get(owner);
        if (t instanceof Type.Rec rec) {
            names.addAll(rec.fields().keySet());
        }
        return names.stream().map(n -> new Candidate(n, n, "fields of " + owner, null, null, null, true)).toList();
    }

    /** Paths under the session's directory (or absolute) starting with {@code typed}. */
    private List<Candidate> paths(String typed) {
        int slash = typed.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : typed.substring(0, slash + 1);
        Path dir = dirPart.startsWith("/") ? Path.of(dirPart) : repl.baseDirectory().resolve(dirPart);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().map(p -> {
                boolean isDir = Files.isDirectory(p);
                String value = dirPart + p.getFileName() + (isDir ? "/" : "");
                return new Candidate(value, p.getFileName() + (isDir ? "/" : ""), "files", null, null, null, false);
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
