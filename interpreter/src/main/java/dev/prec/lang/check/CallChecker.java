package dev.prec.lang.check;

import dev.prec.lang.ast.Expr;
import dev.prec.lang.ast.NamedArg;
import dev.prec.lang.builtin.Builtin;
import dev.prec.lang.builtin.Builtins;
import dev.prec.lang.builtin.FormatShorthand;
import dev.prec.lang.builtin.Param;
import dev.prec.lang.builtin.Signature;
import dev.prec.lang.diag.Span;
import dev.prec.lang.value.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks calls: the callee exists, arity, named arguments (unknown, repeated, missing) and their types. */
final class CallChecker {
    private final CheckContext ctx;
    private final ExprChecker exprs;

    CallChecker(CheckContext ctx, ExprChecker exprs) {
        this.ctx = ctx;
        this.exprs = exprs;
    }

    Type call(Expr.Call c, Scope scope) {
        if (!(c.callee() instanceof Expr.Ref r)) {
            return callValue(c, exprs.type(c.callee(), scope), scope);
        }
        String name = r.name().text();
        Optional<Scope.Symbol> user = scope.lookup(name);
        if (user.isPresent()) {
            return callValue(c, user.get().type(), scope);
        }
        Optional<Builtin> builtin = Builtins.function(name);
        if (builtin.isPresent()) {
            return builtin(c, builtin.get(), scope);
        }
        if (Builtins.constant(name).isPresent()) {
            return callValue(c, exprs.ref(r.name(), scope), scope);
        }
        argumentTypes(c, scope);
        List<String> candidates = new ArrayList<>(Builtins.functions().keySet());
        candidates.addAll(scope.names());
        return ctx.unknown(r.name().span(), "function", name, candidates);
    }

    /** A call of a value: a law (or fit) evaluated at a point, or a function value. */
    private Type callValue(Expr.Call c, Type callee, Scope scope) {
        argumentTypes(c, scope);
        if (callee.isLoose() || callee.equals(Type.of(Type.Kind.FUNCTION))) {
            return Type.ANY;
        }
        if (callee.equals(Type.of(Type.Kind.LAW)) || callee.equals(Type.of(Type.Kind.FIT))) {
            return Type.NUMBER;
        }
        return ctx.error(c.callee().span(), "not-callable", "a " + callee.describe() + " cannot be called", "");
    }

    private void argumentTypes(Expr.Call c, Scope scope) {
        c.args().forEach(a -> exprs.type(a, scope));
        c.named().forEach(a -> exprs.type(a.value(), scope));
    }

    private Type builtin(Expr.Call c, Builtin builtin, Scope scope) {
        Signature sig = builtin.signature();
        Map<String, Span> bound = new HashMap<>();
        // A misspelt argument already points at the parameter it meant; that one is not also "missing".
        java.util.Set<String> meant = new java.util.HashSet<>();
        for (int i = 0; i < c.args().size(); i++) {
            Expr arg = c.args().get(i);
            if (i >= sig.params().size()) {
                exprs.type(arg, scope);
                ctx.error(arg.span(), "arity", sig.name() + " takes at most " + sig.params().size()
                        + " argument" + (sig.params().size() == 1 ? "" : "s") + ", this is argument " + (i + 1),
                        "it is called as " + sig.showRequired());
                continue;
            }
            Param p = sig.params().get(i);
            bound.put(p.name(), arg.span());
            if (isFormatShorthand(sig, arg, i, scope)) {
                continue;
            }
            exprs.expect(arg, scope, p.type(), "argument '" + p.name() + "' of " + sig.name());
        }
        for (NamedArg a : c.named()) {
            String n = a.name().text();
            Optional<Param> p = sig.param(n);
            if (p.isEmpty()) {
                exprs.type(a.value(), scope);
                ctx.error(a.name().span(), "unknown-argument", sig.name() + " has no parameter '" + n + "'",
                        hintFor(n, sig));
                dev.prec.lang.diag.Suggestions.closest(n, sig.paramNames()).ifPresent(meant::add);
                continue;
            }
            if (bound.containsKey(n)) {
                ctx.error(a.name().span(), "duplicate", "argument '" + n + "' of " + sig.name() + " is given twice", "");
            }
            bound.put(n, a.span());
            exprs.expect(a.value(), scope, p.get().type(), "argument '" + n + "' of " + sig.name());
        }
        for (Param p : sig.params()) {
            if (p.isRequired() && !bound.containsKey(p.name()) && !meant.contains(p.name())) {
                ctx.error(c.span(), "missing-argument", sig.name() + " needs the argument '" + p.name() + "' ("
                        + p.doc() + ")", "it is called as " + sig.showRequired());
            }
        }
        builtin.needs().ifPresent(ctx::need);
        return sig.result();
    }

    private static String hintFor(String word, Signature sig) {
        String hint = Hints.didYouMean(word, sig.paramNames());
        return hint.isEmpty() ? "its parameters are " + String.join(", ", sig.paramNames()) : hint;
    }

    private static boolean isFormatShorthand(Signature sig, Expr arg, int position, Scope scope) {
        return sig.name().equals(FormatShorthand.FUNCTION) && arg instanceof Expr.Ref r
                && scope.lookup(r.name().text()).isEmpty()
                && FormatShorthand.bits(r.name().text(), position).isPresent();
    }
}
