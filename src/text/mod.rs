//! Shared text rules: character classes, charsets, length units and the safe text fixes.
//! Every provider module uses these; none defines its own.

mod tables;

#[cfg(feature = "describe")]
pub use tables::UNICODE_VERSION;

/// Is `c` a Han ideograph (CJK Unified Ideographs and all extensions, CJK Compatibility
/// Ideographs, U+3007)? Kana, Hangul, CJK punctuation, radicals and full-width Latin are not.
pub fn is_han(c: char) -> bool {
    let cp = c as u32;
    // Fast rejects for the common cases.
    if cp < 0x3007 {
        return false;
    }
    if (0x4E00..=0x9FFF).contains(&cp) {
        return true;
    }
    in_ranges(tables::HAN, cp)
}

/// The Han ranges (inclusive), for exporting the charset (e.g. as a JSON Schema pattern).
#[cfg(feature = "describe")]
pub fn han_ranges() -> impl Iterator<Item = (u32, u32)> {
    tables::HAN.iter().copied()
}

/// Is `c` printable by upstream Nova's rule: in the BMP and not of category C* (control, format,
/// surrogate, private use, unassigned) nor a line or paragraph separator.
#[cfg_attr(not(any(feature = "openstack", feature = "nova", feature = "describe")), allow(dead_code))]
pub fn is_nova_printable(c: char) -> bool {
    let cp = c as u32;
    if cp > 0xFFFF {
        return false;
    }
    if (0x20..0x7F).contains(&cp) {
        return true;
    }
    !in_ranges(tables::BMP_UNPRINTABLE, cp)
}

fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The zero-width characters: U+200B ZERO WIDTH SPACE, U+200C ZERO WIDTH NON-JOINER, U+200D ZERO
/// WIDTH JOINER, U+2060 WORD JOINER, U+FEFF ZERO WIDTH NO-BREAK SPACE. Which of them normalization
/// removes: [`remove_zero_width`].
pub fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Is `c` U+200C ZERO WIDTH NON-JOINER or U+200D ZERO WIDTH JOINER? Between two characters they are
/// part of the text: Persian spelling (`می‌خواهم`), emoji ZWJ sequences (`👨‍👩‍👧` is one emoji).
pub fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// `s` without the zero-width characters that carry nothing, or `None` when there are none to
/// remove. `name`: the charset of a name (`None` for an id).
///
/// - In an id, every zero-width character ([`is_zero_width`]) is removed.
/// - In a name, U+200B, U+2060 and U+FEFF are removed wherever they stand (invisible, they change
///   neither the letters nor how they join). U+200C and U+200D are removed where the name's charset
///   refuses them (the removal is what makes the name pass, as with full-width folding), and
///   where they join nothing: a run of them is kept only when both the character before it and
///   the one after it exist and are neither Unicode White_Space nor zero-width. So `👨‍👩‍👧` and
///   `می‌خواهم` stay as written; a joiner at either end, beside a space or beside U+200B goes.
///
/// Idempotent, and the result never starts or ends with a joiner (trimming it cannot expose one).
/// Linear in `s`.
pub fn remove_zero_width(s: &str, name: Option<Charset>) -> Option<String> {
    if !s.chars().any(is_zero_width) {
        return None;
    }
    let keeps_joiners = name.map(|charset| (charset.allows('\u{200C}'), charset.allows('\u{200D}')));
    // A character a joiner can join: present, not whitespace, not zero-width.
    let joinable = |c: Option<char>| c.is_some_and(|c| !is_zero_width(c) && !is_trim_space(c));
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut before: Option<char> = None;
    while let Some(c) = chars.next() {
        if !is_joiner(c) {
            if !is_zero_width(c) {
                out.push(c);
            }
            before = Some(c);
            continue;
        }
        // A run of joiners: kept (the ones the charset allows) only between two joinable characters.
        let mut run = String::from(c);
        while let Some(&n) = chars.peek().filter(|&&n| is_joiner(n)) {
            run.push(n);
            chars.next();
        }
        if joinable(before) && joinable(chars.peek().copied()) {
            if let Some((zwnj, zwj)) = keeps_joiners {
                for j in run.chars() {
                    if if j == '\u{200C}' { zwnj } else { zwj } {
                        out.push(j);
                    }
                }
            }
        }
        before = run.chars().next_back();
    }
    (out.len() != s.len()).then_some(out)
}

/// Whitespace trimmed by normalization (Unicode White_Space: includes tabs, U+00A0, U+3000).
pub fn is_trim_space(c: char) -> bool {
    c.is_whitespace()
}

/// The unit a length limit is counted in (the `unit` param of `too_short` and `too_long`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unit {
    /// `chars`: Unicode scalar values (what Rust's `chars().count()` and Python's `len` give; a
    /// character outside the BMP is one char but two UTF-16 code units in JS).
    Chars,
    /// `bytes`: UTF-8 bytes.
    Bytes,
}

