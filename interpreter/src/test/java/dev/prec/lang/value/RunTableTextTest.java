package dev.prec.lang.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The printed run table stays readable in a terminal while the values behind it stay whole. */
class RunTableTextTest {

    private static RecordValue record(Map<String, Value> fields) {
        return new RecordValue(new LinkedHashMap<>(fields));
    }

    private static RunTable oneRun() {
        ModelValue model = new ModelValue("base", "transformer", record(Map.of("layers", NumberValue.of(2),
                "width", NumberValue.of(48), "heads", NumberValue.of(4), "context", NumberValue.of(64),
                "tied", BoolValue.TRUE)));
        DataValue data = new DataValue("synthetic", record(Map.of("vocab", NumberValue.of(256))));
        List<Value> curve = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            curve.add(NumberValue.of(5.0 - i * 0.01));
        }
        Map<String, Value> config = new LinkedHashMap<>();
        config.put("model", model);
        config.put("data", data);
        config.put("N", new NumberValue(55296, Unit.PARAMS));
        Map<String, Value> results = new LinkedHashMap<>();
        results.put("loss", NumberValue.of(3.941293568257242));
        results.put("wall_s", NumberValue.of(0.000123456789));
        results.put("val_curve", new ListValue(curve));
        results.put("checkpoint", new StringValue("/a/very/long/path/checkpoint.safetensors"));
        return new RunTable(List.of(new RunTable.Run(record(config), record(results))));
    }

    @Test
    void aModelPrintsAsItsShapeADataSourceAsItsKindAndACurveAsItsLength() {
        String text = oneRun().show();
        assertTrue(text.contains("L2 d48 h4 t64"), text);
        assertTrue(text.contains("synthetic") && !text.contains("vocab"), text);
        assertTrue(text.contains("[40 values]"), text);
        assertTrue(text.contains("55296 params"), text);
        assertFalse(text.contains("checkpoint"), "paths are left out of the text: " + text);
    }

    @Test
    void numbersShowFiveSignificantDigitsAndWholeNumbersStayWhole() {
        assertEquals("3.9413", RunTableText.compact(3.941293568257242));
        assertEquals("0.00012346", RunTableText.compact(0.000123456789));
        assertEquals("1.2346e-7", RunTableText.compact(1.23456789e-7));
        assertEquals("120000", RunTableText.compact(120000));
        assertEquals("2.5", RunTableText.compact(2.5));
        assertEquals("NaN", RunTableText.compact(Double.NaN));
    }

    @Test
    void theValuesBehindTheTextAreUnchanged() {
        RunTable t = oneRun();
        assertEquals(3.941293568257242, ((NumberValue) t.rows().getFirst().results().get("loss").orElseThrow()).value());
        assertEquals(40, ((ListValue) t.rows().getFirst().results().get("val_curve").orElseThrow()).elements().size());
    }
}
