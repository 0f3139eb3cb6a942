"""The report as one HTML document, and that document printed to PDF.

The HTML is self-contained: its stylesheet, the font (as data: URLs of the vendored
files, web/static/vendor/VENDORED.md) and every drawing are inline, so the file opens
anywhere with nothing fetched. The PDF is WeasyPrint's print of that same document; its
fetcher refuses every URL that is not inline data, so printing never reaches a network or
a file outside the package. Nothing in either names the app: the title is "Notes", there
is no author, creator or producer, and the file name is "notes-DATE.pdf".
"""

from __future__ import annotations

import base64
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from clearheart.errors import PdfUnavailable
from clearheart.web.clarity.model import Format, Report

if TYPE_CHECKING:
    import pydyf
    from weasyprint import Document

TITLE = "Notes"
"""The document's title, in the tab, the PDF's metadata and at the top of the first page."""
FONT_FAMILY = "Notes Sans"
"""The embedded font's name inside the document (a plain one, as it lands in the PDF)."""
_FONTS = (
    (
        "latin",
        400,
        "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,"
        "U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
    ),
    ("latin", 700, None),
    (
        "latin-ext",
        400,
        "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,"
        "U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,"
        "U+2113,U+2C60-2C7F,U+A720-A7FF",
    ),
    ("latin-ext", 700, None),
)
"""The vendored files and the characters each covers (from the package's unicode.json);
the bold of a subset covers what its regular does."""

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("clearheart.web", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _static(name: str) -> str:
    return files("clearheart.web").joinpath("static", name).read_text(encoding="utf-8")


@cache
def font_faces() -> str:
    """@font-face rules with the vendored font files inline (data: URLs)."""
    ranges = {subset: cover for subset, _, cover in _FONTS if cover}
    rules = []
    for subset, weight, _ in _FONTS:
        name = f"atkinson-hyperlegible-{subset}-{weight}-normal.woff2"
        data = files("clearheart.web").joinpath("static", "vendor", "fonts", name).read_bytes()
        rules.append(
            f"@font-face {{ font-family: '{FONT_FAMILY}'; font-style: normal; "
            f"font-weight: {weight}; unicode-range: {ranges[subset]}; src: url("
            f"data:font/woff2;base64,{base64.b64encode(data).decode('ascii')}) "
            "format('woff2'); }"
        )
    return "\n".join(rules)


def page_html(report: Report) -> str:
    """The whole report as one HTML document, with nothing outside it."""
    context: dict[str, Any] = {
        "report": report,
        "title": TITLE,
        "paper": "A4" if report.paper == "a4" else "letter",
        # The package's own stylesheets, trusted as they are: escaping would break them.
        "fonts": Markup(font_faces()),  # noqa: S704
        "css": Markup(_static("report.css")),  # noqa: S704
        "chart_css": Markup(" ".join(_static("report-chart.css").split())),  # noqa: S704
    }
    return _ENV.get_template("report.html").render(context)


def _refuse_all_but_inline() -> Any:
    from weasyprint.urls import URLFetcher

    class InlineOnly(URLFetcher):  # type: ignore[misc]
        """Serves data: URLs (the inline font) and refuses everything else, loudly."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("data:"):
                raise ValueError(f"the report fetches nothing: {url[:80]}")
            return super().fetch(url, headers)

    return InlineOnly(allowed_protocols=("data",), fail_on_errors=True)


def _neutral(document: Document, pdf: pydyf.PDF) -> None:
    """The library names itself as the producer; a neutral file names no one."""
    del document
    pdf.info.pop("Producer", None)


def pdf_bytes(html: str) -> bytes:
    """Print the document to PDF (A4 or Letter, as the stylesheet's @page says)."""
    try:
        from weasyprint import HTML
    except OSError as exc:  # Pango missing: WeasyPrint loads it on import
        raise PdfUnavailable(str(exc).splitlines()[0]) from None

    document = HTML(string=html, url_fetcher=_refuse_all_but_inline()).render()
    data: bytes = document.write_pdf(finisher=_neutral)
    return data


def render(report: Report, fmt: Format) -> bytes:
    html = page_html(report)
    return html.encode("utf-8") if fmt == "html" else pdf_bytes(html)
