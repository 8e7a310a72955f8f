package dev.prec.lang.value;

import java.nio.file.Path;

/** A plot written to a file; {@code path} is where it was written. */
public record PlotFile(Path path) implements Value {
    public PlotFile {
        if (path == null) {
            throw new IllegalArgumentException("path is required");
        }
    }

    @Override
    public Type type() {
        return Type.of(Type.Kind.PLOT);
    }
}
