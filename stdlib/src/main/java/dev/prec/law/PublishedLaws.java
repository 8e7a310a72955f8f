package dev.prec.law;

import static dev.prec.law.Expr.exp;
import static dev.prec.law.Expr.max;
import static dev.prec.law.Expr.param;
import static dev.prec.law.Expr.variable;

import java.util.Map;

/**
 * The built-in laws: Chinchilla (Hoffmann et al. 2022, arXiv 2203.15556; Besiroglu et al. 2024,
 * arXiv 2404.10102) and the precision laws of Kumar et al. 2024 (arXiv 2411.04330, Table 2), with
 * the offset readings of {@code docs/science.md} as named variants.
 */
final class PublishedLaws {
    private PublishedLaws() {
    }

    private static final String KUMAR = "Kumar et al. 2024, Scaling Laws for Precision, arXiv 2411.04330, Table 2";
    /** Kumar et al. Table 2, integer formats, alpha tied to beta. */
    static final double A = 4.299e3;
    static final double ALPHA = 0.4965;
    static final double B = 1.806e4;
    static final double E = 2.7648;

    /** One part of the effective parameter count: weights, activations or KV cache. */
    private record Part(String suffix, String what, double gamma, double offset) {
        String var() {
            return "P_" + suffix;
        }
    }

    private static final Part W = new Part("w", "weights", 2.6745, 0.3037);
    private static final Part ACT = new Part("a", "activations", 2.2102, 1.4072);
    private static final Part KV = new Part("kv", "KV cache", 0.9578, 2.4185);

    static Parameter a() {
        return new Parameter("A", Constraint.positive(), 10, 1e4, "coefficient of the parameter term");
    }

    static Parameter bCoef() {
        return new Parameter("B", Constraint.positive(), 10, 1e5, "coefficient of the data term");
    }

    static Parameter e() {
        return new Parameter("E", Constraint.positive(), 0.5, 4, "irreducible loss (nats per token)");
    }

    static Parameter exponent(String name, String what) {
        return new Parameter(name, Constraint.bounded(0, 2), 0.1, 0.8, "exponent of " + what);
    }

    /** A * X^-alpha + B * D^-beta + E, with X the (effective) parameter count. */
    private static Expr chinchillaForm(Expr params, boolean tied) {
        Expr beta = param(tied ? "alpha" : "beta");
        return param("A").times(params.pow(param("alpha").negate()))
                .plus(param("B").times(variable("D").pow(beta.negate())))
                .plus(param("E"));
    }

    static Law chinchilla(String name, boolean tied, Map<String, Double> published, String source) {
        Law.Builder b = Law.builder(name)
                .description("L = A * N^-alpha + B * D^-beta + E" + (tied ? " with beta = alpha" : "")
                        + "; N parameters, D training tokens. Published values: " + source + ".")
                .variables("N", "D");
        b.parameter(a()).parameter(exponent("alpha", "N")).parameter(bCoef());
        if (!tied) {
            b.parameter(exponent("beta", "D"));
        }
        b.parameter(e());
        return b.loss(chinchillaForm(variable("N"), tied)).build().withPublished(published);
    }

    /** f_x(P) = 1 - exp(-P / gamma_x + n_x), or without the offset. */
    private static Expr f(Part part, boolean offsets) {
        Expr inner = variable(part.var()).negate().div(param("gamma_" + part.suffix()));
        if (offsets) {
            inner = inner.plus(param("n_" + part.suffix()));
        }
        return Expr.constant(1).minus(exp(inner));
    }

    private static void addPart(Law.Builder b, Part part, boolean offsets, Map<String, Double> pub) {
        b.parameter(new Parameter("gamma_" + part.suffix(), Constraint.positive(), 0.5, 5,
                "precision scale of " + part.what() + " (bits)"));
        pub.put("gamma_" + part.suffix(), part.gamma());
        if (offsets) {
            b.parameter(new Parameter("n_" + part.suffix(), Constraint.bounded(-3, 6), -0.5, 3,
                    "offset of " + part.what() + " in f_" + part.suffix()));
            pub.put("n_" + part.suffix(), part.offset());
        }
        b.require(f(part, offsets), "f_" + part.suffix() + "(" + part.var() + ") <= 0: " + part.what()
                + " precision below the range of the law");
    }

    /**
     * The N_eff law over the given parts: L = A * N_eff^-alpha + B * D^-beta + E with
     * N_eff = N * prod f_x(P_x).
     */
    static Law effective(String name, Part[] parts, boolean offsets, boolean tied, String note) {
        Law.Builder b = Law.builder(name).variables("N", "D");
        for (Part p : parts) {
            b.variables(p.var());
        }
        Map<String, Double> pub = new java.util.LinkedHashMap<>(Map.of("A", A, "alpha", ALPHA, "B", B, "E", E));
        b.parameter(a()).parameter(exponent("alpha", "N_eff")).parameter(bCoef());
        if (!tied) {
            b.parameter(exponent("beta", "D"));
            pub.put("beta", ALPHA);
        }
        b.parameter(e());
        for (Part p : parts) {
            addPart(b, p, offsets, pub);
        }
        b.loss(chinchillaForm(neff(parts, offsets), tied));
        StringBuilder text = new StringBuilder("L = A * N_eff^-alpha + B * D^-beta + E, N_eff = N");
        for (Part p : parts) {
            text.append(" * f_").append(p.suffix()).append("(").append(p.var()).append(")");
        }
        text.append(offsets ? ", f_x(P) = 1 - exp(-P / gamma_x + n_x)" : ", f_x(P) = 1 - exp(-P / gamma_x)");
        text.append(tied ? ", beta = alpha. " : ". ").append(note).append(" Published values: ").append(KUMAR).append('.');
        return b.description(text.toString()).build().withPublished(pub);
    }

