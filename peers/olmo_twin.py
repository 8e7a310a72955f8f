#!/usr/bin/env python3
"""PyTorch twin of prec's OLMo-style transformer (stdlib dev.prec.model), for cross-checks and as the
training-throughput peer.

Architecture, parameter names and layouts as dev.prec.model.ParameterLayout:
  embed.weight (V, C); per block l: blocks.l.attn_norm.weight (C), blocks.l.attn.qkv.weight (3C, C)
  rows [q; k; v], blocks.l.attn.sub_norm.weight (C, only with --sub-norm), blocks.l.attn.out.weight
  (C, C), blocks.l.mlp_norm.weight (C), blocks.l.mlp.up.weight (2F, C) rows [gate; up],
  blocks.l.mlp.sub_norm.weight (F, with --sub-norm), blocks.l.mlp.down.weight (C, F);
  final_norm.weight (C); head.weight (V, C) when untied.
Pre-norm RMSNorm (eps 1e-5), causal attention with RoPE in the rotate-half pairing (angles computed
in float64, rounded to float32), SwiGLU silu(gate) * up, no biases. F = 8/3 C rounded up to a
multiple of 8. Fake quantization (forward only, straight-through backward) at prec's points:
weights of every linear layer including the head (per output channel), inputs of every linear layer
(per tensor), keys and values after RoPE (per tensor); symmetric absmax integers.

Modes:
  crosscheck --weights W.safetensors --batches B.safetensors --out losses.json
      B holds "tokens" (S, B, T+1) int32 and "lr" (S) float32 plus metadata with the model,
      AdamW settings and optional integer bits wbits/abits/kvbits (0 = no quantization); runs S steps of AdamW (foreach=False, global-norm clipping) and writes the
      loss of every step's batch before its update.
  bench --configs a,b,c --quant none,w8a8kv8 --steps 20 --warmup 5 --threads 2
      tokens/s on BENCHMARKS.md's configurations, one JSON line per (config, quant).
"""
import argparse
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CONFIGS = {
    "a": dict(L=2, C=64, H=4, T=64, B=32),
    "b": dict(L=4, C=128, H=4, T=128, B=16),
    "c": dict(L=6, C=256, H=8, T=128, B=16),
}


def mlp_hidden(width, ratio=8.0 / 3.0):
    return 8 * max(1, math.ceil(ratio * width / 8 - 1e-9))


@torch.no_grad()
def _qdq(x, bits, per_row):
    qp = float(2 ** (bits - 1) - 1)
    qn = -float(2 ** (bits - 1))
    if per_row:
        amax = x.abs().amax(dim=-1, keepdim=True)
    else:
        amax = x.abs().max()
    s = torch.where(amax == 0, torch.ones_like(amax), amax / qp)
    return torch.round(x / s).clamp_(qn, qp).mul_(s)


def fq(x, bits, per_row=False):
    """Fake quantization with a straight-through estimator: x + (q(x) - x).detach()."""
    if not bits:
        return x
    return x + (_qdq(x, bits, per_row) - x).detach()


class RMSNorm(nn.Module):
    def __init__(self, n, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


class Linear(nn.Module):
    def __init__(self, fin, fout, q):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(fout, fin))
        self.q = q

    def forward(self, x):
        return F.linear(fq(x, self.q["a"]), fq(self.weight, self.q["w"], per_row=True))


def rope_tables(T, D, theta=10000.0):
    half = D // 2
    i = torch.arange(half, dtype=torch.float64)
    freq = 1.0 / torch.pow(torch.tensor(theta, dtype=torch.float64), 2.0 * i / D)
    ang = torch.arange(T, dtype=torch.float64)[:, None] * freq[None, :]
    return torch.cos(ang).float(), torch.sin(ang).float()


def rope(x, cos, sin):
    # x (B, H, T, D); rotate-half pairing: i with i + D/2.
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)


class Attn(nn.Module):
    def __init__(self, C, H, q, sub_norm):
        super().__init__()
        self.C, self.H, self.q = C, H, q
        self.qkv = Linear(C, 3 * C, q)
        self.sub_norm = RMSNorm(C) if sub_norm else None
        self.out = Linear(C, C, q)

    def forward(self, x, cos, sin):
        B, T, C = x.shape
        H, D = self.H, C // self.H
        q, k, v = self.qkv(x).split(C, dim=2)
        q = rope(q.view(B, T, H, D).transpose(1, 2), cos[:T], sin[:T])
        k = rope(k.view(B, T, H, D).transpose(1, 2), cos[:T], sin[:T])
        v = v.view(B, T, H, D).transpose(1, 2)
        if self.q["kv"]:
            # Per tensor over the whole (B*T, C) keys and values, as prec quantizes them.
            k = fq(k, self.q["kv"])
            v = fq(v, self.q["kv"])
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(D))
        mask = torch.ones(T, T, dtype=torch.bool).tril()
        att = att.masked_fill(~mask, float("-inf")).softmax(-1)
        y = (att @ v).transpose(1, 2).contiguous().view(B, T, C)
        if self.sub_norm is not None:
            y = self.sub_norm(y)
        return self.out(y)


class Mlp(nn.Module):
    def __init__(self, C, Fh, q, sub_norm):
        super().__init__()
        self.Fh = Fh
        self.up = Linear(C, 2 * Fh, q)
        self.sub_norm = RMSNorm(Fh) if sub_norm else None
        self.down = Linear(Fh, C, q)

    def forward(self, x):
        gate, up = self.up(x).split(self.Fh, dim=-1)
        h = F.silu(gate) * up
        if self.sub_norm is not None:
            h = self.sub_norm(h)
        return self.down(h)


