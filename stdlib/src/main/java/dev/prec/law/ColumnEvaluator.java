package dev.prec.law;

import java.util.Arrays;

/**
 * Evaluates a compiled law over all rows of a {@link LawData} and differentiates it: the
 * workspace of one thread (not thread-safe). {@link #forward} computes the predicted column;
 * {@link #backward} turns per-row adjoints of the prediction into the gradient with respect to
 * the parameters by reverse-mode accumulation over the same nodes.
 *
 * <p>Each mixed node has a width: the row count, or the level count of the variable it is
 * leveled by ({@link LawData}). A row-wide node reads a leveled child through a gathered row copy;
 * in the backward pass it scatters its adjoint contributions back onto the child's levels.
 */
public final class ColumnEvaluator {
    private final LawData data;
    private final CompiledLaw p;
    private final int n;
    /** Values of CONST, PARAM and SCALAR nodes, by node id. */
    private final double[] scalar;
    /** Row-wide view of every data-dependent node: data columns, mixed row columns, gathered copies. */
    private final double[][] rowView;
    /** Level view of leveled nodes: level values of VAR/DATA nodes, owned level columns of MIXED nodes. */
    private final double[][] levelView;
    /** Own values of each MIXED node, in its width (row or level). */
    private final double[][] value;
    private final double[][] adjoint;
    private final double[] scalarAdjoint;
    /** Whether a leveled MIXED node is read by a row-wide node (and so gathered). */
    private final boolean[] gathered;
    private final double[] partial;
    private final double[] broadcastRoot;

    ColumnEvaluator(LawData data) {
        this.data = data;
        this.p = data.program;
        this.n = data.rows;
        int nodes = p.kind.length;
        this.scalar = new double[nodes];
        this.rowView = data.columns.clone();
        this.levelView = data.levelColumns.clone();
        this.value = new double[nodes][];
        this.adjoint = new double[nodes][];
        this.scalarAdjoint = new double[nodes];
        this.gathered = new boolean[nodes];
        for (int id = 0; id < nodes; id++) {
            if (p.kind[id] == CompiledLaw.Kind.MIXED) {
                int w = width(id);
                value[id] = new double[w];
                adjoint[id] = new double[w];
                if (leveled(id)) {
                    levelView[id] = value[id];
                } else {
                    rowView[id] = value[id];
                    markGathered(p.left[id]);
                    markGathered(p.right[id]);
                }
            } else if (p.kind[id] == CompiledLaw.Kind.CONST) {
                scalar[id] = p.constant[id];
            }
        }
        markGathered(p.root);
        for (int id = 0; id < nodes; id++) {
            if (gathered[id]) {
                rowView[id] = new double[n];
            }
        }
        this.partial = new double[n];
        this.broadcastRoot = new double[n];
    }

    private void markGathered(int id) {
        if (id >= 0 && p.kind[id] == CompiledLaw.Kind.MIXED && leveled(id)) {
            gathered[id] = true;
        }
    }

    private boolean leveled(int id) {
        return data.levelVar[id] >= 0;
    }

    private int width(int id) {
        return leveled(id) ? data.levelColumns[data.levelVar[id]].length : n;
    }

    /** Number of rows. */
    public int rows() {
        return n;
    }

    /**
     * Computes the prediction for every row at parameter values {@code params}.
     *
     * @param params one value per parameter in {@link Law#parameters()} order (natural units, not log)
     * @return the index of a row outside the domain (a condition not positive, or a prediction
     *     non-finite or not positive; for a leveled condition, the first row at the failing
     *     level), or {@code -1} when every row is inside
     */
    public int forward(double[] params) {
        for (int id = 0; id < p.kind.length; id++) {
            switch (p.kind[id]) {
                case PARAM -> scalar[id] = params[p.leafIndex[id]];
                case SCALAR -> scalar[id] = scalarValue(id);
                case MIXED -> {
                    boolean lv = leveled(id);
                    computeNode(p, id, value[id], lv ? levelView : rowView, scalar, width(id));
                    if (gathered[id]) {
                        gather(id);
                    }
                }
                default -> { }
            }
        }
        for (int c : p.conditionRoots) {
            int bad = firstNotPositive(c);
            if (bad >= 0) {
                return bad;
            }
        }
        double[] pred = predictions();
        for (int i = 0; i < n; i++) {
            if (!(pred[i] > 0) || pred[i] == Double.POSITIVE_INFINITY) {
                return i;
            }
        }
        return -1;
    }

