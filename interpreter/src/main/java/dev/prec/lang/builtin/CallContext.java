package dev.prec.lang.builtin;

import dev.prec.lang.engine.Engines;
import dev.prec.lang.guest.GuestPolicy;
import java.nio.file.Path;

/**
 * What a built-in may use besides its arguments.
 *
 * @param engines the engines of this pipeline
 * @param baseDirectory the directory relative paths in a script resolve against (the script's own)
 * @param guestPolicy the limits guest functions ({@code fn f = js ...}) get and may ask for
 */
public record CallContext(Engines engines, Path baseDirectory, GuestPolicy guestPolicy) {
    public CallContext {
        if (engines == null || baseDirectory == null || guestPolicy == null) {
            throw new IllegalArgumentException("engines, baseDirectory and guestPolicy are required");
        }
    }

    /** A context with the default guest policy. */
    public CallContext(Engines engines, Path baseDirectory) {
        this(engines, baseDirectory, GuestPolicy.DEFAULT);
    }

    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }
}
