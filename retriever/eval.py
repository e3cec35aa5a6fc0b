"""Evaluation harness: ``python -m retriever.eval [--questions FILE] [--methods ...] [--no-answers]``.

Prints recall@1, recall@5 and MRR@10 of each search method side by side ("fused" is the
first stage, "hybrid" adds the second; ``--ablation`` adds "hybrid" without each of the second
stage's features, so each row shows what that feature adds), then the answer
figures of ``ask`` (no LLM): answerable questions answered right, unanswerable ones refused,
answerable ones wrongly refused; ``--phrasings`` adds answered right when the same questions
are typed without ä/ö, in lower case or inside a request. Scoring follows evaldata/SCORING.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from answers.answerer import Answerer

from .evaluation import is_hit, keywords_present, load_questions
from .finnish import fold
from .rerank import FEATURES
from .search import METHODS, Searcher
from .tuning import RERANK_WEIGHTS


def retrieval_scores(searcher: Searcher, questions: list[dict], method: str, weights: dict | None = None) -> dict:
    answerable = [q for q in questions if q.get("quote")]
    r1 = r5 = mrr = 0.0
    misses = []
    for q in answerable:
        hits = searcher.search(q["question"], k=10, method=method, weights=weights)
        rank = next((i for i, h in enumerate(hits, 1) if is_hit(q["quote"], h.paragraph.text)), None)
        if rank == 1:
            r1 += 1
        if rank and rank <= 5:
            r5 += 1
        else:
            misses.append(q["id"])
        mrr += 1 / rank if rank else 0.0
    n = max(len(answerable), 1)
    return {"recall@1": r1 / n, "recall@5": r5 / n, "mrr@10": mrr / n, "n": len(answerable), "misses@5": misses}


def answer_scores(answerer: Answerer, questions: list[dict]) -> dict:
    right = wrongly_refused = refused = unanswerable = answerable = 0
    failures = []
    for q in questions:
        ans = answerer.answer(q["question"])
        if q.get("quote"):
            answerable += 1
            cited = any(is_hit(q["quote"], p.text) for p in ans.citations)
            ok = ans.found and cited and keywords_present(ans.text, q.get("keywords", []))
            right += ok
            wrongly_refused += not ans.found
            if not ok:
                failures.append(q["id"])
        else:
            unanswerable += 1
            refused += not ans.found
            if ans.found:
                failures.append(q["id"])
    return {
        "answered_right": right / max(answerable, 1),
        "unanswerable_refused": refused / max(unanswerable, 1),
        "answerable_refused": wrongly_refused / max(answerable, 1),
        "answerable": answerable,
        "unanswerable": unanswerable,
        "failures": failures,
    }


# The same questions asked as people type them: without ä/ö, in lower case without a question
# mark, and inside a request. Each is answered and scored like the question as written.
PHRASINGS = {
    "as written": lambda t: t,
    "without ä/ö": fold,
    "lower case, no ?": lambda t: t.lower().rstrip("?").strip(),
    "Kerro: …": lambda t: f"Kerro: {t}",
    "Voisitko kertoa, …": lambda t: f"Voisitko kertoa, {t[:1].lower()}{t[1:]}",
}


def phrasing_scores(answerer: Answerer, questions: list[dict]) -> dict[str, tuple[float, float]]:
    """(answered right, unanswerable refused) per way of asking."""
    out = {}
    for name, phrase in PHRASINGS.items():
        scores = answer_scores(answerer, [{**q, "question": phrase(q["question"])} for q in questions])
        out[name] = (scores["answered_right"], scores["unanswerable_refused"])
    return out


def _print_part(label: str, results: dict, answers: dict | None, verbose: bool) -> None:
    n = next(iter(results.values()))["n"] if results else 0
    print(f"Retrieval, {label}: {n} answerable questions")
    print(f"{'method':<12}{'recall@1':>10}{'recall@5':>10}{'MRR@10':>10}")
    for m, r in results.items():
        print(f"{m:<12}{r['recall@1']:>10.3f}{r['recall@5']:>10.3f}{r['mrr@10']:>10.3f}")
        if verbose:
            print(f"{'':<12}missed@5: {' '.join(r['misses@5'])}")
    if answers:
        print(f"Answers (extractive, no LLM), {label}: {answers['answerable']} answerable, "
              f"{answers['unanswerable']} unanswerable")
        print(f"answered right (all keywords + a cited gold paragraph): {answers['answered_right']:.3f}")
        print(f"unanswerable refused:                                  {answers['unanswerable_refused']:.3f}")
        print(f"answerable wrongly refused:                            {answers['answerable_refused']:.3f}")
        if verbose:
            print(f"failures: {' '.join(answers['failures'])}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retriever.eval", description=__doc__)
    parser.add_argument("--questions", type=Path, help="JSON lines in the eval format (default: the development set)")
    parser.add_argument("--part", choices=["both", "tune", "report", "all"], default="both",
                        help="which part of the set: tune, report, both (each on its own; the default) or all together")
    parser.add_argument("--methods", nargs="*", default=list(METHODS), choices=METHODS)
    parser.add_argument("--no-answers", action="store_true", help="retrieval figures only")
    parser.add_argument("--ablation", action="store_true",
                        help="also the second stage without each of its features (what each adds)")
    parser.add_argument("--phrasings", action="store_true",
                        help="also the answer figures when the questions are typed without ä/ö, in lower case, "
                             "or inside a request ('Voisitko kertoa, …')")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="list the ids of missed questions")
    args = parser.parse_args(argv)
    from answers.answerer import Answerer  # evaluation sits on top of everything

    questions = load_questions(args.questions)
    searcher = Searcher()
    if searcher.index.count() == 0:
        print("the index is empty: run `python -m ingest` first", file=sys.stderr)
        return 2
    if args.part == "both" and any("part" in q for q in questions):
        parts = {name: [q for q in questions if q.get("part") == name] for name in ("tune", "report")}
    elif args.part in ("tune", "report"):
        parts = {args.part: [q for q in questions if q.get("part") == args.part]}
    else:
        parts = {"all": questions}
    answerer = None if args.no_answers else Answerer(searcher, llm=False)
    report = {}
    for name, qs in parts.items():
        results = {m: retrieval_scores(searcher, qs, m) for m in args.methods}
        if args.ablation:
            for feature in FEATURES:
                weights = {**RERANK_WEIGHTS, feature: 0.0}
                results[f"- {feature}"] = retrieval_scores(searcher, qs, "hybrid", weights)
        answers = answer_scores(answerer, qs) if answerer else None
        phrasings = phrasing_scores(answerer, qs) if answerer and args.phrasings else None
        report[name] = {"retrieval": results, "answers": answers, "phrasings": phrasings}
        if not args.json:
            _print_part(f"{name} part" if name != "all" else str(args.questions or "development set"),
                        results, answers, args.verbose)
            for way, (right, refused) in (phrasings or {}).items():
                print(f"asked {way:<20} answered right {right:.3f}, unanswerable refused {refused:.3f}")
            if phrasings:
                print()
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
