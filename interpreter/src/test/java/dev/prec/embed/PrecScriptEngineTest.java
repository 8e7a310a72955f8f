package dev.prec.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;

/** JSR-223: prec is found by name and extension, shares bindings, prints to the context's writer. */
class PrecScriptEngineTest {

    @Test
    void theEngineIsRegisteredUnderItsNameAndExtension() {
        ScriptEngineManager manager = new ScriptEngineManager();
        assertNotNull(manager.getEngineByName("prec"));
        assertNotNull(manager.getEngineByExtension("prec"));
        assertEquals("prec", manager.getEngineByName("prec").getFactory().getLanguageName());
    }

    @Test
    void bindingsGoInAndComeOutAndPrintGoesToTheWriter() throws ScriptException {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("prec");
        StringWriter out = new StringWriter();
        engine.getContext().setWriter(out);
        engine.put("x", 2);
        Object result = engine.eval("y = x * 21\nprint y\ny + 1");
        assertEquals(43.0, result);
        assertEquals(42.0, engine.get("y"));
        assertEquals("42", out.toString().strip());
    }

    @Test
    void aScriptErrorIsAScriptExceptionWithItsPosition() {
        ScriptEngine engine = new ScriptEngineManager().getEngineByExtension("prec");
        ScriptException e = assertThrows(ScriptException.class, () -> engine.eval("a = 1\nb = int(4, 5)"));
        assertEquals(2, e.getLineNumber());
        assertEquals(12, e.getColumnNumber());
        assertTrue(e.getMessage().contains("int takes at most 1 argument"), e.getMessage());
    }
}
