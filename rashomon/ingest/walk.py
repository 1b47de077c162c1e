"""Which files an input names: directories walked sorted and recursively, without leaving them.

A directory given as input is a promise about what gets read. Following a symlink out of it
would read whatever the link points at (`/etc/passwd` ends up in a brief), so links that leave
their input directory are reported and skipped unless `IngestConfig.follow_links` says
otherwise; a link named on the command line is the user's own choice and is read. Anything that
is not a regular file (a FIFO, a socket, a device) is reported and never opened: opening a FIFO
blocks until someone writes to it. A subdirectory we may not list is reported, not passed over.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from rashomon.config import IngestConfig
from rashomon.records import Rejected

_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}


def display_path(path: Path | str) -> str:
    """`path` as text that can be printed and written as UTF-8, whatever bytes its name holds.

    Linux file names are bytes; Python keeps the ones that are not UTF-8 as lone surrogates,
    which no UTF-8 writer accepts. They are shown as `\\xff`, so the user can still find the file.
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", errors="backslashreplace")
    return text


def walk_inputs(names: list[str] | tuple[str, ...], config: IngestConfig) -> Iterator[Path | Rejected]:
    """Files to read and inputs rejected unread, in reading order (see `list_inputs`)."""
    for name in names:
        try:
            yield from _named_input(name, config)
        except OSError as err:  # under a folder the user may not enter: stat itself is refused
            yield Rejected(display_path(name), f"unreadable: cannot look at it ({err.strerror or type(err).__name__})")


def _named_input(name: str, config: IngestConfig) -> Iterator[Path | Rejected]:
    path = Path(name)
    if path.is_dir():
        yield from _walk(path, path, config, {path.resolve()})
    elif path.is_file():
        yield path
    elif path.is_symlink() and not path.exists():
        yield Rejected(display_path(name), "not found: broken symlink")
    elif path.exists():
        yield Rejected(display_path(name), f"skipped: not a regular file ({_kind(path)})")
    else:
        yield Rejected(display_path(name), "not found: no such file or directory")


def _walk(folder: Path, root: Path, config: IngestConfig, seen: set[Path]) -> Iterator[Path | Rejected]:
    """Entries of `folder` sorted by name, subfolders expanded in place (the order of
    `sorted(root.rglob("*"))`, which earlier versions used, so file order and ids stay the same)."""
    try:
        children = sorted(folder.iterdir(), key=lambda child: child.name)
    except OSError as err:
        yield Rejected(display_path(folder), f"unreadable: cannot list folder ({err.strerror or type(err).__name__})")
        return
    for child in children:
        if child.is_symlink():
            yield from _link(child, root, config, seen)
        elif child.is_dir():
            yield from _walk(child, root, config, seen)
        else:
            yield _file(child, root, config)


def _link(child: Path, root: Path, config: IngestConfig, seen: set[Path]) -> Iterator[Path | Rejected]:
    """A symlink met while walking: read only when its target is inside the input (or allowed)."""
    where = display_path(child)
    try:
        target = child.resolve(strict=True)
    except (OSError, RuntimeError):
        yield Rejected(where, "skipped: broken symlink")
        return
    inside = target.is_relative_to(root.resolve())
    if not (inside or config.follow_links):
        yield Rejected(where, "skipped: symlink leaves the input directory (see follow_links)")
    elif target.is_dir():
        if inside or target in seen:
            # Its files are read where they are (or were already): reading them again duplicates.
            yield Rejected(where, "skipped: symlink to a folder that is read already")
        else:
            yield from _walk(child, root, config, seen | {target})
    else:
        yield _file(child, root, config)


def _file(child: Path, root: Path, config: IngestConfig) -> Path | Rejected:
    mode = child.stat().st_mode if child.exists() else 0
    if not stat.S_ISREG(mode):
        return Rejected(display_path(child), f"skipped: not a regular file ({_kind(child)})")
    parts = child.relative_to(root).parts
    if any(part.startswith(".") for part in parts) or any(
        fnmatch.fnmatch(child.name, pattern) for pattern in config.skip_names
    ):
        return Rejected(display_path(child), "skipped: not an article (name matches skip_names)")
    return child


def _kind(path: Path) -> str:
    try:
        return _KINDS.get(stat.S_IFMT(path.stat().st_mode), "not a file")
    except OSError:
        return "not a file"
