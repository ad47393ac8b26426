"""The plans folder, Open recent, and the autosave offered back after a crash."""

from mediation_kit.core.plans import PlanStorage, TitleCardItem, WorkshopPlan


def test_recent_files_most_recent_first_without_duplicates(tmp_path):
    storage = PlanStorage(tmp_path / "plans")
    assert storage.recent_files() == []
    a, b = tmp_path / "a.mkplan", tmp_path / "b.mkplan"
    storage.add_recent(a)
    storage.add_recent(b)
    storage.add_recent(a)
    assert storage.recent_files() == [a, b]
    assert PlanStorage(tmp_path / "plans").recent_files() == [a, b]  # kept on disk


def test_a_file_on_a_removed_stick_is_hidden_but_not_forgotten(tmp_path):
    storage = PlanStorage(tmp_path / "plans")
    stick = tmp_path / "stick.mkplan"
    storage.add_recent(stick)
    assert storage.recent_files(existing_only=True) == []
    stick.write_text("{}", encoding="utf-8")
    assert storage.recent_files(existing_only=True) == [stick]
    storage.remove_recent(stick)
    assert storage.recent_files() == []


def test_a_damaged_recent_list_costs_only_itself(tmp_path):
    storage = PlanStorage(tmp_path / "plans")
    storage.plans_folder()
    (tmp_path / "plans" / "recent.json").write_text("[not json", encoding="utf-8")
    assert storage.recent_files() == []
    storage.add_recent(tmp_path / "x.mkplan")
    assert storage.recent_files() == [tmp_path / "x.mkplan"]


def test_unsaved_work_is_offered_back_then_discarded(tmp_path):
    storage = PlanStorage(tmp_path / "plans")
    assert storage.pending_autosave() is None
    plan = WorkshopPlan(title="En cours", items=[TitleCardItem(heading="Question")])
    storage.write_autosave(plan, tmp_path / "stick" / "atelier.mkplan")
    # After a crash, a new start finds it
    found = PlanStorage(tmp_path / "plans").pending_autosave()
    assert found.plan == plan
    assert found.source == tmp_path / "stick" / "atelier.mkplan"
    assert found.saved_at is not None
    storage.discard_autosave()
    assert storage.pending_autosave() is None


def test_a_damaged_autosave_is_not_offered_and_not_deleted(tmp_path):
    storage = PlanStorage(tmp_path / "plans")
    storage.plans_folder()
    storage.autosave_path.write_text("{broken", encoding="utf-8")
    assert storage.pending_autosave() is None
    assert storage.autosave_path.exists()


def test_suggested_names_come_from_the_title_and_never_overwrite(tmp_path):
    storage = PlanStorage(tmp_path / "plans")
    first = storage.suggested_path("Atelier : souveraineté numérique")
    assert first.name == "Atelier-souveraineté-numérique.mkplan"
    first.write_text("{}", encoding="utf-8")
    assert storage.suggested_path("Atelier : souveraineté numérique").name == \
        "Atelier-souveraineté-numérique-2.mkplan"


def test_by_default_plans_live_in_the_user_data_folder_portable_mode_included(
        tmp_path, monkeypatch):
    from mediation_kit.core.paths import user_dirs

    assert PlanStorage().folder == user_dirs().plans
    # Portable mode (a USB stick): the plans go beside the executable, nowhere on the PC
    monkeypatch.setenv("MEDIATION_KIT_PORTABLE_DIR", str(tmp_path / "stick" / "data"))
    assert PlanStorage().folder == tmp_path / "stick" / "data" / "data" / "plans"
    PlanStorage().add_recent(tmp_path / "stick" / "atelier.mkplan")
    assert (tmp_path / "stick" / "data" / "data" / "plans" / "recent.json").is_file()


def test_the_autosave_is_one_file_that_opens_as_a_plan(tmp_path):
    from mediation_kit.core.plans import load_plan

    storage = PlanStorage(tmp_path / "plans")
    plan = WorkshopPlan(title="En cours", items=[TitleCardItem(heading="Question")])
    storage.write_autosave(plan, None)
    assert sorted(p.name for p in (tmp_path / "plans").iterdir()) == ["autosave.mkplan"]
    assert load_plan(storage.autosave_path) == plan  # a person can open it as a plan too
    assert storage.pending_autosave().source is None
