//! A small JSON value, parser and writer.
//!
//! Our own rather than serde_json because the checker needs things serde_json does not give:
//! object key order kept as written (normalized output must look like the input), number literals
//! kept as written (`40.0` vs `40`, 255-digit names), strings with lone surrogates kept (reported as
//! `bad_char`, never silently replaced), nesting cut at a depth limit into a value instead of an
//! error or a stack overflow, and a few extra tokens the JS bridge uses for values JSON cannot carry
//! (`BigInt`, `NaN`, a getter that threw, ...). Strings without escapes borrow from the input.

use std::borrow::Cow;

/// Nesting deeper than this is not inspected: the value becomes [`Other::TooDeep`].
pub const MAX_DEPTH: usize = 64;

/// A JSON value (plus the few JS values the wasm bridge can hand over): what every entry point
/// takes. Made by [`Value::parse`] from JSON text (strings without escapes borrow from it: call
/// [`Value::into_owned`] to keep the value longer than the text), with the `serde_json` feature
/// from a `serde_json::Value`, or built by hand ([`Value::str`], [`Value::num`], [`Value::obj`]).
///
/// The variants are JSON's, so they are fixed (a `match` needs no `_` arm); what JSON cannot
/// carry is [`Value::Other`], whose [`Other`] may grow.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// The number literal as written: JSON number syntax, as the parser makes it. One built by hand
    /// that is not (`Value::Number("40,\"admin\":true".into())`) is a string to the writers
    /// ([`Value::to_json`] and `Serialize` write it quoted, never as raw text), and [`crate::to_http`]
    /// refuses it.
    Number(Cow<'a, str>),
    /// A string (valid Unicode; one with an unpaired surrogate is [`Other::LoneSurrogate`]).
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// Entries in input order; a repeated key keeps its last value (as `JSON.parse` does).
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
    /// Something JSON cannot carry. Always reported, never silently dropped.
    Other(Box<Other>),
}

/// Values that are not JSON but can reach the checker.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Other {
    /// A string holding an unpaired UTF-16 surrogate (possible in JS, and as a `\uD800` escape in JSON text).
    LoneSurrogate {
        /// The string literal as written, without quotes, so it can be written back unchanged.
        raw: String,
        /// The surrogate (U+D800..U+DFFF).
        code_point: u32,
        /// Position of the surrogate in the string, in characters.
        index: usize,
    },
    /// Nesting deeper than [`MAX_DEPTH`]; the content was skipped.
    TooDeep,
    /// The value of an object member whose key holds an unpaired surrogate. The entry's key is the
    /// key with U+FFFD in place of the surrogate (a Rust string cannot hold one); `raw` is the key
    /// as written, so the entry is written back unchanged, and the checks of keys report the
    /// surrogate itself.
    BadKey {
        /// The key as written, without quotes.
        raw: String,
        /// The surrogate (U+D800..U+DFFF).
        code_point: u32,
        /// Position of the surrogate in the key, in characters.
        index: usize,
        /// The member's value.
        value: Value<'static>,
    },
    /// A JS value with no JSON form: `"bigint"`, `"nan"`, `"infinity"`, `"-infinity"`, `"function"`,
    /// `"symbol"`, `"undefined"`, `"cycle"`, `"date"`, `"unreadable"` (a getter or proxy trap threw),
    /// with a detail (the BigInt digits, the date, the exception text).
    Js {
        /// Which JS value.
        kind: JsKind,
        /// What the bridge could say about it (may be empty).
        detail: String,
    },
}

/// The kinds of JS-only values the bridge encodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JsKind {
    /// A `BigInt` (`detail`: its digits).
    BigInt,
    /// `NaN`.
    NaN,
    /// `Infinity`.
    Infinity,
    /// `-Infinity`.
    NegInfinity,
    /// A function.
    Function,
    /// A `Symbol`.
    Symbol,
    /// `undefined` (inside an array; object members that are `undefined` are left out, as JSON does).
    Undefined,
    /// A reference back to an enclosing object or array.
    Cycle,
    /// A `Date` (`detail`: its ISO text).
    Date,
    /// A property whose getter or proxy trap threw (`detail`: the exception's text).
    Unreadable,
}

impl JsKind {
    /// Each kind (in the order of the variants: a test holds it there), its bridge name and its
    /// type name in `wrong_type`'s `actual`.
    const ALL: [(JsKind, &'static str, &'static str); 10] = [
        (JsKind::BigInt, "bigint", "bigint"),
        (JsKind::NaN, "nan", "NaN"),
        (JsKind::Infinity, "infinity", "Infinity"),
        (JsKind::NegInfinity, "-infinity", "-Infinity"),
        (JsKind::Function, "function", "function"),
        (JsKind::Symbol, "symbol", "symbol"),
        (JsKind::Undefined, "undefined", "undefined"),
        (JsKind::Cycle, "cycle", "cycle"),
        (JsKind::Date, "date", "date"),
        (JsKind::Unreadable, "unreadable", "unreadable"),
    ];
    /// The bridge's name for it (`bigint`, `nan`, ...).
    pub fn name(self) -> &'static str {
        Self::ALL.get(self as usize).map_or("unknown", |k| k.1)
    }
    /// Its name in `wrong_type`'s `actual`: the bridge's name, but `NaN`, `Infinity`, `-Infinity`.
    fn type_name(self) -> &'static str {
        Self::ALL.get(self as usize).map_or("unknown", |k| k.2)
    }
    fn from_name(s: &str) -> Option<JsKind> {
        Self::ALL.iter().find(|k| k.1 == s).map(|k| k.0)
    }
}

/// A member's value as given: under a key holding an unpaired surrogate the parser wraps it
/// ([`Other::BadKey`]); any other value is itself.
pub fn unmarked<'v, 't>(v: &'v Value<'t>) -> &'v Value<'t> {
    match v {
        Value::Other(o) => match &**o {
            Other::BadKey { value, .. } => value,
            _ => v,
        },
        _ => v,
    }
}

