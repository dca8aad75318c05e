from reportgen.render.numbers import NBSP, fmt, pct


def test_polish_format():
    assert fmt(12345.67, 2) == f"12{NBSP}345,67"
    assert fmt(122550) == f"122{NBSP}550"
    assert fmt(0.125, 2) == "0,13"          # half away from zero, as printed by hand
    assert fmt(3 * 20.7 * 0.25, 2) == "15,53"   # 15,524999… in binary: a half, as the plan prints it
    assert fmt(-3.5, 1) == "\u22123,5"
    assert fmt(None) == "–"
    assert pct(87.8) == f"87,8{NBSP}%"
