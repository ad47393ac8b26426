"""Writes realistic content packs at scale, in the documented pack format (resources/README.md).

    .venv/bin/python bench/scale_corpus.py OUT [--resources 20000]

OUT becomes a resources folder: `OUT/packs/<pack-id>/` holds one pack per yearly edition of an
invented event, and the benches take it with `--resources OUT` (the kit reads it through
`MEDIATION_KIT_RESOURCES`). At 20,000 resources it writes what ten years of events would hold:

- 10 packs (one per 2,000 resources), each well inside the pack limits (core/packs/limits.py);
- 87.5 % summaries (fr, and an English translation for about a third of them, linked both
  ways), 1 % replays with WebVTT transcripts of real size (100 to 420 cues, about 51,000 cues
  at 20,000 resources), 11.5 % kit files (small SVG visuals and Markdown press texts);
- 2,000 speakers and 150 themes in all (both scale with N), names and words drawn by a Zipf
  law so that a few are everywhere and most are rare, as in real content.

Everything comes from this file's own vocabulary and seed: the same N writes the same bytes.
Every name, place and date is invented (the towns are "Villebanc-…"), so nothing here can be
taken for a fact about a real event. The last line is `packs=... resources=... cues=...
speakers=... themes=... files=... mb=...`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

SEED = 16_2026
RESOURCES_PER_PACK = 2000
SHARE_SUMMARIES, SHARE_REPLAYS = 0.875, 0.01  # the rest: kit files
EN_SHARE = 1 / 3  # summaries that also get an English version
CUES_MIN, CUES_MAX = 100, 420

# Words of digital mediation, most frequent first; a Zipf law draws from them and from invented
# words, so that a few words are in every document and most are rare.
FIELD_WORDS = """
numérique médiation atelier bibliothèque médiathèque commun communs public publics habitants
souveraineté inclusion accompagnement accès données logiciel libre ouvert ouverte réseau
territoire collectivité collectivités service services démarches administration usager usagers
formation médiateur médiatrice médiateurs tiers-lieu tiers-lieux fabrique fablab ressources
coopération gouvernance sobriété écologie énergie transition confiance sécurité protection
intelligence artificielle algorithme régulation européenne européen parlement état stratégie
région département commune village ruralité quartier solidarité fracture exclusion autonomie
citoyen citoyenne citoyens démocratie participation débat rencontre conférence plénière
témoignage expérience pratique terrain équipe bénévole financement évaluation impact
wikipédia cartographie contribution licence archive patrimoine mémoire lecture jeunesse
famille parents école collège compétences emploi santé mobilité accessibilité handicap
personnes âgées smartphone ordinateur réemploi reconditionné cloud messagerie identité
cybersécurité désinformation éducation critique espoir programme affiche cartes jeux
""".split()
FILLER = """
le la les de des du un une et à en pour par sur avec dans au aux ce cette ces qui que est
sont ont a été être plus très aussi bien mais ou où nous vous ils elles on se leur leurs son
""".split()
EN_WORDS = """
digital inclusion library commons public access data open software network training
community local services sovereignty mediation workshop trust security energy citizens
the of and to in for with on a is are we our this that people skills platform
""".split()
# Syllables of the invented words (their own set, unlike bench/search_bench.py's).
SYLLABLES = ["bo", "cu", "di", "fé", "gi", "jo", "ku", "li", "mo", "nu", "po", "qui", "ri",
             "su", "to", "vi", "zo", "ran", "lon", "min", "dor", "tel", "gar", "pli",
             "age", "erie", "isme", "oir", "eau", "ule", "ade", "ier"]
GIVEN = ["Alix", "Bastien", "Camille", "Dounia", "Elsa", "Farid", "Gaëlle", "Hélène", "Ilan",
         "Jade", "Kenza", "Loïc", "Maëlle", "Noé", "Océane", "Paul", "Quentin", "Rania",
         "Samuel", "Tiphaine", "Ugo", "Valérie", "Wassim", "Xavier", "Yanis", "Zélie",
         "Amandine", "Benoît", "Chloé", "Damien", "Estelle", "Fabien", "Gwenaëlle", "Hugo",
         "Inès", "Julien", "Karine", "Léon", "Mathilde", "Nadir", "Ophélie", "Pierre",
         "Rose", "Simon", "Thaïs", "Victor", "Yasmina", "Zacharie", "Agathe", "Bérénice"]
FAMILY = ["Abadie", "Bénard", "Cazeneuve", "Delmas", "Étienne", "Fournel", "Guérin",
          "Hamidi", "Issartel", "Jacquet", "Kerbrat", "Lacombe", "Marchetti", "Nédélec",
          "Ollivier", "Peyrac", "Quéré", "Rolland", "Saïdi", "Tessier", "Urvoy", "Vasseur",
          "Wagner", "Yildiz", "Zimmer", "Aubert", "Besson", "Chauvin", "Durand-Viel",
          "Ferrand", "Gallet", "Hoarau", "Imbert", "Joly", "Klein", "Lemaire", "Maillard",
          "Naudin", "Orsini", "Perrot", "Rivière", "Schmitt", "Texier", "Vidal", "Weber",
          "Barbier", "Collin", "Dumont", "Hervé", "Lebrun"]
THEME_HEADS = ["médiation", "inclusion", "communs", "souveraineté", "données", "éducation",
               "culture", "écologie", "santé", "emploi", "démocratie", "accessibilité",
               "cybersécurité", "cartographie", "jeunesse"]
THEME_TAILS = ["numérique", "en bibliothèque", "des territoires", "et collectivités",
               "ouvertes", "critique", "pour tous", "en milieu rural", "et tiers-lieux",
               "au quotidien"]
KINDS = ["poster", "visual", "social-template", "programme", "press-text"]


class Text:
    """Sentences drawn from the vocabulary by a Zipf law (one random.choices call each)."""

    def __init__(self, rng: random.Random, words: list[str]) -> None:
        self.rng = rng
        self.words = words
        self.cum = []
        total = 0.0
        for rank in range(len(words)):
            total += 1.0 / (rank + 1)
            self.cum.append(total)

    def sentence(self, n: int) -> str:
        drawn = self.rng.choices(self.words, cum_weights=self.cum, k=n)
        fill = self.rng.choices(FILLER, k=n)
        # About two words in five are filler, as in French prose.
        out = [f if i % 5 in (1, 3) else w for i, (w, f) in enumerate(zip(drawn, fill))]
        text = " ".join(out)
        return text[:1].upper() + text[1:] + "."

    def paragraph(self, n_words: int) -> str:
        parts, left = [], n_words
        while left > 0:
            k = min(left, self.rng.randint(7, 19))
            parts.append(self.sentence(k))
            left -= k
        return " ".join(parts)


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def toml_list(values) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def speakers_toml(names) -> str:
    return "[" + ", ".join("{ name = %s }" % toml_string(n) for n in names) + "]"


def vtt_time(seconds: float) -> str:
    ms = int(round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def svg_visual(title: str, n: int) -> str:
    hue = (n * 47) % 360
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" '
            'viewBox="0 0 400 300">\n'
            f'  <rect width="400" height="300" fill="hsl({hue},45%,85%)"/>\n'
            f'  <text x="20" y="150" font-size="16">{_xml(title[:60])}</text>\n</svg>\n')


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Corpus:
    """The shared pools: speakers, themes and the word generators."""

    def __init__(self, n_resources: int) -> None:
        self.rng = random.Random(SEED)
        rng = self.rng
        invented = set()
        while len(invented) < 5000:
            invented.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.fr = Text(rng, FIELD_WORDS + sorted(invented))
        self.en = Text(rng, EN_WORDS + sorted(invented)[:1500])
        n_speakers = max(20, n_resources // 10)
        n_themes = max(10, min(150, n_resources * 150 // 20000))
        names = [f"{g} {f}" for f in FAMILY for g in GIVEN]
        rng.shuffle(names)
        while len(names) < n_speakers:  # beyond 2,500: a second family name
            names.append(f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}-{rng.choice(FAMILY)}")
        self.speakers = list(dict.fromkeys(names))[:n_speakers]
        themes = [f"{h} {t}" for t in THEME_TAILS for h in THEME_HEADS]
        self.themes = themes[:n_themes]
        self.speaker_pick = Text(rng, self.speakers)  # Zipf: a few speak often
        self.theme_pick = Text(rng, self.themes)

    def pick_speakers(self, k: int) -> list[str]:
        return list(dict.fromkeys(self.rng.choices(self.speaker_pick.words,
                                                   cum_weights=self.speaker_pick.cum, k=k)))

    def pick_themes(self, k: int) -> list[str]:
        return list(dict.fromkeys(self.rng.choices(self.theme_pick.words,
                                                   cum_weights=self.theme_pick.cum, k=k)))


def write_pack(out: Path, corpus: Corpus, number: int, budget: int) -> dict[str, int]:
    """One pack of about `budget` resources; returns what it holds."""
    rng = corpus.rng
    year = 2016 + number % 10 + 10 * (number // 10)
    start = date(year, 3, 2) + timedelta(days=(number * 29) % 200)
    end = start + timedelta(days=2)
    pid = f"journees-villebanc-{year}" + (f"-{number}" if number >= 10 else "")
    root = out / pid
    (root / "summaries").mkdir(parents=True)
    (root / "replays").mkdir()
    (root / "kit").mkdir()
    n_replays = max(1, round(budget * SHARE_REPLAYS))
    n_summaries = max(1, round(budget * SHARE_SUMMARIES))
    n_kit = max(0, budget - n_replays - n_summaries)
    used_themes: set[str] = set()
    files = 3
    # Summaries: French ones, and English versions of a third of them, until the budget.
    made = 0
    session = 0
    while made < n_summaries:
        session += 1
        sid = f"session-{session:04d}"
        day = start + timedelta(days=rng.randint(0, 2))
        speakers = corpus.pick_speakers(rng.randint(1, 4))
        themes = corpus.pick_themes(rng.randint(1, 3))
        used_themes.update(themes)
        with_en = made + 1 < n_summaries and rng.random() < EN_SHARE
        title = corpus.fr.sentence(rng.randint(4, 9))[:-1]
        body = "\n\n".join(corpus.fr.paragraph(rng.randint(60, 120))
                           for _ in range(rng.randint(2, 4)))
        _write_summary(root / "summaries" / f"{sid}.md", sid, title, sid, day, "fr", speakers,
                       themes, f"{sid}-en" if with_en else None, body)
        made += 1
        files += 1
        if with_en:
            body = "\n\n".join(corpus.en.paragraph(rng.randint(60, 120))
                               for _ in range(rng.randint(2, 3)))
            _write_summary(root / "summaries" / f"{sid}-en.md", f"{sid}-en",
                           corpus.en.sentence(rng.randint(4, 9))[:-1], sid, day, "en",
                           speakers, themes, sid, body)
            made += 1
            files += 1
    # Replays with transcripts of real size.
    cues_total = 0
    lines = []
    for r in range(n_replays):
        rid = f"replay-{r:03d}"
        day = start + timedelta(days=rng.randint(0, 2))
        speakers = corpus.pick_speakers(rng.randint(1, 5))
        themes = corpus.pick_themes(rng.randint(1, 3))
        used_themes.update(themes)
        n_cues = rng.randint(CUES_MIN, CUES_MAX)
        cues_total += n_cues
        vtt = [f"WEBVTT - {rid}", ""]
        at = 0.0
        for c in range(n_cues):
            length = rng.uniform(2.5, 7.5)
            who = speakers[c * len(speakers) // n_cues]
            vtt += [f"{vtt_time(at)} --> {vtt_time(at + length)}",
                    f"<v {who}>{corpus.fr.sentence(rng.randint(6, 16))}", ""]
            at += length + rng.uniform(0.1, 0.8)
        (root / "replays" / f"{rid}.vtt").write_text("\n".join(vtt), encoding="utf-8")
        files += 1
        minutes = int(at // 60) + 1
        lines += ["[[replay]]", f"id = {toml_string(rid)}",
                  f"title = {toml_string(corpus.fr.sentence(rng.randint(4, 8))[:-1])}",
                  f"date = {day.isoformat()}", 'language = "fr"',
                  f'session = "session-{r + 1:04d}"',
                  f"speakers = {speakers_toml(speakers)}", f"themes = {toml_list(themes)}",
                  f"description = {toml_string(corpus.fr.paragraph(rng.randint(25, 50)))}",
                  f'duration = "{minutes // 60}:{minutes % 60:02d}:00"',
                  f'transcript = "replays/{rid}.vtt"', ""]
        for chapter in range(rng.randint(2, 6)):
            lines += ["[[replay.chapters]]",
                      f'start = "{chapter * minutes // 6}:00"',
                      f"title = {toml_string(corpus.fr.sentence(rng.randint(2, 5))[:-1])}", ""]
    (root / "replays.toml").write_text("\n".join(lines), encoding="utf-8")
    # The communication kit: small SVG visuals and Markdown press texts.
    kit = []
    for k in range(n_kit):
        kind = KINDS[k % len(KINDS)]
        kid = f"kit-{k:04d}"
        title = corpus.fr.sentence(rng.randint(3, 7))[:-1]
        if kind == "press-text":
            name = f"{kid}.md"
            (root / "kit" / name).write_text(
                f"# {title}\n\n" + corpus.fr.paragraph(rng.randint(80, 200)) + "\n",
                encoding="utf-8")
        else:
            name = f"{kid}.svg"
            (root / "kit" / name).write_text(svg_visual(title, k), encoding="utf-8")
        files += 1
        kit += ["[[asset]]", f"id = {toml_string(kid)}", f'kind = "{kind}"',
                f"file = {toml_string(name)}", f"title = {toml_string(title)}",
                f"caption = {toml_string(corpus.fr.sentence(rng.randint(8, 18)))}",
                'credit = "Mediation Kit contributors"', 'licence = "CC-BY-SA-4.0"',
                'language = "fr"',
                f"tags = {toml_list(corpus.pick_themes(2) + ['Villebanc'])}",
                f"date = {(start + timedelta(days=rng.randint(0, 2))).isoformat()}", ""]
    (root / "kit" / "kit.toml").write_text("\n".join(kit), encoding="utf-8")
    pack = [
        "# An invented event, generated by bench/scale_corpus.py: nothing here is a fact.",
        "format = 1", f"id = {toml_string(pid)}", 'version = "1.0.0"',
        'languages = ["fr", "en"]', 'licence = "CC-BY-SA-4.0"',
        f"themes = {toml_list(sorted(used_themes))}", "", "[event]",
        f'name = "Journées numériques de Villebanc {year}"',
        f'edition = "{year}, {number + 1}e édition"',
        f"start = {start.isoformat()}", f"end = {end.isoformat()}",
        f'city = "Villebanc-{number % 7 + 1}"', 'venue = "Médiathèque des Tilleuls"',
        'organisers = ["Réseau des médiathèques de Villebanc"]', ""]
    (root / "pack.toml").write_text("\n".join(pack), encoding="utf-8")
    return {"resources": made + n_replays + n_kit, "cues": cues_total, "files": files}


def _write_summary(path: Path, sid: str, title: str, session: str, day: date, lang: str,
                   speakers: list[str], themes: list[str], translation: str | None,
                   body: str) -> None:
    head = ["+++", f"id = {toml_string(sid)}", f"title = {toml_string(title)}",
            f"session = {toml_string(session)}", f"date = {day.isoformat()}",
            f'language = "{lang}"', f"speakers = {speakers_toml(speakers)}",
            f"themes = {toml_list(themes)}"]
    if translation:
        head.append(f"translation = {toml_string(translation)}")
    head.append("+++")
    path.write_text("\n".join(head) + "\n\n## " + title + "\n\n" + body + "\n", encoding="utf-8")


def write_corpus(out: Path, n_resources: int) -> dict[str, int]:
    packs_dir = out / "packs"
    if packs_dir.exists():
        shutil.rmtree(packs_dir)
    packs_dir.mkdir(parents=True)
    corpus = Corpus(n_resources)
    totals = {"packs": 0, "resources": 0, "cues": 0, "files": 0}
    left, number = n_resources, 0
    while left > 0:
        budget = min(RESOURCES_PER_PACK, left)
        made = write_pack(packs_dir, corpus, number, budget)
        for key, value in made.items():
            totals[key] += value
        totals["packs"] += 1
        left -= budget
        number += 1
    totals["speakers"] = len(corpus.speakers)
    totals["themes"] = len(corpus.themes)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="resources folder to write (OUT/packs/…)")
    parser.add_argument("--resources", type=int, default=20000)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    totals = write_corpus(args.out, args.resources)
    mb = sum(p.stat().st_size for p in (args.out / "packs").rglob("*") if p.is_file()) / 1e6
    print(f"written in {time.perf_counter() - started:.1f} s into {args.out / 'packs'}",
          file=sys.stderr)
    print(" ".join(f"{k}={v}" for k, v in totals.items()) + f" mb={mb:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
