"""Fit the refusal model on the tuning part: ``python -m answers.refusal_fit``.

Two steps, because each development collection has its own index (``HYTE_CORPUS_DIR`` /
``HYTE_DATA_DIR``):

1. ``dump --questions FILE --name NAME OUT``: for every question of FILE, against the current
   index, the evidence (``evidence.py``) and whether the extractive answer is right. With
   ``--as-unanswerable`` the questions were written for another collection: their specific
   fact and onboarding questions (not keyword or topic questions, which may well be answered
   anywhere) become unanswerable examples for this one.
2. ``fit DUMP...``: a logistic model over the evidence, from the rows of the tuning part only
   (answerable questions whose gold paragraph is among the top ones are the positives,
   unanswerable questions the negatives), and the probability threshold with the most answered
   right plus unanswerable refused, averaged over the collections, among thresholds that
   wrongly refuse at most ``MAX_WRONGLY_REFUSED`` of each collection's answerable questions.
   Prints ``REFUSAL_MODELS`` for ``retriever/tuning.py``: one model with the cosines (for the
   embedder that made the dumps) and one without (for any other embedder).

The model in ``tuning.py`` came from four dumps: ``--name hyte`` (the development set against
the shipped corpus), ``--name policy`` (``evaldata/collection2.jsonl`` against its documents,
``HYTE_CORPUS_DIR`` / ``HYTE_DATA_DIR`` pointed at them, see ``evaldata/SCORING.md``), and each
question file ``--as-unanswerable`` against the other collection's index; then ``fit`` on all
four.

The report part is never used here; ``python -m retriever.eval`` reports both parts.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np

from retriever.evaluation import is_hit, keywords_present, load_questions
from retriever.search import Searcher
from retriever.tuning import ANSWER_PARAGRAPHS

from .answerer import Answerer
from .evidence import FEATURES, LEXICAL_FEATURES, Evidence

MAX_WRONGLY_REFUSED = 0.04  # half the target (0.08): a threshold fitted on few questions is optimistic
L2 = 0.01  # ridge on the standardised weights: a few dozen negatives, keep the model smooth
CROSS_KINDS = ("fact", "onboarding", "past-actions")


def dump(questions: Path, name: str, out: Path, as_unanswerable: bool) -> int:
    answerer = Answerer(Searcher(), llm=False)
    rows = 0
    with open(out, "w", encoding="utf-8") as fh:
        for q in load_questions(questions):
            if as_unanswerable and (q["kind"] not in CROSS_KINDS or q.get("variant") == "keyword"):
                continue
            qa, hits, scored, ev = answerer.prepare(q["question"])
            answerable = bool(q.get("quote")) and not as_unanswerable
            retrievable = right = False
            if answerable:
                retrievable = any(is_hit(q["quote"], h.paragraph.text) for h in hits[:ANSWER_PARAGRAPHS])
                if scored:
                    ans = answerer._extractive(qa, hits, scored, {})
                    right = any(is_hit(q["quote"], p.text) for p in ans.citations) and keywords_present(
                        ans.text, q["keywords"])
            row = {"collection": name, "id": q["id"], "part": q.get("part"), "answerable": answerable,
                   "retrievable": retrievable, "right": right,
                   "embedder": answerer.searcher.index.embedder.name, "evidence": asdict(ev)}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows += 1
    print(f"{rows} rows from {questions} as {name!r} -> {out}")
    return 0


def logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 4000) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression on standardised features
    (plain gradient descent: a handful of features and a few hundred rows)."""
    w = np.zeros(x.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        w -= 0.5 * (x.T @ (p - y) / len(y) + l2 * w)
        b -= 0.5 * float(np.mean(p - y))
    return w, b


def fit_model(rows: list[dict], names: tuple[str, ...]) -> dict:
    train = [r for r in rows if r["part"] == "tune" and (r["retrievable"] or not r["answerable"])]
    x = np.array([[_evidence(r).features()[n] for n in names] for r in train], dtype=float)
    y = np.array([float(r["answerable"]) for r in train])
    mean, scale = x.mean(axis=0), np.maximum(x.std(axis=0), 1e-3)  # a constant feature stays finite
    w, b = logistic((x - mean) / scale, y)
    model = {"features": list(names), "weights": [round(float(v), 4) for v in w], "bias": round(b, 4),
             "mean": [round(float(v), 4) for v in mean], "scale": [round(float(v), 4) for v in scale],
             "threshold": 0.5}
    model["threshold"] = _threshold(rows, model)
    return model


def _figures(rows: list[dict], model: dict, threshold: float) -> dict[str, tuple[float, float, float]]:
    """Per collection, on its own questions: answered right, unanswerable refused, answerable
    wrongly refused."""
    out = {}
    for name in sorted({r["collection"] for r in rows}):
        mine = [r for r in rows if r["collection"] == name]
        said = [(r, _evidence(r).answerable(model, threshold)) for r in mine]
        ans = [(r, a) for r, a in said if r["answerable"]]
        un = [(r, a) for r, a in said if not r["answerable"]]
        out[name] = (
            sum(r["right"] and a for r, a in ans) / max(len(ans), 1),
            sum(not a for _, a in un) / max(len(un), 1),
            sum(not a for _, a in ans) / max(len(ans), 1),
        )
    return out


def _evidence(row: dict) -> Evidence:
    return Evidence(**row["evidence"])


def _threshold(rows: list[dict], model: dict) -> float:
    own = [r for r in rows if r["part"] == "tune" and not r["collection"].startswith("cross")]
    best = (-1.0, 0.5)
    for t in np.arange(0.05, 0.96, 0.01):
        figures = _figures(own, model, float(t))
        if any(wrongly > MAX_WRONGLY_REFUSED for _, _, wrongly in figures.values()):
            continue
        gain = float(np.mean([right + refused for right, refused, _ in figures.values()]))
        if gain > best[0] + 1e-9:
            best = (gain, round(float(t), 2))
    return best[1]


def fit(paths: list[Path]) -> int:
    rows = [json.loads(line) for p in paths for line in open(p, encoding="utf-8") if line.strip()]
    embedders = {r["embedder"] for r in rows}
    if len(embedders) != 1:
        print(f"dumps from several embedders: {sorted(embedders)}", file=sys.stderr)
        return 2
    models = {embedders.pop(): fit_model(rows, FEATURES), "lexical": fit_model(rows, LEXICAL_FEATURES)}
    own = [r for r in rows if not r["collection"].startswith("cross")]
    for key, model in models.items():
        for part in ("tune", "report"):
            for name, (right, refused, wrongly) in _figures([r for r in own if r["part"] == part], model,
                                                            model["threshold"]).items():
                print(f"{key:8} {part:6} {name:12} answered right {right:.3f}  unanswerable refused {refused:.3f}  "
                      f"wrongly refused {wrongly:.3f}", file=sys.stderr)
    print("REFUSAL_MODELS: dict[str, dict] = {")
    for key, model in models.items():
        print(f"    {key!r}: {json.dumps(model)},".replace("'", '"'))
    print("}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m answers.refusal_fit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="evidence of each question against the current index")
    d.add_argument("--questions", type=Path, required=True)
    d.add_argument("--name", required=True, help="the collection's name in the dump")
    d.add_argument("--as-unanswerable", action="store_true",
                   help="questions written for another collection: unanswerable here")
    d.add_argument("out", type=Path)
    f = sub.add_parser("fit", help="fit the model on the tuning rows of the dumps")
    f.add_argument("dumps", type=Path, nargs="+")
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.questions, args.name, args.out, args.as_unanswerable)
    return fit(args.dumps)


if __name__ == "__main__":
    raise SystemExit(main())
