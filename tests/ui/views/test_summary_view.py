"""The summary view: Markdown shown offline, query words marked, the right language first."""

from __future__ import annotations

import dataclasses
import gettext

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

import view_samples as samples
from mediation_kit.core import i18n
from mediation_kit.ui.views import SummaryView


class PseudoTranslations(gettext.NullTranslations):
    """Every message wrapped in ⟦ ⟧, so a retranslated text is easy to tell."""

    def gettext(self, message):
        return f"⟦{message}⟧"


def make_view(qtbot, library=None):
    view = SummaryView(library)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    return view


def highlighted_words(view):
    return [selection.cursor.selectedText() for selection in view.browser.extraSelections()]


def test_markdown_is_rendered_with_the_query_words_highlighted(qtbot, tmp_path):
    # Given a French summary whose Markdown has a heading and accented words
    view = make_view(qtbot)
    # When it is shown for the query "numerique communs"
    view.show_record(samples.summary_fr(tmp_path), ["numerique", "Communs"])
    # Then the Markdown is rendered, not shown as source
    text = view.browser.toPlainText()
    assert "Ce qui s'est dit" in text and "##" not in text
    heading = view.browser.document().begin()
    assert heading.blockFormat().headingLevel() == 2
    # And the words are marked whatever their accents and case
    marked = highlighted_words(view)
    assert "numérique" in marked and "communs" in marked
    assert all(word.casefold().startswith(("num", "commun")) for word in marked)


def test_a_remote_image_is_never_fetched(qtbot, tmp_path):
    # Given a summary with a Markdown image on the web
    view = make_view(qtbot)
    view.show_record(samples.summary_fr(tmp_path))
    view.browser.grab()  # lay out and paint: when a document asks for its images
    # Then the image shows as its description and was never even asked for
    assert "[Photo de la salle]" in view.browser.toPlainText()
    assert view.browser.refused_urls == []
    # And should a document ask for a remote image anyway, the browser refuses it
    view.browser.document().setMarkdown("![salle](https://example.org/salle.jpg)")
    view.browser.grab()
    assert [u.toString() for u in view.browser.refused_urls] == [
        "https://example.org/salle.jpg"]
    for kind in (QTextDocument.ResourceType.ImageResource,
                 QTextDocument.ResourceType.StyleSheetResource):
        assert view.browser.loadResource(kind, QUrl("http://example.org/x.css")) is None
    assert not view.browser.openExternalLinks()


def test_a_local_image_beside_the_summary_is_shown(qtbot, tmp_path):
    # Given a summary folder holding an image the Markdown names
    folder = tmp_path / "summaries"
    samples.write_png(folder, "salle.png", 40, 30)
    view = make_view(qtbot)
    view.show_record(samples.summary_fr(tmp_path))
    # Then the image is loaded from the folder
    kind = QTextDocument.ResourceType.ImageResource
    assert view.browser.loadResource(kind, QUrl("salle.png")) is not None


def test_an_image_outside_the_summary_folder_is_refused(qtbot, tmp_path):
    # Given real, readable images just outside the summary's folder: only the folder guard
    # stands between the Markdown and them
    folder = tmp_path / "summaries"
    samples.write_png(folder, "salle.png", 40, 30)
    samples.write_png(tmp_path, "dehors.png", 40, 30)
    samples.write_png(tmp_path / "summaries-x", "voisin.png", 40, 30)
    (folder / "lien.png").symlink_to(tmp_path / "dehors.png")
    view = make_view(qtbot)
    view.show_record(samples.summary_fr(tmp_path))
    kind = QTextDocument.ResourceType.ImageResource
    assert view.browser.loadResource(kind, QUrl("salle.png")) is not None  # the control
    # Then a path climbing out, an absolute path, a file: URL, a sibling folder sharing the
    # name's start and a link leading out are all refused
    for address in ("../dehors.png", "sub/../../dehors.png", str(tmp_path / "dehors.png"),
                    QUrl.fromLocalFile(str(tmp_path / "dehors.png")).toString(),
                    "../summaries-x/voisin.png", "lien.png"):
        assert view.browser.loadResource(kind, QUrl(address)) is None, address


def test_a_web_link_opens_in_the_system_browser_only_when_clicked(qtbot, tmp_path,
                                                                  opened_urls):
    view = make_view(qtbot)
    view.show_record(samples.summary_fr(tmp_path))
    assert opened_urls == []
    view.browser.anchorClicked.emit(QUrl("https://example.org/nec"))
    assert opened_urls == ["https://example.org/nec"]


