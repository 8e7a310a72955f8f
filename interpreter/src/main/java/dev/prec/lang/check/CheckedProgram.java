package dev.prec.lang.check;

import dev.prec.lang.ast.Program;
import dev.prec.lang.engine.Capability;
import dev.prec.lang.value.Type;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A program the checker accepted (no errors), with what it learned.
 *
 * @param program the syntax tree
 * @param globals the type of every top-level name after the program, in binding order
 * @param needs the engines the program's actions need
 */
public record CheckedProgram(Program program, Map<String, Type> globals, Set<Capability> needs) {
    public CheckedProgram {
        if (program == null) {
            throw new IllegalArgumentException("program is required");
        }
        globals = Collections.unmodifiableMap(new LinkedHashMap<>(globals));
        needs = Collections.unmodifiableSet(needs.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(needs));
    }
}
