"""Transcripts written for the kit's WebVTT conformance tests, one category at a time.

Each case gives the text of a file, the cues a browser keeps from it (start and end in seconds,
and the text as the kit shows it: tags removed, entities decoded, lines joined by a space), and
the lines that `pack validate` must name. `cues=None` means the whole file is refused, as
browsers refuse it. The files are written for the kit, after the W3C parsing algorithm
(https://www.w3.org/TR/webvtt1/#file-parsing); they are not copies of the W3C tests.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    category: str
    text: str
    cues: tuple[tuple[float, float, str], ...] | None
    problem_lines: tuple[int, ...] = ()  # lines `pack validate` names, in order


CATEGORIES = ("line-splitting", "header", "cue-blocks", "timings", "style-note-region",
              "bad-cues", "cue-text")

CASES = (
    # --- line splitting: CR, LF and CRLF end a line; nothing else does -------------------------
    Case("mixed-line-ends", "line-splitting",
         "WEBVTT\r\r00:01.000 --> 00:02.000\rBonjour\r\r"
         "00:03.000 --> 00:04.000\r\nà toutes\r\n\r\n"
         "00:05.000 --> 00:06.000\net à tous\n",
         ((1.0, 2.0, "Bonjour"), (3.0, 4.0, "à toutes"), (5.0, 6.0, "et à tous"))),
    Case("unicode-separators-stay-in-the-text", "line-splitting",
         "WEBVTT\n\n"
         "00:01.000 --> 00:02.000\nune\u2028\u2028deux\n\n"
         "00:03.000 --> 00:04.000\ntrois\x85\nquatre\u2029\n\n"
         "00:05.000 --> 00:06.000\ncinq\x0c\x0c\x0bsix\n",
         ((1.0, 2.0, "une deux"), (3.0, 4.0, "trois quatre"), (5.0, 6.0, "cinq six"))),
    Case("form-feed-in-the-timing-line", "line-splitting",
         "WEBVTT\n\n00:01.000\x0c-->\x0c00:02.000\nsaut de page\n\n"
         "00:03.000 --> 00:04.000\nnul\x00ici\n",
         ((1.0, 2.0, "saut de page"), (3.0, 4.0, "nul\ufffdici"))),
    # --- the header ----------------------------------------------------------------------------
    Case("timing-right-after-webvtt", "header",
         "WEBVTT\n00:00:01.000 --> 00:00:02.000\nPremier mot\n\n"
         "00:00:03.000 --> 00:00:04.000\nSecond mot\n",
         ((1.0, 2.0, "Premier mot"), (3.0, 4.0, "Second mot"))),
    Case("header-lines-then-timing", "header",
         "WEBVTT - Plénière\nKind: captions\nLanguage: fr\n00:01.000 --> 00:02.000\nBonjour\n",
         ((1.0, 2.0, "Bonjour"),)),
    Case("bom-tab-and-blank-lines", "header",
         "\ufeffWEBVTT\tTranscription relue\n\n\n\n00:01.000 --> 00:02.000\nLa suite\n",
         ((1.0, 2.0, "La suite"),)),
    Case("webvtt-alone", "header", "WEBVTT", ()),
    Case("signature-glued-to-text", "header", "WEBVTTX\n\n00:01.000 --> 00:02.000\nnon\n",
         None, (1,)),
    Case("signature-in-lower-case", "header", "webvtt\n\n00:01.000 --> 00:02.000\nnon\n",
         None, (1,)),
    # --- cue blocks ----------------------------------------------------------------------------
    Case("two-cues-without-a-blank-line", "cue-blocks",
         "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n"
         "00:00:02.000 --> 00:00:03.000\nWorld\n",
         ((1.0, 2.0, "Hello"), (2.0, 3.0, "World"))),
    Case("identifiers-and-several-lines", "cue-blocks",
         "WEBVTT\n\n\n\nintro\n00:01.000 --> 00:02.000\nligne un\nligne deux\n\n\n\n"
         "2\n00:03.000 --> 00:04.000\nfin\n\n"
         "00:05.000 --> 00:06.000\n\n"
         "00:07.000 --> 00:08.000\nle dernier",
         ((1.0, 2.0, "ligne un ligne deux"), (3.0, 4.0, "fin"), (5.0, 6.0, ""),
          (7.0, 8.0, "le dernier"))),
    Case("text-without-timing-after-style", "cue-blocks",
         "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\njuste du texte\n\n"
         "00:01.000 --> 00:02.000\ngardé\n",
         ((1.0, 2.0, "gardé"),), (6,)),
    Case("two-lines-before-the-timing", "cue-blocks",
         "WEBVTT\n\nnuméro\nun autre\n00:01.000 --> 00:02.000\nle texte\n",
         ((1.0, 2.0, "le texte"),), (3,)),
    # --- timings -------------------------------------------------------------------------------
    Case("one-digit-and-long-hours", "timings",
         "WEBVTT\n\n0:00:05.000 --> 0:00:07.000\nune heure\n\n"
         "01:02.500-->01:03.250\tline:0 align:start\nsans espaces\n\n"
         "123:00:00.000 --> 123:00:01.500\ncent vingt-trois heures plus tard\n",
         ((5.0, 7.0, "une heure"), (62.5, 63.25, "sans espaces"),
          (442800.0, 442801.5, "cent vingt-trois heures plus tard")), (9,)),
    Case("end-before-start-is-kept", "timings",
         "WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nà l'envers\n\n"
         "00:00:06.000 --> 00:00:06.000\nvide\n",
         ((5.0, 2.0, "à l'envers"), (6.0, 6.0, "vide")), (3,)),
    Case("sixty-seconds-dropped-cue-by-cue", "timings",
         "WEBVTT\n\n00:00:59.000 --> 00:01:00.000\navant\n\n"
         "00:00:60.000 --> 00:01:01.000\nsoixante\n\n"
         "00:60:00.000 --> 01:00:01.000\nminutes\n\n"
         "00:75.000 --> 00:76.000\nsoixante-quinze\n\n"
         "00:01:02.000 --> 00:01:03.000\naprès\n",
         ((59.0, 60.0, "avant"), (62.0, 63.0, "après")), (6, 9, 12)),
    Case("hours-in-the-billions", "timings",
         "WEBVTT\n\n00:01.000 --> 00:02.000\nnormal\n\n"
         "1000000000:00:00.000 --> 1000000000:00:01.000\nbien loin\n",
         ((1.0, 2.0, "normal"), (3_600_000_000_000.0, 3_600_000_000_001.0, "bien loin")), (6,)),
    # --- STYLE, NOTE and REGION blocks ---------------------------------------------------------
    Case("region-style-note-before-cues", "style-note-region",
         "WEBVTT\n\nREGION\nid:r1 width:40%\n\nSTYLE\n::cue { color: white }\n\n"
         "NOTE une note\nsur deux lignes\n\n"
         "00:01.000 --> 00:02.000 region:r1\ntexte\n\nNOTE\nentre deux cues\n\n"
         "00:03.000 --> 00:04.000\nfin\n",
         ((1.0, 2.0, "texte"), (3.0, 4.0, "fin"))),
    Case("timing-inside-a-note", "style-note-region",
         "WEBVTT\n\nNOTE\ncommentaire\n00:01.000 --> 00:02.000\nvisible\n\n"
         "NOTE\n00:03.000 --> 00:04.000\naussi visible\n",
         ((1.0, 2.0, "visible"), (3.0, 4.0, "aussi visible"))),
    Case("style-after-a-cue-is-ignored", "style-note-region",
         "WEBVTT\n\n00:01.000 --> 00:02.000\npremier\n\n"
         "STYLE\n::cue { color: red }\n\n"
         "STYLE\n00:03.000 --> 00:04.000\nun cue nommé STYLE\n",
         ((1.0, 2.0, "premier"), (3.0, 4.0, "un cue nommé STYLE")), (6,)),
    # --- one bad cue costs only itself ---------------------------------------------------------
    Case("srt-comma-and-garbage", "bad-cues",
         "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nouverture\n\n"
         "2\n00:00:03,000 --> 00:00:04,000\nvirgule\n\n"
         "bientôt --> plus tard\nn'importe quoi\n\n"
         "00:00:05.000 --> 00:00:06.000\nclôture\n",
         ((1.0, 2.0, "ouverture"), (5.0, 6.0, "clôture")), (7, 10)),
    Case("short-fields-dropped", "bad-cues",
         "WEBVTT\n\n0:1.000 --> 0:2.000\nminute courte\n\n"
         "00:01.00 --> 00:02.00\nmillièmes courts\n\n"
         "00:01:02.000 --> 1:03.000\nfin courte\n\n"
         "60:00.000 --> 61:00.000\nheure sans minutes\n\n"
         "00:03.000 --> 00:04.000\nle seul bon\n",
         ((3.0, 4.0, "le seul bon"),), (3, 6, 9, 12)),
    Case("arrow-in-the-text-starts-a-new-cue", "bad-cues",
         "WEBVTT\n\n00:01.000 --> 00:02.000\nle vote\nA --> B\nsuite perdue\n\n"
         "00:03.000 --> 00:04.000\nfin\n",
         ((1.0, 2.0, "le vote"), (3.0, 4.0, "fin")), (5,)),
    # --- cue text: the words stay, tags go, entities are decoded -------------------------------
    Case("tags-removed", "cue-text",
         "WEBVTT\n\n00:01.000 --> 00:02.000\n"
         "<v Jean Cattan>Bonjour</v> <i>à</i> <b.loud>tous</b>\n<c.yellow>et</c> "
         "<00:00:01.500>toutes <ruby>漢<rt>kan</rt></ruby>\n",
         ((1.0, 2.0, "Bonjour à tous et toutes 漢kan"),)),
    Case("entities-decoded", "cue-text",
         "WEBVTT\n\n00:01.000 --> 00:02.000\nTom &amp; Jerry &lt;3 &gt;\n\n"
         "00:03.000 --> 00:04.000\ncaf&eacute; &#233;t&#xE9; &#x263A; 10&nbsp;%\n",
         ((1.0, 2.0, "Tom & Jerry <3 >"), (3.0, 4.0, "café été ☺ 10\u00a0%"))),
    Case("tag-across-lines-and-unclosed", "cue-text",
         "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Jean\nCattan>Bienvenue   à\tla\n\n"
         "00:03.000 --> 00:04.000\nmédiathèque <i\n",
         ((1.0, 2.0, "Bienvenue à la"), (3.0, 4.0, "médiathèque"))),
)
