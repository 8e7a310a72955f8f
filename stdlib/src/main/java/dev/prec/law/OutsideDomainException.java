package dev.prec.law;

/** A data row lies outside a law's domain whatever its parameters (e.g. a precision the law excludes). */
public final class OutsideDomainException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** 0-based index of the offending row in the bound data. */
    private final int row;

    OutsideDomainException(int row, String reason) {
        super("row " + row + " is outside the law's domain: " + reason);
        this.row = row;
    }

    /** 0-based index of the offending row in the bound data. */
    public int row() {
        return row;
    }
}
