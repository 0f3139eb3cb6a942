"""The Notes page and its download: plain names, the chosen format, and a choice that
cannot be used shown by its field with no file (the report itself: test_clarity_report)."""

from __future__ import annotations

import re

from webtools import Web, title_of


def test_the_page_offers_the_download_and_the_footer_links_it(web: Web) -> None:
    page = web.get("/notes")
    assert page.status_code == 200
    assert title_of(page.text).startswith("Notes")
    assert 'action="/notes/file"' in page.text
    assert 'href="/notes"' in web.get("/today").text


def test_the_download_is_a_pdf_or_one_html_file_with_a_plain_name(web: Web) -> None:
    pdf = web.get("/notes/file?fmt=pdf&paper=letter")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert re.fullmatch(r'attachment; filename="notes-2025-03-04\.pdf"',
                        pdf.headers["content-disposition"])
    html = web.get("/notes/file?fmt=html&since=2025-01-01&paper=a4")
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    assert html.headers["content-disposition"].endswith('filename="notes-2025-03-04.html"')
    assert "<title>Notes</title>" in html.text
    assert "from 1 January 2025 to 4 March 2025" in html.text


def test_a_choice_that_cannot_be_used_is_shown_by_its_field_with_no_file(web: Web) -> None:
    for query, field, words in (
        ("since=31-12-2024&fmt=pdf&paper=a4", "since", "year-month-day"),
        ("since=2025-03-05&fmt=pdf&paper=a4", "since", "still to come"),
        ("fmt=docx&paper=a4", "fmt", "Choose PDF or a web page."),
        ("fmt=pdf&paper=a3", "paper", "Choose A4 or Letter."),
        ("fmt=pdf&paper=a4&chat=0", "chat", "id"),
    ):
        response = web.get(f"/notes/file?{query}")
        assert response.status_code == 400, query
        assert "content-disposition" not in response.headers
        assert response.headers["content-type"].startswith("text/html")
        assert words in response.text, (query, field)
        assert 'role="alert"' in response.text