impl<'a> Value<'a> {
    /// The JSON type name used in `wrong_type` params.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
            Value::Other(o) => match &**o {
                Other::LoneSurrogate { .. } => "string",
                Other::BadKey { value, .. } => value.type_name(),
                Other::TooDeep => "too deep",
                Other::Js { kind, .. } => kind.type_name(),
            },
        }
    }

    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The members, in order, if this is an object.
    pub fn as_object(&self) -> Option<&[(Cow<'a, str>, Value<'a>)]> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The member `key` of an object (the last one if repeated).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object()?.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The boolean, if this is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number as an `i64`, if this is a number that is an integer (whatever its notation:
    /// `40`, `40.0`, `4e1`, `4000e-2`, as the rules read an integer) within `i64`'s range; `None`
    /// for a fraction, a number out of that range, a literal built by hand that is not JSON number
    /// syntax (`+40`, which the writers write as a string) or anything else. Exact: no floating point.
    ///
    /// ```
    /// use createimage::Value;
    /// assert_eq!(Value::parse("4e1").unwrap().as_i64(), Some(40));
    /// assert_eq!(Value::parse("40.5").unwrap().as_i64(), None);
    /// assert_eq!(Value::parse("\"40\"").unwrap().as_i64(), None);
    /// ```
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) if is_json_number(n) => number_as_i64(n),
            _ => None,
        }
    }

    /// The value at a JSON pointer (RFC 6901: `""` is this value, `/TagSpecification/0/Tags`, `~1`
    /// for `/` and `~0` for `~` in a key; an array index in decimal without leading zeros), or `None`,
    /// also for a pointer that is not one (no leading `/`, a `~` not followed by `0` or `1`). An
    /// object's repeated key is read as [`Value::get`] reads it, and the value of a key holding an
    /// unpaired surrogate (its key has U+FFFD in its place) is the member's own value, not
    /// [`Other::BadKey`]'s wrapper.
    ///
    /// ```
    /// use createimage::Value;
    /// let v = Value::parse(r#"{"TagSpecification": [{"Tags": [{"Key": "env"}]}], "a/b": 1}"#).unwrap();
    /// assert_eq!(v.pointer("/TagSpecification/0/Tags/0/Key").and_then(Value::as_str), Some("env"));
    /// assert_eq!(v.pointer("/a~1b").and_then(Value::as_i64), Some(1));
    /// assert!(v.pointer("/TagSpecification/01").is_none() && v.pointer("TagSpecification").is_none());
    /// ```
    pub fn pointer(&self, pointer: &str) -> Option<&Value<'a>> {
        let b = pointer.as_bytes();
        let bad_escape = b.iter().enumerate().any(|(i, &c)| c == b'~' && !matches!(b.get(i + 1), Some(b'0' | b'1')));
        if (!pointer.is_empty() && !pointer.starts_with('/')) || bad_escape {
            return None;
        }
        let mut at = self;
        for seg in crate::report::split_pointer(pointer) {
            at = match at {
                Value::Object(_) => unmarked(at.get(&seg)?),
                Value::Array(a) => a.get(array_index(&seg)?)?,
                _ => return None,
            };
        }
        Some(at)
    }

    /// An owned copy that borrows nothing.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(Cow::Owned(n.into_owned())),
            Value::String(s) => Value::String(Cow::Owned(s.into_owned())),
            Value::Array(a) => Value::Array(a.into_iter().map(Value::into_owned).collect()),
            Value::Object(m) => {
                Value::Object(m.into_iter().map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned())).collect())
            }
            Value::Other(o) => Value::Other(o),
        }
    }

    /// A string value.
    pub fn str(s: impl Into<String>) -> Value<'static> {
        Value::String(Cow::Owned(s.into()))
    }

    /// A number value.
    pub fn num(n: i64) -> Value<'static> {
        Value::Number(Cow::Owned(crate::messages::num(n)))
    }

    /// An object with these members, in order.
    pub fn obj(entries: Vec<(&'a str, Value<'a>)>) -> Value<'a> {
        Value::Object(entries.into_iter().map(|(k, v)| (Cow::Borrowed(k), v)).collect())
    }

    /// Parse JSON text (RFC 8259), keeping what the text says: key order, number literals as
    /// written, lone surrogates (`\uD800` escapes) as [`Other::LoneSurrogate`], nesting past
    /// [`MAX_DEPTH`] as [`Other::TooDeep`]. A repeated key keeps its last value. Time and memory
    /// linear in the text.
    ///
    /// # Errors
    ///
    /// [`ParseError`] (with the line and column) when the text is not JSON.
    pub fn parse(text: &'a str) -> Result<Value<'a>, ParseError> {
        parse_with(text, false)
    }

    /// Write as compact JSON text.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, None, 0);
        out
    }

    /// Paths (JSON pointers) of the values JSON cannot carry (JS-only values, cut nesting), so a
    /// bridge can put the caller's own values back there.
    pub fn special_paths(&self) -> Vec<String> {
        fn walk(v: &Value<'_>, path: &mut String, out: &mut Vec<String>) {
            match v {
                Value::Array(a) => {
                    for (i, x) in a.iter().enumerate() {
                        let len = path.len();
                        path.push('/');
                        path.push_str(&crate::messages::num(i as i64));
                        walk(x, path, out);
                        path.truncate(len);
                    }
                }
                Value::Object(m) => {
                    for (k, x) in m {
                        let len = path.len();
                        path.push('/');
                        crate::report::push_escaped(path, k);
                        walk(x, path, out);
                        path.truncate(len);
                    }
                }
                Value::Other(o) => match &**o {
                    Other::LoneSurrogate { .. } => {}
                    Other::BadKey { value, .. } => walk(value, path, out),
                    _ => out.push(path.clone()),
                },
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(self, &mut String::new(), &mut out);
        out
    }

    /// Write as JSON text that any JSON parser reads: values JSON cannot carry are written as
    /// `null` (see [`Value::special_paths`]); lone surrogates stay as `\uD800` escapes.
    pub fn to_plain_json(&self) -> String {
        let mut out = String::new();
        write_value_mode(&mut out, self, None, 0, true);
        out
    }

    /// Write as indented JSON text (two spaces).
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(2), 0);
        out
    }
}

/// Is this number literal an integer (no fractional part, whatever its notation)?
/// Returns its value when it fits in an i64. Exact decimal reasoning on the literal, without
/// floating point (which would round, and costs the wasm build a large table).
pub fn number_as_i64(lit: &str) -> Option<i64> {
    if let Some(v) = plain_int(lit) {
        return Some(v);
    }
    let (neg, digits) = integer_digits(lit)?;
    // (Its leading zeros counted byte by byte: no char-pattern trim in the wasm.)
    let digits = &digits[digits.bytes().take_while(|&b| b == b'0').count()..];
    if digits.len() > 19 {
        return None;
    }
    // (With its sign: -9223372036854775808, i64::MIN, has no positive counterpart.)
    if digits.is_empty() {
        Some(0)
    } else {
        digits_i64(digits, neg)
    }
}

/// Is this number literal mathematically an integer (e.g. `40`, `40.0`, `4e1`, `4000e-2`)?
pub fn number_is_integer(lit: &str) -> bool {
    plain_int(lit).is_some() || integer_digits(lit).is_some()
}

