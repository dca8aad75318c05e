"""The documents as a reader sees them: both rendered through LibreOffice (when installed) and the PDF checked —
page count, no table-header word broken mid-syllable, every figure present, fonts embedded, the table of contents
with page numbers. Without LibreOffice or poppler-utils the rendering tests skip and say why (.ci/run installs
them where it can)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import shared_once

from reportgen.errors import UserError
from reportgen.render import pdf as pdf_module
from reportgen.render.typeset import hyphen_points, words

MISSING = [tool for tool in ("pdftotext", "pdfimages", "pdffonts") if shutil.which(tool) is None]
needs_renderer = pytest.mark.skipif(
    pdf_module.find_soffice() is None or bool(MISSING),
    reason="LibreOffice (soffice) lub poppler-utils nie są zainstalowane: "
           "apt-get install libreoffice-writer-nogui python3-uno poppler-utils fonts-crosextra-carlito")


class Rendered:
    def __init__(self, build, pdf_path):
        self.build = build
        self.path = pdf_path
        self.text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True,
                                   text=True, check=True).stdout
        self.pages = self.text.count("\f")


@pytest.fixture(scope="session")
def rendered_pdfs(kluki_build, knyszyn_build, tmp_path_factory) -> dict[str, Rendered]:
    builds = {"kluki": kluki_build, "knyszyn": knyszyn_build}

    def render():
        folder = tmp_path_factory.mktemp("pdf")
        pairs = []
        for name, build in builds.items():
            (folder / f"{name}.docx").write_bytes(build.docx)
            pairs.append((folder / f"{name}.docx", folder / f"{name}.pdf"))
        pdf_module.docxs_to_pdf(pairs)            # both documents in one LibreOffice run, as `build --pdf` does
        return {name: Rendered(build, folder / f"{name}.pdf") for name, build in builds.items()}
    return shared_once(tmp_path_factory, "pdfs", render)     # once per test run, not per worker


@pytest.fixture(scope="session")
def kluki_pdf(rendered_pdfs):
    return rendered_pdfs["kluki"]


@pytest.fixture(scope="session")
def knyszyn_pdf(rendered_pdfs):
    return rendered_pdfs["knyszyn"]


@pytest.fixture(params=["kluki", "knyszyn"])
def rendered(request):
    return request.getfixturevalue(f"{request.param}_pdf")


# Page counts of the reference plans: Kluki 2022 and Knyszyn 2015 run to some 40–90 pages with their annexes;
# ours (no photographs, no annexes but the compliance matrix) must stay between 25 and 80.
@needs_renderer
def test_page_count_is_sane(rendered):
    assert 25 <= rendered.pages <= 80, rendered.pages


def _set_whole_or_at_syllables(word: str, tokens: set[str]) -> bool:
    """The word appears whole, or broken over lines only at Polish syllable boundaries (with a hyphen)."""
    if word in tokens:
        return True
    return any(word[:p] + "-" in tokens and _set_whole_or_at_syllables(word[p:], tokens) for p in hyphen_points(word))


@needs_renderer
def test_no_table_header_word_is_broken_mid_syllable(rendered):
    tokens = {t.strip(",.;:()[]") for t in rendered.text.split()} | set(rendered.text.split())
    broken = []
    for table in rendered.build.document.tables():
        for col in table.columns:
            for word in words(col.header):
                w = word.strip(",.;:()[]")
                if len(w) < 6 or not w.isalpha():
                    continue
                # "Powierzc" + "hnia": both halves of a split off a syllable boundary appear as words (halves of
                # four and three letters at least: "na", "go", "Za" are words of their own everywhere)
                allowed = set(hyphen_points(w))
                mid_syllable = [p for p in range(4, len(w) - 2)
                                if p not in allowed and w[:p] in tokens and w[p:] in tokens]
                if mid_syllable or not _set_whole_or_at_syllables(w, tokens):
                    broken.append(f"Tabela {table.number}: {w}")
    assert not broken, broken


@needs_renderer
def test_every_figure_is_in_the_pdf(rendered):
    figures = rendered.build.document.figures()
    listing = subprocess.run(["pdfimages", "-list", str(rendered.path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    images = [ln for ln in listing if ln.split()[2] == "image"]
    assert len(images) == len(figures)
    for f in figures:
        # the caption once in the list of figures and once under... above the figure itself
        assert len(re.findall(rf"Rysunek {f.number}\.", rendered.text)) >= 2, f.caption


@needs_renderer
def test_fonts_are_embedded(rendered):
    lines = subprocess.run(["pdffonts", str(rendered.path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert lines
    not_embedded = [ln for ln in lines if ln.split()[-5] != "yes"]
    assert not not_embedded, not_embedded


@needs_renderer
def test_table_of_contents_has_page_numbers(rendered):
    # the indexes are updated before export: "1 Podstawy prawne …… 6"
    first = rendered.build.document.sections[0]
    assert re.search(rf"{re.escape(first.number)} {re.escape(first.title[:20])}.*\.{{5,}}\s*\d+", rendered.text)


@needs_renderer
def test_no_index_entry_runs_into_its_page_number(rendered):
    # "Tabela 12. … w roku bazowym 202518": an entry whose text ends at the margin must still have its page
    # number apart (lo_update_export.PAGE_NUMBER_ROOM): after the caption come leader dots or a line break
    flat = re.sub(r"\s+", " ", rendered.text)
    doc = rendered.build.document
    entries = [f"Tabela {t.number}. {t.caption}" for t in doc.tables()] + \
              [f"Rysunek {f.number}. {f.caption}" for f in doc.figures()]
    glued = [e for e in entries if re.search(re.escape(re.sub(r"\s+", " ", e)) + r"\d", flat)]
    assert not glued, glued


def test_pdf_option_without_libreoffice_says_how_to_install(kluki_copy, tmp_path, monkeypatch):
    from reportgen.cli import cli
    shutil.rmtree(kluki_copy / "consultation")     # one document is enough here (no revision to build)
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: None)
    out = tmp_path / "kluki.docx"
    result = CliRunner().invoke(cli, ["build", str(kluki_copy), "-o", str(out), "--pdf"])
    assert result.exit_code == 2
    assert "Nie znaleziono LibreOffice" in result.output and "apt-get install libreoffice-writer-nogui" in result.output
    assert out.is_file() and not out.with_suffix(".pdf").exists()   # the .docx is written, no PDF pretends to be


def test_pdf_option_also_converts_the_revision_after_consultation(kluki_copy, tmp_path, monkeypatch):
    # content/kluki has accepted comments that change data: `build` writes revision 2 beside the project, and
    # --pdf converts both (the conversion itself is stood in for: the LibreOffice renders are tested above)
    from reportgen.cli import cli
    asked = []

    def convert(pairs):
        asked.append([(docx_path.name, pdf_path.name) for docx_path, pdf_path in pairs])
        for _, pdf_path in pairs:
            pdf_path.write_bytes(b"%PDF-1.7\n")
        return []
    monkeypatch.setattr(pdf_module, "docxs_to_pdf", convert)
    out = tmp_path / "kluki.docx"
    result = CliRunner().invoke(cli, ["build", str(kluki_copy), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    assert asked == [[("kluki.docx", "kluki.pdf"), ("kluki_wersja_2.docx", "kluki_wersja_2.pdf")]]   # one run
    assert (tmp_path / "kluki" / "wersje" / "kluki_wersja_2.pdf").is_file()


FAKE_SOFFICE = """#!/bin/sh
# stands in for `soffice --convert-to pdf --outdir DIR FILE…`: a PDF per document, except one named *doc1*
while [ "$1" != "--outdir" ]; do shift; done
out="$2"; shift 2
mkdir -p "$out"
for f in "$@"; do
  stem=$(basename "$f" .docx)
  [ -n "$FAIL_ONE" ] && [ "$stem" = doc1 ] && continue
  printf '%%PDF-1.7 %s\\n' "$(cat "$f")" > "$out/$stem.pdf"
