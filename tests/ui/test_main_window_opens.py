from mediation_kit.ui.main_window import MainWindow


def test_main_window_opens_with_search_field(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.isVisible()
    assert window.search_field is not None
