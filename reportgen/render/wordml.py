"""WordprocessingML as text: the paragraphs, runs and fields the document writer needs, in the markup python-docx
writes for the same calls (so a document is the same, byte for byte, however it is written). Parsed once per
document by docx_writer.Body."""
from __future__ import annotations


def esc(text: str) -> str:
    """Text for an XML element or attribute value."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def t_xml(text: str) -> str:
    """<w:t>, space-preserving when the text begins or ends with white space (python-docx's rule)."""
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:t{space}>{esc(text)}</w:t>"


def run_content(text: str) -> str:
    """A run's content as python-docx sets run.text: a tab is <w:tab/>, a line break <w:br/>."""
    out: list[str] = []
    buf: list[str] = []
    for ch in text:
        if ch in "\t\r\n":
            if buf:
                out.append(t_xml("".join(buf)))
                buf = []
            out.append("<w:tab/>" if ch == "\t" else "<w:br/>")
        else:
            buf.append(ch)
    if buf:
        out.append(t_xml("".join(buf)))
    return "".join(out)


def rpr_xml(bold: bool = False, italic: bool = False, vert_align: str | None = None) -> str:
    """Run properties in schema order; empty (<w:rPr/>) when the run had a property set to None."""
    return ("<w:rPr>" + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
            + (f'<w:vertAlign w:val="{vert_align}"/>' if vert_align else "") + "</w:rPr>")


def text_run_xml(text: str, rpr: str = "") -> str:
    """paragraph.add_run(text): a run with the text (an empty run for no text)."""
    return f"<w:r>{rpr}{run_content(text)}</w:r>"


def run_xml(content: str, bold: bool = False) -> str:
    """A run of prepared content whose bold was set (None when not bold: an empty <w:rPr/>)."""
    return f"<w:r>{rpr_xml(bold)}{content}</w:r>"


def paragraph_xml(runs: str, style_id: str | None = None, keep_next: bool = False, page_break: bool | None = None,
                  space_before_twips: int | None = None, align: str | None = None) -> str:
    """<w:p> with its properties in schema order (pStyle, keepNext, pageBreakBefore, spacing, jc)."""
    ppr = ((f'<w:pStyle w:val="{esc(style_id)}"/>' if style_id else "")
           + ("<w:keepNext/>" if keep_next else "")
           + ("" if page_break is None else "<w:pageBreakBefore/>" if page_break else '<w:pageBreakBefore w:val="0"/>')
           + (f'<w:spacing w:before="{space_before_twips}"/>' if space_before_twips is not None else "")
           + (f'<w:jc w:val="{align}"/>' if align else ""))
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{runs}</w:p>"


def field_char(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def field_start(instruction: str) -> str:
    """begin · instruction · separate: what precedes a field's pre-filled result."""
    return (field_char("begin") + f'<w:r><w:instrText xml:space="preserve"> {esc(instruction)} </w:instrText></w:r>'
            + field_char("separate"))


def field_runs(instruction: str, result: str) -> str:
    """A field in one paragraph: begin · instruction · separate · result · end."""
    return field_start(instruction) + text_run_xml(result) + field_char("end")