/// `-?[0-9]{1,18}`: the common literal, read without building strings (by [`parse_i64`], which
/// also reads a `+`: such a literal is not JSON, and [`integer_digits`] reads it as that does).
fn plain_int(lit: &str) -> Option<i64> {
    // (`strip_prefix("-")`, a `&str` pattern, here and below: the crate's other prefixes are
    // `&str`s, and a `char` pattern is one more function in the wasm.)
    if lit.strip_prefix("-").unwrap_or(lit).len() > 18 {
        return None;
    }
    parse_i64(lit)
}

/// What `str::parse::<i64>` gives (an optional `+` or `-`, then ASCII digits; `None` when empty,
/// not digits or out of range), without core's generic integer parser in the wasm.
fn parse_i64(s: &str) -> Option<i64> {
    let (neg, digits) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    digits_i64(digits, neg)
}

/// The integer that ASCII `digits` spell, negated with `neg` (`None` when empty, not digits or out of
/// `i64`'s range).
fn digits_i64(digits: &str, neg: bool) -> Option<i64> {
    if digits.is_empty() {
        return None;
    }
    let mut v: i64 = 0;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        let d = i64::from(b - b'0');
        v = if neg { v.checked_mul(10)?.checked_sub(d)? } else { v.checked_mul(10)?.checked_add(d)? };
    }
    Some(v)
}

/// The integer a JSON number literal spells, as (negative, digits: leading zeros kept), or `None`
/// when it has a fractional part. Huge exponents give at most 40 digits past those written (enough
/// to say "out of any range" without building the number).
fn integer_digits(lit: &str) -> Option<(bool, String)> {
    let (neg, rest) = match lit.strip_prefix("-") {
        Some(r) => (true, r),
        None => (false, lit),
    };
    // (The exponent's letter found byte by byte: no `[char; 2]` pattern searcher in the wasm.)
    let (mantissa, exp) = match rest.bytes().position(|b| matches!(b, b'e' | b'E')) {
        Some(i) => (
            &rest[..i],
            parse_i64(&rest[i + 1..]).unwrap_or(if rest[i + 1..].starts_with('-') { i64::MIN } else { i64::MAX }),
        ),
        None => (rest, 0),
    };
    let (int, frac) = crate::text::split_byte(mantissa, b'.').unwrap_or((mantissa, ""));
    let mut digits = int.to_owned();
    digits.push_str(frac);
    // Position of the decimal point within `digits` once the exponent is applied.
    let point = (int.len() as i64).saturating_add(exp).clamp(0, 40 + digits.len() as i64) as usize;
    if point < digits.len() {
        // The fraction: only zeros, or not an integer.
        if digits.bytes().skip(point).any(|b| b != b'0') {
            return None;
        }
        digits.truncate(point);
    } else {
        // (At most 40 zeros, pushed one by one: no repeat_n extend in the wasm.)
        for _ in digits.len()..point {
            digits.push('0');
        }
    }
    Some((neg, digits))
}

/// Where and why JSON text could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ParseError {
    /// What is wrong (`unexpected character`, `unexpected end of input`, ...).
    pub message: &'static str,
    /// Byte offset into the text.
    pub offset: usize,
    /// Line, from 1.
    pub line: usize,
    /// Column in chars (Unicode scalar values), from 1.
    pub column: usize,
}

impl ParseError {
    /// The Display text (`unexpected character at line 1, column 5`), made without a `Formatter`:
    /// the wasm bindings write it into their refusal (`to_string` there cost the module ~70 B).
    pub(crate) fn text(&self) -> String {
        // Pieces, not `write!`: the wasm build then carries no formatting machinery for it.
        use crate::messages::num;
        crate::text::cat(&[self.message, " at line ", &num(self.line as i64), ", column ", &num(self.column as i64)])
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for ParseError {}

/// A string value (borrowed).
impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Value<'a> {
        Value::String(Cow::Borrowed(s))
    }
}

/// A string value.
impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value::String(Cow::Owned(s))
    }
}

/// `true` or `false`.
impl From<bool> for Value<'_> {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

/// A number value, as [`Value::num`] writes it.
impl From<i64> for Value<'_> {
    fn from(n: i64) -> Self {
        Value::num(n)
    }
}

/// Parse JSON text. With `js` the parser also accepts the bridge's tokens for JS-only values:
/// `@name` or `@name"detail"` where name is one of [`JsKind`]'s names.
pub fn parse_with(text: &str, js: bool) -> Result<Value<'_>, ParseError> {
    parse_marked(text, js, None).map(|(v, _)| v)
}

/// Parse JSON text as [`parse_with`] does; a key holding an unpaired surrogate gets, in place of
/// each surrogate, the placeholder `marks` gives it (U+FFFD without `marks`). Also says whether the
/// text had such a key.
pub fn parse_marked<'t>(text: &'t str, js: bool, marks: Option<&Marks>) -> Result<(Value<'t>, bool), ParseError> {
    let mut p = Parser { s: text.as_bytes(), text, i: 0, js, marks, bad_keys: false };
    p.ws();
    let v = p.value(0)?;
    p.ws();
    if p.i != p.s.len() {
        return Err(p.err("unexpected text after the JSON value"));
    }
    Ok((v, p.bad_keys))
}

/// Parse one JSON string literal (`"a\\ud800"`): its text, each unpaired surrogate replaced by
/// its placeholder in `marks` (U+FFFD without), and whether it had one.
pub fn parse_string_marked(text: &str, marks: Option<&Marks>) -> Result<(String, bool), ParseError> {
    let mut p = Parser { s: text.as_bytes(), text, i: 0, js: false, marks, bad_keys: false };
    p.ws();
    if p.peek() != Some(b'"') {
        return Err(p.err("expected a string"));
    }
    let (text, _, lone) = p.string()?;
    let out = (text.into_owned(), lone.is_some());
    p.ws();
    if p.i != p.s.len() {
        return Err(p.err("unexpected text after the JSON value"));
    }
    Ok(out)
}

/// The largest JSON text the package, the CLI and the wasm bindings accept, in bytes of UTF-8
/// (16 MiB). Larger text is refused with one `unreadable` issue before it is parsed (in JS,
/// before it is copied into the WebAssembly memory); see docs/guarantees.md for the memory this
/// bounds.
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// Placeholders for the unpaired surrogates of object keys, so that every key keeps one path.
///
/// A Rust string cannot hold an unpaired surrogate: [`Value::parse`] puts U+FFFD in its place, so
/// the keys `"a\ud800"`, `"a\ud801"` and `"a\ufffd"` all become the path `/a\u{FFFD}`. Where the
/// result is written back as JSON text (the wasm bindings, the CLI), each surrogate value instead
/// gets its own placeholder: a character (private use first) that occurs nowhere in the input
/// texts, so it cannot be confused with any other key or value. It is one character, like the
/// surrogate, and no rule allows it in a key that would not allow U+FFFD, so the checks do not
/// change. [`Marks::restore`] turns each placeholder in the written text back into its `\udXXX`
/// escape: every path, key and message names the caller's own key.
pub struct Marks {
    /// The placeholder of surrogate `0xD800 + i`, in increasing order.
    by_surrogate: Vec<char>,
}