impl Unit {
    /// The name used in params: `chars` or `bytes`.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Chars => "chars",
            Unit::Bytes => "bytes",
        }
    }

    /// The length of `s` in this unit.
    pub fn count(self, s: &str) -> usize {
        match self {
            Unit::Chars => count_chars(s),
            Unit::Bytes => s.len(),
        }
    }

    /// The length of `s` in this unit where it may fall outside `min..=max`; `None` where the
    /// byte length alone proves it inside (a string of `b` UTF-8 bytes has between `b / 4` and `b`
    /// chars), so a value well within its limits is never scanned.
    pub fn count_if_outside(self, s: &str, min: usize, max: Option<usize>) -> Option<usize> {
        let b = s.len();
        let fewest = match self {
            Unit::Chars => b.div_ceil(4),
            Unit::Bytes => b,
        };
        if fewest >= min && max.is_none_or(|m| b <= m) {
            None
        } else {
            Some(self.count(s))
        }
    }
}

/// Number of Unicode scalar values in `s`, counted without decoding: every byte that does not
/// continue a UTF-8 sequence starts a new scalar value.
pub fn count_chars(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// The character sets of the providers' fields, in one table. `allows` is the rule,
/// `describe` the words a form shows for it. A field's rule (`rules::Str`) has one charset whose
/// findings are errors, and may carry stricter readings (`rules::Reading`) whose charsets only warn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    /// Any character.
    Any,
    /// Zenlayer image name: Han, ASCII letters and digits, `-`, `_`.
    HanAlnumDashUnderscore,
    /// Huawei image name (terraform provider docs): Han, ASCII letters and digits, `-`, `.`, `_`, space.
    HanAlnumDashDotUnderscoreSpace,
    /// Huawei image name (IMS "Image Attributes" pages): ASCII letters and digits, `-`, `.`, `_`, space.
    AlnumDashDotUnderscoreSpace,
    /// Huawei description, the pages' words: anything but a carriage return (CR), `<`, `>`.
    NoCrNoAngle,
    /// Huawei description, "回车" read as any line break: anything but CR, LF, `<`, `>`.
    NoLineBreakNoAngle,
    /// Nova name: printable BMP characters.
    NovaPrintable,
    /// Nova metadata key: `a-zA-Z0-9-_:. `.
    NovaMetaKey,
    /// Huawei tag key, strictest reading: ASCII letters and digits, `_`, `-`.
    TagKey,
    /// Huawei tag value, strictest reading: ASCII letters and digits, `_`, `.`, `-`.
    TagValue,
    /// Huawei tag key, most lenient reading: anything but `=`, `*`, `<`, `>`, `\`, `,`, `|`, `/`.
    HuaweiTagKey,
    /// Huawei tag value, most lenient reading: anything but `=`, `*`, `<`, `>`, `\`, `,`, `|`.
    HuaweiTagValue,
    /// Tencent tag key or value (Tag service "Use Limits"): Han, ASCII letters and digits, space,
    /// `+ - = . _ : / @ ( ) [ ] , ; > <` and the full-width `＋ － ＝ ／ ＠ （ ） 【 】 ：`.
    TencentTag,
    /// OBS bucket name: lowercase ASCII letters, digits, `-`, `.`.
    Bucket,
    /// An HTTP header value that any client sends as is: visible ASCII (U+0021..U+007E).
    /// (OpenStack's token goes into `X-Auth-Token`.)
    VisibleAscii,
    /// A Tencent region id (`ap-guangzhou`): lowercase ASCII letters, digits, `-`.
    /// (It goes into the `X-TC-Region` header.)
    RegionId,
    /// A project id as upstream Nova's router matches it: lowercase hexadecimal digits and `-`.
    LowerHexDash,
    /// Hexadecimal digits (either case) and `-`: every character of a UUID, dashed or not.
    HexDash,
}

impl Charset {
    /// Does the charset allow `c`? ASCII from [`Charset::ascii_mask`], the rest from
    /// [`Charset::allows_wide`]: one definition per charset, split at U+0080.
    #[inline]
    pub fn allows(self, c: char) -> bool {
        if c.is_ascii() {
            bit(self.ascii_mask(), c as u8)
        } else {
            self.allows_wide(c)
        }
    }

    /// The ASCII characters the charset allows, as a bit mask (bit `b % 64` of word `b / 64` for
    /// the byte `b`), computed at compile time from [`Charset::allows_ascii`].
    #[inline]
    const fn ascii_mask(self) -> [u64; 2] {
        const fn mask(set: Charset) -> [u64; 2] {
            let mut m = [0u64; 2];
            let mut b = 0u8;
            while b < 128 {
                if set.allows_ascii(b) {
                    m[(b / 64) as usize] |= 1 << (b % 64);
                }
                b += 1;
            }
            m
        }
        const MASKS: [[u64; 2]; Charset::COUNT] = {
            let mut out = [[0u64; 2]; Charset::COUNT];
            let mut i = 0;
            while i < Charset::COUNT {
                out[i] = mask(Charset::ALL[i]);
                i += 1;
            }
            out
        };
        MASKS[self as usize]
    }

