package dev.prec.law;

import java.util.Arrays;

/**
 * Evaluates a compiled law over all rows of a {@link LawData} and differentiates it: the
 * workspace of one thread (not thread-safe). {@link #forward} computes the predicted column;
 * {@link #backward} turns per-row adjoints of the prediction into the gradient with respect to
 * the parameters by reverse-mode accumulation over the same nodes.
 */
public final class ColumnEvaluator {
    private final LawData data;
    private final CompiledLaw p;
    private final int n;
    /** Values of CONST, PARAM and SCALAR nodes, by node id. */
    private final double[] scalar;
    /** Columns of VAR/DATA nodes (shared) and MIXED nodes (owned), by node id. */
    private final double[][] column;
    private final double[] scalarAdjoint;
    private final double[][] columnAdjoint;
    private final double[] partial;
    private final double[] broadcastRoot;

    ColumnEvaluator(LawData data) {
        this.data = data;
        this.p = data.program;
        this.n = data.rows;
        int nodes = p.kind.length;
        this.scalar = new double[nodes];
        this.column = data.columns.clone();
        this.scalarAdjoint = new double[nodes];
        this.columnAdjoint = new double[nodes][];
        for (int id = 0; id < nodes; id++) {
            if (p.kind[id] == CompiledLaw.Kind.MIXED) {
                column[id] = new double[n];
                columnAdjoint[id] = new double[n];
            } else if (p.kind[id] == CompiledLaw.Kind.CONST) {
                scalar[id] = p.constant[id];
            }
        }
        this.partial = new double[n];
        this.broadcastRoot = new double[n];
    }

    /** Number of rows. */
    public int rows() {
        return n;
    }

    /**
     * Computes the prediction for every row at parameter values {@code params}.
     *
     * @param params one value per parameter in {@link Law#parameters()} order (natural units, not log)
     * @return the index of the first row outside the domain (a condition not positive, or a
     *     prediction non-finite or not positive), or {@code -1} when every row is inside
     */
    public int forward(double[] params) {
        for (int id = 0; id < p.kind.length; id++) {
            switch (p.kind[id]) {
                case PARAM -> scalar[id] = params[p.leafIndex[id]];
                case SCALAR -> scalar[id] = scalarValue(id);
                case MIXED -> computeNode(p, id, column[id], column, scalar, n);
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

    private int firstNotPositive(int id) {
        if (column[id] == null) {
            return scalar[id] > 0 ? -1 : 0;
        }
        double[] c = column[id];
        for (int i = 0; i < n; i++) {
            if (!(c[i] > 0)) {
                return i;
            }
        }
        return -1;
    }

    /** The predicted value per row after {@link #forward}; a view, valid until the next call. */
    public double[] predictions() {
        if (column[p.root] != null) {
            return column[p.root];
        }
        Arrays.fill(broadcastRoot, scalar[p.root]);
        return broadcastRoot;
    }

    /**
     * Gradient of {@code sum_i adjoint[i] * prediction[i]} with respect to the parameters, at the
     * values of the last {@link #forward} (which must have returned {@code -1}).
     *
     * @param adjoint per-row weight of the prediction, length {@link #rows()}
     * @param gradient output, one entry per parameter (overwritten)
     */
    public void backward(double[] adjoint, double[] gradient) {
        Arrays.fill(scalarAdjoint, 0);
        for (double[] a : columnAdjoint) {
            if (a != null) {
                Arrays.fill(a, 0);
            }
        }
        Arrays.fill(gradient, 0);
        int root = p.root;
        if (p.kind[root] == CompiledLaw.Kind.MIXED) {
            System.arraycopy(adjoint, 0, columnAdjoint[root], 0, n);
        } else {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += adjoint[i];
            }
            scalarAdjoint[root] = sum;
        }
        for (int id = p.kind.length - 1; id >= 0; id--) {
            if (p.kind[id] == CompiledLaw.Kind.MIXED) {
                backwardColumn(id);
            } else if (p.kind[id] == CompiledLaw.Kind.SCALAR) {
                backwardScalar(id);
            } else if (p.kind[id] == CompiledLaw.Kind.PARAM) {
                gradient[p.leafIndex[id]] += scalarAdjoint[id];
            }
        }
    }

    private void backwardColumn(int id) {
        double[] g = columnAdjoint[id];
        double[] v = column[id];
        if (p.unary[id] != null) {
            ColumnOps.unaryPartial(p.unary[id], partial, operand(p.left[id]), v, n);
            accumulate(p.left[id], g);
            return;
        }
        ColumnOps.Operand a = operand(p.left[id]);
        ColumnOps.Operand b = operand(p.right[id]);
        if (CompiledLaw.dependsOnParam(p.kind[p.left[id]])) {
            ColumnOps.binaryPartial(p.binary[id], true, partial, a, b, v, n);
            accumulate(p.left[id], g);
        }
        if (CompiledLaw.dependsOnParam(p.kind[p.right[id]])) {
            ColumnOps.binaryPartial(p.binary[id], false, partial, a, b, v, n);
            accumulate(p.right[id], g);
        }
    }

    /** Adds {@code g * partial} to the adjoint of {@code child}: per row for a column, summed for a scalar. */
    private void accumulate(int child, double[] g) {
        if (columnAdjoint[child] != null) {
            double[] dc = columnAdjoint[child];
            for (int i = 0; i < n; i++) {
                dc[i] += g[i] * partial[i];
            }
        } else if (CompiledLaw.dependsOnParam(p.kind[child])) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += g[i] * partial[i];
            }
            scalarAdjoint[child] += sum;
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

    private ColumnOps.Operand operand(int id) {
        return new ColumnOps.Operand(column[id], scalar[id]);
    }

    /** Computes node {@code id} into {@code out} from its children's columns or scalars. */
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