impl Marks {
    /// Placeholders for all 2048 surrogates, none of which occurs in `texts` (literally or as a
    /// `\u` escape). `None` only when the texts use all but 2048 of the 792,828 private-use and
    /// unassigned characters they are drawn from (at least 3 MB of distinct characters); then
    /// U+FFFD stays in place of each surrogate, as in [`Value::parse`].
    pub fn avoiding(texts: &[&str]) -> Option<Marks> {
        let mut used = vec![0u64; 0x110000 / 64];
        let mut set = |cp: u32| {
            if let Some(w) = used.get_mut(cp as usize / 64) {
                *w |= 1 << (cp % 64);
            }
        };
        for t in texts {
            let b = t.as_bytes();
            let mut chars = t.char_indices();
            while let Some((i, c)) = chars.next() {
                set(c as u32);
                if c == '\\' {
                    // An escape: `\uXXXX` names a character too (a pair names the one it encodes).
                    if b.get(i + 1) == Some(&b'u') {
                        if let Some(hi) = hex4(b, i + 2) {
                            set(hi);
                            if (0xD800..0xDC00).contains(&hi)
                                && b.get(i + 6) == Some(&b'\\')
                                && b.get(i + 7) == Some(&b'u')
                            {
                                if let Some(lo) = hex4(b, i + 8).filter(|lo| (0xDC00..0xE000).contains(lo)) {
                                    set(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
                                }
                            }
                        }
                    }
                    // The escaped character is not a backslash that starts another escape.
                    chars.next();
                }
            }
        }
        // Private use and the unassigned planes 4 to 13 (characters no message template, label or
        // rule of this crate uses), in code point order: `by_surrogate` comes out sorted.
        let ranges = [(0xE000, 0xF8FF), (0x40000, 0xDFFFF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD)];
        let mut by_surrogate = Vec::with_capacity(2048);
        'outer: for (lo, hi) in ranges {
            for cp in lo..=hi {
                if used[cp as usize / 64] & (1 << (cp % 64)) != 0 {
                    continue;
                }
                if let Some(c) = char::from_u32(cp) {
                    by_surrogate.push(c);
                    if by_surrogate.len() == 2048 {
                        break 'outer;
                    }
                }
            }
        }
        if by_surrogate.len() < 2048 {
            return None;
        }
        Some(Marks { by_surrogate })
    }

    /// The first placeholder in `s`: (its index in characters, the surrogate it stands for).
    pub fn first_in(&self, s: &str) -> Option<(usize, u32)> {
        s.chars().enumerate().find_map(|(i, c)| self.surrogate(c).map(|cp| (i, cp)))
    }

    fn surrogate(&self, c: char) -> Option<u32> {
        self.by_surrogate.binary_search(&c).ok().map(|k| 0xD800 + k as u32)
    }

    fn mark(&self, surrogate: u32) -> char {
        self.by_surrogate.get(surrogate.wrapping_sub(0xD800) as usize).copied().unwrap_or('\u{FFFD}')
    }

    /// `text` (JSON written from values parsed with these marks) with every placeholder turned
    /// back into the `\udXXX` escape of its surrogate.
    /// (Marks exist only for texts with such a key, so the text nearly always holds one: no
    /// search for the first before copying.)
    pub fn restore(&self, text: String) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        for c in text.chars() {
            match self.surrogate(c) {
                Some(cp) => {
                    // `\udXXX`, lowercase hex (no formatting machinery in the wasm).
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.push_str("\\u");
                    for shift in [12, 8, 4, 0] {
                        out.push(HEX[((cp >> shift) & 15) as usize] as char);
                    }
                }
                None => out.push(c),
            }
        }
        out
    }
}

struct Parser<'a, 'm> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    js: bool,
    marks: Option<&'m Marks>,
    /// Did a key hold an unpaired surrogate?
    bad_keys: bool,
}