    const COUNT: usize = 18;
    const ALL: [Charset; Charset::COUNT] = [
        Charset::Any,
        Charset::HanAlnumDashUnderscore,
        Charset::HanAlnumDashDotUnderscoreSpace,
        Charset::AlnumDashDotUnderscoreSpace,
        Charset::NoCrNoAngle,
        Charset::NoLineBreakNoAngle,
        Charset::NovaPrintable,
        Charset::NovaMetaKey,
        Charset::TagKey,
        Charset::TagValue,
        Charset::HuaweiTagKey,
        Charset::HuaweiTagValue,
        Charset::TencentTag,
        Charset::Bucket,
        Charset::VisibleAscii,
        Charset::RegionId,
        Charset::LowerHexDash,
        Charset::HexDash,
    ];

    /// The rule for an ASCII character (`b < 0x80`).
    const fn allows_ascii(self, b: u8) -> bool {
        let alnum = b.is_ascii_alphanumeric();
        match self {
            Charset::Any => true,
            Charset::HanAlnumDashUnderscore => alnum || matches!(b, b'-' | b'_'),
            Charset::HanAlnumDashDotUnderscoreSpace | Charset::AlnumDashDotUnderscoreSpace => {
                alnum || matches!(b, b'-' | b'.' | b'_' | b' ')
            }
            Charset::NoCrNoAngle => !matches!(b, b'\r' | b'<' | b'>'),
            // The line breaks of Unicode's mandatory breaks (UAX #14 BK, CR, LF, NL): LF, VT, FF, CR
            // here, and NEL, LS, PS beyond ASCII.
            Charset::NoLineBreakNoAngle => !matches!(b, b'\n' | 0x0B | 0x0C | b'\r' | b'<' | b'>'),
            // Nova: the printable ASCII characters (not C0 controls nor DEL).
            Charset::NovaPrintable => matches!(b, 0x20..=0x7E),
            Charset::NovaMetaKey => alnum || matches!(b, b'-' | b'_' | b':' | b'.' | b' '),
            Charset::TagKey => alnum || matches!(b, b'_' | b'-'),
            Charset::TagValue => alnum || matches!(b, b'_' | b'.' | b'-'),
            Charset::HuaweiTagKey => !matches!(b, b'=' | b'*' | b'<' | b'>' | b'\\' | b',' | b'|' | b'/'),
            Charset::HuaweiTagValue => !matches!(b, b'=' | b'*' | b'<' | b'>' | b'\\' | b',' | b'|'),
            Charset::TencentTag => {
                alnum
                    || matches!(
                        b,
                        b' ' | b'+'
                            | b'-'
                            | b'='
                            | b'.'
                            | b'_'
                            | b':'
                            | b'/'
                            | b'@'
                            | b'('
                            | b')'
                            | b'['
                            | b']'
                            | b','
                            | b';'
                            | b'>'
                            | b'<'
                    )
            }
            Charset::Bucket => b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'.'),
            Charset::VisibleAscii => b.is_ascii_graphic(),
            Charset::RegionId => b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-',
            Charset::LowerHexDash => b.is_ascii_digit() || matches!(b, b'a'..=b'f' | b'-'),
            Charset::HexDash => b.is_ascii_hexdigit() || b == b'-',
        }
    }

    /// The rule for a character from U+0080 on.
    fn allows_wide(self, c: char) -> bool {
        match self {
            Charset::Any | Charset::NoCrNoAngle | Charset::HuaweiTagKey | Charset::HuaweiTagValue => true,
            Charset::NoLineBreakNoAngle => !matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'),
            Charset::HanAlnumDashUnderscore | Charset::HanAlnumDashDotUnderscoreSpace => is_han(c),
            // (Only Nova's name has this charset: a build without OpenStack and Nova leaves its
            // table out.)
            #[cfg(any(feature = "openstack", feature = "nova", feature = "describe"))]
            Charset::NovaPrintable => is_nova_printable(c),
            #[cfg(not(any(feature = "openstack", feature = "nova", feature = "describe")))]
            Charset::NovaPrintable => false,
            Charset::TencentTag => {
                matches!(c, '＋' | '－' | '＝' | '／' | '＠' | '（' | '）' | '【' | '】' | '：') || is_han(c)
            }
            Charset::AlnumDashDotUnderscoreSpace
            | Charset::NovaMetaKey
            | Charset::TagKey
            | Charset::TagValue
            | Charset::Bucket
            | Charset::VisibleAscii
            | Charset::RegionId
            | Charset::LowerHexDash
            | Charset::HexDash => false,
        }
    }

    /// The first character not allowed, with its index in characters.
    pub fn first_bad(self, s: &str) -> Option<(usize, char)> {
        if self == Charset::Any {
            return None;
        }
        if s.is_ascii() {
            // One byte per char: a mask test per byte, no UTF-8 decoding.
            let mask = self.ascii_mask();
            return s.bytes().position(|b| !bit(mask, b)).map(|i| (i, char::from(s.as_bytes()[i])));
        }
        s.chars().enumerate().find(|&(_, c)| !self.allows(c))
    }

    /// The charset in words, for forms: (English, Chinese).
    #[cfg(feature = "describe")]
    pub fn describe(self) -> (&'static str, &'static str) {
        match self {
            Charset::Any => ("any characters", "任意字符"),
            Charset::HanAlnumDashUnderscore => {
                ("Chinese characters, ASCII letters, digits, - and _", "中文汉字、英文字母、数字、- 和 _")
            }
            Charset::HanAlnumDashDotUnderscoreSpace => (
                "Chinese characters, ASCII letters, digits, -, ., _ and spaces (not at either end)",
                "中文汉字、英文字母、数字、-、.、_ 和空格（不能在首尾）",
            ),
            Charset::AlnumDashDotUnderscoreSpace => (
                "ASCII letters, digits, -, ., _ and spaces (not at either end)",
                "英文字母、数字、-、.、_ 和空格（不能在首尾）",
            ),
            Charset::NoCrNoAngle => ("no carriage returns, < or >", "不能包含回车符、< 或 >"),
            Charset::NoLineBreakNoAngle => ("no line breaks, < or >", "不能包含换行符、< 或 >"),
            Charset::NovaPrintable => (
                "printable characters of the Basic Multilingual Plane, no whitespace at either end",
                "基本多文种平面内的可打印字符，首尾不能是空白",
            ),
            Charset::NovaMetaKey => ("ASCII letters, digits, -, _, :, . and spaces", "英文字母、数字、-、_、:、. 和空格"),
            Charset::TagKey => ("ASCII letters, digits, _ and -", "英文字母、数字、_ 和 -"),
            Charset::TagValue => ("ASCII letters, digits, _, . and -", "英文字母、数字、_、. 和 -"),
            Charset::HuaweiTagKey => (
                "any characters except = * < > \\ , | / (no space at either end)",
                "除 = * < > \\ , | / 以外的任意字符（首尾不能是空格）",
            ),
            Charset::HuaweiTagValue => (
                "any characters except = * < > \\ , | (no space at either end)",
                "除 = * < > \\ , | 以外的任意字符（首尾不能是空格）",
            ),
            Charset::TencentTag => (
                "Chinese characters, ASCII letters, digits, spaces and + - = . _ : / @ ( ) [ ] , ; > < ＋ － ＝ ／ ＠ （ ） 【 】 ：",
                "中文汉字、英文字母、数字、空格及 + - = . _ : / @ ( ) [ ] , ; > < ＋ － ＝ ／ ＠ （ ） 【 】 ：",
            ),
            Charset::Bucket => ("lowercase ASCII letters, digits, - and .", "小写英文字母、数字、- 和 ."),
            Charset::VisibleAscii => {
                ("visible ASCII characters (no spaces or line breaks)", "可见 ASCII 字符（不含空格和换行）")
            }
            Charset::RegionId => {
                ("lowercase ASCII letters, digits and -, e.g. ap-guangzhou", "小写英文字母、数字和 -，例如 ap-guangzhou")
            }
            Charset::LowerHexDash => ("lowercase hexadecimal digits and -", "小写十六进制数字和 -"),
            Charset::HexDash => ("hexadecimal digits and -", "十六进制数字和 -"),
        }
    }
}

