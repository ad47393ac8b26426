"""A short help on what the search field understands: phrases, -word, OR, prefixes and
filters. Opened by F1 in the search field; the field's tooltip shows the same rules in brief
and says so."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mediation_kit.core.i18n import N_, _

# (example, what it finds). Both are translated at display time: a language may show the
# filter names the search also understands in it (intervenant:, thème:, année:, langue:).
# Translators: each example is typed as it is into the search field; keep its quotes, its
# minus sign, its star and the word OR, and end a filter name with a colon.
SYNTAX = (
    (N_("inclusion numérique"),
     N_("Resources holding both words, whatever their accents and capitals")),
    (N_('"inclusion numérique"'),
     N_("These words one after the other, in a text, a title, a theme or a name")),
    (N_("atelier -plénière"), N_("Without the word after the minus sign")),
    (N_("atelier OR table"), N_("Either word")),
    (N_("souver*"), N_("Words starting with these letters: souveraineté, souverain…")),
    (N_("speaker:Cattan"), N_("Only resources with this speaker")),
    (N_('theme:"inclusion numérique"'), N_("Only resources with this theme")),
    (N_("type:replay"), N_("Only one kind of resource: summary, replay, cue (a moment of a "
                           "transcript) or kit")),
    (N_("event:Strasbourg"), N_("Only the events whose name holds this word")),
    (N_("year:2025 lang:fr"), N_("Only one year, only one language")),
)
# The lines of the field's tooltip: the same rules in brief.
TOOLTIP_LINES = (
    N_('"inclusion numérique": these words together'),
    N_("-word: without this word · atelier OR table: either word"),
    N_("souver*: words starting with souver"),
    N_("Filters: speaker: theme: type: event: year: lang:"),
    N_("F1: how to search"),
)


def tooltip_text() -> str:
    """The search field's tooltip: what it is for, then the rules in brief."""
    lines = [_("Type a few letters to search (Ctrl+K). Down: results, Esc: clear")]
    lines += [_(line) for line in TOOLTIP_LINES]
    return "\n".join(lines)


class SearchSyntaxHelp(QDialog):
    """The rules of the search field, with an example of each; Esc or Close closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchSyntaxHelp")
        self.body = QLabel(self)
        # Qt's enums imported here, not with the module: the search field, built before the
        # first paint, imports this module for its tooltip.
        from PySide6.QtCore import Qt

        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body)
        layout.addWidget(self.buttons)
        self.retranslate()

    def rows(self) -> list[tuple[str, str]]:
        """(example, what it finds), translated."""
        return [(_(example), _(meaning)) for example, meaning in SYNTAX]

    def retranslate(self) -> None:
        self.setWindowTitle(_("How to search"))
        cells = "".join(
            "<tr><td style='padding: 3px 14px 3px 0'><code>{}</code></td>"
            "<td style='padding: 3px 0'>{}</td></tr>".format(html.escape(example),
                                                            html.escape(meaning))
            for example, meaning in self.rows())
        self.body.setText(
            "<p>{intro}</p><table>{cells}</table><p>{rest}</p>".format(
                intro=html.escape(_("Type words: the results hold them all. You can also "
                                    "write:")),
                cells=cells,
                rest=html.escape(_("Anything else is searched as plain words. A misspelt "
                                   "word gets close matches and a suggestion."))))
        self.body.setAccessibleName(_("How to search"))
        # A screen reader reads the rules as text, one line each.
        self.body.setAccessibleDescription("\n".join(
            _("{example}: {meaning}").format(example=example, meaning=meaning)
            for example, meaning in self.rows()))
