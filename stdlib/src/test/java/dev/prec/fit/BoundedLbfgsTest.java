package dev.prec.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedLbfgsTest {

    /** Rosenbrock's function, minimum 0 at (1, 1). */
    private static final DifferentiableFunction ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    @Test
    void findsTheRosenbrockMinimumWithoutBounds() {
        OptimizerResult r = BoundedLbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, Box.unbounded(2),
                OptimizerSettings.defaults());
        assertTrue(r.reason().converged(), r.toString());
        assertEquals(1, r.x()[0], 1e-6);
        assertEquals(1, r.x()[1], 1e-6);
    }

    @Test
    void boundedQuadraticStopsOnTheActiveBoundAtTheKktPoint() {
        // f = (x0 - 3)^2 + (x1 + 1)^2 + x0 x1 on [0, 2] x [0, 5]: the minimum is at x0 = 2 (bound),
        // and then d/dx1 = 2 (x1 + 1) + 2 > 0 for x1 >= 0, so x1 = 0 (bound): KKT point (2, 0).
        DifferentiableFunction f = (x, g) -> {
            g[0] = 2 * (x[0] - 3) + x[1];
            g[1] = 2 * (x[1] + 1) + x[0];
            return Math.pow(x[0] - 3, 2) + Math.pow(x[1] + 1, 2) + x[0] * x[1];
        };
        OptimizerResult r = BoundedLbfgs.minimize(f, new double[] {0.5, 4}, new Box(new double[] {0, 0}, new double[] {2, 5}),
                OptimizerSettings.defaults());
        assertEquals(StopReason.GRADIENT_TOLERANCE, r.reason());
        assertEquals(2, r.x()[0], 0);
        assertEquals(0, r.x()[1], 0);
    }

    @Test
    void interiorMinimumOfAnIllConditionedQuadraticIsFoundToTolerance() {
        // f = sum_i c_i (x_i - i)^2 with c from 1 to 1e6: L-BFGS must cope with a condition number of 1e6.
        int n = 8;
        DifferentiableFunction f = (x, g) -> {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double c = Math.pow(10, 6.0 * i / (n - 1));
                s += c * (x[i] - i) * (x[i] - i);
                g[i] = 2 * c * (x[i] - i);
            }
            return s;
        };
        OptimizerResult r = BoundedLbfgs.minimize(f, new double[n], Box.unbounded(n),
                OptimizerSettings.defaults().withGradientTolerance(1e-9).withRelativeTolerance(0));
        for (int i = 0; i < n; i++) {
            assertEquals(i, r.x()[i], 1e-6, "coordinate " + i);
        }
    }

    @Test
    void aStartOutsideTheDomainIsReportedNotOptimised() {
        DifferentiableFunction f = (x, g) -> x[0] <= 0 ? Double.POSITIVE_INFINITY : x[0] - Math.log(x[0]);
        OptimizerResult r = BoundedLbfgs.minimize(f, new double[] {-1}, Box.unbounded(1), OptimizerSettings.defaults());
        assertEquals(StopReason.START_OUTSIDE_DOMAIN, r.reason());
    }

    @Test
    void theLineSearchBacksOffFromTheDomainEdge() {
        // f = x - log x, minimum at 1; from 0.05 the first full step would leave x > 0.
        DifferentiableFunction f = (x, g) -> {
            if (x[0] <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            g[0] = 1 - 1 / x[0];
            return x[0] - Math.log(x[0]);
        };
        OptimizerResult r = BoundedLbfgs.minimize(f, new double[] {0.05}, Box.unbounded(1), OptimizerSettings.defaults());
        assertTrue(r.reason().converged(), r.toString());
        assertEquals(1, r.x()[0], 1e-8);
    }
}
