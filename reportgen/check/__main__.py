"""`python -m reportgen.check check PLIK` — the check commands without the full CLI (used by tests)."""
import click

from reportgen.check.commands import check, rules


@click.group(help="Kontrola istniejących projektów założeń.")
def main():
    pass


main.add_command(check)
main.add_command(rules)

if __name__ == "__main__":
    main()
