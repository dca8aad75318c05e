"""Anonymising natural persons in the published register of comments (reportgen.procedure.comments.public_view)."""
from datetime import date

from reportgen.procedure.comments import Comment, public_view


def _comment(n: int, submitter: str, text: str, kind: str = "osoba fizyczna", justification: str = "") -> Comment:
    return Comment(n, date(2022, 8, 1), "e-mail", submitter, kind, text, "", "nieuwzględniona", justification)


def _texts(comments):
    return [row["tresc"] for row in public_view(comments)]


def test_ordinary_words_that_start_like_a_name_stay():
    # "nowa", "Nowa", "Nowatorskie", "Janowiec" share letters with "Jan Nowak" but are none of its case forms
    text = "Nowa kotłownia i nowa sieć; Nowatorskie rozwiązania w Janowcu."
    assert _texts([_comment(1, "Jan Nowak", text)]) == [text]


def test_full_name_and_case_forms_become_one_alias():
    comments = [_comment(1, "Jan Nowak", "Ja, Jan Nowak, piszę."),
                _comment(2, "Anna Kowalska", "Proszę odpisać Annie Kowalskiej; pani Kowalską zna Nowakowi."),
                _comment(3, "Marek Zieliński", "Markowi Zielińskiemu i JANOWI NOWAKOWI.")]
    assert _texts(comments) == [
        "Ja, osoba fizyczna nr 1, piszę.",
        "Proszę odpisać osoba fizyczna nr 2; pani osoba fizyczna nr 2 zna osoba fizyczna nr 1.",
        "osoba fizyczna nr 3 i osoba fizyczna nr 1.",
    ]


def test_legal_persons_and_lowercase_words_are_not_touched():
    comments = [_comment(1, "Gmina Kleszczów", "Gmina Kleszczów prosi.", kind="osoba prawna"),
                _comment(2, "Piotr Zieliński", "zieliński ogród, Gmina Kleszczów")]
    rows = public_view(comments)
    assert rows[0]["zglaszajacy"] == "Gmina Kleszczów" and rows[0]["tresc"] == "Gmina Kleszczów prosi."
    assert rows[1]["zglaszajacy"] == "osoba fizyczna nr 1" and rows[1]["tresc"] == "zieliński ogród, Gmina Kleszczów"


def test_many_persons_each_get_their_own_alias():
    # 1 500 comments from 1 500 persons (took 183 s with per-pair regex compilation; timing lives in benchmarks)
    comments = [_comment(i, f"Osoba{i} Nazwisko{i}", f"Piszę jako Nazwisko{i} w sprawie sieci. " * 5)
                for i in range(1, 1501)]
    rows = public_view(comments)
    assert rows[1499]["tresc"].startswith("Piszę jako osoba fizyczna nr 1500 w sprawie")