impl<'a> Parser<'a, '_> {
    fn err(&self, message: &'static str) -> ParseError {
        // A truncated escape can leave the cursor past the end: the error is at the end.
        let at = self.i.min(self.s.len());
        let upto = &self.s[..at];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = upto.iter().rposition(|&b| b == b'\n').map(|p| p + 1).unwrap_or(0);
        let column = self.text.get(line_start..at).map(|t| t.chars().count()).unwrap_or(0) + 1;
        ParseError { message, offset: at, line, column }
    }

    /// Skip whitespace. Out of line: eight copies of the loop cost ~150 B gzipped in the wasm; the
    /// call per token costs a few percent of a parse of the bridge's compact JSON.
    #[inline(never)]
    fn ws(&mut self) {
        while let Some(&b) = self.s.get(self.i) {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn lit(&mut self, word: &[u8], v: Value<'a>) -> Result<Value<'a>, ParseError> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.err("unexpected character"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, ParseError> {
        match self.peek() {
            None => Err(self.err("unexpected end of input")),
            Some(b'{') | Some(b'[') if depth >= MAX_DEPTH => {
                self.skip_nested()?;
                Ok(Value::Other(Box::new(Other::TooDeep)))
            }
            Some(b'{') | Some(b'[') => self.container(depth),
            Some(b'"') => self.string_value(),
            Some(b't') => self.lit(b"true", Value::Bool(true)),
            Some(b'f') => self.lit(b"false", Value::Bool(false)),
            Some(b'n') => self.lit(b"null", Value::Null),
            Some(b'-') | Some(b'0'..=b'9') => self.number(),
            Some(b'@') if self.js => self.js_token(),
            Some(_) => Err(self.err("unexpected character")),
        }
    }

    /// Skip a nested array/object without recursion (for input beyond MAX_DEPTH).
    fn skip_nested(&mut self) -> Result<(), ParseError> {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.i += 1;
                        return Ok(());
                    }
                }
                b'"' => {
                    self.string_raw()?;
                    continue;
                }
                _ => {}
            }
            self.i += 1;
        }
        Err(self.err("unexpected end of input"))
    }

    fn js_token(&mut self) -> Result<Value<'a>, ParseError> {
        self.i += 1;
        let start = self.i;
        while let Some(b) = self.peek() {
            if b.is_ascii_alphabetic() || b == b'-' {
                self.i += 1;
            } else {
                break;
            }
        }
        let name = &self.text[start..self.i];
        if name == "deep" {
            // The bridge stops walking at the depth limit and says so.
            return Ok(Value::Other(Box::new(Other::TooDeep)));
        }
        let kind = JsKind::from_name(name).ok_or_else(|| self.err("unknown @ token"))?;
        let detail = if self.peek() == Some(b'"') {
            match self.string()? {
                (s, _, None) => s.into_owned(),
                _ => String::new(),
            }
        } else {
            String::new()
        };
        Ok(Value::Other(Box::new(Other::Js { kind, detail })))
    }

    fn number(&mut self) -> Result<Value<'a>, ParseError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.err("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.err("invalid number"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e') | Some(b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+') | Some(b'-')) {
                self.i += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.err("invalid number"));
            }
            self.digits();
        }
        Ok(Value::Number(Cow::Borrowed(&self.text[start..self.i])))
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
    }

    /// Scan a string literal; returns (content range, has escapes).
    fn string_raw(&mut self) -> Result<(usize, usize, bool), ParseError> {
        self.i += 1; // opening quote
        let start = self.i;
        let mut escaped = false;
        loop {
            match self.peek() {
                None => return Err(self.err("unterminated string")),
                Some(b'"') => {
                    let end = self.i;
                    self.i += 1;
                    return Ok((start, end, escaped));
                }
                Some(b'\\') => {
                    escaped = true;
                    self.i += 2;
                }
                Some(b) if b < 0x20 => return Err(self.err("control character in string")),
                Some(_) => {
                    // Skip a run of plain bytes at once.
                    self.i += 1;
                    while let Some(&b) = self.s.get(self.i) {
                        if b == b'"' || b == b'\\' || b < 0x20 {
                            break;
                        }
                        self.i += 1;
                    }
                }
            }
        }
    }

    /// A string value: [`Value::String`], or [`Other::LoneSurrogate`] when it holds an unpaired
    /// surrogate.
    fn string_value(&mut self) -> Result<Value<'a>, ParseError> {
        Ok(match self.string()? {
            (s, _, None) => Value::String(s),
            (_, raw, Some((code_point, index))) => {
                Value::Other(Box::new(Other::LoneSurrogate { raw: raw.to_owned(), code_point, index }))
            }
        })
    }

    /// A string literal: its text (escapes decoded; each unpaired surrogate replaced by its
    /// placeholder in `marks`, U+FFFD without), its content as written (without quotes), and its
    /// first unpaired surrogate as (code point, index in chars).
    #[allow(clippy::type_complexity)]
    fn string(&mut self) -> Result<(Cow<'a, str>, &'a str, Option<(u32, usize)>), ParseError> {
        let (start, end, escaped) = self.string_raw()?;
        let raw = &self.text[start..end];
        if !escaped {
            return Ok((Cow::Borrowed(raw), raw, None));
        }
        self.unescape(raw, start, 0)
    }

    /// The text of `raw`, a string literal's content starting at byte `start` of the input, with
    /// its escapes decoded, and its first unpaired surrogate at or after character `from`.
    #[allow(clippy::type_complexity)]
    fn unescape(
        &mut self,
        raw: &'a str,
        start: usize,
        from: usize,
    ) -> Result<(Cow<'a, str>, &'a str, Option<(u32, usize)>), ParseError> {
        let mut out = String::with_capacity(raw.len());
        let mut lone: Option<(u32, usize)> = None;
        let mut chars = 0usize;
        let b = raw.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] != b'\\' {
                let ch = raw[i..].chars().next().unwrap_or('\u{FFFD}');
                out.push(ch);
                chars += 1;
                i += ch.len_utf8();
                continue;
            }
            let esc = b.get(i + 1).copied();
            i += 2;
            let c = match esc {
                Some(b'u') => {
                    let hi = hex4(b, i).ok_or_else(|| {
                        self.i = start + i;
                        self.err("invalid \\u escape")
                    })?;
                    i += 4;
                    if (0xD800..0xDC00).contains(&hi) && b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u') {
                        if let Some(lo) = hex4(b, i + 2).filter(|lo| (0xDC00..0xE000).contains(lo)) {
                            i += 6;
                            let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                            chars += 1;
                            continue;
                        }
                    }
                    match char::from_u32(hi) {
                        Some(c) => c,
                        None => {
                            if chars >= from {
                                lone.get_or_insert((hi, chars));
                            }
                            self.marks.map(|m| m.mark(hi)).unwrap_or('\u{FFFD}')
                        }
                    }
                }
                _ => match esc.and_then(simple_escape) {
                    Some(c) => c,
                    None => {
                        self.i = start + i - 1;
                        return Err(self.err("invalid escape"));
                    }
                },
            };
            out.push(c);
            chars += 1;
        }
        Ok((Cow::Owned(out), raw, lone))
    }

    /// An array or an object (the cursor on its `[` or `{`): one loop for both, which differ only
    /// in the key before each value and the closing bracket.
    fn container(&mut self, depth: usize) -> Result<Value<'a>, ParseError> {
        let object = self.peek() == Some(b'{');
        let (close, expected) = if object { (b'}', "expected ',' or '}'") } else { (b']', "expected ',' or ']'") };
        self.i += 1;
        let mut items = Vec::new();
        let mut entries: Vec<(Cow<'a, str>, Value<'a>)> = Vec::new();
        // Did one of this object's keys hold an unpaired surrogate?
        let mut bad_key = false;
        self.ws();
        if self.peek() != Some(close) {
            loop {
                self.ws();
                if object {
                    if self.peek() != Some(b'"') {
                        return Err(self.err("expected a string key"));
                    }
                    // A key with a lone surrogate: U+FFFD (or its placeholder) in the key, the truth
                    // in a BadKey wrapper.
                    let (key, raw, bad) = self.string()?;
                    bad_key |= bad.is_some();
                    self.ws();
                    if self.peek() != Some(b':') {
                        return Err(self.err("expected ':'"));
                    }
                    self.i += 1;
                    self.ws();
                    let mut v = self.value(depth + 1)?;
                    if let Some((code_point, index)) = bad {
                        let raw = raw.to_owned();
                        v = Value::Other(Box::new(Other::BadKey { raw, code_point, index, value: v.into_owned() }));
                    }
                    entries.push((key, v));
                } else {
                    items.push(self.value(depth + 1)?);
                }
                self.ws();
                match self.peek() {
                    Some(b',') => self.i += 1,
                    Some(c) if c == close => break,
                    _ => return Err(self.err(expected)),
                }
            }
        }
        self.i += 1;
        Ok(if object {
            self.bad_keys |= bad_key;
            dedup_keys(&mut entries, bad_key);
            Value::Object(entries)
        } else {
            Value::Array(items)
        })
    }
}

