import threading

from corpus import words


def test_threads_asking_at_once_share_one_tokenizer():
    words._make_tokenizer.cache_clear()
    made, barrier = [], threading.Barrier(4)

    def ask():
        barrier.wait()
        made.append(words.tokenizer())

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 4 and len({id(t) for t in made}) == 1


def test_domain_terms_and_numbers_with_units_stay_whole():
    spans = words.word_spans("对返乡农民工创业的，给予一次性创业补贴5000元，创业担保贷款最高20万元")
    tokens = [token for token, _, _, _ in spans]
    assert {"一次性创业补贴", "创业担保贷款", "5000元", "20万元"} <= set(tokens)
    assert ("20万元", ["¥200000"]) in [(t, a) for t, _, _, a in spans]