    private void gather(int id) {
        double[] levels = value[id];
        int[] index = data.levelIndex[data.levelVar[id]];
        double[] out = rowView[id];
        for (int i = 0; i < n; i++) {
            out[i] = levels[index[i]];
        }
    }

    private int firstNotPositive(int id) {
        if (p.kind[id] != CompiledLaw.Kind.MIXED) {
            double[] c = rowView[id];
            if (c == null) {
                return scalar[id] > 0 ? -1 : 0;
            }
            for (int i = 0; i < n; i++) {
                if (!(c[i] > 0)) {
                    return i;
                }
            }
            return -1;
        }
        double[] c = value[id];
        for (int j = 0; j < c.length; j++) {
            if (!(c[j] > 0)) {
                return leveled(id) ? firstRowAtLevel(id, j) : j;
            }
        }
        return -1;
    }

    private int firstRowAtLevel(int id, int level) {
        int[] index = data.levelIndex[data.levelVar[id]];
        for (int i = 0; i < n; i++) {
            if (index[i] == level) {
                return i;
            }
        }
        return 0;
    }

    /** The predicted value per row after {@link #forward}; a view, valid until the next call. */
    public double[] predictions() {
        if (rowView[p.root] != null) {
            return rowView[p.root];
        }
        Arrays.fill(broadcastRoot, scalar[p.root]);
        return broadcastRoot;
    }

