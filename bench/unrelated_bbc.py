"""Rebuild the unrelated-articles cache for the density sweep of `rashomon eval stories`.

The BBC News dataset (Greene & Cunningham 2006: 2,225 English articles of 2004-2005, one text
file each, first line the title) is mirrored in public GitHub repositories. This reads one such
clone (a bare git directory or a work tree) and writes JSON Lines that `brief` reads:
`{"id", "title", "text"}`, undated, as unrelated real news for a 2021-2025 stream. The texts
stay in the cache (default /tmp/stream-eval/bbc.jsonl), never in this repository.

    python bench/unrelated_bbc.py /work/.mirror/dejanbatanjac+bbc-article-classify-bert/repo
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _git(git_dir: str, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True).stdout


def main(git_dir: str, out: str = "/tmp/stream-eval/bbc.jsonl") -> None:
    names = [n for n in _git(git_dir, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()]
    names = [n for n in names if n.startswith("bbc/") and n.endswith(".txt") and n.count("/") == 2]
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with Path(out).open("w", encoding="utf-8") as sink:
        for name in sorted(names):
            text = _git(git_dir, "show", f"HEAD:{name}").decode("utf-8", "replace")
            title, _, body = text.strip().partition("\n")
            record = {"id": "bbc-" + name[4:-4].replace("/", "-"), "title": title.strip(), "text": body.strip()}
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(names)} articles -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
