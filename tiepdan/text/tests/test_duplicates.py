"""Duplicate candidates: same sender keys and/or similar content (rapidfuzz token_set_ratio)."""

from tiepdan.text.duplicates import DupSubject, content_similarity, find_duplicates, query_phrases, sender_keys

FIRST = "Khiếu nại quyết định xử phạt về tổ chức biểu diễn nghệ thuật tại thôn Đông, xã Tiên Du, đề nghị hủy bỏ"
AGAIN = "Tôi lại khiếu nại quyết định xử phạt tổ chức biểu diễn nghệ thuật ở thôn Đông xã Tiên Du, đề nghị hủy"
OTHER = "Kiến nghị hỗ trợ kinh phí cho câu lạc bộ quan họ"


def test_reworded_letter_is_similar_and_an_unrelated_one_is_not():
    assert content_similarity(FIRST, AGAIN) >= 70
    assert content_similarity(FIRST, OTHER) < 40


def test_a_tiny_overlap_is_not_similarity():
    # token_set_ratio alone is 100 when one text's words are a subset of the other's.
    assert content_similarity("khiếu nại", FIRST) == 0


def test_sender_keys_normalise_phone_and_fold_names():
    a = sender_keys(id_number="027089001234", phone="+84 912 345 678", name="Nguyễn Văn An", commune_code=9)
    b = sender_keys(id_number="027 089 001 234", phone="0912345678", name="NGUYEN VAN AN", commune_code=9)
    assert a == b
    assert sender_keys(name="Nguyễn Văn An") == frozenset()  # a name alone is not a key


def test_hashed_keys_match_like_plain_ones():
    hasher = lambda kind, value: f"h({value})"  # noqa: E731
    a = sender_keys(phone="0912345678", hasher=hasher)
    assert a == sender_keys(phone="+84912345678", hasher=hasher)
    assert all("0912" not in k for k in a)


def test_same_sender_or_similar_content_makes_a_candidate_best_first():
    keys = sender_keys(id_number="027089001234")
    subject = DupSubject(key=0, text=AGAIN, senders=keys)
    candidates = [
        DupSubject(key=1, text=FIRST, senders=keys),
        DupSubject(key=2, text=FIRST),
        DupSubject(key=3, text=OTHER, senders=keys),
        DupSubject(key=4, text=OTHER),
    ]
    matches = find_duplicates(subject, candidates)
    assert [m.key for m in matches] == [1, 3, 2]
    assert matches[0].reasons == ("id", "content")
    assert matches[1].reasons == ("id",)
    assert matches[2].reasons == ("content",)


def test_query_phrases_skip_stopwords_and_numbers():
    phrases = query_phrases("Tôi khiếu nại quyết định số 12 của ông", stopwords=frozenset({"toi", "cua", "ong", "so"}))
    assert phrases == ["khieu nai", "nai quyet", "quyet dinh"]
