"""Search speed and memory on a generated French corpus, against SQLite FTS5 as the floor.

    .venv/bin/python bench/search_bench.py --docs 2000

Generates a deterministic corpus of N documents (about 300-word summaries, replays whose
transcripts are cut into cues, short kit captions), builds the index through the kit's own
`build_index`, runs a fixed query mix through the kit's own `SearchEngine` (top 20 with
snippets and facets), then the same corpus and queries through SQLite FTS5 (`unicode61
remove_diacritics 2`, prefix indexes, `snippet()`, bm25 order, a total count). Prints a table
per query class and, last, one line:

    docs=N p95_ms=<kit, worst class> fts5_p95_ms=<same class> ratio=... build_s=... index_mb=... rss_mb=...

Each distinct query is timed once after one warm-up query, as a person would type it: the
engine's per-term caches only help where a real session would have them too.

Then the relevance checks of bench/search_relevance.py run over the same corpus (phrases found
in the themes and marked whole, titles and themes above a single mention, typos ranked as the
corrected word and suggested with accents, `souver*` and unknown syntax as words); the bench
exits with 1 if one fails. Run it at 2,000 and 20,000 documents.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mediation_kit.core.model import (  # noqa: E402
    Event,
    KitAsset,
    KitKind,
    Pack,
    Person,
    Replay,
    Summary,
    TranscriptCue,
)
from mediation_kit.core.search.api import SearchQuery  # noqa: E402
from mediation_kit.core.search.engine import SearchEngine  # noqa: E402
from mediation_kit.core.search.index import build_index  # noqa: E402
from search_relevance import relevance_checks  # noqa: E402

SEED = 20251029
DOCS_PER_PACK = 400

# Words of the field, most frequent first (a Zipf law draws from them and from made-up words).
COMMON = """
numérique médiation bibliothèque territoire inclusion commun communs souveraineté données
logiciel libre usager usagers atelier ateliers accompagnement public publics réseau réseaux
collectivité collectivités service services accès formation médiateur médiatrice médiateurs
culture culturel politique politiques projet projets outil outils plateforme plateformes
association associations habitant habitants enjeu enjeux démarche démarches administratif
administration école éducation jeunesse famille familles parent parents compétence compétences
tiers-lieu tiers-lieux fabrique fablab ressource ressources partage partagé coopération
gouvernance infrastructure infrastructures ouvert ouverte ouverts sobriété environnement
énergie écologie transition sécurité confiance vie privée protection donnée intelligence
artificielle algorithme algorithmes régulation parlement européen europe état ministère agence
stratégie nationale locale local région département commune ville village rural ruralité
quartier quartiers solidarité fracture exclusion illettrisme autonomie citoyen citoyenne
citoyens citoyenneté démocratie participation participatif débat débats rencontre rencontres
événement événements conférence plénière table ronde intervenant intervenante intervenants
témoignage expérience expériences pratique pratiques terrain équipe équipes bénévole bénévoles
salarié financement budget appel subvention évaluation impact mesure indicateur indicateurs
wikipédia openstreetmap linux contribution contributions contributeur licence licences
théâtre musique cinéma archive archives patrimoine mémoire histoire lecture lecteur lectrices
""".split()
FILLER = """
le la les de des du un une et à en pour par sur avec dans au aux ce cette ces qui que est sont
ont a été être plus très aussi bien mais ou où nous vous ils elles on se leur leurs son sa ses
""".split()
PHRASES = ["médiation numérique", "logiciel libre", "souveraineté numérique",
           "tiers-lieux culturels", "inclusion numérique", "données ouvertes",
           "intelligence artificielle", "fracture numérique", "vie privée", "table ronde"]
SYLLABLES = ["ba", "bé", "ca", "ché", "da", "dé", "fa", "fo", "ga", "gè", "la", "lé", "ma", "mè",
             "na", "né", "pa", "pé", "ra", "ré", "sa", "sé", "ta", "té", "va", "vé", "tion", "ment",
             "ique", "eur", "ance", "isme", "ain", "oir", "elle", "ette", "ure", "ité"]
CITIES = ["Strasbourg", "Lyon", "Nantes", "Marseille", "Lille", "Bordeaux", "Rennes", "Toulouse",
          "Montpellier", "Grenoble", "Dijon", "Brest"]
FIRST = ["Jean", "Caroline", "Daniel", "Élodie", "Fatima", "Hugo", "Inès", "Karim", "Léa", "Marc",
         "Nadia", "Olivier", "Pauline", "Rémi", "Sophie", "Thomas", "Yasmine", "Zoé"]
LAST = ["Cattan", "Zorn", "Kaplan", "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Müller", "Leroy"]
THEMES = ["souveraineté numérique", "inclusion numérique", "communs numériques", "culture",
          "écologie", "éducation", "données", "intelligence artificielle", "tiers-lieux"]


class Words:
    """Deterministic French-looking text with a Zipf distribution of words."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        made_up = set()
        while len(made_up) < 6000:
            made_up.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.vocab = COMMON + sorted(made_up)
        weights = [1.0 / (rank + 1) for rank in range(len(self.vocab))]
        self.cum = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)

    def sentence(self, n: int) -> str:
        rng = self.rng
        out = []
        for _ in range(n):
            r = rng.random()
            if r < 0.40:
                out.append(rng.choice(FILLER))
            elif r < 0.43:
                out.append(rng.choice(PHRASES))
            else:
                out.append(rng.choices(self.vocab, cum_weights=self.cum)[0])
        text = " ".join(out)
        return text[:1].upper() + text[1:] + "."

    def text(self, n_words: int) -> str:
        parts, left = [], n_words
        while left > 0:
            k = min(left, self.rng.randint(8, 20))
            parts.append(self.sentence(k))
            left -= k
        return " ".join(parts)


