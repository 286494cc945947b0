"""Work the scale benchmark runs in a process of its own (``python -m policykg.bench_child``).

``build N``: put N× the corpus (see corpus/synthetic.py) into ``$POLICYKG_HOME`` and build it.
``jieba N``: load jieba with the domain dictionary and segment the same texts — the floor.
"""
from __future__ import annotations

import json
import sys

from corpus.synthetic import synthetic_sources


def build(size: int) -> None:
    from policykg.build import build as run_build
    from policykg.home import Home

    extra = synthetic_sources(size)[5:]

    def add(state):
        for source in extra:
            (state / "documents" / f"{source.id}.txt").write_text(source.raw, encoding="utf-8")
            (state / "documents" / f"{source.id}.json").write_text(
                json.dumps(source.manifest, ensure_ascii=False), encoding="utf-8")

    run_build(Home(), prepare=add)


def jieba(size: int) -> None:
    """jieba with the domain dictionary file only (no vocabulary labels): a floor no higher than ours."""
    import jieba as jieba_module

    from corpus.words import USER_DICT

    texts = [source.raw for source in synthetic_sources(size)]
    tok = jieba_module.Tokenizer()
    with open(USER_DICT, "rb") as handle:
        tok.load_userdict(handle)
    for text in texts:
        tok.lcut(text)


if __name__ == "__main__":
    {"build": build, "jieba": jieba}[sys.argv[1]](int(sys.argv[2]))
