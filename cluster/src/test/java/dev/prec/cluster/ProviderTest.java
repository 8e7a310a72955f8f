package dev.prec.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.store.RunStore;
import dev.prec.sweep.SweepExecutorProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderTest {

    @TempDir
    Path dir;

    @Test
    void theSparkExecutorIsFoundByNameOnTheClasspath() {
        assertTrue(SweepExecutorProvider.available().contains("spark"));
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            SweepExecutorProvider p = SweepExecutorProvider.find("spark").orElseThrow();
            assertInstanceOf(SparkExecutor.class, p.create(store, Map.of("master", "local[2]", "maxFailures", "2")));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> p.create(store, Map.of()))
                    .getMessage().contains("master"));
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> p.create(store, Map.of("master", "local", "cores", "4"))).getMessage().contains("cores"));
        }
    }

    @Test
    void localMastersGetTheRetryCountAndTheDriverIsBoundToLoopback() {
        assertEquals("local[2,3]", SparkExecutor.configuration(SparkOptions.of("local[2]").withMaxFailures(3)).get("spark.master"));
        assertEquals("local[1,4]", SparkExecutor.configuration(SparkOptions.of("local")).get("spark.master"));
        assertEquals("spark://127.0.0.1:7077",
                SparkExecutor.configuration(SparkOptions.of("spark://127.0.0.1:7077")).get("spark.master"));
        assertEquals("127.0.0.1", SparkExecutor.configuration(SparkOptions.of("local")).get("spark.driver.bindAddress"));
        assertEquals("false", SparkExecutor.configuration(SparkOptions.of("local")).get("spark.speculation"));
    }
}
