"""Type and domain suggestions by content (not title), with the words that drove them, and learning."""

from tiepdan.text.classify import (
    COMPLAINT,
    DENUNCIATION,
    FEEDBACK,
    PETITION,
    DomainKeywords,
    Learned,
    learning_terms,
    suggest_domain,
    suggest_type,
    tokens,
)

COMPLAINT_TITLED_DENUNCIATION = """ĐƠN KHIẾU NẠI
Kính gửi: Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh.
Tôi làm đơn này tố cáo ông Trần Văn Bình, cán bộ Phòng Quản lý Di sản, đã nhận tiền của các hộ kinh doanh
tại lễ hội, nhũng nhiễu, gây khó khăn cho người dân khi xin cấp phép."""

DOMAINS = [
    DomainKeywords.parse("le-hoi", "Lễ hội", "lễ hội, hội làng, rước, vé lễ hội"),
    DomainKeywords.parse("can-bo", "Chế độ, kỷ luật cán bộ, viên chức", "viên chức, cán bộ, kỷ luật, nhũng nhiễu"),
    DomainKeywords.parse("dich-vu-van-hoa", "Kinh doanh dịch vụ văn hóa", "quán karaoke, tiếng ồn, internet"),
]


def test_a_letter_titled_khieu_nai_that_denounces_an_official_is_suggested_as_a_denunciation():
    suggestion = suggest_type(COMPLAINT_TITLED_DENUNCIATION)
    assert suggestion.label == DENUNCIATION
    driving = {e.term for e in suggestion.evidence}
    assert {"to cao", "nhan tien", "nhung nhieu"} <= driving
    # The title counts, but only a little.
    complaint = next(s for s in suggestion.scores if s.label == COMPLAINT)
    assert [e.source for e in complaint.evidence] == ["title"]
    assert suggestion.score_of(DENUNCIATION) > 5 * suggestion.score_of(COMPLAINT)


def test_a_real_complaint_is_suggested_as_a_complaint():
    text = ("Tôi khiếu nại Quyết định xử phạt vi phạm hành chính số 12/QĐ-XPVPHC vì không đúng, ảnh hưởng đến quyền "
            "và lợi ích hợp pháp của tôi; đề nghị hủy quyết định.")
    assert suggest_type(text).label == COMPLAINT


def test_petition_and_feedback_are_told_apart():
    assert suggest_type("Kiến nghị hỗ trợ kinh phí cho câu lạc bộ quan họ thôn Đông").label == PETITION
    assert suggest_type("Phản ánh quán karaoke gây tiếng ồn sau 22 giờ, mất trật tự").label == FEEDBACK


def test_no_evidence_means_no_suggestion():
    suggestion = suggest_type("Kính gửi quý cơ quan.")
    assert suggestion.label is None
    assert suggestion.confidence == 0


def test_a_mixed_letter_is_flagged():
    text = ("Tôi khiếu nại quyết định kỷ luật của Giám đốc Bảo tàng đối với tôi, đề nghị hủy quyết định. "
            "Đồng thời tôi tố cáo ông Phó Giám đốc nhận tiền, nhũng nhiễu khi tuyển dụng.")
    suggestion = suggest_type(text)
    assert suggestion.label in {COMPLAINT, DENUNCIATION}
    assert suggestion.mixed_with


def test_accents_and_case_do_not_matter():
    assert suggest_type("TO CAO ong A NHAN TIEN, nhung nhieu").label == DENUNCIATION
    assert tokens("Đơn khiếu-nại, ông A!") == ["don", "khieu", "nai", "ong", "a"]


def test_domain_is_suggested_from_its_keywords_and_name():
    suggestion = suggest_domain(COMPLAINT_TITLED_DENUNCIATION, DOMAINS)
    assert suggestion.label == "can-bo"
    assert "nhung nhieu" in {e.term for e in suggestion.evidence}
    assert suggest_domain("Quán karaoke gây tiếng ồn", DOMAINS).label == "dich-vu-van-hoa"


def test_learned_counts_move_a_suggestion_and_show_as_learned_evidence():
    text = "Đề nghị xem xét việc trông giữ xe đạp ở bãi đỗ"
    assert suggest_domain(text, DOMAINS).label is None
    terms = learning_terms(text)
    learned = Learned(
        term_counts={t: {"le-hoi": 5} for t in terms} | {"bai do": {"le-hoi": 5, "can-bo": 0}},
        label_docs={"le-hoi": 5, "can-bo": 5, "dich-vu-van-hoa": 5},
    )
    suggestion = suggest_domain(text, DOMAINS, learned=learned)
    assert suggestion.label == "le-hoi"
    assert all(e.source == "learned" for e in suggestion.evidence)


def test_words_common_to_every_label_learn_nothing():
    text = "Kính gửi Sở, tôi xin trình bày"
    terms = learning_terms(text)
    learned = Learned(term_counts={t: {COMPLAINT: 10, DENUNCIATION: 10, PETITION: 10, FEEDBACK: 10} for t in terms},
                      label_docs={COMPLAINT: 10, DENUNCIATION: 10, PETITION: 10, FEEDBACK: 10})
    assert suggest_type(text, learned=learned).label is None