    private static Expr neff(Part[] parts, boolean offsets) {
        Expr n = variable("N");
        for (Part p : parts) {
            n = n.times(f(p, offsets));
        }
        return n;
    }

    static Law training(String name, boolean offsets, boolean tied) {
        return effective(name, new Part[] {W, ACT, KV}, offsets, tied,
                "Quantized training of weights, activations and KV cache.");
    }

    static Law weights(String name, boolean offsets) {
        return effective(name, new Part[] {W}, offsets, true, "Weight-only quantized training.");
    }

    /** The floating-point weight fit: A, B, E and alpha held at Table 2; gamma_w, n_w refitted. */
    static Law floatingPointWeights() {
        Law base = effective("kumar2024.fp-weights", new Part[] {new Part("w", "weights", 2.8111, 0.1240)},
                true, true, "Floating-point weight formats; A, B, E, alpha held at the integer fit.");
        return base.withFixed(Map.of("A", A, "alpha", ALPHA, "B", B, "E", E));
    }

    private static Expr ptqExponent(boolean withB) {
        Expr x = variable("P_post").negate().div(param("gamma_post"));
        return withB ? x.plus(param("b")) : x;
    }

    private static void addPtqParameters(Law.Builder b, boolean withB, Map<String, Double> pub) {
        b.parameter(new Parameter("C_T", Constraint.positive(), 0.005, 1, "coefficient of the PTQ degradation"));
        b.parameter(new Parameter("gamma_D", Constraint.bounded(0, 2), 0.1, 0.9, "exponent of D in the degradation"));
        b.parameter(new Parameter("gamma_N", Constraint.bounded(0, 2), 0.1, 0.9, "exponent of N in the degradation"));
        b.parameter(new Parameter("gamma_post", Constraint.positive(), 0.2, 3, "precision scale of PTQ (bits)"));
        pub.putAll(Map.of("C_T", 0.0598, "gamma_D", 0.5068, "gamma_N", 0.3439, "gamma_post", 0.5907));
        if (withB) {
            b.parameter(new Parameter("b", Constraint.bounded(-6, 6), -1, 3, "offset in the PTQ exponent"));
            pub.put("b", 1.1277);
        }
    }

    /** delta_PTQ = C_T * D^gamma_D / N^gamma_N * exp(-P_post / gamma_post [+ b]). */
    static Law ptq(String name, boolean withB) {
        Law.Builder b = Law.builder(name).variables("N", "D", "P_post");
        Map<String, Double> pub = new java.util.LinkedHashMap<>();
        addPtqParameters(b, withB, pub);
        b.loss(param("C_T").times(variable("D").pow(param("gamma_D")))
                .div(variable("N").pow(param("gamma_N"))).times(exp(ptqExponent(withB))));
        return b.description("delta_PTQ = C_T * D^gamma_D / N^gamma_N * exp(-P_post / gamma_post"
                + (withB ? " + b)" : ")") + ": the loss increase from post-training quantization to P_post bits"
                + " of a model trained in high precision. Published values: " + KUMAR + ".").build().withPublished(pub);
    }

    /**
     * The unified law: the training law plus delta_PTQ with N_eff for N and a robustness factor
     * 1 - exp(-C_x * max(P_x - P_post, 0)) per part (quantizing to at least the training precision
     * costs nothing). C_w, C_a, C_kv are not published.
     */
    static Law unified(String name, boolean withB) {
        Part[] parts = {W, ACT, KV};
        Law training = training("tmp", true, true);
        Law.Builder b = Law.builder(name).variables("N", "D", "P_w", "P_a", "P_kv", "P_post");
        training.parameters().forEach(b::parameter);
        training.conditions().forEach(c -> b.require(c.mustBePositive(), c.reason()));
        Map<String, Double> pub = new java.util.LinkedHashMap<>(training.published());
        addPtqParameters(b, withB, pub);
        Expr delta = param("C_T").times(exp(ptqExponent(withB)))
                .times(variable("D").pow(param("gamma_D"))).div(neff(parts, true).pow(param("gamma_N")));
        for (Part p : parts) {
            b.parameter(new Parameter("C_" + p.suffix(), Constraint.positive(), 0.1, 5,
                    "robustness of " + p.what() + " trained at P_" + p.suffix() + " to PTQ (unpublished)"));
            Expr gap = max(variable(p.var()).minus(variable("P_post")), Expr.constant(0));
            delta = delta.times(Expr.constant(1).minus(exp(param("C_" + p.suffix()).negate().times(gap))));
        }
        b.loss(training.loss().plus(delta));
        return b.description("L = A * N_eff^-alpha + B * D^-beta + E + delta_PTQ, delta_PTQ = C_T * exp(-P_post / gamma_post"
                + (withB ? " + b" : "") + ") * D^gamma_D / N_eff^gamma_N * prod_x [1 - exp(-C_x * max(P_x - P_post, 0))]."
                + " C_w, C_a, C_kv are not published: supply them or fit them. Other values: " + KUMAR + ".")
                .build().withPublished(pub);
    }
}
