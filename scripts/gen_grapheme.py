#!/usr/bin/env python3
"""Generate src/text/grapheme_table.rs: the grapheme-cluster property table used by
src/text/grapheme.rs.

The data is read from the unicode-segmentation crate that Cargo.lock pins (its src/tables.rs in
the cargo registry), so the properties are identical by construction to the ones that crate uses:
the Grapheme_Cluster_Break categories (with InCB=Consonant and Extended_Pictographic folded in,
as that crate does), InCB=Extend and InCB=Linker. Each code point's category is computed the way
the crate computes it at run time (ASCII fast path, block lookup, range search), and the script
checks that the crate's per-cursor category cache can never give a different answer.

Compaction: one u32 per run of equal properties, `start << 6 | class` (21 bits of code point,
6 bits of class: 4 bits category, 2 bits InCB), sorted; code points between runs take the class
of the run before. Hangul syllables U+AC00..U+D7A3 (LV when (cp - 0xAC00) % 28 == 0, else LVT)
are computed in grapheme.rs and so are not stored; neither are surrogates.

Run from the project root: python3 scripts/gen_grapheme.py [path/to/unicode-segmentation/src]
"""
import glob
import hashlib
import os
import re
import sys
from bisect import bisect_right

OUT = "src/text/grapheme_table.rs"

# The categories, in the order of unicode-segmentation's GraphemeCat enum. grapheme.rs implements
# the rules for exactly these; a crate version with other categories must fail here.
CATS = ["Any", "CR", "Control", "Extend", "Extended_Pictographic", "InCB_Consonant", "L", "LF",
        "LV", "LVT", "Prepend", "Regional_Indicator", "SpacingMark", "T", "V", "ZWJ"]

# unicode-segmentation's pair rules (check_pair in src/grapheme.rs), which grapheme.rs mirrors.
# If the crate changes them, grapheme.rs must be reviewed before regenerating.
CHECK_PAIR = """
(GC_CR, GC_LF) => NotBreak,
(GC_Control | GC_CR | GC_LF, _) => Break,
(_, GC_Control | GC_CR | GC_LF) => Break,
(GC_L, GC_L | GC_V | GC_LV | GC_LVT) => NotBreak,
(GC_LV | GC_V, GC_V | GC_T) => NotBreak,
(GC_LVT | GC_T, GC_T) => NotBreak,
(_, GC_Extend | GC_ZWJ) => NotBreak,
(_, GC_SpacingMark) => Extended,
(GC_Prepend, _) => Extended,
(_, GC_InCB_Consonant) => InCbConsonant,
(GC_ZWJ, GC_Extended_Pictographic) => Emoji,
(GC_Regional_Indicator, GC_Regional_Indicator) => Regional,
(_, _) => Break,
"""

INCB_NONE, INCB_EXTEND, INCB_LINKER = 0, 1, 2
HANGUL = (0xAC00, 0xD7A3)
SURROGATES = (0xD800, 0xDFFF)
MAX = 0x10FFFF


def fail(msg):
    sys.exit(f"gen_grapheme.py: {msg}")


def locked_version():
    lock = open("Cargo.lock", encoding="utf-8").read()
    m = re.search(r'name = "unicode-segmentation"\nversion = "([^"]+)"', lock)
    if not m:
        fail("unicode-segmentation not in Cargo.lock")
    return m.group(1)


def crate_src(version):
    if len(sys.argv) > 1:
        return sys.argv[1]
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    found = sorted(glob.glob(os.path.join(home, "registry/src/*", f"unicode-segmentation-{version}", "src")))
    if not found:
        fail(f"unicode-segmentation {version} not in {home}/registry/src (run `cargo fetch`)")
    return found[0]


def section(text, start, end):
    i = text.index(start)
    return text[i:text.index(end, i)]


def char_ranges(body):
    return [(int(a, 16), int(b, 16)) for a, b in re.findall(r"\('\\u\{([0-9a-f]+)\}',\s*'\\u\{([0-9a-f]+)\}'", body)]


