package dev.prec.format;

/** IEEE binary32, the training precision: fake quantization to it is the identity. */
public record Fp32Format() implements NumberFormat {

    @Override
    public String name() {
        return "fp32";
    }

    @Override
    public int bits() {
        return 32;
    }
}
