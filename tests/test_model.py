from careertui.model import Profile, Record


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
