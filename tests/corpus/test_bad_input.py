"""A folder of bad files: each gets one clear line naming it, the rest of the corpus loads."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.corpus.load import load_corpus

JA = "中国の李強首相は土曜日、上海で世界AI協力機構の設立を提案しました。会議には1000人以上が参加しました。"
ZH_CN = "国务院总理李强在上海出席2025世界人工智能大会开幕式并致辞，提出中国政府倡议成立世界人工智能合作组织。"
ZH_TW = "國務院總理李強在上海出席2025世界人工智能大會開幕式並致辭，提出中國政府倡議成立世界人工智能合作組織。"
FR = "Le premier ministre chinois Li Qiang a déclaré samedi que la Chine propose d’établir une organisation mondiale."
GOOD = "Li Qiang proposes an AI body\nChinese Premier Li Qiang proposed a world AI cooperation organization on Saturday in Shanghai.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    write(tmp_path, "good.txt", GOOD)
    write(tmp_path, "binary.txt", bytes(range(256)) * 4)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.txt", "   \n\n  ")
    write(tmp_path, "huge.txt", "x" * 3000)
    write(tmp_path, "broken.json", '{"title": "x", "text": ')
    write(tmp_path, "notext.json", '{"title": "only a title"}')
    write(tmp_path, "feed.xml", "<rss><channel><item><title>x</title")
    write(
        tmp_path,
        "lines.jsonl",
        '{"title": "A", "text": "'
        + FR
        + '"}\nnot json\n{"title": "B", "text": "Second one. It has text."}\n',
    )
    write(tmp_path, "picture.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    return tmp_path


def test_every_bad_file_is_named_once_and_good_ones_load(bad_folder: Path) -> None:
    corpus = load_corpus([bad_folder], max_bytes=2000)
    by_file = {}
    for problem in corpus.problems:
        by_file.setdefault(Path(problem.path).name, []).append(problem.message)
    assert by_file == {
        "binary.txt": ["binary file, not text"],
        "empty.txt": ["empty file"],
        "blank.txt": ["empty file"],
        "huge.txt": [by_file["huge.txt"][0]],
        "broken.json": [by_file["broken.json"][0]],
        "notext.json": [by_file["notext.json"][0]],
        "feed.xml": [by_file["feed.xml"][0]],
        "lines.jsonl": ["line 2: not valid JSON (Expecting value)"],
        "picture.png": [by_file["picture.png"][0]],
    }
    assert "over the 2.0 KB limit" in by_file["huge.txt"][0]
    assert by_file["broken.json"][0].startswith("not valid JSON")
    assert "no text" in by_file["notext.json"][0]
    assert by_file["feed.xml"][0].startswith("malformed XML feed")
    assert "not a supported file type (.png)" in by_file["picture.png"][0]
    titles = sorted(d.title for d in corpus.documents)
    assert titles == ["A", "B", "Li Qiang proposes an AI body"]
    ids = sorted(d.id for d in corpus.documents)
    assert ids == ["good.txt", "lines.jsonl#1", "lines.jsonl#3"]


def test_cli_names_each_skipped_file_on_stderr_and_exits_3(bad_folder: Path, capsys) -> None:
    code = main(["list", str(bad_folder), "--max-size", "2KB"])
    out, err = capsys.readouterr()
    assert code == 3
    lines = err.strip().split("\n")
    assert len(lines) == 9
    assert all(line.startswith(f"briefing: {bad_folder}") for line in lines)
    assert "Traceback" not in err
    assert "Li Qiang proposes an AI body" in out


@pytest.mark.parametrize(
    ("encoding", "text", "lang"),
    [
        ("shift_jis", JA, "ja"),
        ("euc_jp", JA, "ja"),
        ("gb18030", ZH_CN, "zh-cn"),
        ("big5", ZH_TW, "zh-tw"),
        ("cp1252", FR + " Déjà l’été à Noël, naïve façon.", "fr"),
        ("utf-16", JA, "ja"),
        ("utf-16-le", FR, "fr"),
        ("utf-16-be", ZH_TW, "zh-tw"),
        ("utf-8-sig", ZH_CN, "zh-cn"),
    ],
)
def test_legacy_encodings_are_read_correctly(
    tmp_path: Path, encoding: str, text: str, lang: str
) -> None:
    write(tmp_path, "article.txt", (text + "\n" + text + "\n").encode(encoding))
    corpus = load_corpus([tmp_path])
    assert corpus.problems == ()
    (doc,) = corpus.documents
    assert doc.lang == lang
    assert doc.paragraphs[0] == text.replace("’", "’")


def test_invalid_utf8_loads_with_replacement_not_a_crash(tmp_path: Path) -> None:
    write(
        tmp_path, "mixed.txt", GOOD.encode() + b"\xff\xfe\xfa broken bytes in the middle of text.\n"
    )
    corpus = load_corpus([tmp_path])
    assert len(corpus.documents) == 1


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", GOOD)
    path.chmod(0)
    corpus = load_corpus([tmp_path])
    assert [p.message for p in corpus.problems] == ["cannot read: Permission denied"]


def test_symlink_loop_is_reported_once_and_the_rest_loads(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "a.txt", GOOD)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["sub/a.txt"]
    assert len(corpus.problems) == 1
    assert "symlink loop" in corpus.problems[0].message


SECRET = "Private notes\nThe access code for the vault is 4711. Nobody else may know it.\n"


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlinks_leaving_the_folder_are_skipped_unless_followed(tmp_path: Path, capsys) -> None:
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    corpus.mkdir()
    elsewhere.mkdir()
    write(corpus, "good.txt", GOOD)
    write(elsewhere, "secret.txt", SECRET)
    (corpus / "passwd.txt").symlink_to(elsewhere / "secret.txt")  # like passwd.txt -> /etc/passwd
    (corpus / "outside").symlink_to("../elsewhere", target_is_directory=True)
    (corpus / "again.txt").symlink_to("good.txt")  # inside the folder: read
    (corpus / "sub").mkdir()
    (corpus / "sub" / "up.txt").symlink_to("../good.txt")

    corpus_ = load_corpus([corpus])
    assert [d.id for d in corpus_.documents] == ["again.txt", "good.txt", "sub/up.txt"]
    assert sorted(str(p) for p in corpus_.problems) == [
        f"{corpus / 'outside'}: symlink to {elsewhere}, outside the folder: skipped "
        "(--follow-symlinks reads it)",
        f"{corpus / 'passwd.txt'}: symlink to {elsewhere / 'secret.txt'}, outside the folder: "
        "skipped (--follow-symlinks reads it)",
    ]

    # every command says 3 when files were skipped (export said 0 until the exit codes were one)
    for argv, status in ((["list"], 3), (["export", "-o", "-"], 3), (["stories", "--json"], 3)):
        code = main([*argv, str(corpus)])
        out, err = capsys.readouterr()
        assert code == status
        assert "vault" not in out
        assert len(err.strip().splitlines()) == 2  # once per skipped link
    (tmp_path / "link-to-corpus").symlink_to(corpus, target_is_directory=True)
    assert main(["list", str(tmp_path / "link-to-corpus")]) == 3  # a folder named via a link
    assert "vault" not in capsys.readouterr().out

    assert main(["list", "--follow-symlinks", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "passwd.txt" in out
    assert "outside/secret.txt" in out


def test_problem_messages_say_what_went_wrong_in_words(tmp_path: Path) -> None:
    write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    write(tmp_path, "null.json", "null")
    write(tmp_path, "list.json", '[1, null, {"title": "x"}]')
    corpus = load_corpus([tmp_path])
    assert sorted((Path(p.path).name, p.message) for p in corpus.problems) == [
        (
            "deep.json",
            "JSON nested more than 64 levels deep, over the limit for an article file "
            "(raise it with BRIEFING_MAX_JSON_DEPTH)",
        ),
        ("list.json", "no article in JSON (item 1: expected an article object, found a number)"),
        ("null.json", "expected an article object, found null"),
    ]
    for problem in corpus.problems:  # no Python names where words are promised
        assert not any(name in problem.message for name in ("Error", "NoneType", "int", "dict"))


def test_missing_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    corpus = load_corpus([tmp_path / "nope"])
    assert corpus.documents == ()
    assert corpus.problems[0].message == "no such file or folder"


def test_cli_exits_1_when_nothing_loads(tmp_path: Path, capsys) -> None:
    write(tmp_path, "empty.txt", b"")
    assert main(["list", str(tmp_path)]) == 1
    assert "empty.txt: empty file" in capsys.readouterr().err


def test_bad_max_size_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["list", "--max-size", "lots"])
    assert exc.value.code == 2
    assert "not a size" in capsys.readouterr().err
