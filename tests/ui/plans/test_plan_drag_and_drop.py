"""A plan built by drag and drop: results dragged onto the plan, rows dragged to reorder.

The drags are the data the lists themselves produce (the results model's and the plan
model's `mimeData`), delivered to the plan list's viewport as Qt delivers a drop.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from mediation_kit.core.plans import MomentItem
from plan_steps import search_and_go_down


def drop(view, data, point: QPoint, action=Qt.DropAction.CopyAction) -> Qt.DropAction:
    """Enter, move and drop at `point` of the view's viewport; returns the accepted action."""
    viewport = view.viewport()
    buttons = Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = QDragEnterEvent(QPointF(point), actions, data, buttons, none)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(QPointF(point), actions, data, buttons, none)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    event = QDropEvent(QPointF(point), actions, data, buttons, none)
    event.setDropAction(action)
    QApplication.sendEvent(viewport, event)
    assert event.isAccepted()
    return event.dropAction()


def titles(plans):
    return [plans.model.resolved_at(r).title for r in range(plans.model.rowCount())]


def below_last_row(view) -> QPoint:
    return QPoint(20, view.viewport().height() - 5)


def test_results_dragged_onto_the_plan_and_rows_dragged_to_reorder(qtbot, window):
    plans = window.plans
    plans.dock.show()
    view = plans.panel.list_view
    results = window.result_list
    # Given results for "ouverture" (the summary, the replay, a transcript line)
    search_and_go_down(qtbot, window, "ouverture")
    hits = results.result_model.hits
    assert [h.type for h in hits][:2] == ["summary", "replay"]
    # When the replay's row is dragged onto the empty plan
    data = results.result_model.mimeData([results.result_model.index(1)])
    assert drop(view, data, below_last_row(view)) == Qt.DropAction.CopyAction
    # Then it is the plan's first item, and the results still hold it
    assert titles(plans) == ["Plénière d'ouverture"]
    assert len(results.result_model.hits) == len(hits)
    # When the summary's row is dropped on the top half of the first row: it goes before
    data = results.result_model.mimeData([results.result_model.index(0)])
    first = view.visualRect(plans.model.index(0))
    drop(view, data, QPoint(first.center().x(), first.top() + 2))
    assert titles(plans) == ["Ouverture des rencontres", "Plénière d'ouverture"]
    # When a transcript hit is dropped at the end: a moment of the replay, at its time
    search_and_go_down(qtbot, window, "communs")
    cue_row = next(i for i, h in enumerate(results.result_model.hits) if h.type == "cue")
    data = results.result_model.mimeData([results.result_model.index(cue_row)])
    drop(view, data, below_last_row(view))
    moment = plans.model.item_at(2)
    assert isinstance(moment, MomentItem) and moment.start_s == 754.0

    # When the first row is dragged below the last one (a move inside the plan)
    data = plans.model.mimeData([plans.model.index(0)])
    action = drop(view, data, below_last_row(view), Qt.DropAction.MoveAction)
    # Then it is last, and nothing was removed by the drag (the view reports a copy)
    assert action == Qt.DropAction.CopyAction
    assert titles(plans) == ["Plénière d'ouverture", "Plénière d'ouverture",
                             "Ouverture des rencontres"]
    # and each step is one undo: the move, then the moment, …
    plans.undo_stack.undo()
    assert titles(plans)[0] == "Ouverture des rencontres"
    plans.undo_stack.undo()
    assert plans.model.rowCount() == 2


def test_something_else_dropped_on_the_plan_is_refused(qtbot, window):
    from PySide6.QtCore import QMimeData

    plans = window.plans
    plans.dock.show()
    view = plans.panel.list_view
    data = QMimeData()
    data.setText("nec-2025:summary:ouverture")
    enter = QDragEnterEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    assert not enter.isAccepted()
    assert plans.model.rowCount() == 0


def test_a_plan_file_dropped_from_the_file_manager_opens(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QUrl

    from mediation_kit.core.plans import TitleCardItem, WorkshopPlan, save_plan

    path = tmp_path / "atelier.mkplan"
    save_plan(WorkshopPlan(title="Atelier", items=[TitleCardItem(heading="Bienvenue")]), path)
    plans = window.plans
    plans.dock.show()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    drop(plans.panel.list_view, data, QPoint(10, 10))
    assert plans.document.path == path
    assert plans.model.resolved_at(0).title == "Bienvenue"