def make_corpus(n_docs: int, root: Path) -> list[Pack]:
    """Packs of about DOCS_PER_PACK documents: 10% summaries, 10% kit, the rest replays+cues."""
    rng = random.Random(SEED)
    words = Words(rng)
    packs, made, p = [], 0, 0
    while made < n_docs:
        budget = min(DOCS_PER_PACK, n_docs - made)
        year = 2016 + p % 10
        start = date(year, 3, 1) + timedelta(days=(p * 37) % 250)
        city = CITIES[p % len(CITIES)]
        pid = f"ev{p:03d}-{year}"
        event = Event(f"Rencontres numériques de {city} {p}", str(year), start, start, city,
                      "Médiathèque", ("Association",))
        n_sum = max(1, budget // 10)
        n_kit = max(0, budget // 10)
        n_cues_total = max(0, budget - n_sum - n_kit)

        def people(k: int) -> tuple[Person, ...]:
            return tuple(Person(f"{rng.choice(FIRST)} {rng.choice(LAST)}") for _ in range(k))

        summaries = tuple(
            Summary(pid, f"s{i}", words.sentence(rng.randint(4, 9))[:-1], f"s{i}", start, "fr",
                    words.text(rng.randint(250, 350)), root / pid / f"s{i}.md",
                    speakers=people(rng.randint(1, 3)), themes=tuple(rng.sample(THEMES, 2)))
            for i in range(n_sum))
        replays = []
        left = n_cues_total
        r = 0
        while left > 0:
            n_cues = min(left, rng.randint(40, 80))  # a replay and its cues
            cues = tuple(
                TranscriptCue(i, i * 6.0, i * 6.0 + 5.5, words.sentence(rng.randint(8, 18)))
                for i in range(n_cues - 1))
            replays.append(Replay(pid, f"r{r}", words.sentence(rng.randint(4, 8))[:-1], start,
                                  "fr", speakers=people(rng.randint(1, 2)),
                                  themes=tuple(rng.sample(THEMES, 1)),
                                  description=words.sentence(20), cues=cues))
            left -= n_cues
            r += 1
        kit = tuple(
            KitAsset(pid, f"k{i}", KitKind.PHOTO, root / pid / f"k{i}.jpg",
                     words.sentence(rng.randint(3, 6))[:-1], "Photographe", "CC-BY-4.0",
                     language="fr", caption=words.sentence(rng.randint(8, 16)),
                     tags=(city, rng.choice(THEMES)))
            for i in range(n_kit))
        pack = Pack(pid, "1.0.0", 1, ("fr",), "CC-BY-SA-4.0", event, root / pid, summaries,
                    tuple(replays), kit)
        packs.append(pack)
        made += n_sum + n_kit + sum(1 + len(x.cues) for x in replays)
        p += 1
    return packs


def query_mix() -> dict[str, list[tuple[str, dict]]]:
    stems = ["souveraineté", "numérique", "médiation", "bibliothèque", "parlement", "inclusion",
             "théâtre", "gouvernance", "événement", "collectivité", "strasbourg", "wikipédia"]
    prefix = [(w[:k], {}) for w in stems for k in range(1, 7)]
    prefix += [(f"médiation {w[:k]}", {}) for w in ("numérique", "bibliothèque")
               for k in range(1, 7)]
    pairs = ["médiation numérique", "logiciel libre atelier", "données ouvertes collectivité",
             "inclusion territoire", "bibliothèque publics", "plateforme régulation europe",
             "tiers-lieux culture", "fracture numérique rural", "citoyens participation débat",
             "intelligence artificielle éducation", "souveraineté données", "musique patrimoine",
             "evenement numerique", "theatre lecture", "mediatrice formation usagers",
             "archives mémoire", "énergie sobriété", "famille parents école", "réseau wikipédia",
             "budget subvention"]
    phrases = [f'"{p}"' for p in PHRASES] + [
        '"numérique en commun"', '"logiciels libres"', '"données ouvertes" bibliothèque',
        '"table ronde" débat']
    facets = [("numérique", {"type": {"cue"}}), ("médiation", {"type": {"summary"}}),
              ("bibliothèque", {"year": {"2020"}}), ("inclusion", {"lang": {"fr"}}),
              ("communs type:kit", {}), ("données year:2018", {}),
              ("souveraineté", {"event": {"ev001-2017"}}), ("atelier type:cue year:2021", {}),
              ("théâtre", {"theme": {"culture"}}), ("plateforme", {"type": {"cue", "kit"}}),
              ("régulation speaker:cattan", {}), ("logiciel libre", {"year": {"2019", "2024"}})]
    fuzzy = ["numerqiue", "strasbourgh", "bibliotheqe", "médiatoin", "souverainte",
             "parlemnt", "inclusoin", "wikipedai", "gouvernace", "théatr", "colectivité",
             "démocratei", "souverenete", "inclusoin numerique", "Souverenete données"]
    # Phrases that are themes as well as words of the text: every field is looked at.
    themes = [f'"{t}"' for t in THEMES if " " in t] + [
        '"inclusion numérique" bibliothèque', '"souveraineté numérique" -atelier',
        '"communs numériques" OR "inclusion numérique"', 'type:summary "inclusion numérique"']
    # Explicit prefixes and syntax the kit reads as plain words.
    star = [(q, {}) for q in ("souver*", "numéri*", "bibli*", "inclu*", "méd*", "gouv*",
                              "tiers-l*", "souv?raineté", "numéri*que", '"souver* numérique"')]
    syntax = ["numérique~2", "inclusion^3", "(médiation) AND", "+bibliothèque", "[communs]",
              "-numérique", "type:cue -atelier", "NOT", "title:numérique", "médiation!"]
    return {
        "prefix": prefix,
        "and": [(q, {}) for q in pairs],
        "phrase": [(q, {}) for q in phrases],
        "facet": facets,
        "fuzzy": [(q, {}) for q in fuzzy],
        "themes": [(q, {}) for q in themes],
        "star": star,
        "syntax": [(q, {}) for q in syntax],
    }


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def run_kit(index_dir: Path, mix) -> dict[str, list[float]]:
    engine = SearchEngine(index_dir)
    engine.search(SearchQuery("atelier"))  # warm-up: facet tables, first reads
    times = {}
    for cls, queries in mix.items():
        as_you_type = cls == "prefix"
        times[cls] = []
        for text, filters in queries:
            q = SearchQuery(text, filters={k: frozenset(v) for k, v in filters.items()},
                            as_you_type=as_you_type, page_size=20, with_facets=True)
            t0 = time.perf_counter()
            engine.search(q)
            times[cls].append((time.perf_counter() - t0) * 1000)
    engine.close()
    return times


FTS_FILTER_COLUMNS = {"type": "type", "year": "year", "lang": "lang", "event": "pack"}


def build_fts(packs: list[Pack], path: Path) -> sqlite3.Connection:
    from mediation_kit.core.search.documents import pack_documents

    con = sqlite3.connect(path)
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, names, type UNINDEXED, "
                "year UNINDEXED, lang UNINDEXED, pack UNINDEXED, "
                "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6')")
    rows = ((d.get("title", ""), d.get("text") or "", d.get("names", ""),
             d["type"], d["year"], d["lang"], d["pack"])
            for pack in packs for d in pack_documents(pack))
    con.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?)", rows)
    con.commit()
    return con


