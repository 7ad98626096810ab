//! `cut_graphemes` (the suggestion's cut) cuts on extended grapheme-cluster boundaries as the
//! unicode-segmentation crate finds them, and exactly where a cut written cluster by cluster with
//! that crate does: the pinned cuts below, and every cut length of 50,000 random strings made of
//! the code point classes that matter to UAX #29.

use createimage::__private::{count_chars, cut_graphemes};
use unicode_segmentation::UnicodeSegmentation;

fn hex(s: &str) -> String {
    s.chars().map(|c| format!("{:04X}", c as u32)).collect::<Vec<_>>().join(" ")
}

/// The cut written cluster by cluster: the longest run of whole clusters within `max` chars,
/// trailing whitespace dropped.
fn reference_cut(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for g in s.graphemes(true) {
        let len = count_chars(g);
        if n + len > max {
            break;
        }
        n += len;
        out.push_str(g);
    }
    out.trim_end().to_owned()
}

/// splitmix64: small, deterministic, good enough to draw test strings.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces random strings are made of: one code point of each class that matters to UAX #29,
/// and some whole sequences.
const POOL: &[&str] = &[
    // Controls, CR, LF, format characters that count as Control
    "\r",
    "\n",
    "\t",
    "\u{0}",
    "\u{7}",
    "\u{1F}",
    "\u{7F}",
    "\u{85}",
    "\u{AD}",
    "\u{200B}",
    "\u{2028}",
    "\u{FEFF}",
    "\u{E0001}",
    // ASCII, spaces, CJK, astral, specials
    "a",
    "Z",
    "0",
    " ",
    ".",
    "\u{A0}",
    "\u{3000}",
    "中",
    "あ",
    "\u{20000}",
    "\u{FFFD}",
    "\u{10FFFF}",
    "\u{E000}",
    "\u{D7FF}",
    // Extend: combining marks, enclosing marks, variation selectors, tags, ZWNJ; emoji modifiers
    "\u{301}",
    "\u{300}",
    "\u{20DD}",
    "\u{FE0F}",
    "\u{FE0E}",
    "\u{E0100}",
    "\u{E0067}",
    "\u{E007F}",
    "\u{200C}",
    "\u{1F3FB}",
    "\u{1F3FF}",
    "\u{9BE}",
    "\u{1D165}",
    // ZWJ
    "\u{200D}",
    // Extended_Pictographic
    "😀",
    "👨",
    "👩",
    "👧",
    "👦",
    "❤",
    "©",
    "🏳",
    "🌈",
    "🏴",
    "👍",
    "\u{1FAFF}",
    "\u{1FC00}",
    // Regional indicators
    "\u{1F1FA}",
    "\u{1F1F8}",
    "\u{1F1E8}",
    "\u{1F1F3}",
    // Hangul jamo (L, V, T, extended blocks) and syllables (LV, LVT)
    "\u{1100}",
    "\u{1112}",
    "\u{A960}",
    "\u{1161}",
    "\u{1175}",
    "\u{D7B0}",
    "\u{11A8}",
    "\u{11C2}",
    "\u{D7CB}",
    "가",
    "\u{AC1C}",
    "\u{D788}",
    "각",
    "\u{AC1B}",
    "\u{D7A3}",
    // Indic: InCB consonants, linkers (viramas), InCB=Extend (nukta), vowel signs
    "क",
    "ष",
    "र",
    "\u{94D}",
    "\u{93C}",
    "\u{93F}",
    "\u{940}",
    "\u{901}",
    "\u{995}",
    "\u{9CD}",
    "\u{D15}",
    "\u{D4D}",
    "\u{1000}",
    "\u{1039}",
    "\u{17D2}",
    "\u{1780}",
    // Prepend, SpacingMark
    "\u{600}",
    "\u{605}",
    "\u{110BD}",
    "\u{D4E}",
    "\u{903}",
    "\u{E33}",
    "\u{1D166}",
    // Whole sequences
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🏳\u{FE0F}\u{200D}🌈",
    "👍\u{1F3FD}",
    "🇺🇸",
    "क\u{94D}ष",
    "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
    "e\u{301}",
    "\u{1100}\u{1161}\u{11A8}",
    "\r\n",
];

#[test]
fn random_strings_cut_on_cluster_boundaries() {
    let mut rng = Rng(0x5EED_CAFE_F00D_0001);
    let mut s = String::new();
    let mut checked_cuts = 0usize;
    for _ in 0..50_000 {
        s.clear();
        let pieces = rng.below(13);
        for _ in 0..pieces {
            s.push_str(POOL[rng.below(POOL.len())]);
        }
        let ends: Vec<usize> = s.grapheme_indices(true).map(|(i, g)| i + g.len()).collect();
        for max in 0..=count_chars(&s) + 1 {
            let (ours, theirs) = (cut_graphemes(&s, max), reference_cut(&s, max));
            assert_eq!(ours, theirs, "cut_graphemes({s:?}, {max}) ({})", hex(&s));
            // What is left before trimming ends on a cluster boundary, within the limit.
            assert!(count_chars(&ours) <= max);
            let untrimmed_end = ends.iter().copied().filter(|&e| count_chars(&s[..e]) <= max).max().unwrap_or(0);
            assert_eq!(ours, s[..untrimmed_end].trim_end(), "{s:?} {max}");
            checked_cuts += 1;
        }
    }
    assert!(checked_cuts > 100_000);
}

#[test]
fn cuts_keep_clusters_whole() {
    assert_eq!(cut_graphemes("ab👨\u{200D}👩\u{200D}👧", 4), "ab");
    assert_eq!(cut_graphemes("ab👨\u{200D}👩\u{200D}👧", 7), "ab👨\u{200D}👩\u{200D}👧");
    assert_eq!(cut_graphemes("abe\u{301}", 3), "ab");
    assert_eq!(cut_graphemes("ab \u{301}c", 3), "ab");
    assert_eq!(cut_graphemes("ab \u{301}c", 4), "ab \u{301}");
    assert_eq!(cut_graphemes("ab  cd", 4), "ab");
    assert_eq!(cut_graphemes("क्षि", 3), "");
    assert_eq!(cut_graphemes("🇺🇸🇫🇷", 3), "🇺🇸");
    assert_eq!(cut_graphemes("a\r\nb", 2), "a");
    assert_eq!(cut_graphemes("", 5), "");
}
