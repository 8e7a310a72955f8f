package dev.prec.cli;

/** Entry point of the prec command (filled in by the language-core work). */
public final class PrecCommand {
    public static void main(String[] args) {
        System.out.println("prec 0.1.0-SNAPSHOT");
    }
}
