"""End to end through the real CLI (issue 13, section 1): a file name that is not UTF-8 and a lone
surrogate in JSON Lines once stopped the batch with UnicodeEncodeError and left brief.json.tmp."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TEXT = (
    "The harbour council of Velmar approved the new quay plan on Tuesday after a long debate about money. "
    "The mayor said the vote was a relief for the fishermen who had waited for years. "
    "Work on the quays will begin in the spring, a spokeswoman for the council said on Wednesday."
)


def test_odd_names_and_surrogates_give_a_brief(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(TEXT, encoding="utf-8")
    record = {"id": "s1", "title": "Quay \udfff plan", "text": TEXT + " \ud800 End."}
    (folder / "s.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "rashomon", "brief", str(folder), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        errors="replace",
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["brief.json"]  # no brief.json.tmp left behind
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    paths = {article["id"]: article["path"] for article in brief["articles"]}
    assert paths == {"caf\\xe9": f"{folder}/caf\\xe9.txt", "s1": f"{folder}/s.jsonl:line 1"}