/// Which characters may not stand at either end of a value (`bad_format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// No rule.
    Free,
    /// No U+0020 SPACE at either end (Huawei, Tencent tags).
    NoSpace,
    /// No Unicode White_Space at either end (Nova's name).
    NoWhiteSpace,
}

impl Edge {
    /// Does `s` break the rule?
    pub fn broken(self, s: &str) -> bool {
        if self == Edge::Free {
            return false;
        }
        let bad = |c: Option<char>| match (self, c) {
            (Edge::NoSpace, Some(c)) => c == ' ',
            (Edge::NoWhiteSpace, Some(c)) => c.is_whitespace(),
            _ => false,
        };
        bad(s.chars().next()) || bad(s.chars().next_back())
    }

    /// The `format` param of its `bad_format` issue.
    pub fn format(self) -> &'static str {
        match self {
            Edge::NoWhiteSpace => "no leading or trailing whitespace",
            _ => "no leading or trailing space",
        }
    }
}

/// Bit `b` (an ASCII byte) of a charset's mask.
#[inline]
fn bit(mask: [u64; 2], b: u8) -> bool {
    mask[usize::from(b >> 6) & 1] >> (b & 63) & 1 == 1
}

/// Fold one full-width ASCII form (U+FF01..U+FF5E) to ASCII, and U+3000 to a space.
pub fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// The full-width fold of `c` where `charset` refuses `c` and allows its fold; `c` otherwise.
/// A name is folded only where the fold is what makes it pass (a Tencent name may hold `（`).
pub fn fold_if_refused(charset: Charset, c: char) -> char {
    let f = fold_width(c);
    if f != c && !charset.allows(c) && charset.allows(f) {
        f
    } else {
        c
    }
}

