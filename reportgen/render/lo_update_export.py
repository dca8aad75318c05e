"""Run by a Python that has LibreOffice's UNO bridge (python3-uno), not inside reportgen:

    python3 lo_update_export.py SOFFICE PROFILE_DIR IN.docx OUT.pdf [IN2.docx OUT2.pdf …]

Starts a private headless LibreOffice once, and for each document opens it hidden, updates every index (table of
contents, lists of tables and figures: page numbers) and every field, and exports the PDF with fonts embedded
(a document that fails is left without its PDF; the caller sees which). A plain `soffice --convert-to pdf` keeps
the indexes as the .docx holds them, without page numbers.
"""
import os
import subprocess
import sys
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


# LibreOffice writes the entries of the lists of tables and figures in its own styles (justified, 6 pt apart);
# they get the layout of the template's Word style "table of figures", as Word would show them
INDEX_STYLES = ("Figure Index 1", "Table index 1", "Illustration Index 1")
ENTRY_PROPERTIES = ("ParaAdjust", "ParaLastLineAdjust", "ParaTopMargin", "ParaBottomMargin", "ParaLeftMargin",
                    "ParaLineSpacing", "CharHeight")


# An entry whose text ends exactly at the right margin got its page number glued to it ("… w roku bazowym 202518"):
# the entry's text wraps this far before the margin, the right-aligned page-number tab stays at the margin
CONTENTS_STYLES = ("Contents 1", "Contents 2", "Contents 3")
PAGE_NUMBER_ROOM = 800                        # 1/100 mm: 8 mm


def entry_styles_like_word(doc) -> None:
    styles = doc.StyleFamilies.getByName("ParagraphStyles")
    if not styles.hasByName("table of figures"):
        return
    word = styles.getByName("table of figures")
    for name in INDEX_STYLES:
        if styles.hasByName(name):
            style = styles.getByName(name)
            for prop_name in ENTRY_PROPERTIES:
                try:
                    style.setPropertyValue(prop_name, word.getPropertyValue(prop_name))
                except Exception:
                    pass                      # a property this LibreOffice version lacks: keep its own
    for name in INDEX_STYLES + CONTENTS_STYLES:
        if styles.hasByName(name):
            try:
                styles.getByName(name).setPropertyValue("ParaRightMargin", PAGE_NUMBER_ROOM)
            except Exception:
                pass


def update_and_export(desktop, src: str, dst: str) -> None:
    doc = desktop.loadComponentFromURL(Path(src).resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
    try:
        doc.getTextFields().refresh()
        entry_styles_like_word(doc)
        indexes = doc.getDocumentIndexes()
        for _ in range(2):                    # the second pass: page numbers after the first pass's own pages
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
        doc.storeToURL(Path(dst).resolve().as_uri(), (prop("FilterName", "writer_pdf_Export"),))
    finally:
        doc.close(True)


def main() -> int:
    soffice, profile, *documents = sys.argv[1:]
    pipe = f"reportgen_{os.getpid()}"
    proc = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                             f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
                             f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):                  # a first start creates the profile: allow up to a minute
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if proc.poll() is not None:
                    return 3
                time.sleep(0.25)
        if ctx is None:
            return 3
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        failed = 0
        for src, dst in zip(documents[0::2], documents[1::2]):
            try:
                update_and_export(desktop, src, dst)
            except Exception:
                failed += 1                   # this document has no PDF (not even a part); the others get theirs
                Path(dst).unlink(missing_ok=True)
        try:
            desktop.terminate()
        except Exception:
            pass                              # the bridge goes down with the office
        return 4 if failed else 0
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    sys.exit(main())