    /**
     * Gradient of {@code sum_i adjoint[i] * prediction[i]} with respect to the parameters, at the
     * values of the last {@link #forward} (which must have returned {@code -1}).
     *
     * @param rowAdjoint per-row weight of the prediction, length {@link #rows()}
     * @param gradient output, one entry per parameter (overwritten)
     */
    public void backward(double[] rowAdjoint, double[] gradient) {
        Arrays.fill(scalarAdjoint, 0);
        for (double[] a : adjoint) {
            if (a != null) {
                Arrays.fill(a, 0);
            }
        }
        Arrays.fill(gradient, 0);
        int root = p.root;
        if (p.kind[root] == CompiledLaw.Kind.MIXED) {
            accumulateRows(root, rowAdjoint, new ColumnOps.Operand(null, 1.0));
        } else {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += rowAdjoint[i];
            }
            scalarAdjoint[root] = sum;
        }
        for (int id = p.kind.length - 1; id >= 0; id--) {
            switch (p.kind[id]) {
                case MIXED -> backwardColumn(id);
                case SCALAR -> backwardScalar(id);
                case PARAM -> gradient[p.leafIndex[id]] += scalarAdjoint[id];
                default -> { }
            }
        }
    }

    private void backwardColumn(int id) {
        double[] g = adjoint[id];
        double[] v = value[id];
        int w = width(id);
        double[][] view = leveled(id) ? levelView : rowView;
        ColumnOps.Operand a = operand(p.left[id], view);
        if (p.unary[id] != null) {
            accumulate(id, p.left[id], g, w, ColumnOps.unaryPartial(p.unary[id], partial, a, v, w));
            return;
        }
        ColumnOps.Operand b = operand(p.right[id], view);
        if (CompiledLaw.dependsOnParam(p.kind[p.left[id]])) {
            accumulate(id, p.left[id], g, w, ColumnOps.binaryPartial(p.binary[id], true, partial, a, b, v, w));
        }
        if (CompiledLaw.dependsOnParam(p.kind[p.right[id]])) {
            accumulate(id, p.right[id], g, w, ColumnOps.binaryPartial(p.binary[id], false, partial, a, b, v, w));
        }
    }

    /**
     * Adds {@code g * d} (width {@code w} of the parent; {@code d} a column or a constant) to the
     * adjoint of {@code child}: entrywise, scattered onto the child's levels, or summed for a scalar.
     */
    private void accumulate(int parent, int child, double[] g, int w, ColumnOps.Operand d) {
        double[] dcol = d.column();
        double ds = d.scalar();
        if (p.kind[child] == CompiledLaw.Kind.MIXED) {
            if (leveled(child) && !leveled(parent)) {
                accumulateRows(child, g, d);
            } else if (dcol != null) {
                double[] dc = adjoint[child];
                for (int j = 0; j < w; j++) {
                    dc[j] += g[j] * dcol[j];
                }
            } else {
                double[] dc = adjoint[child];
                for (int j = 0; j < w; j++) {
                    dc[j] += g[j] * ds;
                }
            }
        } else if (CompiledLaw.dependsOnParam(p.kind[child])) {
            scalarAdjoint[child] += dcol == null ? ds * sum(g, w) : dot(g, dcol, w);
        }
    }

    /** Sum of {@code g[0..w)} with two accumulators (halves the dependency chain of the additions). */
    private static double sum(double[] g, int w) {
        double s0 = 0;
        double s1 = 0;
        int j = 0;
        for (; j + 1 < w; j += 2) {
            s0 += g[j];
            s1 += g[j + 1];
        }
        return j < w ? s0 + s1 + g[j] : s0 + s1;
    }

    /** Dot product of {@code a[0..w)} and {@code b[0..w)}, two accumulators. */
    private static double dot(double[] a, double[] b, int w) {
        double s0 = 0;
        double s1 = 0;
        int j = 0;
        for (; j + 1 < w; j += 2) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
        }
        return j < w ? s0 + s1 + a[j] * b[j] : s0 + s1;
    }

    /** Adds row adjoints {@code g * d} to node {@code id}: per row, or scattered onto its levels. */
    private void accumulateRows(int id, double[] g, ColumnOps.Operand d) {
        double[] dcol = d.column();
        double ds = d.scalar();
        double[] dc = adjoint[id];
        if (leveled(id)) {
            int[] index = data.levelIndex[data.levelVar[id]];
            for (int i = 0; i < n; i++) {
                dc[index[i]] += g[i] * (dcol == null ? ds : dcol[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                dc[i] += g[i] * (dcol == null ? ds : dcol[i]);
            }
        }
    }

    private void backwardScalar(int id) {
        double g = scalarAdjoint[id];
        if (g == 0) {
            return;
        }
        double v = scalar[id];
        int l = p.left[id];
        if (p.unary[id] != null) {
            scalarAdjoint[l] += g * p.unary[id].derivative(scalar[l], v);
            return;
        }
        int r = p.right[id];
        double a = scalar[l];
        double b = scalar[r];
        scalarAdjoint[l] += g * p.binary[id].derivativeLeft(a, b, v);
        if (CompiledLaw.dependsOnParam(p.kind[r])) {
            scalarAdjoint[r] += g * p.binary[id].derivativeRight(a, b, v);
        }
    }

    private double scalarValue(int id) {
        if (p.unary[id] != null) {
            return p.unary[id].apply(scalar[p.left[id]]);
        }
        return p.binary[id].apply(scalar[p.left[id]], scalar[p.right[id]]);
    }

    private ColumnOps.Operand operand(int id, double[][] view) {
        return new ColumnOps.Operand(view[id], scalar[id]);
    }

    /** Computes node {@code id} into {@code out} (width {@code n}) from its children in {@code columns} or scalars. */
    static void computeNode(CompiledLaw p, int id, double[] out, double[][] columns, double[] scalars, int n) {
        ColumnOps.Operand a = new ColumnOps.Operand(columns[p.left[id]], scalarOf(p, p.left[id], scalars));
        if (p.unary[id] != null) {
            ColumnOps.unary(p.unary[id], out, a.column(), a.scalar(), n);
            return;
        }
        ColumnOps.Operand b = new ColumnOps.Operand(columns[p.right[id]], scalarOf(p, p.right[id], scalars));
        ColumnOps.binary(p.binary[id], p.integerPower[id], out, a, b, n);
    }

    private static double scalarOf(CompiledLaw p, int id, double[] scalars) {
        if (p.kind[id] == CompiledLaw.Kind.CONST) {
            return p.constant[id];
        }
        return scalars == null ? Double.NaN : scalars[id];
    }
}
