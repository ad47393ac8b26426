"""`mediation-kit --self-test`: checks this installation and prints ONE JSON report.

Run by the release command on the frozen app (with no network), by IT staff after deploying,
and by maintainers from source. The checks here are the core's (paths, index, searches,
library, translations) and need no Qt. The window's checks live with the window
(`ui/selftest.py`): the entry point (`mediation_kit.__main__`) hands both groups to `run_cli`,
and the command line alone runs the core's. Exit status: 0 when every check passed, 1
otherwise (the report's `failed` names them).
"""

from __future__ import annotations

import gettext
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mediation_kit import APP_ID, APP_NAME, __version__
from mediation_kit.cli.output import print_json
from mediation_kit.core.i18n import _
from mediation_kit.core.selftest import Check, CheckFailed, CheckGroup, run_groups

# Pairs that must give the same results: accents are folded at index and query time.
ACCENT_PAIRS = (("numérique", "numerique"), ("médiation", "mediation"))


def add_parser(subparsers) -> None:
    """`mediation-kit self-test`, the same as the `--self-test` flag."""
    parser = subparsers.add_parser(
        "self-test", help=_("check this installation and print a JSON report"),
        description=_("Check this installation (index, searches, packs, translations, "
                      "window, video playback) and print one JSON report. Exits 0 when "
                      "every check passed, 1 otherwise."))
    parser.set_defaults(handler=run)


