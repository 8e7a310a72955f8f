package dev.prec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.tensor.ScalarMatmul;
import dev.prec.tensor.WorkPool;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole model's backward pass against finite differences of its loss: for every parameter
 * tensor, the directional derivative along a random direction supported on that tensor
 * ({@code (L(p + h u) - L(p - h u)) / 2h}) must equal {@code grad · u}. A direction sums many
 * entries, so float rounding of the loss stays far below the derivative.
 */
class TransformerGradientTest {

    static Stream<Arguments> architectures() {
        TransformerConfig base = new TransformerConfig(2, 8, 2, TransformerConfig.SWIGLU_RATIO, 5, 11, true,
                ModelOptions.OLMO);
        ModelOptions all = ModelOptions.OLMO.withNorm(ModelOptions.NormKind.LAYER)
                .withMlp(ModelOptions.MlpKind.GELU).withSubNorm(true);
        return Stream.of(
                Arguments.of("olmo tied", base),
                Arguments.of("olmo untied with sub norms", base.withTied(false).withOptions(ModelOptions.OLMO.withSubNorm(true))),
                Arguments.of("layernorm gelu sub norms", base.withOptions(all).withMlpRatio(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void everyParameterTensorGradientMatchesFiniteDifferences(String name, TransformerConfig cfg) {
        int batch = 2;
        Transformer model = new Transformer(cfg, Quantization.NONE, batch, new ScalarMatmul(), new WorkPool(1));
        model.layout().initialise(model.parameters(), 3);
        // Noise larger than the 0.02 init so every path carries signal the differences can see.
        Random r = new Random(5);
        float[] p = model.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] += (float) (0.3 * r.nextGaussian());
        }
        int[] tokens = new int[batch * (cfg.context() + 1)];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = r.nextInt(cfg.vocab());
        }
        model.zeroGradients();
        model.forward(tokens);
        model.backward();
        float[] g = model.gradients().clone();
        for (ParameterTensor t : model.layout().tensors()) {
            double[] u = new double[t.size()];
            double norm = 0;
            for (int i = 0; i < u.length; i++) {
                u[i] = r.nextGaussian();
                norm += u[i] * u[i];
            }
            double analytic = 0;
            for (int i = 0; i < u.length; i++) {
                u[i] /= Math.sqrt(norm);
                analytic += u[i] * g[t.offset() + i];
            }
            float[] saved = p.clone();
            double h = 1e-2;
            for (int i = 0; i < u.length; i++) {
                p[t.offset() + i] = (float) (saved[t.offset() + i] + h * u[i]);
            }
            double hi = model.forward(tokens);
            for (int i = 0; i < u.length; i++) {
                p[t.offset() + i] = (float) (saved[t.offset() + i] - h * u[i]);
            }
            double lo = model.forward(tokens);
            System.arraycopy(saved, 0, p, 0, p.length);
            double numeric = (hi - lo) / (2 * h);
            assertTrue(Math.abs(analytic) > 1e-4, t.name() + ": gradient vanished, the check would be void");
            assertEquals(numeric, analytic, 5e-3 * Math.abs(numeric) + 2e-5, t.name());
        }
    }
}
