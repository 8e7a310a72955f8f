package dev.prec.law;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A law compiled to a flat program for evaluation over whole columns of data, with its exact
 * gradient by reverse-mode differentiation in the same pass structure.
 *
 * <p>Compilation interns equal subtrees (a subexpression such as {@code N_eff} used twice is
 * computed once), folds constants, and sorts every node into one of four kinds by what it
 * depends on: constants; <em>scalar</em> nodes (parameters only: computed once per evaluation);
 * <em>data</em> nodes (variables only: computed once per data set by {@link #bind}); and
 * <em>mixed</em> nodes (both: one column per evaluation). A fit therefore spends its time only
 * on the mixed nodes, each a tight loop over rows.
 *
 * <p>Node ids are a topological order: children before parents. Thread-safe and immutable;
 * the mutable workspace is {@link ColumnEvaluator}, one per thread.
 */
public final class CompiledLaw {

    /** What a node depends on, which decides when it is computed. */
    enum Kind { CONST, PARAM, VAR, SCALAR, DATA, MIXED }

    final Law law;
    final Kind[] kind;
    final UnaryOp[] unary;
    final BinaryOp[] binary;
    /** Child ids ({@code -1} when absent). */
    final int[] left;
    final int[] right;
    /** Constant value of CONST nodes; parameter or variable index of PARAM and VAR nodes. */
    final double[] constant;
    final int[] leafIndex;
    final int root;
    final int[] conditionRoots;
    /** Whether a POW node's exponent is an integer constant (negative bases are then allowed). */
    final boolean[] integerPower;

    private CompiledLaw(Law law, Builder b) {
        this.law = law;
        int n = b.kind.size();
        this.kind = b.kind.toArray(new Kind[0]);
        this.unary = b.unary.toArray(new UnaryOp[0]);
        this.binary = b.binary.toArray(new BinaryOp[0]);
        this.left = b.left.stream().mapToInt(Integer::intValue).toArray();
        this.right = b.right.stream().mapToInt(Integer::intValue).toArray();
        this.constant = b.constant.stream().mapToDouble(Double::doubleValue).toArray();
        this.leafIndex = b.leafIndex.stream().mapToInt(Integer::intValue).toArray();
        this.integerPower = new boolean[n];
        for (int i = 0; i < n; i++) {
            integerPower[i] = binary[i] == BinaryOp.POW && kind[right[i]] == Kind.CONST
                    && constant[right[i]] == Math.rint(constant[right[i]]);
        }
        this.root = b.intern(law.loss());
        this.conditionRoots = law.conditions().stream().mapToInt(c -> b.intern(c.mustBePositive())).toArray();
    }

    static CompiledLaw compile(Law law) {
        Builder b = new Builder(law);
        b.intern(law.loss());
        law.conditions().forEach(c -> b.intern(c.mustBePositive()));
        return new CompiledLaw(law, b);
    }

    /** The law this program evaluates. */
    public Law law() {
        return law;
    }

    /** Number of parameters, the length of parameter vectors (in {@link Law#parameters()} order). */
    public int parameterCount() {
        return law.parameters().size();
    }

    /** Number of nodes after interning and folding (a measure of evaluation cost). */
    public int nodeCount() {
        return kind.length;
    }

    /**
     * Binds the program to a data set and precomputes every node that depends on data only.
     *
     * @param columns one column per law variable, in {@link Law#variables()} order; all of equal
     *     length {@code rows >= 1}; not copied (callers must not modify them afterwards)
     * @return the bound data, immutable and shareable between threads
     * @throws IllegalArgumentException if the column count or lengths disagree, or a row violates
     *     a domain condition that depends on data only ({@link OutsideDomainException} with the row)
     */
    public LawData bind(double[][] columns) {
        return LawData.bind(this, columns);
    }

    /** Interns expressions into node arrays, folding constants. */
    private static final class Builder {
        final Law law;
        final Map<Expr, Integer> ids = new HashMap<>();
        final List<Kind> kind = new ArrayList<>();
        final List<UnaryOp> unary = new ArrayList<>();
        final List<BinaryOp> binary = new ArrayList<>();
        final List<Integer> left = new ArrayList<>();
        final List<Integer> right = new ArrayList<>();
        final List<Double> constant = new ArrayList<>();
        final List<Integer> leafIndex = new ArrayList<>();

        Builder(Law law) {
            this.law = law;
        }

        int intern(Expr e) {
            Integer id = ids.get(e);
            if (id != null) {
                return id;
            }
            int made = switch (e) {
                case Expr.Const c -> add(Kind.CONST, null, null, -1, -1, c.value(), -1);
                case Expr.Param p -> add(Kind.PARAM, null, null, -1, -1, 0, law.parameterNames().indexOf(p.name()));
                case Expr.Var v -> add(Kind.VAR, null, null, -1, -1, 0, law.variables().indexOf(v.name()));
                case Expr.Unary u -> {
                    int a = intern(u.arg());
                    if (kind.get(a) == Kind.CONST) {
                        yield intern(new Expr.Const(fold(u, u.op().inDomain(constant.get(a))
                                ? u.op().apply(constant.get(a)) : Double.NaN)));
                    }
                    yield add(combine(kind.get(a), Kind.CONST), u.op(), null, a, -1, 0, -1);
                }
                case Expr.Binary b when b.op() == BinaryOp.POW && !TreeEvaluator.isIntegerConstant(b.right())
                        && !(b.left() instanceof Expr.Const) -> {
                    // a^b = exp(b * log a) for a > 0: log a of a data column is then computed once per
                    // data set, and the backward pass reuses it; a <= 0 gives NaN, which the domain check sees.
                    yield intern(Expr.exp(b.right().times(Expr.log(b.left()))));
                }
                case Expr.Binary b -> {
                    int a = intern(b.left());
                    int c = intern(b.right());
                    if (kind.get(a) == Kind.CONST && kind.get(c) == Kind.CONST) {
                        yield intern(new Expr.Const(fold(b, b.op().apply(constant.get(a), constant.get(c)))));
                    }
                    yield add(combine(kind.get(a), kind.get(c)), null, b.op(), a, c, 0, -1);
                }
            };
            ids.put(e, made);
            return made;
        }

        private static double fold(Expr e, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("constant subexpression " + e.print() + " is undefined");
            }
            return value;
        }

        private int add(Kind k, UnaryOp u, BinaryOp b, int l, int r, double c, int leaf) {
            kind.add(k);
            unary.add(u);
            binary.add(b);
            left.add(l);
            right.add(r);
            constant.add(c);
            leafIndex.add(leaf);
            return kind.size() - 1;
        }

        private static Kind combine(Kind a, Kind b) {
            boolean param = dependsOnParam(a) || dependsOnParam(b);
            boolean data = dependsOnData(a) || dependsOnData(b);
            if (param && data) {
                return Kind.MIXED;
            }
            if (param) {
                return Kind.SCALAR;
            }
            return data ? Kind.DATA : Kind.CONST;
        }
    }

    static boolean dependsOnParam(Kind k) {
        return k == Kind.PARAM || k == Kind.SCALAR || k == Kind.MIXED;
    }

    static boolean dependsOnData(Kind k) {
        return k == Kind.VAR || k == Kind.DATA || k == Kind.MIXED;
    }

    @Override
    public String toString() {
        return "CompiledLaw[" + law.name() + ", nodes=" + kind.length + ", kinds=" + Arrays.toString(kindCounts()) + "]";
    }

    private int[] kindCounts() {
        int[] counts = new int[Kind.values().length];
        for (Kind k : kind) {
            counts[k.ordinal()]++;
        }
        return counts;
    }
}
