"""Build factcheck/lexicon/antonyms.txt from a WordNet 3.0 database.

Usage:  python scripts/wordnet_lexicon.py [/usr/share/wordnet]

The database comes from Debian's `wordnet-base` package (`apt-get install wordnet-base`).
Only single-word lemmas are kept. antonyms.txt: `word<TAB>antonym`, both ways, from WordNet's direct antonyms plus, for adjectives,
the indirect ones (a satellite such as "vital" is opposed to the antonym of its head, "important":
"unimportant"; satellites are not paired with satellites, which would multiply the file tenfold).
Run it again to rebuild; the output is sorted and deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path

NOTICE = """# Derived from WordNet 3.0 by scripts/wordnet_lexicon.py. WordNet 3.0 Copyright 2006 by
# Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF
# EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF
# MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE,
# DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
# OTHER RIGHTS. The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database. Title to copyright in
# this software, database and any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same. (Full licence: wordnet.princeton.edu)
"""
POS = ("noun", "verb", "adj", "adv")


def read(
    root: Path,
) -> dict[tuple[str, str], tuple[list[str], list[tuple[str, str, str, int, int]]]]:
    """(pos, offset) → (words, pointers as (symbol, offset, pos, source word, target word))."""
    synsets = {}
    for pos in POS:
        for line in (root / f"data.{pos}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, ss_type, count = fields[0], fields[2], int(fields[3], 16)
            words = [fields[4 + 2 * i].split("(")[0].lower() for i in range(count)]
            at = 4 + 2 * count
            pointers = []
            for i in range(int(fields[at])):
                sym, off, p, st = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                pointers.append(
                    (sym, off, "a" if p == "s" else p, int(st[:2], 16), int(st[2:], 16))
                )
            key_pos = "a" if ss_type == "s" else ss_type
            synsets[(key_pos, offset)] = (words, pointers)
    return synsets


def build(root: Path) -> list[str]:
    synsets = read(root)
    single = lambda w: w.isalpha()  # noqa: E731
    antonyms: set[tuple[str, str]] = set()
    for (pos, own), (words, pointers) in synsets.items():
        for sym, off, p, src, dst in pointers:
            if sym != "!" or not src:
                continue
            target_words, _ = synsets[(p, off)]
            a, b = words[src - 1], target_words[dst - 1]
            for x in _cluster(synsets, pos, own, a):
                for y in (b,):
                    if single(x) and single(y) and x != y:
                        antonyms.add((x, y))
                        antonyms.add((y, x))
    return sorted(f"{a}\t{b}" for a, b in antonyms)


def _cluster(synsets, pos, offset, word):  # type: ignore[no-untyped-def]
    """The word, and for an adjective head synset the words of its satellites too
    ("important" brings "crucial", "vital"…): WordNet's indirect antonyms."""
    out = {word}
    if pos != "a":
        return out
    for sym, off, p, _, _ in synsets[(pos, offset)][1]:
        if sym == "&":
            out.update(synsets[(p, off)][0])
    return out


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    antonyms = build(root)
    lexicon = Path(__file__).resolve().parent.parent / "factcheck" / "lexicon"
    (lexicon / "antonyms.txt").write_text(NOTICE + "\n".join(antonyms) + "\n", encoding="utf-8")
    print(f"{len(antonyms)} antonym pairs")


if __name__ == "__main__":
    main()
