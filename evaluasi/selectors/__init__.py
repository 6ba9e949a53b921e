"""Reads of the post-transfer reviews: `evaluasi` (who sees which review, lists), `dampak` (before
and after, the impact reports), `dasbor` (the front page's figures)."""
