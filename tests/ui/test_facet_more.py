"""Facets with thousands of values: the panel shows the top ones and a "N more…" row that
opens every value with a filter box; years are listed in their order."""

from PySide6.QtCore import Qt

from mediation_kit.core.search.api import FacetCount
from mediation_kit.ui.widgets import facet_panel as panel_module
from mediation_kit.ui.widgets.facet_panel import SHOWN_VALUES, FacetPanel, MoreRole
from mediation_kit.ui.widgets.facet_values_dialog import FacetValuesDialog


def speakers(n):
    return tuple(FacetCount(f"personne {i:04d}", f"Personne Numéro {i:04d}", n - i)
                 for i in range(n))


def rows(panel, facet):
    for i in range(panel.topLevelItemCount()):
        top = panel.topLevelItem(i)
        if top.data(0, panel_module.FacetRole) == facet:
            return [top.child(j) for j in range(top.childCount())]
    return []


def test_a_facet_of_thousands_of_values_offers_more(qtbot):
    panel = FacetPanel()
    qtbot.addWidget(panel)
    panel.set_facets({"speaker": speakers(50)}, {}, {"speaker": 2000})
    children = rows(panel, "speaker")
    assert len(children) == SHOWN_VALUES + 1
    more = children[-1]
    assert more.data(0, MoreRole) == "speaker"
    assert more.text(0) == f"{2000 - SHOWN_VALUES:,} more…"

    asked = []
    panel.values_provider = lambda facet: asked.append(facet) or speakers(2000)
    chosen = []
    panel.filter_toggled.connect(lambda *args: chosen.append(args))

    def choose(dialog):
        dialog.filter_box.setText("numero 1999")
        assert dialog.list.count() == 1
        dialog.accept()
        return True

    original = FacetValuesDialog.exec
    FacetValuesDialog.exec = choose
    try:
        panel.setCurrentItem(more)
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    finally:
        FacetValuesDialog.exec = original
    assert asked == ["speaker"]
    assert chosen == [("speaker", "personne 1999", True)]


def test_a_facet_with_few_values_has_no_more_row(qtbot):
    panel = FacetPanel()
    qtbot.addWidget(panel)
    panel.set_facets({"speaker": speakers(5)}, {}, {"speaker": 5})
    assert all(item.data(0, MoreRole) is None for item in rows(panel, "speaker"))


def test_the_filter_box_folds_accents_and_names_stay_whole(qtbot):
    values = [("a", "Numérique en Commun[s] — une très longue édition de l'événement", 3),
              ("b", "Rencontres", 2)]
    dialog = FacetValuesDialog("Event", values, frozenset())
    qtbot.addWidget(dialog)
    dialog.filter_box.setText("evenement")
    assert dialog.list.count() == 1
    assert dialog.list.item(0).toolTip() == values[0][1]
    assert dialog.filter_box.accessibleName()