/// Cut `s` to at most `max` chars (Unicode scalar values) on an extended grapheme-cluster boundary
/// (UAX #29, as the unicode-segmentation crate finds them), so an emoji sequence or a letter with
/// its combining marks is never split. Trailing whitespace left by the cut is dropped.
///
/// With the `intl-segmenter` feature on wasm32 (the npm package's one-provider modules), the
/// boundaries are the JavaScript host's `Intl.Segmenter`'s (the same UAX #29 rules, in the
/// Unicode version of the browser's ICU; pkg/inline.js `graphemeEnd`).
pub fn cut_graphemes(s: &str, max: usize) -> String {
    trim_end(&s[..grapheme_end(s, max)]).to_owned()
}

/// The byte length of the longest prefix of `s` of at most `max` chars that ends on a grapheme
/// cluster boundary.
#[cfg(not(all(feature = "intl-segmenter", target_arch = "wasm32")))]
fn grapheme_end(s: &str, max: usize) -> usize {
    // (The cursor alone, without the double-ended iterator over it: less code in the wasm.)
    let mut cursor = unicode_segmentation::GraphemeCursor::new(0, s.len(), true);
    let (mut end, mut n) = (0, 0);
    while let Ok(Some(next)) = cursor.next_boundary(s, 0) {
        n += count_chars(s.get(end..next).unwrap_or(""));
        if n > max {
            break;
        }
        end = next;
    }
    end
}

#[cfg(all(feature = "intl-segmenter", target_arch = "wasm32"))]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/pkg/inline.js")]
extern "C" {
    /// pkg/inline.js: the chars in the longest prefix of `s` of at most `max` chars that ends on a
    /// grapheme cluster boundary, by `Intl.Segmenter`; never throws.
    #[wasm_bindgen(js_name = graphemeEnd)]
    fn intl_grapheme_end(s: &str, max: u32) -> u32;
}

/// As above, by the host's `Intl.Segmenter`. Only the first `max + 1` chars are passed: whether
/// there is a boundary before the char at position `k` depends on the chars before it and that char
/// only, so those decide every boundary up to `max` (and JavaScript gets a bounded string).
///
/// Between two characters each ASCII or Han there is always a boundary, but in CR LF (UAX #29:
/// none of them extends, prepends, joins or is a regional indicator or an Indic consonant), so a
/// cut there asks nothing of the host: a long ASCII or Chinese label costs no call into JavaScript
/// (each is ~0.1 ms in Node 20).
#[cfg(all(feature = "intl-segmenter", target_arch = "wasm32"))]
fn grapheme_end(s: &str, max: usize) -> usize {
    let Some((at, next)) = char_at(s, max).and_then(|at| Some((at, s[at..].chars().next()?))) else {
        return s.len();
    };
    let simple = |c: char| c.is_ascii() || is_han(c);
    if s[..at].chars().next_back().is_some_and(|last| simple(last) && simple(next) && !(last == '\r' && next == '\n')) {
        return at;
    }
    // The first max + 1 chars: up to and with the char at the cut.
    let head = &s[..at + next.len_utf8()];
    let n = (intl_grapheme_end(head, u32::try_from(max).unwrap_or(u32::MAX)) as usize).min(max);
    char_at(head, n).unwrap_or(head.len())
}

/// Does `c` move the cursor, change the screen, reorder a line or not show: C0 and C1 controls
/// and DEL, U+2028/U+2029, the bidirectional controls, zero-width and invisible format characters
/// (U+00AD, U+061C, U+200B..U+200F, U+2060..U+2064, U+FEFF, U+FFF9..U+FFFB). [`visible`] escapes
/// them; a message names them by code point only.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
        // Zero-width and invisible format characters: a key `ImageName\u{200B}` would read
        // as the known field.
        || ('\u{200B}'..='\u{200D}').contains(&c)
        || ('\u{2060}'..='\u{2064}').contains(&c)
        || ('\u{FFF9}'..='\u{FFFB}').contains(&c)
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Is `c` a Default_Ignorable_Code_Point (Unicode 17.0, DerivedCoreProperties.txt): a character a
/// renderer shows as nothing when it cannot render it (soft hyphen, joiners, bidi and other format
/// controls, variation selectors, Hangul fillers, tags, and the code points reserved for more).
pub fn is_default_ignorable(c: char) -> bool {
    matches!(
        c as u32,
        0xAD | 0x34F
            | 0x61C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// Text for a log line or a terminal: the characters that move the cursor, change the screen,
/// reorder a line or cannot be seen (C0 and C1 controls, DEL, U+2028/U+2029, the bidirectional
/// controls, zero-width and invisible format characters) written as
/// `\u{XXXX}`, so that a key, a value or a label from a request can neither forge a line nor hide
/// one (`Display` of a report and of an unknown id, the CLI's text).
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    escape_hidden(s, false, |c| {
        let mut out = String::from("\\u{");
        out.push_str(&code_point(c as u32)[2..]);
        out.push('}');
        out
    })
}

/// `s` with each character [`visible`] escapes written by `escape` (a line feed kept where
/// `keep_line_feeds`).
pub fn escape_hidden(s: &str, keep_line_feeds: bool, escape: impl Fn(char) -> String) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| is_hidden(c) && !(keep_line_feeds && c == '\n');
    if !s.chars().any(hidden) {
        return s.into();
    }
    s.chars().map(|c| if hidden(c) { escape(c) } else { c.to_string() }).collect::<String>().into()
}

