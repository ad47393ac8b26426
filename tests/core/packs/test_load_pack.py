"""A valid pack loads into the records the rest of the kit uses."""

from datetime import date, time

from mediation_kit.core.model import Chapter, KitKind, Person
from mediation_kit.core.packs import load_pack


def test_the_pack_and_its_event(make_pack):
    # Given a valid pack
    root = make_pack()
    # When it is loaded
    result = load_pack(root)
    # Then it has no problem and carries its header and event
    assert result.problems == [] and result.ok
    pack = result.pack
    assert (pack.id, pack.version, pack.format) == ("demo-2025", "1.0.0", 1)
    assert pack.languages == ("fr", "en")
    assert pack.themes == ("communs numériques", "espoir")
    assert pack.root == root.resolve()
    assert (pack.event.name, pack.event.start, pack.event.end) == (
        "Démo", date(2025, 10, 29), date(2025, 10, 30))
    assert pack.event.organisers == ("ANCT",) and pack.event.partners == ()
    assert pack.event.website is None


def test_summaries_with_dates_speakers_and_body(make_pack):
    pack = load_pack(make_pack()).pack
    by_id = {s.id: s for s in pack.summaries}
    fr = by_id["ouverture"]
    assert fr.pack_id == "demo-2025"
    assert (fr.date, fr.time, fr.language) == (date(2025, 10, 29), time(9, 30), "fr")
    assert fr.speakers == (Person("Jean Cattan"), Person("Caroline Zorn", "Vice-présidente"))
    assert fr.translation == "ouverture-en" and by_id["ouverture-en"].translation == "ouverture"
    assert fr.body == "## Ce qui s'est dit\n\nTexte du résumé."
    assert fr.source.name == "ouverture.md"
    assert fr.key == "demo-2025:summary:ouverture"


def test_replays_with_chapters_in_seconds_and_cues(make_pack):
    pack = load_pack(make_pack()).pack
    replay, atelier = pack.replays
    assert replay.duration == 3900.0
    assert replay.chapters == (Chapter(0.0, "Accueil"), Chapter(750.0, "Table ronde"))
    assert replay.video_file == "demo-ouverture.mp4"
    assert replay.transcript_file.name == "ouverture.vtt"
    assert [(c.index, c.start, c.end, c.text) for c in replay.cues] == [
        (0, 1.0, 4.5, "Bonjour à toutes et à tous."),
        (1, 62.0, 67.5, "Les communs & la médiation."),
    ]
    # Unknown facts stay unknown
    assert (atelier.duration, atelier.url, atelier.session, atelier.cues) == (None, None, None, ())


def test_kit_assets_with_their_files_and_text(make_pack):
    root = make_pack()
    poster, press = load_pack(root).pack.kit
    assert poster.kind is KitKind.POSTER and poster.is_image
    assert poster.file == root.resolve() / "kit" / "affiche.svg"
    assert (poster.language, poster.session, poster.date) == ("fr", "ouverture", date(2025, 10, 29))
    assert press.kind is KitKind.PRESS_TEXT and press.language is None
    assert "La médiation numérique." in press.text


def test_optional_files_may_be_absent(make_pack):
    root = make_pack({"replays.toml": None, "kit/kit.toml": None})
    result = load_pack(root)
    assert result.problems == []
    assert result.pack.replays == () and result.pack.kit == ()
    assert len(result.pack.summaries) == 2


def test_an_event_known_only_to_the_month_keeps_that_precision(tmp_path):
    # Given a pack whose sources give only the month of the event
    from mediation_kit.core import i18n
    from mediation_kit.core.packs import load_pack

    pack_dir = tmp_path / "month-pack"
    (pack_dir / "summaries").mkdir(parents=True)
    (pack_dir / "pack.toml").write_text(
        'format = 1\nid = "month-pack"\nversion = "1"\nlanguages = ["fr"]\n'
        'licence = "CC-BY-SA-4.0"\n\n[event]\nname = "E"\nedition = "1"\n'
        'start = 2024-03-01\nend = 2024-03-31\ncity = "Strasbourg"\nvenue = "V"\n'
        'organisers = ["O"]\ndate_precision = "month"\n', encoding="utf-8")
    # When it is loaded
    result = load_pack(pack_dir)
    # Then the precision is kept and the dates read as a month, in each language
    assert result.problems == []
    event = result.pack.event
    assert event.date_precision == "month"
    i18n.set_language("en")
    assert i18n.format_event_dates(event.start, event.end, event.date_precision) == "March 2024"
    assert "31" not in i18n.format_event_dates(event.start, event.end, event.date_precision)


def test_an_unknown_date_precision_is_named(tmp_path):
    from mediation_kit.core.packs import load_pack

    pack_dir = tmp_path / "bad-precision"
    pack_dir.mkdir()
    (pack_dir / "pack.toml").write_text(
        'format = 1\nid = "bad-precision"\nversion = "1"\nlanguages = ["fr"]\n'
        'licence = "CC-BY-SA-4.0"\n\n[event]\nname = "E"\nedition = "1"\n'
        'start = 2024-03-01\nend = 2024-03-31\ncity = "S"\nvenue = "V"\n'
        'organisers = ["O"]\ndate_precision = "week"\n', encoding="utf-8")
    messages = [str(p) for p in load_pack(pack_dir).problems]
    assert any("pack.toml, line 15" in m and '"week"' in m for m in messages), messages