/// A hand-built value (`Value::obj`, the public variants) made what the parser would have made:
/// each object's repeated key keeps its last value, at the first key's position (what `check`
/// reads). Returns the JSON pointers of the literals no JSON text holds, which the writer would
/// write as they are: a number whose literal is not JSON's number syntax (`+40`, `NaN`), a string
/// or key with an unpaired surrogate whose raw text is not a JSON string's. A parsed value has
/// neither. Linear in the value, any depth (no recursion).
pub(crate) fn as_parsed(v: &mut Value<'static>) -> Vec<String> {
    let mut bad = Vec::new();
    // Depth-first, with the path's segments up to the item's depth.
    let mut segs: Vec<String> = Vec::new();
    let mut stack: Vec<(&mut Value<'static>, usize, Option<String>)> = vec![(v, 0, None)];
    while let Some((v, depth, seg)) = stack.pop() {
        segs.truncate(depth.saturating_sub(1));
        if let Some(seg) = seg {
            segs.push(seg);
        }
        let ok = match &*v {
            Value::Number(n) => is_json_number(n),
            Value::Other(o) => match &**o {
                Other::LoneSurrogate { raw, .. } | Other::BadKey { raw, .. } => is_json_string_body(raw),
                _ => true,
            },
            _ => true,
        };
        if !ok {
            // (A member whose key and value are both bad is one path.)
            let p = crate::report::join_pointer(&segs);
            if bad.last() != Some(&p) {
                bad.push(p);
            }
        }
        match v {
            Value::Object(entries) => {
                let bad_key =
                    entries.iter().any(|(_, x)| matches!(x, Value::Other(o) if matches!(**o, Other::BadKey { .. })));
                dedup_keys(entries, bad_key);
                for (k, x) in entries.iter_mut().rev() {
                    stack.push((x, depth + 1, Some(String::from(k.as_ref()))));
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter_mut().enumerate().rev() {
                    stack.push((x, depth + 1, Some(crate::messages::num(i as i64))));
                }
            }
            Value::Other(o) => {
                if let Other::BadKey { value, .. } = &mut **o {
                    // (The member's value, at the member's own path.)
                    let again = if depth > 0 { segs.last().cloned() } else { None };
                    stack.push((value, depth, again));
                }
            }
            _ => {}
        }
    }
    bad
}

/// Is `s` a JSON number literal (RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`)?
pub(crate) fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

/// Is `raw` the text of a JSON string between its quotes: no quote or control character unescaped,
/// each `\` starting one of JSON's escapes?
fn is_json_string_body(raw: &str) -> bool {
    let b = raw.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' | 0..=0x1F => return false,
            b'\\' => match b.get(i + 1) {
                Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 2,
                Some(b'u') if b.get(i + 2..i + 6).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) => i += 6,
                _ => return false,
            },
            _ => i += 1,
        }
    }
    true
}

/// Keep the last value of a repeated key, at the first key's position (as `JSON.parse` does).
/// Sorting an index (no hashing: no hash tables in the wasm build) keeps this O(n log n).
/// `bad_key`: does a key hold an unpaired surrogate (a [`Other::BadKey`] entry)?
pub(crate) fn dedup_keys(entries: &mut Vec<(Cow<'_, str>, Value<'_>)>, bad_key: bool) {
    let n = entries.len();
    if n < 2 {
        return;
    }
    // A key with an unpaired surrogate is known by its UTF-16 code units (its U+FFFD form is not
    // unique, and its raw text is not either: `\uD801` and `\ud801` are one key), each written as
    // the character U+F0000 + unit, so that one string comparison serves both kinds.
    fn ident<'e>(e: &'e (Cow<'_, str>, Value<'_>)) -> (bool, Cow<'e, str>) {
        match &e.1 {
            Value::Other(o) => match &**o {
                Other::BadKey { raw, .. } => (
                    true,
                    Cow::Owned(
                        utf16_units(raw).into_iter().filter_map(|u| char::from_u32(0xF0000 + u32::from(u))).collect(),
                    ),
                ),
                _ => (false, Cow::Borrowed(&e.0)),
            },
            _ => (false, Cow::Borrowed(&e.0)),
        }
    }
    // Small objects (nearly all requests): look for a repeated key without allocating. (Keys with a
    // surrogate go the sorted way below, which decodes each of them once, not once per pair; the
    // parser says whether there is one, so without them the keys themselves are compared.)
    if n <= 32 && !bad_key && !(1..n).any(|i| entries[..i].iter().any(|e| e.0 == entries[i].0)) {
        return;
    }
    // Each key with its position (a key with a surrogate has the top bit of its position set: then
    // a pair compares as `ident` does).
    let keys = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (bad, key) = ident(e);
            (key, if bad { i | MARKED } else { i })
        })
        .collect();
    let first = first_positions(keys);
    // In position order, each later entry's value moves to its key's first position (so the last
    // one stays there); then the later entries go.
    for (p, &f) in first.iter().enumerate() {
        if f != p {
            entries[f].1 = std::mem::replace(&mut entries[p].1, Value::Null);
        }
    }
    let mut p = 0;
    entries.retain(|_| {
        p += 1;
        first[p - 1] == p - 1
    });
}

/// The top bit of a position given to [`first_positions`]: a key of another kind.
const MARKED: usize = 1 << (usize::BITS - 1);

