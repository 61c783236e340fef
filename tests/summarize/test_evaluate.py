"""``briefing eval``: ROUGE with the README's tokenization, and a gate on the real sets."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from briefing.summarize.evaluate import (
    CJK_TOKEN,
    add_arguments,
    eval_main,
    format_report,
    run_eval,
)

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
        write_set(tmp_path / "set"), ["briefing", "lead-3", "lexrank"],
        lambda label, done, total: seen.append((label, done, total)),
    )  # fmt: skip
    assert seen == [("fr", 1, 2), ("fr", 2, 2)]
    (lang,) = report.languages
    assert [s.method for s in lang.scores] == ["briefing", "lead-3", "lexrank"]
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


@pytest.mark.eval
@pytest.mark.skipif(not EVAL_DIR.is_dir(), reason="needs ../shared/eval beside the repository")
def test_rouge_gate_on_the_shared_sets() -> None:
    """Floors pinned a little under the measured figures (trafilatura eval_gate style).

    Measured: R-2 ja 19.1 / fr 10.0 / en 19.8 against lead-3 19.0 / 9.9 / 18.6. A change that
    loses more than the tolerance, or falls behind lead-3 by more than it, fails here.
    """
    report = run_eval(EVAL_DIR, ["briefing", "lead-3"])
    floors = {"ja": 18.6, "fr": 9.5, "en": 19.3}
    for lang in report.languages:
        ours, lead = lang.scores
        assert ours.rouge2 >= floors[lang.lang], (lang.lang, ours)
        assert ours.rouge2 >= lead.rouge2 - 0.3, (lang.lang, ours, lead)
        assert 2.0 <= ours.sentences <= 3.0
