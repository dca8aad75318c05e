"""The statutory procedure around the projekt założeń (art. 19 Prawa energetycznego): dated rules, the gmina's
procedure facts, comments from the public, the letters and notices, and the revision build."""
