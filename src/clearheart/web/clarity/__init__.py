"""The clarity report: a few printed pages of the person's own evidence, to keep or to bring
to a therapist or coach, as a PDF (WeasyPrint) or one self-contained HTML file.

It lives beside the web app because it draws with the app's own charts and templates; the
CLI calls it too. `build` gathers the sections (sections.py, an ordered registry),
`page_html` turns them into one HTML document, `pdf_bytes` prints that document, and
`write_report` puts either on disk without ever leaving half a file.
"""