def parse(src):
    tables = open(os.path.join(src, "tables.rs"), encoding="utf-8").read()
    grapheme = open(os.path.join(src, "grapheme.rs"), encoding="utf-8").read()

    # The rules grapheme.rs mirrors.
    pair = section(grapheme, "fn check_pair(", "\n}\n")
    arms = [re.sub(r"\s+", " ", a).strip() for a in re.findall(r"^\s*(\(.*?=>\s*\w+),", pair, re.M)]
    want = [re.sub(r"\s+", " ", a).strip().rstrip(",") for a in CHECK_PAIR.strip().splitlines()]
    if arms != want:
        fail("check_pair in unicode-segmentation differs from the rules grapheme.rs mirrors:\n" + "\n".join(arms))
    for needle in ("tables::is_incb_linker(ch)", "derived_property::InCB_Extend(ch)", "if ch <= '\\u{7e}' {"):
        if needle not in grapheme:
            fail(f"unicode-segmentation's grapheme.rs no longer uses {needle}")

    version = tuple(int(x) for x in re.search(r"UNICODE_VERSION: \(u64, u64, u64\) = \((\d+), (\d+), (\d+)\)", tables).groups())

    gmod = section(tables, "pub mod grapheme {", "\npub mod ")
    cats = re.findall(r"^\s*GC_(\w+),$", section(gmod, "pub enum GraphemeCat {", "}"), re.M)
    if cats != CATS:
        fail(f"GraphemeCat changed: {cats}")
    table = [(int(a, 16), int(b, 16), CATS.index(c)) for a, b, c in re.findall(
        r"\('\\u\{([0-9a-f]+)\}',\s*'\\u\{([0-9a-f]+)\}',\s*GC_(\w+)\)", section(gmod, "const grapheme_cat_table", "];"))]
    lookup = [int(x) for x in re.findall(r"\d+", section(gmod, "const grapheme_cat_lookup: &[u16] = &[", "];").split("= &[", 1)[1])]
    fn = section(gmod, "pub fn grapheme_category(", "\n    }\n")
    interval = int(re.search(r"let lookup_interval = (0x[0-9a-fA-F]+|\d+);", fn).group(1), 0)
    fb_lo, fb_hi = (int(x) for x in re.search(r"^\s*(\d+)\.\.(\d+),$", fn, re.M).groups())

    incb_extend = char_ranges(section(tables, "const InCB_Extend_table", "];"))
    linkers = [int(x, 16) for x in re.findall(r"'\\u\{([0-9A-Fa-f]+)\}'", section(tables, "pub fn is_incb_linker", "\n}\n"))]
    if not table or not lookup or not incb_extend or not linkers:
        fail("could not parse unicode-segmentation's tables.rs")
    digest = hashlib.sha256(tables.encode("utf-8")).hexdigest()
    return version, table, lookup, interval, (fb_lo, fb_hi), incb_extend, linkers, digest


def effective_categories(table, lookup, interval, fallback):
    """The category of every code point as unicode-segmentation's GraphemeCursor sees it, and
    the (lower, upper) range its cache keeps, emulating grapheme_category()."""
    lows = [lo for lo, _, _ in table]
    cat = [0] * (MAX + 1)
    cache = [None] * (MAX + 1)
    for cp in range(MAX + 1):
        if SURROGATES[0] <= cp <= SURROGATES[1]:
            continue
        if cp <= 0x7E:  # GraphemeCursor::grapheme_category's ASCII fast path
            cat[cp] = 0 if cp >= 0x20 else 7 if cp == 0x0A else 1 if cp == 0x0D else 2
            continue
        idx = cp // interval
        if idx + 1 < len(lookup):
            s_lo, s_hi = lookup[idx], lookup[idx + 1] + 1
        else:
            s_lo, s_hi = fallback
        s_hi = min(s_hi, len(table))
        lower, upper = idx * interval, idx * interval + interval - 1
        # binary search in table[s_lo:s_hi]
        i = bisect_right(lows, cp, s_lo, s_hi) - 1
        if i >= s_lo and table[i][1] >= cp:
            cat[cp] = table[i][2]
            cache[cp] = (table[i][0], table[i][1])
        else:
            j = i + 1  # insertion point
            lo = table[j - 1][1] + 1 if j > s_lo else lower
            hi = table[j][0] - 1 if j < s_hi else upper
            cat[cp] = 0
            cache[cp] = (lo, hi)
    # The crate's table lookup must agree with its plain range table (so the block index is sound).
    for lo, hi, c in table:
        for cp in range(max(lo, 0x7F), hi + 1):
            if cat[cp] != c:
                fail(f"U+{cp:04X}: block lookup gives {CATS[cat[cp]]}, table {CATS[c]}")
    return cat, cache


