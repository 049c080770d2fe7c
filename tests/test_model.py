from careertui.core.model import Profile, Record


def test_records_are_private_unless_a_kind_says_otherwise():
    assert Record().shareable is False
    assert Profile().shareable is False


def test_profile_round_trips_through_a_document():
    profile = Profile(name="Ada Lovelace", manager_name="Grace Hopper", meeting_minutes=45)
    doc = profile.to_doc()
    assert doc["name"] == "Ada Lovelace"
    assert Profile.from_doc(doc) == profile


def test_from_doc_fills_missing_fields_and_ignores_unknown_ones():
    profile = Profile.from_doc({"id": "abc", "name": "Ada", "from_the_future": 1})
    assert profile.id == "abc"
    assert profile.name == "Ada"
    assert profile.meeting_minutes == 30
    assert profile.updated == profile.created


def test_ids_are_unique():
    assert len({Record().id for _ in range(200)}) == 200


def test_every_record_kind_round_trips_and_has_the_right_default_privacy(tmp_path):
    from careertui.core.model import (
        Achievement,
        CareerPath,
        Goal,
        Interview,
        Invite,
        Reflection,
        Request,
    )
    from careertui.core.store import Workbook

    records = [
        Achievement(date="2026-09-30", what="Shipped", impact="1 day instead of 3", goal_id="g"),
        CareerPath(role="Lead", kind="lateral", interest=5, gap="SQL, stats"),
        Goal(id="g", title="Lead a project", path_ids=["p1", "p2"], target_date="2027-03-31"),
        Request(goal_id="g", ask="Fund a course", ledger=[{"status": "asked", "date": "x"}]),
        Interview(person="Sam", questions="- Why?"),
        Reflection(key="strengths", text="Clear writing"),
        Invite(slots=["Tue", "", ""], include_agenda=True, body="Hi"),
    ]
    book = Workbook.open(tmp_path / "w.json", lock=False)
    for record in records:
        assert record.shareable is False  # private until the person marks it shareable
        assert type(record).from_doc(record.to_doc()) == record
        book.add(record)
    book.save()
    book.close()
    again = Workbook.open(tmp_path / "w.json", lock=False)
    try:
        for record in records:
            back = again.get(type(record), record.id)
            assert back is not None
            assert back == record
    finally:
        again.close()


def test_a_profile_saved_before_the_greeting_name_existed_loads_and_greets_by_first_name():
    old = {"id": "p", "name": "Ana", "manager_name": "Dana Okafor", "meeting_minutes": 45}
    profile = Profile.from_doc(old)
    assert profile.greeting_name == "" and profile.greeting == "Dana"
    assert Profile.from_doc(profile.to_doc()) == profile


def test_a_shareable_flag_that_is_not_true_or_false_reads_as_private():
    """A hand-edited or damaged file said "shareable": "maybe", and the goal reached the
    agenda and the shareable export (a truthy string). Only `true` shares."""
    kinds, unseen = [], [Record]
    while unseen:  # every kind of record the model has
        kind = unseen.pop()
        kinds.append(kind)
        unseen.extend(kind.__subclasses__())
    assert len(kinds) > 10
    for kind in kinds:
        for damaged in ("maybe", "false", 1, [], {}):
            assert kind.from_doc({"shareable": damaged}).shareable is False, (kind, damaged)
        assert kind.from_doc({"shareable": True}).shareable is True
        assert kind.from_doc({}).shareable is kind.SHAREABLE_BY_DEFAULT
