"""The .mkplan file: round trip, stable text, and a clear message for every bad file."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_kit.core.i18n import set_language
from mediation_kit.core.plans import (
    FORMAT_VERSION, PlanFileError, load_plan, plan_from_text, plan_to_text, save_plan)


def test_a_saved_plan_loads_back_equal(tmp_path, demo_plan):
    path = tmp_path / "atelier.mkplan"
    save_plan(demo_plan, path)
    loaded = load_plan(path)
    assert loaded == demo_plan
    assert loaded.items[2].start_s == 754.5 and loaded.items[2].end_s is None
    assert loaded.items[3].end_s == 1020


def test_the_file_is_sorted_indented_utf8_and_saving_again_changes_nothing(tmp_path, demo_plan):
    path = tmp_path / "atelier.mkplan"
    save_plan(demo_plan, path)
    text = path.read_bytes().decode("utf-8")
    assert "Médiathèque Malraux" in text  # not \u00e9 escapes: readable in a diff
    assert text.endswith("}\n") and '\n  "format": 1,\n' in text
    data = json.loads(text)
    assert list(data) == sorted(data)
    save_plan(load_plan(path), path)
    assert path.read_bytes().decode("utf-8") == text


def test_saving_replaces_the_file_and_leaves_no_temporary_file(tmp_path, demo_plan):
    folder = tmp_path / "stick"
    folder.mkdir()
    path = folder / "atelier.mkplan"
    path.write_text("old", encoding="utf-8")
    save_plan(demo_plan, path)
    assert load_plan(path) == demo_plan
    assert sorted(p.name for p in folder.iterdir()) == ["atelier.mkplan"]


def test_saving_into_a_missing_folder_names_the_file_and_keeps_nothing(tmp_path, demo_plan):
    target = tmp_path / "gone" / "plan.mkplan"
    with pytest.raises(PlanFileError) as error:
        save_plan(demo_plan, target)
    assert str(target) in str(error.value)


def _item(**changes):
    item = {"kind": "resource", "resource": "demo-2025:summary:communs", "id": "a1"}
    item.update(changes)
    return item


BAD_FILES = {
    "not json": ("{ this is not json", "not valid JSON (line 1, column 3"),
    "not utf-8": (b"\xff\xfe\x00garbage", "not UTF-8"),
    "json but not a plan": ('["a list"]', 'no "format" version'),
    "format not a number": ('{"format": "1"}', '"format" must be a whole number'),
    "newer format": (json.dumps({"format": FORMAT_VERSION + 1, "title": "x"}),
                     f"plan format {FORMAT_VERSION + 1}"),
    "title not text": ('{"format": 1, "title": 12}', "title: must be text, not a number"),
    "bad date": ('{"format": 1, "date": "14/03/2026"}', 'date: "14/03/2026" is not a date'),
    "items not a list": ('{"format": 1, "items": {}}', "items: must be a list, not an object"),
    "item not an object": ('{"format": 1, "items": [3]}', "items[0]: an item must be an object"),
    "unknown kind": (json.dumps({"format": 1, "items": [_item(), _item(kind="quiz")]}),
                     'items[1].kind: unknown item kind "quiz"'),
    "missing kind": (json.dumps({"format": 1, "items": [{"heading": "x"}]}),
                     "items[0].kind: this field is missing"),
    "bad resource key": (json.dumps({"format": 1, "items": [_item(resource="communs")]}),
                         'items[0].resource: "communs" is not a resource key'),
    "bad resource type": (json.dumps({"format": 1, "items": [_item(resource="p:cue:x#1")]}),
                          'items[0].resource: unknown resource type "cue"'),
    "moment of a summary": (json.dumps({"format": 1, "items": [_item(kind="moment", start_s=3)]}),
                            "items[0].resource: a moment must refer to a replay"),
    "negative duration": (json.dumps({"format": 1, "items": [_item(planned_duration_s=-5)]}),
                          "items[0].planned_duration_s: must be a number of seconds from 0"),
    "start as text": (json.dumps({"format": 1, "items": [_item(
        kind="moment", resource="p:replay:r", start_s="1:00")]}),
        "items[0].start_s: must be a number of seconds, not text"),
    "clip ending before it starts": (json.dumps({"format": 1, "items": [_item(
        kind="moment", resource="p:replay:r", start_s=60, end_s=30)]}),
        "items[0].end_s: the end (30.0) comes before the start (60.0)"),
    "title card line not text": (json.dumps({"format": 1, "items": [
        {"kind": "title-card", "heading": "Q", "lines": ["a", 2]}]}),
        "items[0].lines[1]: must be text, not a number"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_every_bad_file_gets_a_message_naming_the_file_and_the_problem(tmp_path, case):
    content, expected = BAD_FILES[case]
    path = tmp_path / "bad.mkplan"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    message = str(error.value)
    assert message.startswith(f"{path}: "), message
    assert expected in message, message


def test_a_missing_file_and_a_folder_get_their_messages(tmp_path):
    with pytest.raises(PlanFileError, match="no such file"):
        load_plan(tmp_path / "nope.mkplan")
    with pytest.raises(PlanFileError, match="is a folder"):
        load_plan(tmp_path)


def test_messages_are_in_the_interface_language(tmp_path):
    path = tmp_path / "bad.mkplan"
    path.write_text(json.dumps({"format": 99}), encoding="utf-8")
    set_language("fr")
    with pytest.raises(PlanFileError) as error:
        load_plan(path)
    assert "version plus récente" in str(error.value)


def test_a_repeated_item_id_gets_a_fresh_one(tmp_path):
    card = {"kind": "title-card", "id": "same", "heading": "Q"}
    path = tmp_path / "copie.mkplan"
    path.write_text(json.dumps({"format": 1, "items": [card, card]}), encoding="utf-8")
    first, second = load_plan(path).items
    assert first.id == "same" and second.id != "same"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["kind", "resource", "start_s", "end_s", "lines", "heading", "id",
                         "planned_duration_s", "note", "title", "date", "x"]), inner, max_size=4),
    max_leaves=12)


plausible_items = st.fixed_dictionaries(
    {"kind": st.sampled_from(["resource", "moment", "title-card"])},
    optional={"resource": st.sampled_from(["p:replay:r", "p:summary:s", "p:kit:k", "x", "a::b"])
              | json_values,
              "start_s": st.integers(-5, 10**400) | st.floats() | json_values,
              "end_s": st.floats() | json_values, "planned_duration_s": st.floats() | json_values,
              "lines": st.lists(st.text(max_size=5) | json_values, max_size=3),
              "heading": json_values, "note": json_values, "id": json_values})


@settings(max_examples=400, deadline=None)
@given(items=st.lists(json_values | plausible_items, max_size=3), title=json_values,
       date=json_values)
def test_any_json_gives_a_plan_or_a_plan_file_error_never_a_crash(items, title, date):
    text = json.dumps({"format": 1, "title": title, "date": date, "items": items})
    try:
        plan_from_text(text, "fuzz.mkplan")
    except PlanFileError as error:
        assert str(error).startswith("fuzz.mkplan: ")


def test_nesting_too_deep_is_a_plan_file_error():
    with pytest.raises(PlanFileError, match="nested too deeply"):
        plan_from_text('{"format": 1, "items": ' + "[" * 100000 + "]" * 100000 + "}", "deep")
