"""The refusal model's fitting (``answers/refusal_fit.py``) on made-up evidence rows: it learns
the direction of each signal, keeps wrongly refused answerable questions under its cap, and
never reads the report part. Fast: no model, no index."""

from __future__ import annotations

import random
from dataclasses import asdict

import numpy as np

from answers.evidence import FEATURES, Evidence
from answers.refusal_fit import MAX_WRONGLY_REFUSED, _figures, fit_model, logistic


def _rows(n: int, part: str, seed: int, collection: str = "a") -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        answerable = i % 3 != 0
        base = 0.75 if answerable else 0.45
        cov = min(1.0, max(0.0, rng.gauss(base, 0.15)))
        rows.append({
            "collection": collection, "id": f"{part}{i}", "part": part, "answerable": answerable,
            "retrievable": answerable, "right": answerable,
            "evidence": asdict(Evidence(
                coverage=cov, fact=None, year_missing=False,
                dense=rng.gauss(0.86 if answerable else 0.83, 0.02),
                unit=rng.gauss(0.86 if answerable else 0.83, 0.02),
            )),
        })
    return rows


def test_logistic_learns_the_direction_of_a_signal():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] - 0.5 * x[:, 1] + rng.normal(scale=0.3, size=400) > 0).astype(float)
    w, _ = logistic(x, y)
    assert w[0] > 0 > w[1]


def test_fitted_model_answers_strong_evidence_and_refuses_weak():
    model = fit_model(_rows(120, "tune", 1), FEATURES)
    strong = Evidence(coverage=0.95, dense=0.89, unit=0.89, fact=None, year_missing=False)
    weak = Evidence(coverage=0.2, dense=0.80, unit=0.80, fact=None, year_missing=False)
    assert strong.answerable(model) and not weak.answerable(model)
    assert all(w > 0 for name, w in zip(model["features"], model["weights"]) if name in ("coverage", "unit"))


def test_threshold_keeps_wrongly_refused_under_the_cap_on_the_tuning_part():
    rows = _rows(150, "tune", 2)
    model = fit_model(rows, FEATURES)
    _, _, wrongly = _figures(rows, model, model["threshold"])["a"]
    assert wrongly <= MAX_WRONGLY_REFUSED


def test_report_part_is_never_read():
    tune = _rows(90, "tune", 3)
    report = _rows(60, "report", 4)
    flipped = [{**r, "answerable": not r["answerable"], "right": False} for r in report]
    assert fit_model(tune + report, FEATURES) == fit_model(tune + flipped, FEATURES)
