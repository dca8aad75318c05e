"""The LibreOffice command that turns the procedure's letters into PDF (no LibreOffice run here)."""
from pathlib import Path

from reportgen.procedure.docxrender import convert_command


def test_profile_in_a_folder_with_spaces_is_a_valid_uri(tmp_path):
    folder = tmp_path / "Urząd Gminy" / "pisma"
    cmd = convert_command("/usr/bin/soffice", folder / "profile", folder / "pdf", [folder / "b.docx", folder / "a.docx"])
    # "Urząd Gminy" → percent-encoded UTF-8: ą = C4 85, space = 20 (RFC 3986)
    assert cmd[1] == f"-env:UserInstallation={tmp_path.resolve().as_uri()}/Urz%C4%85d%20Gminy/pisma/profile"
    assert cmd[-2:] == [str(folder / "a.docx"), str(folder / "b.docx")]
    assert cmd[cmd.index("--outdir") + 1] == str(Path(folder / "pdf"))
