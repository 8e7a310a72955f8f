package dev.prec.lang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.format.Formats;
import dev.prec.lang.builtin.Builtin;
import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.builtin.Param;
import dev.prec.lang.value.FormatValue;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in table the checker, evaluator and completion share is consistent with itself and the libraries. */
class BuiltinsTableTest {

    @Test
    void everyDefaultIsAcceptedByItsParametersTypeAndEveryParameterIsDocumented() {
        for (Builtin b : Builtins.functions().values()) {
            for (Param p : b.signature().params()) {
                assertFalse(p.doc().isBlank(), b.name() + "." + p.name() + " has no doc");
                p.defaultValue().ifPresent(v -> assertTrue(p.type().accepts(v.type()),
                        b.name() + "." + p.name() + ": default " + v.show() + " is not a " + p.type().describe()));
            }
            assertFalse(b.signature().doc().isBlank(), b.name() + " has no doc");
        }
    }

    @Test
    void everyFormatPresetOfTheFormatsLibraryIsANameInScriptsAndNoFunctionShadowsAConstant() {
        for (String name : Formats.names()) {
            assertEquals(FormatValue.preset(name), Builtins.constant(name).map(c -> c.value().apply(null)));
        }
        Set<String> functions = new HashSet<>(Builtins.functions().keySet());
        functions.retainAll(Builtins.constants().keySet());
        assertTrue(functions.isEmpty(), "names that are both a function and a constant: " + functions);
    }
}
