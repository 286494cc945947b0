from hypothesis import given, strategies as st

from corpus.mapped import MappedText


def test_identity_maps_each_character_to_itself():
    mapped = MappedText.identity("降低创业准入门槛")
    assert mapped.raw_span(2, 4) == (2, 4)


def test_deletion_keeps_the_offsets_of_what_remains():
    mapped = MappedText.identity("降低创业准入\n\n门槛").sub(r"\n+", "")
    assert mapped.text == "降低创业准入门槛"
    assert mapped.raw_span(6, 8) == (8, 10)


def test_unequal_replacement_maps_to_the_whole_replaced_span():
    mapped = MappedText.identity("调整 and 转型").sub(r" and ", "和")
    assert mapped.text == "调整和转型"
    assert mapped.raw_span(2, 3) == (2, 7)
    assert mapped.raw_span(3, 5) == (7, 9)


@given(st.text(alphabet="ab \n\t（）创业12", max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_raw_spans_are_ordered_and_inside_the_raw_text(raw, a, b):
    mapped = MappedText.identity(raw).sub(r"\s+", "").sub(r"a", "xyz").sub("创业", "C")
    start, end = sorted((min(a, len(mapped.text)), min(b, len(mapped.text))))
    raw_start, raw_end = mapped.raw_span(start, end)
    assert 0 <= raw_start <= raw_end <= len(raw)
