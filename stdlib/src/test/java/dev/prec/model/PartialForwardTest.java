package dev.prec.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.prec.tensor.Matmuls;
import dev.prec.tensor.WorkPool;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A forward pass through the first blocks sees exactly what the full pass sees in those blocks. */
class PartialForwardTest {

    @Test
    void theLinearInputsOfTheBlocksRunAreThoseOfTheFullForwardPass() {
        TransformerConfig cfg = TransformerConfig.olmo(3, 32, 2, 8, 16);
        int batch = 2;
        int[] tokens = new int[batch * (cfg.context() + 1)];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = r.nextInt(cfg.vocab());
        }
        try (WorkPool pool = new WorkPool(1)) {
            Transformer full = new Transformer(cfg, Quantization.NONE, batch, Matmuls.best(pool), pool);
            Transformer part = new Transformer(cfg, Quantization.NONE, batch, Matmuls.best(pool), pool);
            ParameterLayout layout = full.layout();
            layout.initialise(full.parameters(), 3);
            System.arraycopy(full.parameters(), 0, part.parameters(), 0, full.parameters().length);
            full.forward(tokens);
            for (int blocks = 1; blocks <= cfg.layers(); blocks++) {
                part.forwardThrough(tokens, blocks);
                ParameterLayout.Block b = layout.blocks().get(blocks - 1);
                for (ParameterTensor w : new ParameterTensor[] {b.qkv(), b.attnOut(), b.mlpUp(), b.mlpDown()}) {
                    float[] expected = new float[batch * cfg.context() * w.cols()];
                    float[] actual = new float[expected.length];
                    full.copyLinearInput(w, expected);
                    part.copyLinearInput(w, actual);
                    assertArrayEquals(expected, actual, w.name() + " after " + blocks + " blocks");
                }
            }
            assertThrows(IllegalArgumentException.class, () -> part.forwardThrough(tokens, cfg.layers() + 1));
        }
    }
}
