"""Write the Word templates of the procedure's letters and notices (templates/docx/procedure/*.docx).

Each template is plain Word with docxtpl (Jinja) tags; a firm may replace any of them with its own letterhead
keeping the tags. The wording of letters lives here (as template text); legal citations, dates and parties come
from rules/procedure.yaml and content/<gmina>/procedure.yaml through the context (reportgen/procedure/package.py).

Run: python tools/make_procedure_templates.py  (deterministic: same bytes every run)
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from reportgen.render.docx_writer import package_bytes  # noqa: E402

OUT = ROOT / "templates" / "docx" / "procedure"

LETTERHEAD = [("{{ office_name }}", "b"), ("{%p for line in office_address %}", ""), ("{{ line }}", ""),
              ("{%p endfor %}", "")]
DATE_LINE = [("{{ place }}, dnia {{ date }}", "right")]
ADDRESSEE = [("{%p if to_name %}", ""), ("{{ to_name }}", "b-indent"), ("{%p for line in to_address %}", ""),
             ("{{ line }}", "indent"), ("{%p endfor %}", ""), ("{%p endif %}", "")]
SIGNATURE = [("", ""), ("{{ signer_office }}", "sig"), ("{%p if signer_name %}", ""), ("{{ signer_name }}", "sig"),
             ("{%p endif %}", "")]


def letter(subject: str, body: list) -> list:
    return LETTERHEAD + DATE_LINE + ADDRESSEE + [("", ""), (f"Dotyczy: {subject}", "b")] + \
        [("{%p if salutation %}", ""), ("{{ salutation }}", ""), ("{%p endif %}", "")] + body + SIGNATURE


def notice(title: str, body: list) -> list:
    return LETTERHEAD + DATE_LINE + [("", ""), (title, "title"), ("{{ signer_office_upper }}", "center-b")] + body + SIGNATURE


TEMPLATES: dict[str, list] = {
    "wniosek_przedsiebiorstwo.docx": letter(
        "planu rozwoju i propozycji do projektu założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe",
        [("Na podstawie {{ basis }} zwracam się o nieodpłatne udostępnienie planu rozwoju {{ company_name }} "
          "w zakresie dotyczącym obszaru {{ gmina_gen }} oraz propozycji niezbędnych do opracowania {{ project_title }}.", ""),
         ("Prosimy w szczególności o:", ""),
         ("{%p for item in asks %}", ""), ("– {{ item }}", "indent"), ("{%p endfor %}", ""),
         ("Dane posłużą do opracowania projektu założeń, który zostanie następnie wyłożony do publicznego wglądu "
          "i przedstawiony Radzie do uchwalenia.", "")]),
    "pismo_gmina_sasiednia.docx": letter(
        "współpracy przy opracowaniu projektu założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe",
        [("{{ gmina_nom }} przystąpiła do opracowania {{ project_title }}. Zgodnie z {{ basis }} projekt założeń "
          "określa możliwości współpracy z innymi gminami.", ""),
         ("Zwracam się z prośbą o przekazanie informacji o:", ""),
         ("– obowiązujących w Państwa gminie założeniach lub planie zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe,", "indent"),
         ("– planowanych przedsięwzięciach energetycznych w pobliżu granicy gmin (sieci, źródła, odnawialne źródła energii),", "indent"),
         ("– proponowanym zakresie współpracy (wspólne przedsięwzięcia, zakupy energii, klastry energii).", "indent")]),
    "pismo_soos.docx": letter(
        "{{ subject }}",
        [("{%p if sea_waived %}", ""),
         ("Działając na podstawie {{ basis }}, zwracam się o uzgodnienie odstąpienia od przeprowadzenia strategicznej "
          "oceny oddziaływania na środowisko dla {{ project_title }}.", ""),
         ("Uzasadnienie: projekt założeń określa kierunki zaopatrzenia gminy w ciepło, energię elektryczną i paliwa "
          "gazowe; nie ustala ram dla późniejszej realizacji przedsięwzięć mogących znacząco oddziaływać na środowisko "
          "i nie przesądza o lokalizacji przedsięwzięć. Projekt założeń w załączeniu.", ""),
         ("{%p else %}", ""),
         ("Działając na podstawie {{ basis }}, zwracam się o uzgodnienie zakresu i stopnia szczegółowości informacji "
          "wymaganych w prognozie oddziaływania na środowisko dla {{ project_title }}.", ""),
         ("{%p endif %}", "")]),
    "obwieszczenie_soos.docx": notice(
        "OBWIESZCZENIE",
        [("o odstąpieniu od przeprowadzenia strategicznej oceny oddziaływania na środowisko", "center-b"),
         ("Na podstawie {{ basis }} podaję do publicznej wiadomości informację o odstąpieniu od przeprowadzenia "
          "strategicznej oceny oddziaływania na środowisko dla {{ project_title }}.", ""),
         ("Odstąpienie uzgodniono z organami: {{ rdos_name }} (pismo z dnia {{ rdos_reply }}) oraz "
          "{{ ppis_name }} (pismo z dnia {{ ppis_reply }}).", ""),
         ("Uzasadnienie: realizacja ustaleń projektu założeń nie spowoduje znaczącego oddziaływania na środowisko; "
          "dokument nie ustala ram dla późniejszej realizacji przedsięwzięć mogących znacząco oddziaływać na środowisko.", "")]),
    "wniosek_opinia_wojewodztwo.docx": letter(
        "opinii do projektu założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe",
        [("Na podstawie {{ basis }} przedkładam do zaopiniowania {{ project_title_acc }} w zakresie koordynacji współpracy "
          "z innymi gminami oraz zgodności z polityką energetyczną państwa.", ""),
         ("Projekt założeń w załączeniu (wersja elektroniczna).", "")]),
    "obwieszczenie_wylozenie.docx": notice(
        "OBWIESZCZENIE",
        [("o wyłożeniu do publicznego wglądu projektu założeń do planu zaopatrzenia w ciepło, energię elektryczną "
          "i paliwa gazowe", "center-b"),
         ("Na podstawie {{ basis }} zawiadamiam o wyłożeniu do publicznego wglądu {{ project_title }}.", ""),
         ("Projekt założeń wyłożony jest w dniach od {{ display_start }} do {{ display_end }} ({{ display_days }} dni) "
          "w siedzibie {{ office_name_gen }}, {{ office_address_line }}{% if room %}, {{ room }}{% endif %}"
          "{% if hours %}, {{ hours }}{% endif %}{% if bip %}, a także w Biuletynie Informacji Publicznej: {{ bip }}{% endif %}.", ""),
         ("Osoby fizyczne i prawne oraz jednostki organizacyjne nieposiadające osobowości prawnej, mające interes "
          "prawny lub faktyczny, zainteresowane zaopatrzeniem w ciepło, energię elektryczną i paliwa gazowe na obszarze "
          "gminy, mają prawo składać wnioski, zastrzeżenia i uwagi do projektu założeń.", ""),
         ("Wnioski, zastrzeżenia i uwagi można składać w terminie do dnia {{ display_end }}:", ""),
         ("{%p for way in ways %}", ""), ("– {{ way }}", "indent"), ("{%p endfor %}", ""),
         ("Formularz uwag jest dostępny w siedzibie urzędu i w Biuletynie Informacji Publicznej.", ""),
         ("{%p if rodo %}", ""),
         ("Informacja o przetwarzaniu danych osobowych osób składających uwagi (klauzula informacyjna) stanowi "
          "załącznik do obwieszczenia.", ""),
         ("{%p endif %}", ""),
         ("Wnioski, zastrzeżenia i uwagi rozpatrzy {{ council }} przy uchwalaniu założeń.", "")]),
    "formularz_uwag.docx": LETTERHEAD + [
        ("", ""), ("FORMULARZ WNIOSKÓW, ZASTRZEŻEŃ I UWAG", "title"),
        ("do {{ project_title }}, wyłożonego do publicznego wglądu w dniach {{ display_start }} – {{ display_end }}", "center"),
        ("TABLE_FORM", ""),
        ("Termin składania: do dnia {{ display_end|dot }} {{ ways_short }}", ""),
        ("{%p if rodo %}", ""),
        ("Składający przyjmuje do wiadomości informację o przetwarzaniu danych osobowych (klauzula informacyjna "
         "dołączona do obwieszczenia).", ""),
        ("{%p endif %}", ""),
        ("", ""), ("……………………………………", "sig"), ("data i podpis", "sig")],
    "klauzula_rodo.docx": LETTERHEAD + [
        ("", ""), ("KLAUZULA INFORMACYJNA", "title"),
        ("o przetwarzaniu danych osobowych osób składających wnioski, zastrzeżenia i uwagi do projektu założeń", "center"),
        ("Na podstawie {{ basis }} informuję, że:", ""),
        ("1. Administratorem danych osobowych jest {{ signer_office }}, {{ office_name }}, {{ office_address_line }}.", ""),
        ("{%p if dpo %}", ""), ("2. Kontakt z inspektorem ochrony danych: {{ dpo }}.", ""), ("{%p endif %}", ""),
        ("3. Dane są przetwarzane w celu rozpatrzenia wniosków, zastrzeżeń i uwag do projektu założeń, na podstawie "
         "{{ comments_basis }}.", ""),
        ("4. W publikowanym wykazie uwag imiona, nazwiska i adresy osób fizycznych są zastępowane oznaczeniem "
         "„osoba fizyczna nr …”.", ""),
        ("5. Dane są przechowywane przez okres wynikający z przepisów o archiwizacji dokumentów urzędu.", ""),
        ("6. Przysługuje Pani/Panu prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania oraz "
         "wniesienia skargi do Prezesa Urzędu Ochrony Danych Osobowych.", ""),
        ("7. Podanie danych jest dobrowolne; uwaga bez danych zgłaszającego może nie zostać rozpatrzona.", "")],
    "wykaz_uwag.docx": [("LANDSCAPE_FIRST", "")] + LETTERHEAD + [
        ("", ""), ("WYKAZ WNIOSKÓW, ZASTRZEŻEŃ I UWAG", "title"),
        ("zgłoszonych do {{ project_title }} w okresie wyłożenia do publicznego wglądu od {{ display_start }} "
         "do {{ display_end }}, wraz ze sposobem ich rozpatrzenia ({{ basis }})", "center"),
        ("{%p if internal %}", ""),
        ("DOKUMENT WEWNĘTRZNY – zawiera dane osobowe zgłaszających; nie publikować.", "b"),
        ("{%p else %}", ""),
        ("Dane osób fizycznych zastąpiono oznaczeniem „osoba fizyczna nr …”.", ""),
        ("{%p endif %}", ""),
        ("TABLE_REGISTER", ""),
        ("Razem: {{ n_total }} ({{ n_accepted }} uwzględnionych, {{ n_partial }} uwzględnionych częściowo, "
         "{{ n_rejected }} nieuwzględnionych){% if n_late %}; {{ n_late }} złożonych po terminie{% endif %}.", ""),
        ("{%p if not rows %}", ""), ("W okresie wyłożenia nie zgłoszono wniosków, zastrzeżeń ani uwag.", ""),
        ("{%p endif %}", "")] + SIGNATURE,
    "projekt_uchwaly.docx": [
        ("PROJEKT", "right"), ("UCHWAŁA NR {{ resolution_number }}", "title"), ("{{ council_upper }}", "center-b"),
        ("z dnia {{ session }}", "center"),
        ("w sprawie uchwalenia założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe "
         "dla {{ gmina_gen }}", "center-b"),
        ("Na podstawie {{ basis }} {{ council_nom }} uchwala, co następuje:", ""),
        ("§ 1. Uchwala się „{{ document_title }}”, stanowiące załącznik nr 1 do uchwały.", ""),
        ("§ 2. Rozstrzyga się o sposobie rozpatrzenia wniosków, zastrzeżeń i uwag zgłoszonych podczas wyłożenia "
         "projektu założeń do publicznego wglądu, zgodnie z załącznikiem nr 2 do uchwały.", ""),
        ("§ 3. Wykonanie uchwały powierza się {{ signer_office_dative }}.", ""),
        ("§ 4. Uchwała wchodzi w życie z dniem podjęcia.", ""),
        ("Załączniki:", ""),
        ("{%p if annex1 %}", ""),
        ("1) „{{ document_title }}” ({{ annex1.label }}) – plik {{ annex1.file }}, suma kontrolna SHA-256: "
         "{{ annex1.sha256 }};", "indent"),
        ("{%p else %}", ""), ("1) „{{ document_title }}”;", "indent"), ("{%p endif %}", ""),
        ("2) rozstrzygnięcie o sposobie rozpatrzenia wniosków, zastrzeżeń i uwag.", "indent"),
        ("", ""), ("UZASADNIENIE", "title"),
        ("{%p for para in justification %}", ""), ("{{ para }}", ""), ("{%p endfor %}", ""),
        ("LANDSCAPE", ""),
        ("Załącznik nr 2 do uchwały nr {{ resolution_number }} {{ council_gen }} z dnia {{ session }}", "right"),
        ("Rozstrzygnięcie o sposobie rozpatrzenia wniosków, zastrzeżeń i uwag", "title"),
        ("TABLE_REGISTER", ""),
        ("{%p if not rows %}", ""), ("W okresie wyłożenia nie zgłoszono wniosków, zastrzeżeń ani uwag.", ""),
        ("{%p endif %}", "")],
    "zawiadomienie_uchwalenie.docx": letter(
        "uchwalenia założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe",
        [("Uprzejmie informuję, że {{ council_nom }} uchwałą nr {{ resolution_number }} z dnia {{ resolution_date }} "
          "uchwaliła „{{ document_title }}” ({{ basis }}).", ""),
         ("Proszę o uwzględnienie ustaleń założeń przy sporządzaniu i aktualizacji planu rozwoju {{ company_name }}, "
          "o którym mowa w art. 16 ust. 1 ustawy – Prawo energetyczne. Uchwała z załącznikami jest dostępna "
          "w Biuletynie Informacji Publicznej{% if bip %}: {{ bip }}{% endif %}.", "")]),
    "ocena_aktualnosci.docx": LETTERHEAD + DATE_LINE + [
        ("", ""), ("OCENA AKTUALNOŚCI ZAŁOŻEŃ DO PLANU ZAOPATRZENIA", "title"),
        ("w ciepło, energię elektryczną i paliwa gazowe dla {{ gmina_gen }}", "center-b"),
        ("Oceniany dokument: „{{ document_title }}”, uchwalony uchwałą nr {{ resolution_number }} {{ council_gen }} "
         "z dnia {{ resolution_date|dot }}", ""),
        ("Zgodnie z {{ basis }} projekt założeń aktualizuje się co najmniej raz na {{ update_years }} lata. "
         "Termin aktualizacji: {{ update_due|dot }}", ""),
        ("Stan na dzień {{ date }}: {{ status }}", "b"),
        ("1. Ustawy, polityki i programy, które weszły w życie, zostały ogłoszone lub przestały obowiązywać od dnia "
         "uchwalenia (wg rules/policies.yaml):", ""),
        ("{%p for item in policy_changes %}", ""), ("– {{ item }}", "indent"), ("{%p endfor %}", ""),
        ("{%p if not policy_changes %}", ""), ("– brak zmian zapisanych w danych.", "indent"), ("{%p endif %}", ""),
        ("2. Wskaźniki i parametry obliczeń (m.in. wskaźniki emisji), dla których opublikowano nowsze wartości "
         "(wg rules/parameters):", ""),
        ("{%p for item in parameter_changes %}", ""), ("– {{ item }}", "indent"), ("{%p endfor %}", ""),
        ("{%p if not parameter_changes %}", ""), ("– brak nowszych wartości w danych.", "indent"), ("{%p endif %}", ""),
        ("3. Zmiany wymagań wobec projektu założeń i procedury jego uchwalenia (wg plików reguł):", ""),
        ("{%p for item in law_changes %}", ""), ("– {{ item }}", "indent"), ("{%p endfor %}", ""),
        ("{%p if not law_changes %}", ""), ("– brak zmian w wymaganiach zapisanych w regułach.", "indent"),
        ("{%p endif %}", ""),
        ("4. Dane gminy: rok bazowy dokumentu {{ base_year }} (dane sprzed {{ data_age }} lat). "
         "Okres planowania dokumentu: {{ period }}.", ""),
        ("{%p if recommendation %}", ""), ("Wniosek: {{ recommendation }}", ""), ("{%p endif %}", "")] + SIGNATURE,
}

REGISTER_HEADERS = ["Nr", "Data wpływu", "Zgłaszający", "Treść wniosku, zastrzeżenia lub uwagi", "Dotyczy",
                    "Rozstrzygnięcie", "Uzasadnienie", "Zmiana w dokumencie"]
REGISTER_WIDTHS_CM = [1.0, 1.9, 3.0, 6.2, 2.3, 2.7, 5.1, 2.5]      # landscape A4, 2.5 cm margins: 24.7 cm
REGISTER_CELLS = ["{{ r.nr }}", "{{ r.data }}{% if r.po_terminie %} (po terminie){% endif %}", "{{ r.zglaszajacy }}",
                  "{{ r.tresc }}", "{{ r.dotyczy }}", "{{ r.rozstrzygniecie }}", "{{ r.uzasadnienie }}",
                  "{{ r.zmiany }}"]
FORM_FIELDS = ["Imię i nazwisko albo nazwa zgłaszającego", "Adres do korespondencji",
               "Rozdział, tabela lub strona projektu, której dotyczy uwaga", "Treść wniosku, zastrzeżenia lub uwagi",
               "Uzasadnienie"]


def _para(doc, text: str, style: str) -> None:   # noqa: C901 – one branch per markup
    if text == "LANDSCAPE":       # the register is a wide table: it starts a landscape section
        from docx.enum.section import WD_ORIENT, WD_SECTION
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        return
    if text == "TABLE_REGISTER":
        table = doc.add_table(rows=4, cols=len(REGISTER_HEADERS))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, h in zip(table.rows[0].cells, REGISTER_HEADERS):
            cell.text = ""
            cell.paragraphs[0].add_run(h).bold = True
        table.rows[1].cells[0].text = "{%tr for r in rows %}"
        for cell, t in zip(table.rows[2].cells, REGISTER_CELLS):
            cell.text = t
        table.rows[3].cells[0].text = "{%tr endfor %}"
        table.autofit = False
        for column, width in zip(table.columns, REGISTER_WIDTHS_CM):
            column.width = Cm(width)          # w:gridCol: what LibreOffice lays out by
        for row in table.rows:
            for cell, width in zip(row.cells, REGISTER_WIDTHS_CM):
                cell.width = Cm(width)
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for run in p.runs:
                        run.font.size = Pt(8)
        return
    if text == "TABLE_FORM":
        table = doc.add_table(rows=len(FORM_FIELDS), cols=2)
        table.style = "Table Grid"
        for row, label in zip(table.rows, FORM_FIELDS):
            row.cells[0].text = label
            row.cells[0].width = Cm(5)
            row.cells[1].text = ""
            row.height = Cm(4 if "Treść" in label else 1.5)
        return
    p = doc.add_paragraph()
    run = p.add_run(text)
    if style in ("b", "b-indent", "center-b", "title"):
        run.bold = True
    if style == "title":
        run.font.size = Pt(13)
    if style in ("center", "center-b", "title"):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if style == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if style in ("indent", "b-indent"):
        p.paragraph_format.left_indent = Cm(8) if style == "b-indent" or text.startswith("{{ line }}") else Cm(0.6)
    if style == "sig":
        p.paragraph_format.left_indent = Cm(9)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def make(name: str, spec: list) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    normal = doc.styles["Normal"]
    normal.font.name = "Carlito"
    normal.font.size = Pt(11)
    if spec and spec[0][0] == "LANDSCAPE_FIRST":
        from docx.enum.section import WD_ORIENT
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        spec = spec[1:]
    # the letterhead lives in the body so a firm's own template can put it in the header instead
    for text, style in spec:
        _para(doc, text, style)
    props = doc.core_properties
    props.author = "reportgen"
    props.title = name
    import datetime as dt
    props.created = props.modified = dt.datetime(2026, 1, 1)
    props.last_modified_by = "reportgen"
    props.revision = 1
    return package_bytes(doc)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, spec in TEMPLATES.items():
        (OUT / name).write_bytes(make(name, spec))
        print(f"zapisano {OUT / name}")


if __name__ == "__main__":
    main()
