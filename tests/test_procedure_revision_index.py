"""The revision register wersje.json: a damaged file is a Polish error naming it, never a traceback."""
import pytest

from reportgen.errors import UserError
from reportgen.procedure.revision import INDEX, _index


def test_missing_register_is_empty(tmp_path):
    assert _index(tmp_path) == {}


def test_valid_register_is_read(tmp_path):
    (tmp_path / INDEX).write_text('{"2": "ab12", "3": "cd34"}', encoding="utf-8")
    assert _index(tmp_path) == {"2": "ab12", "3": "cd34"}


@pytest.mark.parametrize("text, expected", [
    (b'{"2": "ab1', "błąd JSON w wierszu 1, kolumnie 7"),     # truncated: the unterminated string starts at column 7
    (b'["ab12"]', "powinien być obiektem JSON"),
    (b'{"druga": "ab12"}', 'klucz "druga" nie jest numerem wersji'),
    (b'{"2": 5}', "wersja 2 – skrót powinien być tekstem"),
    (b'{"2": "\x80\x81"}', ""),                                  # not UTF-8: reported by the shared reader
])
def test_damaged_register_is_a_polish_error_naming_the_file(tmp_path, text, expected):
    path = tmp_path / INDEX
    path.write_bytes(text)
    with pytest.raises(UserError) as err:
        _index(tmp_path)
    assert str(path) in str(err.value) and expected in str(err.value)