/// `s.split_once(b)` for an ASCII `b`, by a byte search (an ASCII byte is never part of another
/// character in UTF-8): no `char` pattern searcher (core's `CharSearcher`, `Split<char>`) in the
/// WebAssembly build, where every `split`/`split_once` on a `char` brought it.
pub fn split_byte(s: &str, b: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|x| x == b)?;
    Some((&s[..i], &s[i + 1..]))
}

/// `s.trim_end_matches(['.', '。'])` (a message without its full stops), by suffixes: no `[char; 2]`
/// pattern searcher in the WebAssembly build.
pub fn trim_stops(mut s: &str) -> &str {
    while let Some(t) = s.strip_suffix(".").or_else(|| s.strip_suffix("。")) {
        s = t;
    }
    s
}

/// `s.trim()`: Unicode White_Space ([`is_trim_space`]) off both ends, char by char, without
/// core's pattern searchers (`trim_matches`, `CharPredicateSearcher`) in the WebAssembly build.
pub fn trim(mut s: &str) -> &str {
    while let Some(c) = s.chars().next().filter(|&c| is_trim_space(c)) {
        s = &s[c.len_utf8()..];
    }
    trim_end(s)
}

/// `s.trim_end()`, as [`trim`].
pub fn trim_end(mut s: &str) -> &str {
    while let Some(c) = s.chars().next_back().filter(|&c| is_trim_space(c)) {
        s = &s[..s.len() - c.len_utf8()];
    }
    s
}

/// `parts.concat()`: the pieces one after the other, pushed one by one (no generic `[&str]::concat`,
/// with its checked length sum and copy loop, in the WebAssembly build).
pub fn cat(parts: &[&str]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push_str(p);
    }
    s
}

/// The byte index of the char at position `n` of `s` (`s.char_indices().nth(n)`'s index), by
/// counting the bytes that start a char: no `CharIndices::nth` in the WebAssembly build.
pub fn char_at(s: &str, n: usize) -> Option<usize> {
    let mut k = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // (Not a UTF-8 continuation byte, 0b10xx_xxxx.)
        if (b as i8) >= -0x40 {
            if k == n {
                return Some(i);
            }
            k += 1;
        }
    }
    None
}

/// `s.split(b)` for an ASCII `b`, through [`split_byte`].
pub fn split_bytes(s: &str, b: u8) -> SplitBytes<'_> {
    SplitBytes(Some(s), b)
}

/// The iterator of [`split_bytes`].
pub struct SplitBytes<'a>(Option<&'a str>, u8);

impl<'a> Iterator for SplitBytes<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let s = self.0?;
        Some(match split_byte(s, self.1) {
            Some((piece, rest)) => {
                self.0 = Some(rest);
                piece
            }
            None => {
                self.0 = None;
                s
            }
        })
    }
}

/// Is `s` a UUID written 8-4-4-4-12 in hexadecimal digits (either case)?
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Is `s` exactly `n` hexadecimal digits?
pub fn is_hex(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|c| c.is_ascii_hexdigit())
}