/// For each position `0..n`, the first position whose key is the same (its own when it is the
/// first): `keys` holds each position's (key, position), in any order; a position's [`MARKED`] bit
/// is part of its key. Sorted, not compared pairwise: O(n log n). The positions break ties, so the
/// order is total (and an unstable sort, whose code is smaller in the wasm, gives the stable
/// result); the keys sit beside their positions, so a comparison reads nothing else; and the sort
/// is the one of `(Cow<str>, usize)` pairs the labels use: one sort in the wasm for both.
fn first_positions(mut keys: Vec<(Cow<'_, str>, usize)>) -> Vec<usize> {
    keys.sort_unstable();
    let mut first: Vec<usize> = (0..keys.len()).collect();
    // `k` walks the sorted keys; `i` is the start of the run of equal keys `k` is in.
    let mut i = 0;
    for k in 1..keys.len() {
        if keys[k].0 == keys[i].0 && keys[k].1 & MARKED == keys[i].1 & MARKED {
            first[keys[k].1 & !MARKED] = keys[i].1 & !MARKED;
        } else {
            i = k;
        }
    }
    first
}

/// The UTF-16 code units of a string literal's text as the parser accepted it (`raw`, without
/// quotes; escapes decoded): what identifies a key holding an unpaired surrogate.
fn utf16_units(raw: &str) -> Vec<u16> {
    let b = raw.as_bytes();
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    // (`get`: never a panic, whatever the text; the parser has checked it already.)
    while let Some(c) = raw.get(i..).and_then(|r| r.chars().next()) {
        i += c.len_utf8();
        if c != '\\' {
            out.extend_from_slice(c.encode_utf16(&mut [0; 2]));
            continue;
        }
        let e = b.get(i).copied().unwrap_or(b'\\');
        i += 1;
        out.push(match e {
            b'u' => {
                i += 4;
                hex4(b, i - 4).unwrap_or(0xFFFD) as u16
            }
            e => simple_escape(e).map_or(0xFFFD, |c| c as u16),
        });
    }
    out
}

/// The character of a one-letter JSON escape (`\\n` ...: the letter after the backslash); `None`
/// for `u` and for anything JSON does not allow.
fn simple_escape(e: u8) -> Option<char> {
    Some(match e {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        _ => return None,
    })
}

/// The text of a string literal's content `raw` (without quotes, escapes as written) as a Rust
/// string holds it: U+FFFD for each unpaired surrogate.
pub(crate) fn lossy_string(raw: &str) -> String {
    decode(raw, 0).0
}

/// The first unpaired surrogate of a string literal's content `raw` at or after character `from`:
/// (code point, index in chars), a surrogate pair counting one character and a lone surrogate one
/// (as [`Other::LoneSurrogate`] counts).
pub(crate) fn first_lone_surrogate(raw: &str, from: usize) -> Option<(u32, usize)> {
    decode(raw, from).1
}

/// A string literal's content `raw` as the parser reads it (its own decoder: one in the wasm):
/// its text (U+FFFD for each unpaired surrogate) and its first unpaired surrogate at or after
/// character `from`. (`raw` is one the parser accepted; another, only in a hand-built
/// [`Other::LoneSurrogate`], is its own text, escapes as written, with no surrogate found.)
fn decode(raw: &str, from: usize) -> (String, Option<(u32, usize)>) {
    let mut p = Parser { s: raw.as_bytes(), text: raw, i: 0, js: false, marks: None, bad_keys: false };
    p.unescape(raw, 0, from).map_or_else(|_| (raw.to_owned(), None), |(text, _, lone)| (text.into_owned(), lone))
}

/// Is `lit` an integer written in plain digits (`-?(0|[1-9][0-9]*)`)?
pub(crate) fn plain_integer(lit: &str) -> bool {
    is_index(lit.strip_prefix("-").unwrap_or(lit))
}

/// Is `d` digits without a leading zero (`0|[1-9][0-9]*`): an array index as a JSON pointer writes
/// it, and a plain integer's digits?
pub(crate) fn is_index(d: &str) -> bool {
    !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) && (d == "0" || !d.starts_with('0'))
}

/// The value of an array index as a JSON pointer writes it ([`is_index`]) of at most 9 digits
/// (below 10^9: more than any list the checks read, and no overflow on any target).
pub(crate) fn array_index(d: &str) -> Option<usize> {
    (d.len() <= 9 && is_index(d)).then(|| d.bytes().fold(0, |v, b| v * 10 + usize::from(b - b'0')))
}

fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let s = b.get(i..i + 4)?;
    let mut v = 0u32;
    for &c in s {
        v = v * 16 + (c as char).to_digit(16)?;
    }
    Some(v)
}

