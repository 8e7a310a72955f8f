package dev.prec.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.law.Law;
import dev.prec.law.LawRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriticalDataTest {

    /** The training loss of chinchilla.tied plus the degradation of kumar2024.ptq: a law of N, D, P_post. */
    private static Law postQuantizationLaw(String ptqName) {
        Law base = LawRegistry.get("chinchilla.tied");
        Law ptq = LawRegistry.get(ptqName);
        Law.Builder b = Law.builder("post-quantization").variables("N", "D", "P_post");
        base.parameters().forEach(b::parameter);
        ptq.parameters().forEach(b::parameter);
        Map<String, Double> pub = new HashMap<>(base.published());
        pub.putAll(ptq.published());
        return b.loss(base.loss().plus(ptq.loss())).build().withPublished(pub);
    }

    @Test
    void numericCriticalDataSizeMatchesTheClosedFormForBothReadingsOfB() {
        ClosedForms.Chinchilla data = new ClosedForms.Chinchilla(4299, 0.4965, 18060, 0.4965, 2.7648);
        for (String name : List.of("kumar2024.ptq", "kumar2024.ptq.no-b")) {
            double offset = name.endsWith("no-b") ? 0 : 1.1277;
            ClosedForms.PtqTerm term = new ClosedForms.PtqTerm(0.0598, 0.5068, 0.3439, 0.5907, offset);
            for (double post : new double[] {3, 4, 6}) {
                LossSurface s = LossSurface.of(postQuantizationLaw(name).atPublished(),
                        new PrecisionBinding(List.of(), Map.of("P_post", post)));
                for (double n : new double[] {3e7, 1e9}) {
                    double numeric = CriticalData.tokens(s, n, 16, SearchSpace.defaults().withTokens(1e3, 1e30));
                    double closed = ClosedForms.criticalTokens(data, term, n, post);
                    assertEquals(closed, numeric, closed * 1e-6, name + " P_post " + post + " N " + n);
                }
            }
        }
    }

    @Test
    void criticalDataSizeGrowsWithModelSizeAndPostTrainingPrecision() {
        ClosedForms.Chinchilla data = new ClosedForms.Chinchilla(4299, 0.4965, 18060, 0.4965, 2.7648);
        ClosedForms.PtqTerm term = new ClosedForms.PtqTerm(0.0598, 0.5068, 0.3439, 0.5907, 1.1277);
        assertTrue(ClosedForms.criticalTokens(data, term, 1e9, 4) > ClosedForms.criticalTokens(data, term, 1e8, 4));
        assertTrue(ClosedForms.criticalTokens(data, term, 1e9, 5) > ClosedForms.criticalTokens(data, term, 1e9, 4));
    }

    @Test
    void aLawWithoutDegradationHasNoCriticalDataSize() {
        LossSurface s = LossSurface.of(LawRegistry.get("chinchilla.tied").atPublished());
        assertThrows(IllegalArgumentException.class, () -> CriticalData.tokens(s, 1e9, 16, SearchSpace.defaults()));
    }
}