def test_the_summary_in_the_interface_language_is_shown_first(qtbot, library, tmp_path):
    # Given an English interface and a French summary that has an English translation
    view = make_view(qtbot, library)
    # When the French summary is opened
    view.show_record(samples.summary_fr(tmp_path))
    # Then the English version is on screen, with a way to read the French one
    assert view.summary.language == "en"
    assert view.title.text() == "Reasons for hope: plenary"
    assert view.translation_link.isVisible()
    assert view.translation_link.text() == "Read in French"
    # When the reader asks for the French version
    view.translation_link.click()
    # Then it is shown, and the view says which version it is
    assert view.summary.language == "fr"
    # (set with a narrow no-break space before the colon: French typography)
    assert view.title.text() == "Les raisons d'espérer\u202f: plénière"
    assert "French version" in view.language_notice.text()
    assert view.translation_link.text() == "Read in English"


def test_a_summary_only_in_another_language_says_so(qtbot, tmp_path):
    # Given a French summary without translation, in an English interface
    french_only = samples.summary_fr(tmp_path)
    library = samples.FakeLibrary([french_only])
    view = make_view(qtbot, library)
    view.show_record(french_only)
    # Then the original is shown and the view says it exists only in French
    assert view.summary is french_only
    assert view.language_notice.isVisible()
    assert "only available in French" in view.language_notice.text()
    assert not view.translation_link.isVisible()


def test_facts_are_shown_with_babel_dates(qtbot, library, tmp_path):
    view = make_view(qtbot, library)
    view.show_record(samples.summary_en(tmp_path))
    assert "October 29, 2025" in view.meta.text()
    assert "Numérique en Commun[s]" in view.meta.text()
    assert view.speakers.text() == "Jean Cattan"
    assert view.themes.text() == "hope"


def test_links_to_the_same_session_ask_to_open_their_resource(qtbot, library, tmp_path):
    view = make_view(qtbot, library)
    view.show_record(samples.summary_en(tmp_path))
    buttons = [view.related_links.itemAt(i).widget() for i in range(view.related_links.count())]
    replay_button = next(b for b in buttons if b.text().startswith("Replay:"))
    with qtbot.waitSignal(view.open_key_requested) as signal:
        replay_button.click()
    assert signal.args == [samples.replay().key]
    assert any(b.text().startswith("Kit:") for b in buttons)
    assert all(b.accessibleName() for b in buttons)


def test_retranslate_changes_every_interface_text(qtbot, library, tmp_path):
    view = make_view(qtbot, library)
    view.show_record(samples.summary_en(tmp_path))
    i18n.install_translations(PseudoTranslations(), "en")
    view.retranslate()
    assert view.speakers_heading.text() == "⟦Speakers⟧"
    assert view.related_heading.text() == "⟦From the same session⟧"
    assert view.browser.accessibleName() == "⟦Summary text⟧"
    assert view.translation_link.text().startswith("⟦Read in")


def test_tab_walks_from_the_text_to_the_session_links(qtbot, library, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    view = make_view(qtbot, library)
    view.show_record(samples.summary_en(tmp_path))
    view.activateWindow()
    qtbot.waitActive(view)
    view.setFocus()  # the view hands focus to its text
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.browser)
    reached = []
    for _ in range(12):  # the text's own links come first
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    names = [w.accessibleName() for w in reached if w is not None]
    assert any(name.startswith("Replay:") for name in names)
    assert any(name.startswith("Kit:") for name in names)


def test_the_title_follows_the_text_size_setting(qtbot, tmp_path):
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    view = make_view(qtbot)
    view.show_record(samples.summary_fr(tmp_path))
    app = QApplication.instance()
    original = QFont(app.font())
    try:
        bigger = QFont(original)
        bigger.setPointSizeF(original.pointSizeF() * 1.5)
        app.setFont(bigger)
        qtbot.waitUntil(lambda: abs(view.title.font().pointSizeF()
                                    - bigger.pointSizeF() * 1.6) < 0.1)
        assert view.title.font().bold()
    finally:
        app.setFont(original)


def test_a_summary_whose_day_is_unknown_shows_its_event_dates(qtbot, library, tmp_path):
    # Given a summary of the two-day event, its day not known
    summary = dataclasses.replace(samples.summary_en(tmp_path), date=None, time=None)
    view = make_view(qtbot, library)
    # When it is shown
    view.show_record(summary)
    # Then its facts line gives the event's two days and says the day is unknown
    assert "October 29\u2009–\u200930, 2025, day not known" in view.meta.text()
    assert "October 29, 2025" not in view.meta.text()
