"""``briefing eval``: ROUGE with the README's tokenization, and a gate on the real sets."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from briefing.dev.evaluate import (
    RAW_LEAD,
    add_arguments,
    bootstrap,
    eval_main,
    format_report,
    run_eval,
)
from briefing.dev.rouge import CJK_TOKEN, fscore, ngrams, scorer, tokens

REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO.parent / "shared" / "eval"


def test_japanese_is_scored_per_character_and_latin_runs_stay_whole() -> None:
    assert CJK_TOKEN.findall("李強首相はAI会議で2025年、") == [
        "李", "強", "首", "相", "は", "AI", "会", "議", "で", "2025", "年",
    ]  # fmt: skip


def write_set(folder: Path) -> Path:
    folder.mkdir()
    records = [
        {
            "id": f"a{i}",
            "lang": "fr",
            "title": "Le gouvernement annonce un plan pour les hôpitaux",
            "text": (
                "Le gouvernement a annoncé mardi un plan de 2 milliards d'euros pour les hôpitaux."
                " Le ministre de la Santé a présenté les mesures à Paris devant les soignants."
                " Les syndicats jugent l'effort insuffisant et appellent à la grève jeudi."
                " Le plan prévoit aussi 5 000 recrutements d'infirmiers d'ici à 2026."
            ),
            "summary": "Le gouvernement annonce 2 milliards d'euros pour les hôpitaux.",
        }
        for i in range(2)
    ]
    (folder / "fr.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    return folder


def test_run_eval_scores_ours_beside_baselines_and_reports_progress(tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    report = run_eval(
        write_set(tmp_path / "set"), ["briefing", RAW_LEAD, "lead-3", "lexrank"],
        lambda label, done, total: seen.append((label, done, total)),
    )  # fmt: skip
    assert seen == [("fr", 1, 2), ("fr", 2, 2)]
    (lang,) = report.languages
    assert [s.method for s in lang.scores] == ["briefing", RAW_LEAD, "lead-3", "lexrank"]
    ours = lang.scores[0]
    assert ours.rouge2 > 0
    assert 2 <= ours.sentences <= 3
    table = format_report(report)
    assert "fr: 2 articles" in table
    assert "lead-3" in table
    assert "vs lead-3" in table


def test_unknown_method_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown method"):
        run_eval(write_set(tmp_path / "set"), ["magic"])


def test_eval_main_prints_json_on_stdout_and_progress_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(
        ["--set", str(write_set(tmp_path / "set")), "--method", "lead-3", "--json"]
    )
    assert eval_main(args) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["languages"][0]["scores"][0]["method"] == "lead-3"
    assert "2/2" in err


def test_eval_main_without_sets_fails_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = argparse.Namespace(set=tmp_path, method=None, json=False)
    assert eval_main(args) == 1
    assert "no evaluation sets" in capsys.readouterr().err


def test_set_may_be_one_file_and_raw_lead3_quotes_the_text_as_given(tmp_path: Path) -> None:
    folder = write_set(tmp_path / "set")
    report = run_eval(folder / "fr.jsonl", ["briefing", RAW_LEAD, "lead-3"])
    (lang,) = report.languages
    assert [s.method for s in lang.scores] == ["briefing", RAW_LEAD, "lead-3"]
    ours = lang.scores[0]
    assert ours.vs_lead is not None
    diff, lo, hi = ours.vs_lead
    assert lo <= diff <= hi
    assert "95% CI" in format_report(report)


def test_every_language_file_of_a_folder_is_scored(tmp_path: Path) -> None:
    folder = write_set(tmp_path / "set")
    record = {
        "lang": "ja",
        "title": "首相が会議で新しい計画を発表",
        "text": "首相は月曜日、東京で開かれた会議で新しい経済計画を発表した。"
        "計画には二兆円の予算が含まれる。野党は計画が不十分だと批判している。",
        "summary": "首相が新しい経済計画を発表した。",
    }
    (folder / "ja.jsonl").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    report = run_eval(folder, ["briefing", RAW_LEAD])
    assert [lr.lang for lr in report.languages] == ["fr", "ja"]


def test_bootstrap_interval_is_reproducible_and_brackets_the_mean() -> None:
    diffs = [0.01 * (i % 7) - 0.02 for i in range(200)]
    lo, hi = bootstrap(diffs)
    assert (lo, hi) == bootstrap(diffs)
    mean = sum(diffs) / len(diffs)
    assert lo < mean < hi


@pytest.mark.parametrize(
    ("lang", "reference", "brief"),
    [
        ("en", "The dogs were running quickly to 2,000 cats.", "Dogs ran.\nThe cats were 2,000."),
        ("fr", "Le gouvernement annonce un plan.", "Le plan du gouvernement.\nUn plan annoncé."),
        ("ja", "首相が計画を発表した。", "首相は新しい計画を発表。\n予算は二兆円。"),
    ],
)
def test_training_rouge_is_rouge_score_to_the_digit(lang: str, reference: str, brief: str) -> None:
    """The oracle and cross-validation count n-grams themselves; they must agree with the
    rouge-score figures `briefing eval` reports."""
    expected = scorer(lang).score(reference, brief)
    ref, pred = tokens(reference, lang), tokens(brief, lang)
    for n, key in ((1, "rouge1"), (2, "rouge2")):
        assert fscore(ngrams(ref, n), ngrams(pred, n)) == pytest.approx(expected[key].fmeasure)


def test_eval_needs_an_explicit_set() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    with pytest.raises(SystemExit):
        parser.parse_args([])


@pytest.mark.eval
@pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="needs ../shared/eval beside the repository")
def test_rouge_gate_on_the_shared_sets() -> None:
    """Floors a little under the measured figures, on articles the training never saw.

    Measured (`briefing eval --set ../shared/eval`): R-2 ours − lead-3 (as given) ja +1.4,
    fr +0.7, en −0.6 (issue 15 asks for +1.0 everywhere: met in ja only; see the README). A
    change that loses more than 0.5 of that fails here.
    """
    report = run_eval(EVAL_DIR, ["briefing", RAW_LEAD])
    floors = {"ja": 0.9, "fr": 0.2, "en": -1.1}
    for lang in report.languages:
        ours, lead = lang.scores
        assert ours.rouge2 - lead.rouge2 >= floors[lang.lang], (lang.lang, ours, lead)
        assert 2.0 <= ours.sentences <= 3.0
