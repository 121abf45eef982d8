"""Precision, recall and F1 from counts, shared by the accuracy harnesses."""

from __future__ import annotations


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """P/R/F1 rounded to 3 places, with the support and the counts (1.0 when undefined)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "support": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }
