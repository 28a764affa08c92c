"""Unit performance indicators (L4) and monetised benefits of programs (L5, Phillips ROI)."""
