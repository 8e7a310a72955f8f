package dev.prec.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LawTest {

    @Test
    void chinchillaAtPublishedValuesMatchesTheFormulaByHand() {
        double n = 70e9;
        double d = 1.4e12;
        double expected = 406.4 * Math.pow(n, -0.34) + 410.7 * Math.pow(d, -0.28) + 1.69;
        double got = LawRegistry.get("chinchilla").atPublished().evaluate(Map.of("N", n, "D", d)).orThrow();
        assertEquals(expected, got, 1e-12 * expected);
    }

    @Test
    void trainingLawAtPublishedValuesMatchesTheFormulaByHand() {
        double n = 220e6;
        double d = 26e9;
        double fw = 1 - Math.exp(-4 / 2.6745 + 0.3037);
        double fa = 1 - Math.exp(-8 / 2.2102 + 1.4072);
        double fkv = 1 - Math.exp(-8 / 0.9578 + 2.4185);
        double expected = 4.299e3 * Math.pow(n * fw * fa * fkv, -0.4965) + 1.806e4 * Math.pow(d, -0.4965) + 2.7648;
        double got = LawRegistry.get("kumar2024.training").atPublished()
                .evaluate(Map.of("N", n, "D", d, "P_w", 4.0, "P_a", 8.0, "P_kv", 8.0)).orThrow();
        assertEquals(expected, got, 1e-12 * expected);
    }

    @Test
    void ptqOffsetReadingsDifferByTheFactorExpB() {
        Map<String, Double> point = Map.of("N", 1e8, "D", 1e10, "P_post", 4.0);
        double with = LawRegistry.get("kumar2024.ptq").atPublished().evaluate(point).orThrow();
        double without = LawRegistry.get("kumar2024.ptq.no-b").atPublished().evaluate(point).orThrow();
        assertEquals(Math.exp(1.1277), with / without, 1e-12);
    }

    @Test
    void threeBitActivationsAreOutsideTheDomainNotANegativeLoss() {
        Evaluation e = LawRegistry.get("kumar2024.training").atPublished()
                .evaluate(Map.of("N", 1e8, "D", 1e10, "P_w", 8.0, "P_a", 3.0, "P_kv", 8.0));
        assertInstanceOf(Evaluation.OutsideDomain.class, e);
        assertTrue(((Evaluation.OutsideDomain) e).reason().contains("f_a(P_a) <= 0"));
    }

    @Test
    void aUserLawWithALogOfANegativeNumberSaysWhere() {
        Law law = Law.builder("mine").variables("x")
                .parameter(Parameter.positive("c", 1, ""))
                .loss(Expr.log(Expr.variable("x").minus(Expr.param("c")))).build();
        Evaluation e = law.at(Map.of("c", 2.0)).evaluate(Map.of("x", 1.0));
        assertInstanceOf(Evaluation.OutsideDomain.class, e);
        assertTrue(((Evaluation.OutsideDomain) e).reason().contains("log(x - c)"), e.toString());
        Evaluation negative = law.at(Map.of("c", 2.0)).evaluate(Map.of("x", 2.5));
        assertTrue(((Evaluation.OutsideDomain) negative).reason().contains("not positive"), negative.toString());
    }

    @Test
    void unifiedLawNamesItsUnpublishedConstants() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LawRegistry.get("kumar2024.unified").atPublished());
        assertTrue(e.getMessage().contains("C_w"), e.getMessage());
    }

    @Test
    void floatingPointVariantHoldsTheBaseFixed() {
        Law fp = LawRegistry.get("kumar2024.fp-weights");
        assertEquals(java.util.List.of("gamma_w", "n_w"), fp.parameterNames());
        assertEquals(2.8111, fp.published().get("gamma_w"));
    }

    @Test
    void printerUsesMinimalParentheses() {
        Expr e = Expr.param("A").times(Expr.variable("N").pow(Expr.param("alpha").negate()))
                .plus(Expr.variable("D").minus(Expr.constant(1).minus(Expr.variable("x"))));
        assertEquals("A * N ^ (-alpha) + (D - (1 - x))", e.print());
    }

    @Test
    void undeclaredNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Law.builder("bad").variables("N")
                .loss(Expr.variable("D")).build());
    }
}