class Block(nn.Module):
    def __init__(self, C, H, Fh, q, sub_norm):
        super().__init__()
        self.attn_norm = RMSNorm(C)
        self.attn = Attn(C, H, q, sub_norm)
        self.mlp_norm = RMSNorm(C)
        self.mlp = Mlp(C, Fh, q, sub_norm)

    def forward(self, x, cos, sin):
        x = x + self.attn(self.attn_norm(x), cos, sin)
        return x + self.mlp(self.mlp_norm(x))


class Olmo(nn.Module):
    def __init__(self, L, C, H, T, V, tied=True, sub_norm=False, q=None, init_std=0.02):
        super().__init__()
        self.q = q or {"w": 0, "a": 0, "kv": 0}
        self.embed = nn.Embedding(V, C)
        self.blocks = nn.ModuleList([Block(C, H, mlp_hidden(C), self.q, sub_norm) for _ in range(L)])
        self.final_norm = RMSNorm(C)
        self.head = None if tied else Linear(C, V, self.q)
        cos, sin = rope_tables(T, C // H)
        self.register_buffer("cos", cos, persistent=False)
        self.register_buffer("sin", sin, persistent=False)
        for name, p in self.named_parameters():
            if p.dim() == 2:
                std = init_std / math.sqrt(2 * L) if name.endswith(("attn.out.weight", "mlp.down.weight")) else init_std
                nn.init.normal_(p, std=std)

    def forward(self, idx, targets):
        x = self.embed(idx)
        for b in self.blocks:
            x = b(x, self.cos, self.sin)
        x = self.final_norm(x)
        if self.head is None:
            logits = F.linear(fq(x, self.q["a"]), fq(self.embed.weight, self.q["w"], per_row=True))
        else:
            logits = self.head(x)
        return F.cross_entropy(logits.reshape(-1, logits.size(-1)), targets.reshape(-1))


def adamw(model, lr, betas, eps, wd):
    decay = [p for n, p in model.named_parameters() if p.dim() == 2]
    gains = [p for n, p in model.named_parameters() if p.dim() != 2]
    return torch.optim.AdamW([{"params": decay, "weight_decay": wd}, {"params": gains, "weight_decay": 0.0}],
                             lr=lr, betas=betas, eps=eps, foreach=False)


def crosscheck(args):
    from safetensors.torch import load_file
    from safetensors import safe_open
    with safe_open(args.batches, framework="pt") as f:
        meta = f.metadata()
    cfg = json.loads(meta["config"])
    weights = load_file(args.weights)
    data = load_file(args.batches)
    tokens, lrs = data["tokens"].long(), data["lr"].double()
    torch.manual_seed(0)
    q = {"w": cfg.get("wbits", 0), "a": cfg.get("abits", 0), "kv": cfg.get("kvbits", 0)}
    model = Olmo(cfg["layers"], cfg["width"], cfg["heads"], cfg["context"], cfg["vocab"], tied=cfg["tied"],
                 sub_norm=cfg["sub_norm"], q=q)
    missing, unexpected = model.load_state_dict(weights, strict=True)
    opt = adamw(model, float(lrs[0]), (cfg["beta1"], cfg["beta2"]), cfg["eps"], cfg["weight_decay"])
    losses = []
    for s in range(tokens.shape[0]):
        for g in opt.param_groups:
            g["lr"] = float(lrs[s])
        batch = tokens[s]
        loss = model(batch[:, :-1], batch[:, 1:])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), cfg["clip_norm"])
        opt.step()
        losses.append(loss.item())
    with open(args.out, "w") as out:
        json.dump({"losses": losses, "params": sum(p.numel() for p in model.parameters())}, out)


def bench(args):
    torch.set_num_threads(args.threads)
    bits = {"none": dict(w=0, a=0, kv=0), "w8a8kv8": dict(w=8, a=8, kv=8)}
    for name in args.configs.split(","):
        c = CONFIGS[name]
        for quant in args.quant.split(","):
            torch.manual_seed(1234)
            model = Olmo(c["L"], c["C"], c["H"], c["T"], 256, q=dict(bits[quant]))
            opt = adamw(model, 6e-4, (0.9, 0.95), 1e-15, 0.1)
            g = torch.Generator().manual_seed(1234)

            def step():
                idx = torch.randint(0, 256, (c["B"], c["T"] + 1), generator=g)
                loss = model(idx[:, :-1], idx[:, 1:])
                opt.zero_grad(set_to_none=True)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                return loss.item()

            for _ in range(args.warmup):
                step()
            times = []
            for _ in range(args.steps):
                t0 = time.perf_counter()
                step()
                times.append(time.perf_counter() - t0)
            times.sort()
            med = times[len(times) // 2]
            print(json.dumps(dict(peer="torch", config=name, quant=quant, threads=args.threads,
                                  params=sum(p.numel() for p in model.parameters()),
                                  ms_per_step_median=1000 * med, tokens_per_s=c["B"] * c["T"] / med)), flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="mode", required=True)
    cc = sub.add_parser("crosscheck")
    cc.add_argument("--weights", required=True)
    cc.add_argument("--batches", required=True)
    cc.add_argument("--out", required=True)
    bp = sub.add_parser("bench")
    bp.add_argument("--configs", default="a,b,c")
    bp.add_argument("--quant", default="none,w8a8kv8")
    bp.add_argument("--steps", type=int, default=20)
    bp.add_argument("--warmup", type=int, default=5)
    bp.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    torch.set_num_threads(getattr(args, "threads", 1) if args.mode == "bench" else 1)
    crosscheck(args) if args.mode == "crosscheck" else bench(args)


if __name__ == "__main__":
    sys.exit(main())