def fts_query(text: str, prefix: bool) -> str:
    import re

    parts = []
    for m in re.finditer(r'"([^"]*)"|(\S+)', text):
        if m.group(1) is not None:
            ws = re.findall(r"\w+", m.group(1))
            if ws:
                parts.append('"' + " ".join(ws) + '"')
        else:
            w = m.group(2)
            if ":" in w or w in ("OR", "AND", "NOT") or w.startswith("-"):
                continue
            parts.extend(re.findall(r"\w+", w))
    if prefix and parts and not parts[-1].startswith('"'):
        parts[-1] = '"' + parts[-1] + '"*'
    else:
        parts = [p if p.startswith('"') else f'"{p}"' for p in parts]
    return " ".join(parts)


def run_fts(con: sqlite3.Connection, mix) -> dict[str, list[float]]:
    times = {}
    for cls, queries in mix.items():
        times[cls] = []
        for text, filters in queries:
            filters = dict(filters)
            for part in text.split():  # inline filters, as the kit reads them
                if ":" in part:
                    name, value = part.split(":", 1)
                    filters.setdefault(name, set()).add(value)
            where, args = ["docs MATCH ?"], [fts_query(text, cls == "prefix")]
            for name, values in filters.items():
                column = FTS_FILTER_COLUMNS.get(name)
                if column:
                    where.append(f"{column} IN ({','.join('?' * len(values))})")
                    args.extend(sorted(values))
            sql_where = " AND ".join(where)
            t0 = time.perf_counter()
            try:
                con.execute(f"SELECT title, snippet(docs, 1, '<b>', '</b>', '…', 24) FROM docs "
                            f"WHERE {sql_where} ORDER BY rank LIMIT 20", args).fetchall()
                con.execute(f"SELECT type, count(*) FROM docs WHERE {sql_where} GROUP BY type",
                            args).fetchall()
            except sqlite3.OperationalError:
                pass  # FTS5 refuses some queries (a lone one-letter prefix too short etc.)
            times[cls].append((time.perf_counter() - t0) * 1000)
    return times


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="build the index here and keep it")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    try:
        packs = make_corpus(args.docs, work / "packs")
        rss = {"corpus": peak_rss_mb()}
        index_dir = args.keep or work / "index"
        t0 = time.perf_counter()
        count = build_index(packs, index_dir, fingerprint="bench")
        build_s = time.perf_counter() - t0
        rss["build"] = peak_rss_mb()
        mix = query_mix()
        kit = run_kit(index_dir, mix)
        rss["kit queries"] = peak_rss_mb()
        con = build_fts(packs, work / "fts.sqlite")
        fts = run_fts(con, mix)
        con.close()
        rss["fts5"] = rss_mb = peak_rss_mb()

        print(f"{count} documents indexed in {build_s:.1f} s ({folder_mb(index_dir):.1f} MB); "
              "peak RSS after " + ", ".join(f"{k} {v:.0f} MB" for k, v in rss.items()))
        print("times in ms; FTS5 has no fuzzy search: its 'fuzzy' row is an exact query "
              "finding nothing")
        print(f"{'class':<8} {'n':>4} | {'kit p50':>8} {'kit p95':>8} {'kit max':>8} | "
              f"{'fts5 p50':>8} {'fts5 p95':>8}")
        worst = None
        for cls in mix:
            k, f = kit[cls], fts[cls]
            print(f"{cls:<8} {len(k):>4} | {statistics.median(k):8.1f} {p95(k):8.1f} "
                  f"{max(k):8.1f} | {statistics.median(f):8.1f} {p95(f):8.1f}")
            if worst is None or p95(k) > p95(kit[worst]):
                worst = cls
        kp, fp = p95(kit[worst]), p95(fts[worst])
        print(f"worst class: {worst}")
        print(f"docs={count} p95_ms={kp:.1f} fts5_p95_ms={fp:.1f} ratio={kp / max(fp, 1e-3):.1f} "
              f"build_s={build_s:.1f} index_mb={folder_mb(index_dir):.1f} rss_mb={rss_mb:.0f}")
        failed = print_relevance(index_dir, packs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


# What the generated corpus holds: themes of two words, words of the themes and the text.
THEME_PHRASES = [t for t in THEMES if " " in t]
RANKING_WORDS = ["souveraineté", "inclusion", "écologie", "culture"]
TYPOS = [("souverenete", "souveraineté"), ("inclusoin", "inclusion"),
         ("bibliotheqe", "bibliothèque"), ("Ecologei", "Écologie")]


def print_relevance(index_dir: Path, packs: list[Pack]) -> int:
    """Runs the relevance checks; prints each and returns how many failed."""
    engine = SearchEngine(index_dir)
    try:
        checks = relevance_checks(engine, packs, THEME_PHRASES, RANKING_WORDS, TYPOS)
    finally:
        engine.close()
    failed = sum(not ok for _name, ok, _detail in checks)
    print(f"relevance: {len(checks) - failed} of {len(checks)} checks pass")
    for name, ok, detail in checks:
        print(f"  {'ok  ' if ok else 'FAIL'} {name} ({detail})")
    return failed


if __name__ == "__main__":
    sys.exit(main())
