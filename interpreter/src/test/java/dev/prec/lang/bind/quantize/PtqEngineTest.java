package dev.prec.lang.bind.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.data.Datasets;
import dev.prec.data.MarkovSpec;
import dev.prec.lang.engine.ActionContext;
import dev.prec.lang.engine.Engines;
import dev.prec.lang.engine.QuantizeEngine;
import dev.prec.lang.value.DataValue;
import dev.prec.lang.value.FormatValue;
import dev.prec.lang.value.NumberValue;
import dev.prec.lang.value.PrecisionValue;
import dev.prec.lang.value.QuantValue;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.RunTable;
import dev.prec.lang.value.SpecValue;
import dev.prec.lang.value.StringValue;
import dev.prec.lang.value.Type;
import dev.prec.lang.value.Value;
import dev.prec.model.TransformerConfig;
import dev.prec.ptq.TrainedModel;
import dev.prec.train.Trainer;
import dev.prec.train.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quantize action's engine on a run trained in the test. */
class PtqEngineTest {

    private static final DataValue DATA = new DataValue("synthetic", new RecordValue(Map.of(
            "vocab", NumberValue.of(32), "order", NumberValue.of(2), "zipf", NumberValue.of(1.5),
            "branching", NumberValue.of(8), "seed", NumberValue.of(1))));

    private static PrecisionValue post(int bits) {
        return new PrecisionValue(Map.of(PrecisionValue.Role.POST, QuantValue.of(FormatValue.integer(bits))));
    }

    private static double number(RecordValue r, String name) {
        return ((NumberValue) r.get(name).orElseThrow()).value();
    }

    @Test
    void oneRowPerRunAndFormatWithTheRunsConfigLossDeltaAndAQuantizedCheckpoint(@TempDir Path dir) throws Exception {
        TrainingSpec spec = TrainingSpec.of(TransformerConfig.olmo(2, 64, 4, 32, 32), 1e-2, 16, 400L * 16 * 32)
                .withEvaluation(1000, 4).withThreads(2).withCheckpoints(dir, 100_000);
        double trained = Trainer.run(spec, Datasets.markov(new MarkovSpec(32, 2, 1.5, 8, 1))).finalValLoss();
        RecordValue config = new RecordValue(Map.of("tokens", NumberValue.of(400.0 * 16 * 32), "data", DATA,
                "seed", NumberValue.of(0), "batch", NumberValue.of(16)));
        RecordValue results = new RecordValue(Map.of("loss", NumberValue.of(trained),
                "checkpoint", new StringValue(dir.resolve("checkpoint.safetensors").toString())));
        RunTable runs = new RunTable(List.of(new RunTable.Run(config, results)));
        SpecValue gptq = new SpecValue(Type.Kind.METHOD, "gptq", new RecordValue(Map.of("group", NumberValue.of(16),
                "calibration", NumberValue.of(32))));

        RunTable out = new PtqEngine().quantize(new QuantizeEngine.Request(runs, List.of(post(3), post(4)), gptq),
                ActionContext.quiet());

        assertEquals(2, out.rows().size());
        for (int i = 0; i < 2; i++) {
            RunTable.Run row = out.rows().get(i);
            assertEquals(3.0 + i, number(row.config(), "post_bits"));
            assertEquals(post(3 + i), row.config().get("post").orElseThrow());
            assertEquals(DATA, row.config().get("data").orElseThrow());
            double loss = number(row.results(), "loss");
            assertEquals(trained, number(row.results(), "loss_before"), 1e-6);
            assertEquals(loss - number(row.results(), "loss_before"), number(row.results(), "delta"), 1e-12);
            Value file = row.results().get("checkpoint").orElseThrow();
            Path written = Path.of(((StringValue) file).value());
            assertTrue(Files.exists(written));
            assertEquals(TransformerConfig.olmo(2, 64, 4, 32, 32), TrainedModel.read(written).config());
        }
        assertTrue(number(out.rows().get(0).results(), "delta") > number(out.rows().get(1).results(), "delta"),
                "3 bits lose more than 4");
    }

    @Test
    void aRunWithoutACheckpointIsAnErrorNamingWhatIsMissing() {
        RunTable runs = new RunTable(List.of(new RunTable.Run(new RecordValue(Map.of("data", DATA)), RecordValue.EMPTY)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PtqEngine().quantize(
                new QuantizeEngine.Request(runs, List.of(post(4)), new SpecValue(Type.Kind.METHOD, "rtn", RecordValue.EMPTY)),
                ActionContext.quiet()));
        assertTrue(e.getMessage().contains("checkpoint"), e.getMessage());
    }

    @Test
    void aRunThatDidNotFinishGivesRowsWithoutLossesAndAnErrorInsteadOfStoppingTheAction() {
        RunTable runs = new RunTable(List.of(new RunTable.Run(new RecordValue(Map.of("data", DATA)),
                new RecordValue(Map.of("status", new StringValue("diverged"), "loss", NumberValue.of(Double.NaN))))));
        RunTable out = new PtqEngine().quantize(new QuantizeEngine.Request(runs, List.of(post(3), post(4)),
                new SpecValue(Type.Kind.METHOD, "gptq", RecordValue.EMPTY)), ActionContext.quiet());
        assertEquals(2, out.rows().size());
        for (RunTable.Run r : out.rows()) {
            assertTrue(Double.isNaN(number(r.results(), "delta")));
            assertEquals(new StringValue("not quantized: the run is diverged"), r.results().get("error").orElseThrow());
        }
    }

    @Test
    void theEngineIsInstalledAsTheQuantizeService() {
        assertInstanceOf(PtqEngine.class, Engines.installed().quantize().orElseThrow());
    }

    @Test
    void aPerGroupTargetOverridesTheMethodsGroupAndOptionsReachGptq() {
        var target = new PrecisionValue(Map.of(PrecisionValue.Role.POST, QuantValue.of(FormatValue.integer(3))
                .withGranularity(new dev.prec.lang.value.GranularityValue(
                        dev.prec.lang.value.GranularityValue.Kind.PER_GROUP, 32))));
        var spec = PtqEngine.spec(new SpecValue(Type.Kind.METHOD, "gptq", new RecordValue(Map.of(
                "group", NumberValue.of(64), "damp", NumberValue.of(0.05), "act_order",
                dev.prec.lang.value.BoolValue.TRUE))), target);
        assertEquals(32, spec.groupSize());
        assertEquals(0.05, spec.gptq().damp());
        assertTrue(spec.gptq().actOrder());
        assertEquals("int3", spec.format().name());
    }

    @Test
    void aBlockFormatTargetUsesItsOwnBlocksWhateverTheMethodsGroup() {
        var gptq = new SpecValue(Type.Kind.METHOD, "gptq", new RecordValue(Map.of("group", NumberValue.of(64))));
        for (String name : List.of("mxfp4", "nvfp4", "mxfp8")) {
            var target = new PrecisionValue(Map.of(PrecisionValue.Role.POST,
                    QuantValue.of(FormatValue.preset(name).orElseThrow())));
            var spec = PtqEngine.spec(gptq, target);
            assertEquals(((dev.prec.format.BlockFormat) spec.format()).blockSize(), spec.groupSize(), name);
        }
    }
}
