package dev.prec.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void cosineWarmsUpLinearlyThenFallsToTheMinimumAtTheLastStep() {
        Schedule s = new Schedule(Schedule.Kind.COSINE, 0.1, 0.1, 1.0);
        assertEquals(0.1, s.rate(0, 100, 1.0), 1e-12);
        assertEquals(1.0, s.rate(9, 100, 1.0), 1e-12);
        assertEquals(1.0, s.rate(10, 100, 1.0), 1e-12);
        // Step 55 is 45 of the 89 decay intervals in: min + (peak - min) * (1 + cos(pi * 45/89)) / 2.
        assertEquals(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 45 / 89.0)), s.rate(55, 100, 1.0), 1e-12);
        assertEquals(0.1, s.rate(99, 100, 1.0), 1e-12);
    }

    @Test
    void linearAndWsdEndAtTheMinimumAndWsdHoldsThePeakBeforeItsDecay() {
        Schedule lin = new Schedule(Schedule.Kind.LINEAR, 0.0, 0.0, 1.0);
        assertEquals(1.0, lin.rate(0, 11, 2.0) / 2, 1e-12);
        assertEquals(0.5, lin.rate(5, 11, 2.0) / 2, 1e-12);
        assertEquals(0.0, lin.rate(10, 11, 2.0), 1e-12);
        Schedule wsd = new Schedule(Schedule.Kind.WSD, 0.0, 0.0, 0.2);
        assertEquals(1.0, wsd.rate(79, 100, 1.0), 1e-12);
        assertEquals(1.0, wsd.rate(80, 100, 1.0), 1e-12);
        assertEquals(0.0, wsd.rate(99, 100, 1.0), 1e-12);
        assertEquals(1.0, Schedule.constant().rate(99, 100, 1.0), 1e-12);
    }
}
