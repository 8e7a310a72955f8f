package dev.prec.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The compiled column program agrees with the reference tree walk and the symbolic derivative. */
class CompiledLawTest {

    static Stream<String> lawNames() {
        return LawRegistry.names().stream();
    }

    /** Published values, with the unpublished C_x of the unified law set to 1. */
    static Map<String, Double> values(Law law) {
        Map<String, Double> v = new HashMap<>(law.published());
        for (Parameter p : law.parameters()) {
            v.putIfAbsent(p.name(), 1.0);
        }
        return v;
    }

    /** Random points in the range the paper trained: N 30M-220M x10, D 1B-100B, precisions 4-16 bits. */
    static double[][] points(Law law, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] cols = new double[law.variables().size()][rows];
        for (int j = 0; j < law.variables().size(); j++) {
            String v = law.variables().get(j);
            for (int i = 0; i < rows; i++) {
                cols[j][i] = switch (v) {
                    case "N" -> Math.exp(r.nextDouble(Math.log(3e7), Math.log(2e9)));
                    case "D" -> Math.exp(r.nextDouble(Math.log(1e9), Math.log(1e11)));
                    case "P_post" -> r.nextInt(3, 9);
                    default -> r.nextInt(4, 17);
                };
            }
        }
        return cols;
    }

    static Map<String, Double> row(Law law, double[][] cols, int i) {
        Map<String, Double> point = new HashMap<>();
        for (int j = 0; j < cols.length; j++) {
            point.put(law.variables().get(j), cols[j][i]);
        }
        return point;
    }

    @ParameterizedTest
    @MethodSource("lawNames")
    void compiledValuesMatchTheReferenceTreeWalk(String name) {
        Law law = LawRegistry.get(name);
        Map<String, Double> values = values(law);
        double[][] cols = points(law, 57, 1);
        ColumnEvaluator ev = law.compile().bind(cols).evaluator();
        double[] params = law.parameters().stream().mapToDouble(p -> values.get(p.name())).toArray();
        assertEquals(-1, ev.forward(params), "every point is inside the domain");
        LawInstance inst = law.at(values);
        for (int i = 0; i < 57; i++) {
            double expected = inst.evaluate(row(law, cols, i)).orThrow();
            assertEquals(expected, ev.predictions()[i], 1e-12 * expected, name + " row " + i);
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> lawsAndSizes() {
        // 23 rows: every node per row; 300 rows: precision columns (13 or 7 levels) are leveled.
        return lawNames().flatMap(n -> Stream.of(org.junit.jupiter.params.provider.Arguments.of(n, 23),
                org.junit.jupiter.params.provider.Arguments.of(n, 300)));
    }

    @ParameterizedTest
    @MethodSource("lawsAndSizes")
    void reverseModeGradientMatchesTheSymbolicDerivative(String name, int rows) {
        Law law = LawRegistry.get(name);
        Map<String, Double> values = values(law);
        double[][] cols = points(law, rows, 2);
        LawData data = law.compile().bind(cols);
        boolean expectLevels = rows == 300 && law.variables().stream().anyMatch(v -> v.startsWith("P"));
        assertEquals(expectLevels, java.util.Arrays.stream(data.levelVar).anyMatch(l -> l >= 0), "leveling at " + rows + " rows");
        ColumnEvaluator ev = data.evaluator();
        double[] params = law.parameters().stream().mapToDouble(p -> values.get(p.name())).toArray();
        assertEquals(-1, ev.forward(params));
        LawInstance inst = law.at(values);
        for (int i = 0; i < rows; i++) {
            double expected = inst.evaluate(row(law, cols, i)).orThrow();
            assertEquals(expected, ev.predictions()[i], 1e-12 * expected, name + " row " + i);
        }
        double[] adjoint = new SplittableRandom(3).doubles(rows, -1, 1).toArray();
        double[] grad = new double[params.length];
        ev.backward(adjoint, grad);
        List<String> names = law.parameterNames();
        for (int k = 0; k < names.size(); k++) {
            Expr d = law.loss().derivative(names.get(k));
            double expected = 0;
            double scale = 0;
            for (int i = 0; i < rows; i++) {
                double term = adjoint[i] * TreeEvaluator.eval(d, values, row(law, cols, i));
                expected += term;
                scale += Math.abs(term);
            }
            assertEquals(expected, grad[k], 1e-10 * scale + 1e-300, name + " d/d" + names.get(k));
        }
    }

    @ParameterizedTest
    @MethodSource("lawNames")
    void compiledProgramSharesRepeatedSubexpressions(String name) {
        Law law = LawRegistry.get(name);
        int distinct = countDistinct(law);
        assertTrue(law.compile().nodeCount() <= distinct, name + ": " + law.compile() + " vs " + distinct);
    }

    private static int countDistinct(Law law) {
        java.util.Set<Expr> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Expr> todo = new java.util.ArrayDeque<>();
        todo.add(law.loss());
        law.conditions().forEach(c -> todo.add(c.mustBePositive()));
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            if (seen.add(e)) {
                switch (e) {
                    case Expr.Unary u -> todo.add(u.arg());
                    case Expr.Binary b -> {
                        todo.add(b.left());
                        todo.add(b.right());
                    }
                    default -> { }
                }
            }
        }
        // each non-integer power becomes exp(b * log a): up to three nodes for one
        return seen.size() * 3;
    }

    @ParameterizedTest
    @MethodSource("lawNames")
    void forwardReportsTheFirstRowOutsideTheDomain(String name) {
        Law law = LawRegistry.get(name);
        // Without the offset n_a, f_a(P) > 0 for every P > 0: only laws with n_a have this edge.
        org.junit.jupiter.api.Assumptions.assumeTrue(law.parameterNames().contains("n_a"), name + " has no n_a");
        double[][] cols = points(law, 10, 4);
        cols[law.variables().indexOf("P_a")][6] = 3;   // 3-bit activations: f_a(3) < 0 at the published constants
        Map<String, Double> values = values(law);
        double[] params = law.parameters().stream().mapToDouble(p -> values.get(p.name())).toArray();
        assertEquals(6, law.compile().bind(cols).evaluator().forward(params));
        Evaluation e = law.at(values).evaluate(row(law, cols, 6));
        assertInstanceOf(Evaluation.OutsideDomain.class, e);
        assertTrue(((Evaluation.OutsideDomain) e).reason().startsWith("f_a(P_a) <= 0"), e.toString());
    }
}
