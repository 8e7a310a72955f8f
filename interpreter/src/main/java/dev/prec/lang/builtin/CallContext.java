package dev.prec.lang.builtin;

import dev.prec.lang.engine.Engines;
import java.nio.file.Path;

/**
 * What a built-in may use besides its arguments.
 *
 * @param engines the engines of this pipeline
 * @param baseDirectory the directory relative paths in a script resolve against (the script's own)
 */
public record CallContext(Engines engines, Path baseDirectory) {
    public CallContext {
        if (engines == null || baseDirectory == null) {
            throw new IllegalArgumentException("engines and baseDirectory are required");
        }
    }

    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }
}