/// `U+3042` for a code point.
pub fn code_point(cp: u32) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::from("U+");
    let digits = if cp > 0xFFFF {
        if cp > 0xFFFFF {
            6
        } else {
            5
        }
    } else {
        4
    };
    for i in (0..digits).rev() {
        out.push(HEX[((cp >> (i * 4)) & 0xF) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The charset table as it was written before it was split at U+0080: the split must not
    /// change a single answer.
    fn allows_reference(set: Charset, c: char) -> bool {
        match set {
            Charset::Any => true,
            Charset::HanAlnumDashUnderscore => c.is_ascii_alphanumeric() || c == '-' || c == '_' || is_han(c),
            Charset::HanAlnumDashDotUnderscoreSpace => {
                c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | ' ') || is_han(c)
            }
            Charset::AlnumDashDotUnderscoreSpace => c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | ' '),
            Charset::NoCrNoAngle => !matches!(c, '\r' | '<' | '>'),
            Charset::NoLineBreakNoAngle => {
                !matches!(c, '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' | '<' | '>')
            }
            Charset::NovaPrintable => is_nova_printable(c),
            Charset::NovaMetaKey => c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.' | ' '),
            Charset::TagKey => c.is_ascii_alphanumeric() || matches!(c, '_' | '-'),
            Charset::TagValue => c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'),
            Charset::HuaweiTagKey => !matches!(c, '=' | '*' | '<' | '>' | '\\' | ',' | '|' | '/'),
            Charset::HuaweiTagValue => !matches!(c, '=' | '*' | '<' | '>' | '\\' | ',' | '|'),
            Charset::TencentTag => {
                c.is_ascii_alphanumeric()
                    || matches!(c, ' ' | '+' | '-' | '=' | '.' | '_' | ':' | '/' | '@' | '(' | ')' | '[' | ']' | ',')
                    || matches!(
                        c,
                        ';' | '>' | '<' | '＋' | '－' | '＝' | '／' | '＠' | '（' | '）' | '【' | '】' | '：'
                    )
                    || is_han(c)
            }
            Charset::Bucket => c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.'),
            Charset::VisibleAscii => c.is_ascii_graphic(),
            Charset::RegionId => c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-',
            Charset::LowerHexDash => c.is_ascii_digit() || matches!(c, 'a'..='f' | '-'),
            Charset::HexDash => c.is_ascii_hexdigit() || c == '-',
        }
    }

    #[test]
    fn charset_split_at_u0080_answers_as_the_table_did() {
        for (i, set) in Charset::ALL.into_iter().enumerate() {
            assert_eq!(set as usize, i, "Charset::ALL is in declaration order");
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                assert_eq!(set.allows(c), allows_reference(set, c), "{set:?} {c:?}");
            }
            for s in ["", "abc-_ .:", "é", "abc\u{7F}", "数据盘 web", "a<b", "x\u{3000}y", "ＡＢ", "\u{20000}"] {
                let want = s.chars().enumerate().find(|&(_, c)| !allows_reference(set, c));
                assert_eq!(set.first_bad(s), if set == Charset::Any { None } else { want }, "{set:?} {s:?}");
            }
        }
    }

    #[test]
    fn han() {
        for c in ['中', '〇', '𠀀', '\u{2EBF0}', '\u{F900}', '\u{2F800}', '\u{9FFF}'] {
            assert!(is_han(c), "{c}");
        }
        for c in ['あ', 'ア', '한', '。', 'ａ', '１', '⺀', '\u{2F00}', 'a', '\u{3006}'] {
            assert!(!is_han(c), "{c}");
        }
    }

    #[test]
    fn nova_printable() {
        for c in ['a', ' ', 'é', '中', '\u{00A0}', '\u{3000}'] {
            assert!(is_nova_printable(c), "{c:?}");
        }
        for c in ['\u{7}', '\u{200E}', '\u{2028}', '\u{2029}', '\u{E000}', '𠀀', '😀', '\u{FEFF}'] {
            assert!(!is_nova_printable(c), "{c:?}");
        }
    }

    #[test]
    fn reading_charsets_and_the_fold_decision() {
        // Huawei tags: the lenient sets refuse only what no page allows.
        for c in ['部', ' ', '.', '@', '😀', 'é', '#'] {
            assert!(Charset::HuaweiTagKey.allows(c), "{c:?}");
        }
        for c in ['=', '*', '<', '>', '\\', ',', '|', '/'] {
            assert!(!Charset::HuaweiTagKey.allows(c), "{c:?}");
        }
        assert!(Charset::HuaweiTagValue.allows('/') && !Charset::HuaweiTagValue.allows('|'));
        // Tencent's Tag page set: half- and full-width punctuation it lists, Han, not emoji or '#'.
        for c in ['部', 'a', '9', ' ', '+', '[', '>', '＋', '【', '：', '（', '\u{20000}'] {
            assert!(Charset::TencentTag.allows(c), "{c:?}");
        }
        for c in ['#', '!', '😀', 'あ', '\u{3000}', '\u{301}'] {
            assert!(!Charset::TencentTag.allows(c), "{c:?}");
        }
        assert!(
            Charset::LowerHexDash.allows('f')
                && !Charset::LowerHexDash.allows('F')
                && !Charset::LowerHexDash.allows('g')
        );
        // A name's full-width form is folded only where the charset refuses it and takes the fold.
        assert_eq!(fold_if_refused(Charset::HanAlnumDashUnderscore, 'ｗ'), 'w');
        assert_eq!(fold_if_refused(Charset::HanAlnumDashUnderscore, '．'), '．', "'.' is refused too");
        assert_eq!(fold_if_refused(Charset::Any, '（'), '（');
        assert_eq!(fold_if_refused(Charset::NovaPrintable, 'ｗ'), 'ｗ');
        assert_eq!(fold_if_refused(Charset::HanAlnumDashDotUnderscoreSpace, '\u{3000}'), ' ');
        assert!(
            Edge::NoSpace.broken(" a") && !Edge::NoSpace.broken("\u{3000}a") && Edge::NoWhiteSpace.broken("\u{3000}a")
        );
        assert!(!Edge::Free.broken(" "));
    }

    #[test]
    fn zero_width_removal() {
        let any = Some(Charset::Any);
        let (zwnj, zwj) = ('\u{200C}', '\u{200D}');
        let fam = "👨\u{200D}👩\u{200D}👧";
        // Joiners between two characters stay in a name whose charset takes them.
        for s in [fam, "می\u{200C}خواهم", "a\u{200D}\u{200C}\u{200D}b", "(\u{200D})"] {
            assert_eq!(remove_zero_width(s, any), None, "{s:?}");
        }
        // At an end, beside whitespace or beside another zero-width character they join nothing.
        for (s, want) in [
            ("\u{200D}a", "a"),
            ("a\u{200C}", "a"),
            ("a\u{200D} b", "a b"),
            ("a \u{200D}b", "a b"),
            ("a\u{3000}\u{200C}b", "a\u{3000}b"),
            ("a\u{200B}\u{200D}b", "ab"),
            ("a\u{200D}\u{FEFF}b", "ab"),
            ("\u{200D}", ""),
            ("w\u{200B}e\u{2060}b\u{FEFF}", "web"),
        ] {
            assert_eq!(remove_zero_width(s, any).as_deref(), Some(want), "{s:?}");
            // Idempotent.
            assert_eq!(remove_zero_width(want, any), None, "{want:?}");
        }
        // A charset that refuses them (Zenlayer, Nova) and an id: every one goes.
        for set in [Some(Charset::HanAlnumDashUnderscore), Some(Charset::NovaPrintable), None] {
            assert_eq!(remove_zero_width("a\u{200D}b\u{200C}c", set).as_deref(), Some("abc"), "{set:?}");
        }
        assert_eq!(remove_zero_width(&fam.replace(zwj, &zwnj.to_string()), None).as_deref(), Some("👨👩👧"));
        assert_eq!(remove_zero_width("plain", None), None);
    }

    #[test]
    fn counting_and_cutting() {
        assert_eq!(count_chars("a中𠀀e\u{301}"), 5);
        assert_eq!(cut_graphemes("abe\u{301}", 3), "ab");
        assert_eq!(cut_graphemes("ab👨\u{200D}👩\u{200D}👧", 4), "ab");
        assert_eq!(fold_width('ｔ'), 't');
        assert_eq!(code_point(0x41), "U+0041");
        assert_eq!(code_point(0x20000), "U+20000");
        assert_eq!(code_point(0x10FFFF), "U+10FFFF");
        assert_eq!(fold_width('－'), '-');
        assert!(is_uuid("da5834e0-31d2-40f9-b271-6592f9f68370"));
        assert!(!is_uuid("da5834e0-31d2-40f9-b271-6592f9f6837"));
    }

    /// The byte splits, the trims and `trim_stops` give what core's pattern versions give, on
    /// strings built from every White_Space character, the stops, the split bytes and a few others.
    #[test]
    fn hand_written_trims_and_splits_equal_core() {
        let mut pieces: Vec<String> = (0..=0x3000u32)
            .chain([0xFEFF, 0x1F600, 0x10FFFF])
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace() || c.is_ascii() || matches!(c, '。' | '\u{85}' | 'é' | '\u{FEFF}'))
            .map(String::from)
            .collect();
        pieces.extend(["。。", "a.b", "/x/~0~1", "x:y", "", "汉"].map(String::from));
        let n = pieces.len();
        for (i, a) in pieces.iter().enumerate() {
            for b in [&pieces[(i * 7) % n], &pieces[(i * 13 + 5) % n], &pieces[n - 1 - i]] {
                for s in [format!("{a}{b}"), format!("{a}x{b}"), format!("{b}{a}{a}{b}"), format!("{a}。.{b}。")] {
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                    assert_eq!(trim_end(&s), s.trim_end(), "{s:?}");
                    assert_eq!(trim_stops(&s), s.trim_end_matches(['.', '。']), "{s:?}");
                    for n in 0..s.chars().count() + 2 {
                        assert_eq!(char_at(&s, n), s.char_indices().nth(n).map(|(i, _)| i), "{s:?} {n}");
                    }
                    assert_eq!(cat(&[&s, "", a, b]), [s.as_str(), "", a, b].concat());
                    for sep in [b'.', b'/', b'~', b':', b' ', b'\n'] {
                        assert_eq!(split_byte(&s, sep), s.split_once(sep as char), "{s:?}");
                        assert!(split_bytes(&s, sep).eq(s.split(sep as char)), "{s:?}");
                    }
                }
            }
        }
    }
}