def main():
    version = locked_version()
    src = crate_src(version)
    uver, table, lookup, interval, fallback, incb_extend, linkers, digest = parse(src)
    cat, cache = effective_categories(table, lookup, interval, fallback)

    incb = [INCB_NONE] * (MAX + 1)
    for lo, hi in incb_extend:
        for cp in range(lo, hi + 1):
            incb[cp] = INCB_EXTEND
    for cp in linkers:
        incb[cp] = INCB_LINKER  # is_incb_linker is tested first, as in the crate
    cls = [c | (i << 4) for c, i in zip(cat, incb)]

    # The cache never spans code points of another category (so the cursor's cache is invisible).
    # Runs of equal category first:
    run_end = [0] * (MAX + 1)
    end = MAX
    for cp in range(MAX, -1, -1):
        if cp < MAX and cat[cp] != cat[cp + 1]:
            end = cp
        run_end[cp] = end
    for cp in range(0x7F, MAX + 1):
        if cache[cp] is None:
            continue
        lo, hi = cache[cp]
        if not (lo <= cp <= hi) or run_end[lo] < hi or any(cat[x] != cat[cp] for x in (lo, hi)):
            fail(f"U+{cp:04X}: the crate's cache range U+{lo:04X}..U+{hi:04X} is not uniform")

    # Hangul syllables: computed, so check the arithmetic and leave them out of the table.
    for cp in range(HANGUL[0], HANGUL[1] + 1):
        want = CATS.index("LV") if (cp - HANGUL[0]) % 28 == 0 else CATS.index("LVT")
        if cls[cp] != want:
            fail(f"U+{cp:04X} is not {CATS[want]} in the crate's table")
    if cls[HANGUL[0] - 1] in (CATS.index("LV"), CATS.index("LVT")) or cls[HANGUL[1] + 1] in (CATS.index("LV"), CATS.index("LVT")):
        fail("LV/LVT outside U+AC00..U+D7A3")
    for lo, hi in (HANGUL, SURROGATES):
        for cp in range(lo, hi + 1):
            cls[cp] = cls[lo - 1]  # don't care: extend the run before
    runs = []
    for cp in range(MAX + 1):
        if cp == 0 or cls[cp] != cls[cp - 1]:
            runs.append((cp, cls[cp]))
    packed = [(start << 6) | c for start, c in runs]

    lines = [
        f"// @generated by scripts/gen_grapheme.py from unicode-segmentation {version} src/tables.rs",
        f"// (Unicode {uver[0]}.{uver[1]}.{uver[2]}). Do not edit by hand.",
        f"// Source sha256: {digest}",
        "//",
        "// Grapheme_Cluster_Break categories with InCB=Consonant and Extended_Pictographic folded in,",
        "// and Indic_Conjunct_Break Extend/Linker, exactly as that crate has them. Each entry is",
        "// `start << 6 | incb << 4 | category` for a run that lasts until the next entry's start.",
        "// Hangul syllables U+AC00..U+D7A3 are computed in grapheme.rs, not stored here.",
        "",
        f"/// The Unicode version of the table (unicode-segmentation {version}).",
        f"pub const UNICODE_VERSION: (u64, u64, u64) = ({uver[0]}, {uver[1]}, {uver[2]});",
        "",
    ]
    for i, name in enumerate(CATS):
        lines.append(f"pub const {name.upper()}: u8 = {i};")
    lines += [
        "",
        f"pub const INCB_EXTEND: u8 = {INCB_EXTEND};",
        f"pub const INCB_LINKER: u8 = {INCB_LINKER};",
        "",
        f"pub static RUNS: [u32; {len(packed)}] = [",
    ]
    row = []
    for p in packed:
        row.append(f"0x{p:08X},")
        if len(row) == 9:  # as rustfmt lays them out at max_width = 120 (rustfmt.toml)
            lines.append("    " + " ".join(row))
            row = []
    if row:
        lines.append("    " + " ".join(row))
    lines += ["];", ""]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"unicode-segmentation {version} (Unicode {'.'.join(map(str, uver))}): {len(table)} crate ranges "
          f"-> {len(packed)} runs, {4 * len(packed)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
