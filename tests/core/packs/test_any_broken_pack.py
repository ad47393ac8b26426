"""Whatever a broken pack holds, the other packs load whole and nothing escapes the loader or
the validator.

Hypothesis breaks a copy of the sample pack: garbage text or bytes in its files, garbage
inserted into them, values nested deeply, file names of any characters, extra folders,
links anywhere, named pipes. The sample pack beside it must load exactly as it does alone,
and every problem must be one the loader meant to report (its last-resort "unexpected
error" must never be needed).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediation_kit.__main__ import main
from mediation_kit.core.packs import Problem, load_pack, load_packs
from pack_samples import PACK_TOML, VALID_FILES

FILES = sorted(VALID_FILES)
BROKEN = {**VALID_FILES, "pack.toml": PACK_TOML.replace('id = "demo-2025"', 'id = "broken"')}

names = st.text(st.characters(exclude_characters="/\0", exclude_categories=("Cs",)),
                min_size=1, max_size=20).filter(
    lambda name: name not in (".", "..") and len(name.encode("utf-8")) <= 200)
garbage_text = st.text(max_size=300)
values = st.recursive(
    st.one_of(st.integers(), st.text(max_size=20), st.booleans(), st.floats(allow_nan=False)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(min_size=1, max_size=5), inner,
                                            max_size=3)),
    max_leaves=10)


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if not isinstance(value, float) or value == value else "nan"
    if isinstance(value, str):
        return '"' + "".join(c if c.isalnum() or c in " -_.:/" else f"\\u{ord(c):04x}"
                             for c in value if ord(c) < 0x10000) + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f'"{k.encode("unicode_escape").decode()[:5]}x" = {toml_value(v)}'
                           for k, v in value.items()) + "}"


# Each change is (kind, file, payload); `apply` writes it into the broken pack's folder.
changes = st.one_of(
    st.tuples(st.just("replace-text"), st.sampled_from(FILES), garbage_text),
    st.tuples(st.just("replace-bytes"), st.sampled_from(FILES), st.binary(max_size=300)),
    st.tuples(st.just("insert"), st.sampled_from(FILES),
              st.tuples(st.integers(0, 600), garbage_text)),
    st.tuples(st.just("delete"), st.sampled_from(FILES), st.none()),
    st.tuples(st.just("nest"), st.sampled_from(["pack.toml", "replays.toml", "kit/kit.toml"]),
              st.one_of(st.sampled_from([10, 1_000, 100_000]), st.integers(1, 3000))),
    st.tuples(st.just("set-key"), st.sampled_from(["pack.toml", "replays.toml", "kit/kit.toml"]),
              st.tuples(st.sampled_from(["id", "file", "transcript", "format", "languages",
                                         "event", "replay", "asset", "start", "title"]),
                        values)),
    st.tuples(st.just("kit-file-name"), st.just("kit/kit.toml"),
              st.text(min_size=1, max_size=20)),  # NUL, control characters, "..", "/"
    st.tuples(st.just("add-file"), st.sampled_from(["", "summaries", "kit", "replays", "x/y"]),
              st.tuples(names, st.binary(max_size=100))),
    st.tuples(st.just("link"), st.sampled_from(FILES + ["summaries/extra.md"]),
              st.sampled_from(["/dev/zero", "/nonexistent", "..", ".", "../../demo-2025/pack.toml",
                               "loop"])),
    st.tuples(st.just("fifo"), st.sampled_from(FILES + ["summaries/pipe.md"]), st.none()),
)


def apply(root: Path, change) -> None:
    """Makes `change` in the pack at `root`; a change the file system refuses (writing where
    an earlier change put a folder) is skipped. Links are never written through: one may
    lead to the sound pack."""
    try:
        _apply(root, change)
    except OSError:
        pass


def _apply(root: Path, change) -> None:
    kind, file, payload = change
    path = root / file
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() and kind in ("insert", "nest", "set-key", "kit-file-name"):
        return
    if kind in ("delete", "link", "fifo", "replace-text", "replace-bytes") and (
            path.is_symlink() or path.exists()) and not path.is_dir():
        path.unlink()
    if kind == "replace-text":
        path.write_text(payload, encoding="utf-8", errors="surrogatepass")
    elif kind == "replace-bytes":
        path.write_bytes(payload)
    elif kind == "insert" and path.is_file():
        text = path.read_bytes()
        at, extra = payload
        path.write_bytes(text[:at] + extra.encode("utf-8", "surrogatepass") + text[at:])
    elif kind == "nest" and path.is_file():
        with path.open("a", encoding="utf-8") as out:
            out.write("\nnested = " + "[" * payload + "]" * payload + "\n")
    elif kind == "set-key" and path.is_file():
        key, value = payload
        with path.open("a", encoding="utf-8") as out:
            out.write(f"\n{key} = {toml_value(value)}\n")
    elif kind == "kit-file-name" and path.is_file():
        escaped = "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else "x" for c in payload)
        text = path.read_text(encoding="utf-8", errors="replace")
        path.write_text(text.replace('"affiche.svg"', f'"{escaped}"'), encoding="utf-8")
    elif kind == "add-file":
        name, content = payload
        path.mkdir(parents=True, exist_ok=True)
        target = path / name
        if not target.exists() and not target.is_symlink():
            target.write_bytes(content)
    elif kind == "link":
        path.symlink_to(path if payload == "loop" else payload)
    elif kind == "fifo" and hasattr(os, "mkfifo"):
        os.mkfifo(path)


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def assert_only_meant_problems(problems: list[Problem]) -> None:
    for problem in problems:
        assert isinstance(problem, Problem) and isinstance(problem.message, str)
        assert "unexpected error" not in problem.message, str(problem)
        str(problem)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(changes, min_size=1, max_size=5))
def test_a_broken_pack_costs_only_itself(change_list):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write(folder / "demo-2025", VALID_FILES)
        write(folder / "broken", BROKEN)
        for change in change_list:
            apply(folder / "broken", change)
        # When the folder of packs is loaded
        result = load_packs(folder)
        # Then the sound pack is there whole, without a problem
        good = result.library.pack("demo-2025")
        assert good is not None and good.root.name == "demo-2025"
        assert (len(good.summaries), len(good.replays), len(good.kit)) == (2, 2, 2)
        assert sum(len(r.cues) for r in good.replays) == 2
        assert not [p for p in result.problems if p.file.startswith("demo-2025")]
        # and whatever is wrong with the broken one is a problem the loader meant to report
        assert_only_meant_problems(result.problems)
        assert_only_meant_problems(load_pack(folder / "broken").problems)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(changes, min_size=1, max_size=4))
def test_the_validator_reports_any_broken_pack_and_exits_0_or_1(change_list):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "broken"
        write(root, BROKEN)
        for change in change_list:
            apply(root, change)
        if not (root / "pack.toml").exists() and not (root / "pack.toml").is_symlink():
            return  # not a pack folder: exit 2, tested in test_cli_pack
        assert main(["pack", "validate", str(root)]) in (0, 1)