class CoreChecks:
    """The core's checks, in order, sharing the index the index check opened."""

    def __init__(self) -> None:
        self.index_dir: Path | None = None
        self.engine: Any = None
        self.library: Any = None

    def checks(self) -> list[Check]:
        return [
            ("paths", self.check_paths),
            ("index", self.check_index),
            ("search", self.check_search),
            ("accents", self.check_accents),
            ("library", self.check_library),
            ("translations", self.check_translations),
            ("signatures", self.check_signatures),
        ]

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
            self.engine = None

    def check_paths(self) -> dict:
        from mediation_kit.core import paths

        packs = paths.packs_dir()
        if not packs.is_dir():
            raise CheckFailed(f"packs folder not found: {packs}")
        root = paths.portable_root()
        return {"bundle": str(paths.bundle_root()), "packs": str(packs),
                "translations": str(paths.translations_dir()),
                "frozen": paths.is_frozen(),
                "portable_data": str(root) if root is not None else None,
                "user_data": str(paths.user_dirs().data)}

    def check_index(self) -> dict:
        from mediation_kit.core import paths
        from mediation_kit.core.search.engine import SearchEngine
        from mediation_kit.core.search.index import ensure_index

        status = ensure_index(paths.packs_dir(), paths.shipped_index_dir(),
                              paths.user_dirs().index_cache)
        if not status.usable:
            raise CheckFailed(status.message)
        self.index_dir = Path(status.path)
        self.engine = SearchEngine(self.index_dir)
        details = {"path": str(status.path), "source": str(status.source),
                   "state": str(status.state), "documents": self.engine.doc_count}
        if paths.is_frozen() and str(status.source) != "shipped":
            # A release must open its own prebuilt index, never rebuild one at start-up.
            raise CheckFailed(f"the shipped index was not used ({status.message})")
        if self.engine.doc_count == 0:
            raise CheckFailed("the index holds no document")
        return details

    def _search(self, text: str):
        from mediation_kit.core.search.api import SearchQuery

        if self.engine is None:
            raise CheckFailed("no index (see the index check)")
        return self.engine.search(SearchQuery(text, as_you_type=False))

    def check_search(self) -> dict:
        queries = {}
        for text in ("Strasbourg", "communs", "inclusion numérique"):
            results = self._search(text)
            queries[text] = results.total
        if not any(queries.values()):
            raise CheckFailed(f"no search found anything: {queries}")
        return {"totals": queries}

    def check_accents(self) -> dict:
        compared = {}
        for accented, plain in ACCENT_PAIRS:
            with_accents = [hit.key for hit in self._search(accented).hits]
            without = [hit.key for hit in self._search(plain).hits]
            if with_accents != without:
                raise CheckFailed(f"'{accented}' and '{plain}' give different results: "
                                  f"{len(with_accents)} vs {len(without)} hits")
            compared[f"{accented}|{plain}"] = len(with_accents)
        if not any(compared.values()):
            raise CheckFailed(f"the accent pairs found nothing: {compared}")
        return {"hits": compared}

    def check_library(self) -> dict:
        from mediation_kit.core import paths
        from mediation_kit.core.model import KitAsset, Replay, ResourceType, Summary
        from mediation_kit.core.packs import load_packs

        result = load_packs(paths.packs_dir())
        library, problems = result.library, result.problems
        self.library = library
        if not library.packs:
            raise CheckFailed("no pack loaded: " + "; ".join(map(str, problems[:3])))
        first: dict[str, str] = {}
        for record in library.all_resources():
            if isinstance(record, Summary):
                first.setdefault(ResourceType.SUMMARY.value, record.key)
            elif isinstance(record, Replay):
                first.setdefault(ResourceType.REPLAY.value, record.key)
                if record.cues:
                    first.setdefault(ResourceType.CUE.value, record.cue_key(record.cues[0]))
            elif isinstance(record, KitAsset):
                first.setdefault(ResourceType.KIT.value, record.key)
        # Cues exist only where a source gives a transcript: checked when the packs have one.
        required = (ResourceType.SUMMARY, ResourceType.REPLAY, ResourceType.KIT)
        missing = [kind.value for kind in required if kind.value not in first]
        if missing:
            raise CheckFailed("no resource of type " + ", ".join(missing) + " in the packs")
        for kind, key in first.items():
            loaded = library.get(key)
            if loaded is None:
                raise CheckFailed(f"{key} cannot be loaded")
            if kind == ResourceType.KIT.value:
                data = loaded.file.read_bytes()  # the asset file itself, shipped in the pack
                if not data:
                    raise CheckFailed(f"{loaded.file} is empty")
        return {"packs": [pack.id for pack in library.packs], "loaded": first,
                "transcripts": ResourceType.CUE.value in first, "problems": len(problems),
                "left_out": [str(problem) for problem in result.left_out]}

    def check_translations(self) -> dict:
        from mediation_kit.core import i18n, paths

        catalogs = sorted(paths.translations_dir().glob(f"*/LC_MESSAGES/{i18n.DOMAIN}.mo"))
        loaded = {}
        for mo in catalogs:
            with mo.open("rb") as fp:
                catalog = gettext.GNUTranslations(fp)
            language = mo.parents[1].name
            loaded[language] = len(catalog._catalog)  # noqa: SLF001 (count of messages)
        missing = [lang for lang in i18n.LANGUAGES
                   if lang != i18n.SOURCE_LANGUAGE and lang not in loaded]
        if missing:
            raise CheckFailed("no compiled catalog for " + ", ".join(missing)
                              + f" in {paths.translations_dir()}")
        try:
            for language in loaded:
                if i18n.set_language(language) != language:
                    raise CheckFailed(f"{language} cannot be made the interface language")
        finally:
            i18n.set_language(i18n.SOURCE_LANGUAGE)
        return {"catalogs": loaded}


    def check_signatures(self) -> dict:
        """Pack archives can be checked here: the maintainers' keys are readable, and
        `cryptography`'s native code signs, verifies and refuses a changed manifest."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        from mediation_kit.core.packs.signing import (
            InvalidSignature, default_trusted_keys, sign, verify)

        trusted = default_trusted_keys()
        if not any(key.shipped for key in trusted.keys):
            raise CheckFailed("no maintainers' public key shipped: " + "; ".join(
                trusted.problems or ["resources/keys holds no .pub file"]))
        key = Ed25519PrivateKey.generate()
        signature = sign(b"manifest", key)
        verify(b"manifest", signature)
        try:
            verify(b"manifest changed", signature)
        except InvalidSignature:
            pass
        else:
            raise CheckFailed("a changed manifest was not refused")
        return {"trusted_keys": [key.name for key in trusted.keys]}


def core_groups() -> list[CheckGroup]:
    """What the command line checks on its own: the core."""
    return [CoreChecks()]


def report(groups: Iterable[CheckGroup]) -> dict:
    """Runs every check of `groups` into the report printed as JSON."""
    from mediation_kit.core import paths
    from mediation_kit.core.build_info import current

    started = time.monotonic()
    results = run_groups(groups)
    failed = [entry["name"] for entry in results if not entry["ok"]]
    info = current()
    return {
        "app": APP_NAME, "app_id": APP_ID, "version": __version__,
        "frozen": paths.is_frozen(),
        "build": {"commit": info.commit, "date": info.date, "source": info.source,
                  "packs": {p.id: p.version for p in info.packs}},
        "ok": not failed, "failed": failed, "checks": results,
        "seconds": round(time.monotonic() - started, 3),
    }


def run(args=None) -> int:
    groups_of: Callable[[], list[CheckGroup]] = (
        getattr(args, "self_test_groups", None) or core_groups)
    result = report(groups_of())
    # One JSON document on stdout, nothing else: scripts parse it.
    print_json(result)
    return 0 if result["ok"] else 1
