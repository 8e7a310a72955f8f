package dev.prec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TransformerConfigTest {

    @Test
    void benchmarkConfigACountsMatchHandArithmetic() {
        TransformerConfig a = TransformerConfig.olmo(2, 64, 4, 64, 256);
        // F = 8/3 * 64 = 170.7 -> 176; per layer 4*64^2 + 3*64*176 + 2*64 = 16384 + 33792 + 128.
        assertEquals(176, a.mlpHidden());
        assertEquals(2 * 50304 + 64, a.nonEmbeddingParams());
        assertEquals(2 * 50304 + 64 + 256 * 64, a.totalParams());
        assertEquals(2 * 50304 + 64 + 2 * 256 * 64, a.withTied(false).totalParams());
    }

    @Test
    void mlpHiddenRoundsUpToMultipleOfEightWithoutFloatingPointOvershoot() {
        assertEquals(128, TransformerConfig.olmo(1, 48, 4, 8, 16).mlpHidden());
        assertEquals(688, TransformerConfig.olmo(1, 256, 8, 8, 16).mlpHidden());
        assertEquals(256, TransformerConfig.olmo(1, 64, 4, 8, 16).withMlpRatio(4).mlpHidden());
        assertEquals(8, TransformerConfig.olmo(1, 2, 1, 8, 16).withMlpRatio(0.1).mlpHidden());
    }

    @Test
    void geluAndSubNormChangeTheCountByTheirMatricesAndGains() {
        TransformerConfig base = TransformerConfig.olmo(3, 32, 2, 16, 50);
        TransformerConfig gelu = base.withOptions(ModelOptions.OLMO.withMlp(ModelOptions.MlpKind.GELU)).withMlpRatio(4);
        assertEquals(3 * (4L * 32 * 32 + 2L * 32 * 128 + 2 * 32) + 32, gelu.nonEmbeddingParams());
        TransformerConfig sub = base.withOptions(ModelOptions.OLMO.withSubNorm(true));
        // F = 8/3 * 32 = 85.3 -> 88; the sub norms add C + F gains per layer.
        assertEquals(base.nonEmbeddingParams() + 3 * (32 + 88), sub.nonEmbeddingParams());
    }

    @Test
    void invalidSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TransformerConfig.olmo(0, 64, 4, 64, 256));
        assertThrows(IllegalArgumentException.class, () -> TransformerConfig.olmo(1, 64, 5, 64, 256));
        assertThrows(IllegalArgumentException.class, () -> TransformerConfig.olmo(1, 6, 2, 64, 256));
        assertThrows(IllegalArgumentException.class, () -> TransformerConfig.olmo(1, 64, 4, 0, 256));
        assertThrows(IllegalArgumentException.class, () -> TransformerConfig.olmo(1, 64, 4, 8, 1));
    }
}