done
"""


@pytest.fixture
def plain_soffice(tmp_path, monkeypatch):
    """LibreOffice without the UNO bridge (the plain conversion), stood in for by a script."""
    exe = tmp_path / "soffice"
    exe.write_text(FAKE_SOFFICE)
    exe.chmod(0o755)
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: str(exe))
    monkeypatch.setattr(pdf_module, "_uno_python", lambda soffice: None)
    return tmp_path


def test_documents_of_one_run_keep_their_own_pdf(plain_soffice):
    folder = plain_soffice
    pairs = []
    for name in ("plan", "plan_wersja_2"):
        (folder / f"{name}.docx").write_text(name)
        pairs.append((folder / f"{name}.docx", folder / "out" / f"{name}.pdf"))
    (folder / "out").mkdir()
    warnings = pdf_module.docxs_to_pdf(pairs)
    assert len([w for w in warnings if "python3-uno" in w]) == 1   # said once: the indexes have no page numbers
    assert (folder / "out" / "plan.pdf").read_text() == "%PDF-1.7 plan\n"
    assert (folder / "out" / "plan_wersja_2.pdf").read_text() == "%PDF-1.7 plan_wersja_2\n"


def test_a_document_without_its_pdf_is_named_and_no_pdf_is_written(plain_soffice, monkeypatch):
    monkeypatch.setenv("FAIL_ONE", "1")
    folder = plain_soffice
    pairs = [(folder / f"{n}.docx", folder / f"{n}.pdf") for n in ("a", "b")]
    for docx, _ in pairs:
        docx.write_text(docx.stem)
    with pytest.raises(UserError) as exc:
        pdf_module.docxs_to_pdf(pairs)
    assert len(exc.value.messages) == 1 and str(folder / "b.docx") in exc.value.messages[0]
    assert not any(pdf.exists() for _, pdf in pairs)              # all or nothing: a.pdf is not written alone


def test_a_pdf_that_cannot_be_written_leaves_every_pdf_as_it_was(plain_soffice):
    folder = plain_soffice
    (folder / "plan.pdf").write_text("stary")
    (folder / "wersje").write_text("a file where the revision's folder should be")
    pairs = [(folder / "plan.docx", folder / "plan.pdf"), (folder / "plan_wersja_2.docx", folder / "wersje" / "v2.pdf")]
    for docx, _ in pairs:
        docx.write_text(docx.stem)
    with pytest.raises(UserError) as exc:
        pdf_module.docxs_to_pdf(pairs)
    assert "nie można zapisać PDF" in exc.value.messages[0] and "żaden PDF nie został zmieniony" in exc.value.messages[0]
    assert (folder / "plan.pdf").read_text() == "stary"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]      # no temporary file left behind