/// Write a string as a JSON string literal (quotes included).
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        // The letter after the backslash: `u` for a control character with no short form (the
        // short forms JSON.stringify and serde_json write: `\b` and `\f` too, since 2026-12-01).
        let esc = match b {
            b'"' | b'\\' => b,
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x08 => b'b',
            0x0C => b'f',
            0..=0x1F => b'u',
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push('\\');
        out.push(esc as char);
        if esc == b'u' {
            // `\u00XX`, lowercase hex.
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

fn newline(out: &mut String, indent: Option<usize>, level: usize) {
    if let Some(n) = indent {
        out.push('\n');
        for _ in 0..n * level {
            out.push(' ');
        }
    }
}

fn write_value(out: &mut String, v: &Value<'_>, indent: Option<usize>, level: usize) {
    write_value_mode(out, v, indent, level, false)
}

fn write_value_mode(out: &mut String, v: &Value<'_>, indent: Option<usize>, level: usize, plain: bool) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        // (A literal built by hand that is not a JSON number would write raw text into the JSON:
        // quoted instead, as `Serialize` writes it.)
        Value::Number(n) if is_json_number(n) => out.push_str(n),
        Value::Number(n) => write_str(out, n),
        Value::String(s) => write_str(out, s),
        Value::Array(a) => {
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                write_value_mode(out, item, indent, level + 1, plain);
            }
            if !a.is_empty() {
                newline(out, indent, level);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, level + 1);
                let item = match item {
                    Value::Other(o) => match &**o {
                        Other::BadKey { raw, value, .. } => {
                            out.push('"');
                            out.push_str(raw);
                            out.push('"');
                            value
                        }
                        _ => {
                            write_str(out, k);
                            item
                        }
                    },
                    _ => {
                        write_str(out, k);
                        item
                    }
                };
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write_value_mode(out, item, indent, level + 1, plain);
            }
            if !m.is_empty() {
                newline(out, indent, level);
            }
            out.push('}');
        }
        Value::Other(o) => match &**o {
            Other::LoneSurrogate { raw, .. } => {
                out.push('"');
                out.push_str(raw);
                out.push('"');
            }
            // Only meaningful as an object member's value (handled there); elsewhere, its value.
            Other::BadKey { value, .. } => write_value_mode(out, value, indent, level, plain),
            _ if plain => out.push_str("null"),
            // JSON has no form for these: they are written as the bridge's token, which the JS side
            // turns back into the original value (and plain JSON readers see as invalid, not as data).
            Other::TooDeep => out.push_str("@deep"),
            Other::Js { kind, detail } => {
                out.push('@');
                out.push_str(kind.name());
                if !detail.is_empty() {
                    write_str(out, detail);
                }
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `first_lone_surrogate` reads pairs as `char::decode_utf16` does: every sequence of up to
    /// five units over letters and both kinds of surrogate, from every index.
    #[test]
    fn first_lone_surrogate_is_decode_utf16s() {
        const UNITS: [u16; 6] = [0x61, 0xE9, 0xD800, 0xDBFF, 0xDC00, 0xDFFF];
        for len in 0..=5u32 {
            for mut code in 0..6usize.pow(len) {
                let mut units = Vec::new();
                for _ in 0..len {
                    units.push(UNITS[code % 6]);
                    code /= 6;
                }
                let raw: String = units.iter().map(|u| format!("\\u{u:04x}")).collect();
                for from in 0..=len as usize {
                    let expected = char::decode_utf16(units.iter().copied())
                        .enumerate()
                        .skip(from)
                        .find_map(|(i, c)| c.err().map(|e| (u32::from(e.unpaired_surrogate()), i)));
                    assert_eq!(first_lone_surrogate(&raw, from), expected, "{units:x?} from {from}");
                }
            }
        }
    }

    #[test]
    fn a_raw_the_parser_did_not_accept_is_its_own_text() {
        // Only a hand-built `Other::LoneSurrogate` holds one: its text as written, no surrogate
        // found (the report still has the value's own `code_point`), never a panic.
        for raw in ["abc\\q", "\\u12", "\\", "a\\uZZZZb", "\\ud800\\"] {
            assert_eq!(lossy_string(raw), raw, "{raw}");
            assert_eq!(first_lone_surrogate(raw, 0), None, "{raw}");
        }
        assert_eq!(lossy_string("a\\ud800b\\n"), "a\u{FFFD}b\n");
        assert_eq!(first_lone_surrogate("a\\ud800b", 0), Some((0xD800, 1)));
        assert_eq!(first_lone_surrogate("a\\ud800b", 2), None);
    }

    #[test]
    fn parse_i64_is_str_parse() {
        let max = i64::MAX.to_string();
        let min = i64::MIN.to_string();
        let over = "9223372036854775808".to_string();
        let under = "-9223372036854775809".to_string();
        for t in [
            "", "+", "-", "0", "-0", "+0", "7", "-7", "+7", "007", "1e3", " 1", "1 ", "٣", "--1", "+-1", &max, &min,
            &over, &under,
        ] {
            assert_eq!(super::parse_i64(t), t.parse::<i64>().ok(), "{t:?}");
        }
    }

    #[test]
    fn round_trip_keeps_order_and_literals() {
        let t = r#"{"b":1,"a":[40.0,"x\"y",null,true],"c":{}}"#;
        assert_eq!(Value::parse(t).unwrap().to_json(), t);
    }

    #[test]
    fn lone_surrogate_is_kept() {
        let v = Value::parse(r#""ab\ud800c""#).unwrap();
        match v {
            Value::Other(o) => match *o {
                Other::LoneSurrogate { code_point, index, ref raw } => {
                    assert_eq!((code_point, index, raw.as_str()), (0xD800, 2, "ab\\ud800c"));
                }
                _ => panic!(),
            },
            _ => panic!(),
        }
        assert_eq!(Value::parse(r#""\ud83d\ude00""#).unwrap(), Value::str("😀"));
    }

    #[test]
    fn deep_nesting_is_cut_not_overflowed() {
        let t = "[".repeat(100_000) + &"]".repeat(100_000);
        let v = Value::parse(&t).unwrap();
        let mut d = 0;
        let mut cur = &v;
        while let Value::Array(a) = cur {
            d += 1;
            cur = &a[0];
        }
        assert_eq!(d, MAX_DEPTH);
        assert!(matches!(cur, Value::Other(o) if **o == Other::TooDeep));
    }

    #[test]
    fn integer_literals() {
        for (lit, v) in [
            ("40", Some(40)),
            ("40.0", Some(40)),
            ("4e1", Some(40)),
            ("4000e-2", Some(40)),
            ("-0", Some(0)),
            ("0.0", Some(0)),
            ("-12", Some(-12)),
            ("1E+2", Some(100)),
            ("99999999999999999999", None),
            ("1e400", None),
        ] {
            assert!(number_is_integer(lit), "{lit}");
            assert_eq!(number_as_i64(lit), v, "{lit}");
        }
        for lit in ["40.5", "4e-1", "1e-400", "0.1", "-2.50"] {
            assert!(!number_is_integer(lit), "{lit}");
        }
    }

    #[test]
    fn repeated_key_keeps_last_value() {
        let v = Value::parse(r#"{"a":1,"b":2,"a":3}"#).unwrap();
        assert_eq!(v.to_json(), r#"{"a":3,"b":2}"#);
    }

    #[test]
    fn repeated_keys_are_merged_as_a_quadratic_search_does() {
        // Keys that collide in every way the sort could get wrong: equal texts, a surrogate in two
        // spellings, a plain key spelling a surrogate key's code units as U+F0000 + unit (U+FD800,
        // literally and escaped, beside `\ud800`), U+FFFD beside a surrogate, and enough members for
        // the sorted path.
        let keys = ["a", "b", r"a\ud800", r"a\uD800", r"a\ud801", "a\u{FFFD}", "\u{FD800}", r"\udbb6\udc00", r"\ud800"];
        let mut seed = 7u32;
        for round in 0..300 {
            let n = 1 + round % 45;
            let mut text = String::from("{");
            let mut members: Vec<(String, usize)> = Vec::new();
            for v in 0..n {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let key = keys[(seed >> 16) as usize % keys.len()];
                let key = if (seed >> 8) % 3 == 0 { format!("{key}{}", v % 4) } else { key.to_owned() };
                text.push_str(&format!("{}\"{key}\":{v}", if v > 0 { "," } else { "" }));
                let id = utf16_units(&key);
                match members.iter_mut().find(|(k, _)| utf16_units(k) == id) {
                    // (The value moves, and with it the spelling of a key with a surrogate.)
                    Some(m) => *m = (key, v),
                    None => members.push((key, v)),
                }
            }
            text.push('}');
            let want: Vec<String> = members
                .iter()
                .map(|(k, v)| {
                    Value::parse(&format!("{{\"{k}\":{v}}}")).unwrap().to_json().trim_matches(['{', '}']).to_owned()
                })
                .collect();
            assert_eq!(Value::parse(&text).unwrap().to_json(), format!("{{{}}}", want.join(",")), "{text}");
        }
    }

    #[test]
    fn escape_errors_have_positions() {
        for (text, want) in [
            (r#""ab\x""#, ("invalid escape", 5)),
            (r#"["é\u12G4"]"#, ("invalid \\u escape", 6)),
            (r#"{"k\ud800\u":1}"#, ("invalid \\u escape", 12)),
            ("\"\\ud83d\\ude00\\q\"", ("invalid escape", 15)),
            ("\"\\u00", ("unterminated string", 6)),
            ("\"\\q\u{1}\"", ("control character in string", 4)),
        ] {
            let e = Value::parse(text).unwrap_err();
            assert_eq!((e.message, e.column), want, "{text}");
        }
    }

    #[test]
    fn js_kinds_are_listed_in_order() {
        for (i, k) in JsKind::ALL.iter().enumerate() {
            assert_eq!(k.0 as usize, i, "{:?}", k.0);
        }
    }

    #[test]
    fn errors_have_positions() {
        let e = Value::parse("{\n  \"a\": tru }").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8));
        assert!(Value::parse("[1,]").is_err());
        assert!(Value::parse("01").is_err());
        assert!(Value::parse("@nan").is_err());
        assert!(parse_with("[@nan,@bigint\"12\"]", true).is_ok());
    }
}
