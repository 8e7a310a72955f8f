package dev.prec.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prec.law.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTableReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void csvWithQuotedHeaderMapsColumnsAndDerivesD() throws IOException {
        Path p = write("runs.csv", "\"Model Size\",\"Training FLOP\",loss,note\n1e8,6e18,3.5,\"a, b\"\n2e8,2.4e19,3.1,x\n");
        RunTable t = RunTableReader.read(p, ColumnMapping.all().with("N", "Model Size").with("C", "Training FLOP").with("loss", "loss"))
                .withColumn("D", Expr.variable("C").div(Expr.constant(6).times(Expr.variable("N"))));
        assertArrayEquals(new double[] {1e10, 2e10}, t.column("D"), 1e-3);
        assertEquals(p + ":3", t.origins().get(1));
    }

    @Test
    void aMissingColumnIsAnErrorAtLineOneListingTheColumns() throws IOException {
        Path p = write("runs.csv", "N,loss\n1,2\n");
        TableFormatException e = assertThrows(TableFormatException.class,
                () -> RunTableReader.csv(p, ColumnMapping.all().with("D", "tokens")));
        assertTrue(e.getMessage().startsWith(p + ":1: no column \"tokens\""), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void aNonNumericCellIsAnErrorAtItsLine() throws IOException {
        Path p = write("runs.csv", "N,loss\n1,2\n\n3,abc\n");
        TableFormatException e = assertThrows(TableFormatException.class,
                () -> RunTableReader.csv(p, ColumnMapping.all().with("loss", "loss")));
        assertEquals(4, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("\"abc\""), e.getMessage());
    }

    @Test
    void withoutAMappingNonNumericColumnsAreLeftOut() throws IOException {
        Path p = write("runs.csv", "N,color,loss\n1,#fff,2\n3,#000,4\n");
        RunTable t = RunTableReader.csv(p, ColumnMapping.all());
        assertEquals(java.util.Set.of("N", "loss"), t.columns().keySet());
    }

    @Test
    void jsonArrayOfObjectsReadsWithLinesForErrors() throws IOException {
        Path p = write("runs.json", "[\n {\"N\": 1e8, \"loss\": 3.5},\n {\"N\": \"2e8\", \"loss\": 3.1}\n]\n");
        RunTable t = RunTableReader.read(p, ColumnMapping.all().with("N", "N").with("loss", "loss"));
        assertArrayEquals(new double[] {1e8, 2e8}, t.column("N"));
        Path bad = write("bad.json", "[\n {\"N\": 1e8},\n {\"N\": true}\n]");
        TableFormatException e = assertThrows(TableFormatException.class,
                () -> RunTableReader.read(bad, ColumnMapping.all().with("N", "N")));
        assertEquals(3, e.line(), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        Path p = write("bad.json", "[\n {\"N\": 1\n ]");
        TableFormatException e = assertThrows(TableFormatException.class, () -> RunTableReader.read(p, ColumnMapping.all()));
        assertEquals(3, e.line(), e.getMessage());
    }
}
