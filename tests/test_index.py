import pickle

from policykg.store import load_json, load_provisions
from search import analysis
from search.index import build_index, open_index, schema
from search.substrings import FILENAME


def test_provision_texts_are_not_segmented_again(built_home, tmp_path, monkeypatch):
    build_dir = built_home.build_dir()
    provisions = load_provisions(build_dir)
    segmented = []

    def counting(text):
        segmented.append(text)
        return analysis_word_spans(text)

    analysis_word_spans = analysis.word_spans
    monkeypatch.setattr(analysis, "word_spans", counting)
    build_index(tmp_path / "index", load_json(build_dir, "documents"), provisions)
    texts = {p["text"] for p in provisions}
    assert segmented, "headings are still segmented"
    assert not texts & set(segmented)


def test_index_is_one_segment_in_provision_order(built_home, tmp_path):
    build_dir = built_home.build_dir()
    provisions = load_provisions(build_dir)
    build_index(tmp_path / "index", load_json(build_dir, "documents"), provisions)
    reader = open_index(tmp_path / "index").reader()
    assert reader.is_atomic()
    assert [reader.stored_fields(n)["id"] for n in range(reader.doc_count_all())] == [p["id"] for p in provisions]
    assert (tmp_path / "index" / FILENAME).read_bytes().count(b"\n") == len(provisions)


def test_the_schema_pickles_without_build_time_state():
    words = schema()["text"].analyzer
    with words.known_words("创业担保贷款", [("创业担保贷款", 0, 6, [])]):
        copy = pickle.loads(pickle.dumps(words))
    assert copy.known == {} and copy == schema()["text"].analyzer
