package dev.prec.lang.engine;

/** What a script may need beyond the language itself, named as users read it. */
public enum Capability {
    TRAINER("the trainer engine"),
    QUANTIZER("the post-training quantization engine"),
    FITTER("the law fitter engine"),
    LAWS("the built-in law catalog"),
    OPTIMIZER("the compute-optimal solver engine"),
    PLOTTER("the plot engine"),
    REPORTER("the report engine");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** E.g. "the trainer engine". */
    public String description() {
        return description;
    }

    /** The message for an action that needs this capability in a build without it. */
    public String missingMessage(String action) {
        return action + " needs " + description + ", which this build does not have yet";
    }
}
