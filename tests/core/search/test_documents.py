"""Summaries and press texts are Markdown; results show their words, never their marks."""

from mediation_kit.core.search.documents import plain_text


def test_headings_lists_emphasis_and_links_lose_their_marks():
    text = plain_text("## Le constat\n\n- **70 %** du cloud\n- voir [le programme](x.md)\n")
    assert text == "Le constat 70 % du cloud voir le programme"


def test_a_heading_right_after_a_table_loses_its_marks_too():
    # Given a table whose last row ends the paragraph before a heading
    markdown = "| levier | exemples |\n|---|---|\n| les usages | le travail |\n\n## 3. Agir ensemble\n"
    # Then neither the table borders nor the heading's hashes reach the snippet text
    text = plain_text(markdown)
    assert "#" not in text and "|" not in text
    assert text.endswith("le travail 3. Agir ensemble")


def test_cue_documents_share_their_replay_and_leave_empty_fields_out(corpus):
    from mediation_kit.core.search.documents import cue_documents, replay_document

    pack = corpus[0]
    replay = next(r for r in pack.replays if r.cues and r.speakers)
    # When the cues of a replay become documents
    docs = list(cue_documents(pack, replay))
    # Then each carries its own key, time and words, and its replay's facets and title
    assert [d["key"] for d in docs] == [replay.cue_key(cue) for cue in replay.cues]
    assert [d["time"] for d in docs] == [float(cue.start) for cue in replay.cues]
    assert [d["text"] for d in docs] == [d["body_fr"] for d in docs] == [
        cue.text for cue in replay.cues]
    assert all(d["words"] == d["prefix"] and d["words"] for d in docs)
    parent = replay_document(pack, replay)
    for facet in ("speaker", "type", "pack", "year", "lang", "event_name", "date"):
        assert len({d[facet] for d in docs}) == 1, facet
    assert docs[0]["speaker"] == parent["speaker"] and docs[0]["parent"] == replay.key
    assert docs[0]["title"] == replay.title and docs[0]["type"] == "cue"
    # and no field that would only be indexed empty
    assert all(value != "" for d in docs for value in d.values())
    assert not {"title_fr", "names", "tags"} & set(docs[0])


def test_a_huge_text_is_indexed_bounded(corpus):
    """A 50 MB press text of one "word" and one real word: the real word is indexed and the
    stored text is only what snippets can use."""
    import dataclasses

    from mediation_kit.core.search.documents import (
        MAX_INDEXED_CHARS, STORED_CHARS, kit_document)

    pack = corpus[0]
    asset = dataclasses.replace(pack.kit[0], text="Communiqué " + "a" * 50_000_000 + " fin")
    doc = kit_document(pack, asset)
    assert len(doc["text"]) == STORED_CHARS
    body = next(value for key, value in doc.items() if key.startswith("body_"))
    assert "Communiqué" in body and "aaaa" not in body and len(body) <= MAX_INDEXED_CHARS
    assert "aaaa" not in doc["words"]
