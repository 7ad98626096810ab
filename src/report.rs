//! The report: one issue type for every provider, with a stable code, typed params and a message
//! derived from them (see `messages`).
//!
//! Units: see the crate docs (chars are Unicode scalar values, bytes are UTF-8 bytes).

use crate::json::Value;
use crate::text::Unit;
use crate::{Lang, Provider};
use std::borrow::Cow;

/// How bad an issue is. A warning never makes a report fail. Ids `error` and `warning`
/// (`Display`, `FromStr`, serde).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// The provider would refuse the request (`ok` is false).
    Error,
    /// Worth knowing, but the provider accepts it (unknown fields it ignores, a stricter reading
    /// of a rule where sources disagree, a context the console got wrong).
    Warning,
}

impl Severity {
    /// The id: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The severity with this id, or `None`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            _ => None,
        }
    }
}

macro_rules! codes {
    ($($variant:ident => $name:literal,)*) => {
        /// The stable issue codes. Their snake_case names (`too_long`) are the public vocabulary:
        /// `as_str`, `Display`, `FromStr` and serde use them. What each means, with its params, is
        /// the matching [`Kind`] variant.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code { $(#[doc = concat!("`", $name, "`: see [`Kind`].")] $variant,)* }
        impl Code {
            /// Every code, in the order of the docs.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];
            /// The snake_case name.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }
            /// The code with this snake_case name, or `None`.
            pub fn parse(s: &str) -> Option<Code> {
                match s { $($name => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    Required => "required",
    WrongType => "wrong_type",
    Empty => "empty",
    TooShort => "too_short",
    TooLong => "too_long",
    OutOfRange => "out_of_range",
    BadChar => "bad_char",
    BadFormat => "bad_format",
    NotAllowed => "not_allowed",
    Conflict => "conflict",
    MissingOneOf => "missing_one_of",
    Requires => "requires",
    Duplicate => "duplicate",
    UnknownField => "unknown_field",
    TooMany => "too_many",
    TooDeep => "too_deep",
    Unreadable => "unreadable",
    NotFound => "not_found",
    BadState => "bad_state",
    QuotaExceeded => "quota_exceeded",
    NotSupported => "not_supported",
    Mismatch => "mismatch",
    AlreadyExists => "already_exists",
}

/// What is wrong, with its typed params. [`Kind::code`] gives the stable [`Code`];
/// [`Kind::params`] the params object of the JSON report (names in backticks below).
///
/// Marked `#[non_exhaustive]`: new kinds come with new rules, so a `match` needs a `_` arm.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// `required`: a required field is missing. No params.
    Required,
    /// `wrong_type`: the value is not of the type the field takes.
    WrongType {
        /// `expected`: the type in words: `string`, `integer`, `boolean`, `object`, `array`,
        /// `string or number` (OpenStack's seed name: a string or a number of digits),
        /// `array of strings` (a context list).
        expected: &'static str,
        /// `actual`: the JSON type of the value (`null`, `boolean`, `number`, `string`, `array`,
        /// `object`), or what a JS caller passed that JSON cannot carry (`NaN`, `Infinity`,
        /// `-Infinity`, `bigint`, `function`, `symbol`, `undefined`, `cycle`, `date`).
        /// `number` with `expected` `integer` (or `string or number`) is a number that is not
        /// whole (or, for the seed name, not written in plain digits).
        actual: &'static str,
    },
    /// `empty`: an empty string, list or object where the field needs content. No params.
    Empty,
    /// `wrong_type` (a warning at `""`): the console's context gave `field` (`context.<name>`, or
    /// `context` for the whole context) a value of the wrong type; it was ignored.
    ContextType {
        /// `field`: `context.<name>`, or `context`.
        field: String,
        /// `expected`: the type in words (as [`Kind::WrongType`]; also `64-bit integer`, `string or null`).
        expected: &'static str,
        /// `actual`: the JSON type of the value given.
        actual: &'static str,
    },
    /// `too_short`: fewer than `min` units (never 0: that is [`Kind::Empty`]).
    TooShort {
        /// `min`: the shortest length accepted, in `unit`.
        min: usize,
        /// `actual`: the value's length, in `unit`.
        actual: usize,
        /// `unit`: `chars` (Unicode scalar values) or `bytes` (UTF-8).
        unit: Unit,
    },
    /// `too_long`: more than `max` units.
    TooLong {
        /// `max`: the longest length accepted, in `unit`.
        max: usize,
        /// `actual`: the value's length, in `unit`.
        actual: usize,
        /// `unit`: `chars` (Unicode scalar values) or `bytes` (UTF-8).
        unit: Unit,
    },
    /// `out_of_range`: a whole number outside `min..=max` (inclusive).
    OutOfRange {
        /// `min`: the smallest value accepted.
        min: i64,
        /// `max`: the largest value accepted.
        max: i64,
        /// `actual`: the number literal as written (`39`, `2049.0`, `1e400`). In the report's
        /// JSON a number when every JSON writer and reader keeps it (a safe integer, at most
        /// 2^53 - 1 either way, written plainly), else the literal as a string (`"2049.0"`,
        /// `"1e400"`, `"-0"`, `"0.1e1"`, `"9007199254740993"`), so that `to_json`, serde,
        /// `JSON.parse` and a round trip through any of them agree.
        actual: String,
    },
    /// `bad_char`: the first character the field's charset does not allow.
    BadChar {
        /// `char`: the character; `None` (`null`) for an unpaired UTF-16 surrogate, which is not
        /// a Rust `char`.
        ch: Option<char>,
        /// `codePoint`: its code point (written `U+3042` in the report).
        code_point: u32,
        /// `index`: its position from the start of the value, in chars (Unicode scalar values),
        /// counting from 0. Messages count from 1.
        index: usize,
    },
    /// `bad_format`: a structural format is not met.
    BadFormat {
        /// `format`: `hex32 or uuid` (32 hexadecimal digits, with or without a UUID's dashes),
        /// `uuid` (8-4-4-4-12 hexadecimal digits),
        /// `0 or uuid`, `bucket:object`, `bucket name` (an OBS bucket name), `contiguous index`
        /// (Tencent's `Name.N` keys skip a number), `no leading or trailing whitespace`,
        /// `no leading or trailing space`.
        format: &'static str,
    },
    /// `not_allowed`: a value outside the field's enumeration.
    NotAllowed {
        /// `allowed`: the values accepted (exact spelling).
        allowed: &'static [&'static str],
        /// `actual`: the value given.
        actual: String,
    },
    /// `conflict`: the field cannot be given together with another.
    Conflict {
        /// `with`: the JSON pointer of the other field (`/InstanceId`).
        with: &'static str,
    },
    /// `missing_one_of`: exactly one of these fields must be given, and none is.
    MissingOneOf {
        /// `fields`: their JSON pointers.
        fields: &'static [&'static str],
    },
    /// `requires`: the field can only be given together with another, which is missing.
    Requires {
        /// `field`: the JSON pointer of the field it needs.
        field: &'static str,
    },
    /// `duplicate`: a list item repeats an earlier one.
    Duplicate {
        /// `value`: the repeated value.
        value: String,
        /// `first`: the JSON pointer of its first occurrence.
        first: String,
    },
    /// `unknown_field`: a key the provider does not define (an error or a warning by provider).
    UnknownField {
        /// `field`: the key as given (`context.<key>` for an unknown context field).
        field: String,
    },
    /// `too_many`: a list or map has more items than allowed.
    TooMany {
        /// `max`: the most items allowed.
        max: u64,
        /// `actual`: the number of items.
        actual: u64,
    },
    /// `too_deep`: nesting deeper than [`MAX_DEPTH`](crate::MAX_DEPTH) levels; the content was
    /// not checked.
    TooDeep {
        /// `max`: the depth limit, in levels of arrays and objects.
        max: usize,
    },
    /// `unreadable`: a JS value whose property could not be read (a getter or proxy trap threw).
    Unreadable {
        /// `detail`: the exception's text.
        detail: String,
    },
    /// `not_found`, pre-flight: a resource the request names does not exist.
    NotFound {
        /// `what`: `instance`, `disk`, `snapshot`, `tag key`, `server`, ...
        what: &'static str,
        /// `value`: its id or name as given (`""` when the request does not name it).
        value: String,
    },
    /// `bad_state`, pre-flight: a resource is in a state that does not allow the operation.
    BadState {
        /// `what`: `instance`, `server`, `server task`, `system disk`, `bucket storage class`.
        what: &'static str,
        /// `state`: its state as the console reported it.
        state: String,
        /// `allowed`: the states that allow it.
        allowed: &'static [&'static str],
    },
    /// `quota_exceeded`, pre-flight: a quota is used up.
    QuotaExceeded {
        /// `limit`: the quota.
        limit: u64,
        /// `actual`: how much of it is in use.
        actual: u64,
    },
    /// `quota_exceeded`, pre-flight: no quota is left (params: `remaining`, always 0).
    NoQuotaLeft,
    /// `not_supported`, pre-flight: the operation is not supported here (a zone, a disk kind, a
    /// setting).
    NotSupported {
        /// `what`: `zone`, `disk`, `configuration`.
        what: &'static str,
        /// `value`: the zone, disk id or setting.
        value: String,
    },
    /// `mismatch`, pre-flight: two values that must agree do not.
    Mismatch {
        /// `what`: what the value must agree with (`token's project`).
        what: &'static str,
        /// `expected`: the value it must equal.
        expected: String,
        /// `actual`: the value given.
        actual: String,
    },
    /// `already_exists`, pre-flight: the value (an image name) is already taken.
    AlreadyExists {
        /// `value`: the value given.
        value: String,
    },
}

impl Kind {
    /// The stable code of this kind.
    pub fn code(&self) -> Code {
        match self {
            Kind::Required => Code::Required,
            Kind::WrongType { .. } | Kind::ContextType { .. } => Code::WrongType,
            Kind::Empty => Code::Empty,
            Kind::TooShort { .. } => Code::TooShort,
            Kind::TooLong { .. } => Code::TooLong,
            Kind::OutOfRange { .. } => Code::OutOfRange,
            Kind::BadChar { .. } => Code::BadChar,
            Kind::BadFormat { .. } => Code::BadFormat,
            Kind::NotAllowed { .. } => Code::NotAllowed,
            Kind::Conflict { .. } => Code::Conflict,
            Kind::MissingOneOf { .. } => Code::MissingOneOf,
            Kind::Requires { .. } => Code::Requires,
            Kind::Duplicate { .. } => Code::Duplicate,
            Kind::UnknownField { .. } => Code::UnknownField,
            Kind::TooMany { .. } => Code::TooMany,
            Kind::TooDeep { .. } => Code::TooDeep,
            Kind::Unreadable { .. } => Code::Unreadable,
            Kind::NotFound { .. } => Code::NotFound,
            Kind::BadState { .. } => Code::BadState,
            Kind::QuotaExceeded { .. } | Kind::NoQuotaLeft => Code::QuotaExceeded,
            Kind::NotSupported { .. } => Code::NotSupported,
            Kind::Mismatch { .. } => Code::Mismatch,
            Kind::AlreadyExists { .. } => Code::AlreadyExists,
        }
    }

    /// The params as a JSON object, in a fixed order: the names and shapes documented on each
    /// variant (an issue's `part` is added by [`Issue::to_value`]).
    pub fn params(&self) -> Value<'static> {
        Value::obj(self.param_list().into_iter().map(|(k, p)| (k, p.to_value())).collect())
    }

    /// The params, named, in their fixed order: what [`Kind::params`] builds and
    /// [`Issue::write_json`] writes (one table for both).
    fn param_list(&self) -> Vec<(&'static str, Param<'_>)> {
        use Param::{Int, List, Str};
        fn u(v: usize) -> Param<'static> {
            Int(v as i64)
        }
        match self {
            Kind::Required | Kind::Empty => vec![],
            Kind::WrongType { expected, actual } => {
                vec![("expected", Str(expected)), ("actual", Str(actual))]
            }
            Kind::ContextType { field, expected, actual } => {
                vec![("field", Str(field)), ("expected", Str(expected)), ("actual", Str(actual))]
            }
            Kind::TooShort { min, actual, unit } => {
                vec![("min", u(*min)), ("actual", u(*actual)), ("unit", Str(unit.name()))]
            }
            Kind::TooLong { max, actual, unit } => {
                vec![("max", u(*max)), ("actual", u(*actual)), ("unit", Str(unit.name()))]
            }
            Kind::OutOfRange { min, max, actual } => {
                let actual = if round_trips(actual) { Param::Literal(actual) } else { Str(actual) };
                vec![("min", Int(*min)), ("max", Int(*max)), ("actual", actual)]
            }
            Kind::BadChar { ch, code_point, index } => {
                vec![("char", Param::Char(*ch)), ("codePoint", Param::CodePoint(*code_point)), ("index", u(*index))]
            }
            Kind::BadFormat { format } => vec![("format", Str(format))],
            Kind::NotAllowed { allowed, actual } => {
                vec![("allowed", List(allowed)), ("actual", Str(actual))]
            }
            Kind::Conflict { with } => vec![("with", Str(with))],
            Kind::MissingOneOf { fields } => vec![("fields", List(fields))],
            Kind::Requires { field } => vec![("field", Str(field))],
            Kind::Duplicate { value, first } => vec![("value", Str(value)), ("first", Str(first))],
            Kind::UnknownField { field } => vec![("field", Str(field))],
            Kind::TooMany { max, actual } => {
                vec![("max", Int(*max as i64)), ("actual", Int(*actual as i64))]
            }
            Kind::TooDeep { max } => vec![("max", u(*max))],
            Kind::Unreadable { detail } => vec![("detail", Str(detail))],
            Kind::NotFound { what, value } => vec![("what", Str(what)), ("value", Str(value))],
            Kind::BadState { what, state, allowed } => {
                vec![("what", Str(what)), ("state", Str(state)), ("allowed", List(allowed))]
            }
            Kind::QuotaExceeded { limit, actual } => {
                vec![("limit", Int(*limit as i64)), ("actual", Int(*actual as i64))]
            }
            Kind::NoQuotaLeft => vec![("remaining", Int(0))],
            Kind::NotSupported { what, value } => vec![("what", Str(what)), ("value", Str(value))],
            Kind::Mismatch { what, expected, actual } => {
                vec![("what", Str(what)), ("expected", Str(expected)), ("actual", Str(actual))]
            }
            Kind::AlreadyExists { value } => vec![("value", Str(value))],
        }
    }
}

/// One param's value, before it is a [`Value`] or JSON text.
enum Param<'k> {
    /// A string.
    Str(&'k str),
    /// A whole number: a JSON number where JavaScript's JSON.parse reads it exactly (a count
    /// never is more, a context's quota may be), else its digits as a string, as
    /// `out_of_range`'s `actual`.
    Int(i64),
    /// A number literal written as it is (`out_of_range`'s `actual` when it round-trips).
    Literal(&'k str),
    /// A list of strings.
    List(&'k [&'static str]),
    /// `bad_char`'s `char`: the character, or `null` for an unpaired surrogate.
    Char(Option<char>),
    /// `bad_char`'s `codePoint`, written `U+3042`.
    CodePoint(u32),
}

impl Param<'_> {
    fn to_value(&self) -> Value<'static> {
        match *self {
            Param::Str(s) => Value::str(s),
            Param::Int(v) if safe(v) => Value::num(v),
            Param::Int(v) => Value::str(crate::messages::num(v)),
            Param::Literal(l) => Value::Number(Cow::Owned(l.to_owned())),
            Param::List(l) => Value::Array(l.iter().map(|x| Value::str(*x)).collect()),
            Param::Char(c) => c.map_or(Value::Null, Value::str),
            Param::CodePoint(cp) => Value::str(crate::text::code_point(cp)),
        }
    }

    /// Write as JSON text: the same text as `to_value().to_json()`.
    fn write(&self, out: &mut String) {
        use crate::json::write_str;
        match *self {
            Param::Str(s) => write_str(out, s),
            Param::Int(v) if safe(v) => out.push_str(&crate::messages::num(v)),
            Param::Int(v) => write_str(out, &crate::messages::num(v)),
            Param::Literal(l) => out.push_str(l),
            Param::List(l) => {
                out.push('[');
                for (i, x) in l.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(out, x);
                }
                out.push(']');
            }
            Param::Char(None) => out.push_str("null"),
            Param::Char(Some(c)) => write_str(out, c.encode_utf8(&mut [0; 4])),
            Param::CodePoint(cp) => write_str(out, &crate::text::code_point(cp)),
        }
    }
}

/// One problem found in a request. JSON (`to_value`, `Serialize`):
/// `{"path", "code", "severity", "providerCode"?, "params", "message", "shortMessage",
/// "suggestion"?, "paths"?}`.
///
/// Marked `#[non_exhaustive]`: fields may be added; read them, but an `Issue` is made only by this
/// crate (or by `Deserialize`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Issue {
    /// JSON pointer (RFC 6901) into the request; `""` is the whole request.
    pub path: String,
    /// What is wrong, with its params.
    pub kind: Kind,
    /// Whether the provider would refuse the request for it.
    pub severity: Severity,
    /// The provider's own documented error code (or HTTP status), where it documents one.
    pub provider_code: Option<Cow<'static, str>>,
    /// Which part of a compound value: `key` or `value` (of a Huawei `key.value` tag, of an
    /// OpenStack metadata item). Written as the `part` param.
    pub part: Option<&'static str>,
    /// The problem in a sentence, in the report's language, made from the kind and its params; it
    /// names the field by its console label (the label of the field tables, or the console's own:
    /// [`Options::labels`](crate::Options::labels)) with its position where it helps (`Tag key of
    /// tag 2`, `第 2 个标签的标签键`), never by its API path.
    pub message: String,
    /// The same without the field's name, for display under the input (`At most 60 characters`,
    /// `最多 60 个字符`; no full stop). An issue that concerns several fields ([`Issue::paths`])
    /// names them, since it is shown under each.
    pub short_message: String,
    /// A value that would pass, where one can be offered without guessing (names too long or with
    /// characters not allowed: folded, filtered, cut on a grapheme-cluster boundary).
    pub suggestion: Option<String>,
    /// For an issue that concerns more than one field (`missing_one_of`, `conflict`, `requires`):
    /// the JSON pointer of every field it concerns, in the field table's order, so that a form
    /// can show it under each; empty for any other issue. Never `""`; `path` is unchanged (`""` for
    /// `missing_one_of`, the second field for `conflict`).
    pub paths: Vec<String>,
}

impl Issue {
    /// An issue without its messages yet.
    pub(crate) fn blank(
        path: String,
        kind: Kind,
        severity: Severity,
        provider_code: Option<Cow<'static, str>>,
    ) -> Issue {
        let (message, short_message, paths) = (String::new(), String::new(), Vec::new());
        Issue { path, kind, severity, provider_code, part: None, message, short_message, suggestion: None, paths }
    }

    /// The stable code (the kind's).
    pub fn code(&self) -> Code {
        self.kind.code()
    }

    /// The params object of the JSON form: the kind's params, and `part` when there is one.
    pub(crate) fn params(&self) -> Value<'static> {
        let mut params = self.kind.params();
        if let (Some(part), Value::Object(m)) = (self.part, &mut params) {
            m.push((Cow::Borrowed("part"), Value::str(part)));
        }
        params
    }

    /// The issue as a JSON value (the shape above).
    pub fn to_value(&self) -> Value<'static> {
        let mut e: Vec<(&str, Value<'static>)> = vec![
            ("path", Value::str(self.path.as_str())),
            ("code", Value::str(self.code().as_str())),
            ("severity", Value::str(self.severity.as_str())),
        ];
        if let Some(pc) = &self.provider_code {
            e.push(("providerCode", Value::str(pc.as_ref())));
        }
        e.push(("params", self.params()));
        e.push(("message", Value::str(self.message.as_str())));
        e.push(("shortMessage", Value::str(self.short_message.as_str())));
        if let Some(s) = &self.suggestion {
            e.push(("suggestion", Value::str(s.as_str())));
        }
        if !self.paths.is_empty() {
            e.push(("paths", Value::Array(self.paths.iter().map(|p| Value::str(p.as_str())).collect())));
        }
        Value::obj(e)
    }

    /// Write as compact JSON, the same text as `to_value().to_json()`, without building the tree.
    pub(crate) fn write_json(&self, out: &mut String) {
        use crate::json::write_str;
        out.push_str("{\"path\":");
        write_str(out, &self.path);
        out.push_str(",\"code\":\"");
        out.push_str(self.code().as_str());
        out.push_str("\",\"severity\":\"");
        out.push_str(self.severity.as_str());
        out.push('"');
        if let Some(pc) = &self.provider_code {
            out.push_str(",\"providerCode\":");
            write_str(out, pc);
        }
        out.push_str(",\"params\":{");
        let part = self.part.map(|p| ("part", Param::Str(p)));
        for (i, (name, p)) in self.kind.param_list().iter().chain(&part).enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_str(out, name);
            out.push(':');
            p.write(out);
        }
        out.push('}');
        out.push_str(",\"message\":");
        write_str(out, &self.message);
        out.push_str(",\"shortMessage\":");
        write_str(out, &self.short_message);
        if let Some(sug) = &self.suggestion {
            out.push_str(",\"suggestion\":");
            write_str(out, sug);
        }
        if !self.paths.is_empty() {
            out.push_str(",\"paths\":[");
            for (i, p) in self.paths.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, p);
            }
            out.push(']');
        }
        out.push('}');
    }

    /// Set a message made outside the template table (and its short form: the same without its
    /// full stop).
    pub(crate) fn set_message(&mut self, message: String) {
        self.short_message = crate::text::trim_stops(&message).to_owned();
        self.message = message;
    }
}

/// The result of checking a request. JSON (`to_json`, `Serialize`):
/// `{"ok": bool, "provider": id, "issues": [Issue, ...]}` (the language is not part of it).
///
/// A `Report` is also a [`std::error::Error`]: its `Display` is a summary line and one line per
/// issue, so a report with errors can be returned with `?` ([`Report::into_result`]).
///
/// Marked `#[non_exhaustive]`: fields may be added; read them, and make one with [`Report::new`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Report {
    /// True when no issue is an error (warnings may remain).
    pub ok: bool,
    /// The provider whose rules were applied.
    pub provider: Provider,
    /// The language of the messages (not part of the JSON; `Lang::En` after `Deserialize` unless
    /// the JSON has a `lang` member).
    pub lang: Lang,
    /// Every problem found, errors and warnings, in the order the rules found them.
    pub issues: Vec<Issue>,
}

impl Report {
    /// A report of these issues, `ok` when none is an error.
    pub fn new(provider: Provider, lang: Lang, issues: Vec<Issue>) -> Report {
        let ok = !issues.iter().any(|i| i.severity == Severity::Error);
        Report { ok, provider, lang, issues }
    }

    /// The issues that are errors.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    /// The issues that are warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Warning)
    }

    /// `Ok(self)` when the report is ok (no errors; warnings may remain), else `Err(self)`: for `?`.
    ///
    /// ```
    /// use createimage::{check_json, Options, Provider};
    /// let r = check_json(Provider::Huawei, "{}", &Options::default()).unwrap();
    /// let err = r.into_result().unwrap_err();
    /// assert!(err.to_string().starts_with("huawei: the request is not valid (3 errors)"), "{err}");
    /// ```
    ///
    /// # Errors
    ///
    /// The report itself when it holds an error.
    pub fn into_result(self) -> Result<Report, Report> {
        if self.ok {
            Ok(self)
        } else {
            Err(self)
        }
    }

    /// The report as a JSON value (the shape above).
    pub fn to_value(&self) -> Value<'static> {
        Value::obj(vec![
            ("ok", Value::Bool(self.ok)),
            ("provider", Value::str(self.provider.id())),
            ("issues", Value::Array(self.issues.iter().map(Issue::to_value).collect())),
        ])
    }

    /// The report as compact JSON text (the shape above); the same text as `to_value().to_json()`.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(64 + 256 * self.issues.len());
        out.push_str(if self.ok { "{\"ok\":true" } else { "{\"ok\":false" });
        out.push_str(",\"provider\":\"");
        out.push_str(self.provider.id());
        out.push_str("\",\"issues\":[");
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            issue.write_json(&mut out);
        }
        out.push_str("]}");
        out
    }
}

/// `tencent: the request is not valid (2 errors, 1 warning)`, then one line per issue:
/// `error at /ImageName (too_long): Image name has 61 characters; Tencent Cloud accepts at most 60.`
/// (the message as [`Issue::message`] has it: the field by its label). A valid report says
/// `tencent: the request is valid` (and lists its warnings). Paths and messages quote the request
/// (keys, values, labels): the characters that would break or reorder a log line (controls, line
/// and paragraph separators, bidirectional controls) are written as `\u{XXXX}`.
impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors = self.errors().count();
        let warnings = self.issues.len() - errors;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let verdict = if self.ok { "valid" } else { "not valid" };
        write!(f, "{}: the request is {verdict}", self.provider.id())?;
        match (errors, warnings) {
            (0, 0) => {}
            (e, 0) => write!(f, " ({})", plural(e, "error"))?,
            (0, w) => write!(f, " ({})", plural(w, "warning"))?,
            (e, w) => write!(f, " ({}, {})", plural(e, "error"), plural(w, "warning"))?,
        }
        for i in &self.issues {
            let path = if i.path.is_empty() { "the request".into() } else { crate::text::visible(&i.path) };
            let message = crate::text::visible(&i.message);
            write!(f, "\n{} at {path} ({}): {message}", i.severity.as_str(), i.code().as_str())?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

/// A JSON-pointer path built on the stack, one segment per level; turned into a string only
/// when an issue needs it, so checking valid input builds no strings.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
    /// A JSON pointer already written (escaped): a path of any length without a chain to walk.
    Pointer(&'a str),
}

impl<'a> Path<'a> {
    pub fn key(&'a self, k: &'a str) -> Path<'a> {
        Path::Key(self, k)
    }
    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }

    /// The JSON pointer (`~` as `~0`, `/` as `~1`).
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(p, k) => {
                p.write(out);
                out.push('/');
                push_escaped(out, k);
            }
            Path::Index(p, i) => {
                p.write(out);
                out.push('/');
                crate::messages::push_num(out, *i as i64);
            }
            Path::Pointer(p) => out.push_str(p),
        }
    }
}

/// Escape one JSON-pointer segment.
pub fn push_escaped(out: &mut String, seg: &str) {
    for c in seg.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// The JSON pointer of these unescaped segments (the inverse of [`split_pointer`], `~` and `/`
/// escaped as `check` writes them).
pub fn join_pointer(segs: &[String]) -> String {
    let mut out = String::new();
    for s in segs {
        out.push('/');
        push_escaped(&mut out, s);
    }
    out
}

/// Split a JSON pointer into its unescaped segments.
pub fn split_pointer(p: &str) -> Vec<String> {
    let mut segs = Vec::new();
    // What comes before the first `/` is not a segment (`""` in a pointer).
    let Some((_, mut rest)) = crate::text::split_byte(p, b'/') else { return segs };
    loop {
        let (seg, more) = match crate::text::split_byte(rest, b'/') {
            Some((seg, more)) => (seg, Some(more)),
            None => (rest, None),
        };
        segs.push(unescape_segment(seg));
        match more {
            Some(more) => rest = more,
            None => return segs,
        }
    }
}

/// A JSON-pointer segment unescaped (`~1` to `/`, then `~0` to `~`, RFC 6901), in one pass: the
/// same result as the two `replace`s, without the substring searcher in the wasm. Each `~` starts
/// a piece of the split: its first character says what the `~` stands for.
fn unescape_segment(s: &str) -> String {
    let mut pieces = crate::text::split_bytes(s, b'~');
    let mut out = String::from(pieces.next().unwrap_or(""));
    for piece in pieces {
        let (c, rest) = match piece.as_bytes().first() {
            Some(b'1') => ('/', &piece[1..]),
            Some(b'0') => ('~', &piece[1..]),
            _ => ('~', piece),
        };
        out.push(c);
        out.push_str(rest);
    }
    out
}

/// Is `v` a safe integer, at most 2^53 - 1 either way: what JavaScript's `JSON.parse` reads
/// exactly?
fn safe(v: i64) -> bool {
    v.unsigned_abs() < 1 << 53
}

/// Does every JSON writer and reader keep the number literal `lit` as it is? A safe integer
/// written plainly (not `-0`). (No float parsing or formatting in the wasm.)
fn round_trips(lit: &str) -> bool {
    crate::json::plain_integer(lit) && lit != "-0" && crate::json::number_as_i64(lit).is_some_and(safe)
}

#[cfg(test)]
mod tests {
    use crate::{check, Options, Provider, Value};

    #[test]
    fn a_pointer_segment_unescapes_as_rfc_6901_says() {
        for s in ["", "a", "~", "~0", "~1", "~01", "~10", "~~1", "~~01", "~~10", "a~1b~0c", "~2", "~0~1~", "é~1漢~0"]
        {
            assert_eq!(super::unescape_segment(s), s.replace("~1", "/").replace("~0", "~"), "{s:?}");
        }
        assert_eq!(super::split_pointer("/a~1b/~0/0"), ["a/b", "~", "0"]);
    }

    #[test]
    fn direct_json_is_the_tree_json() {
        let req = Value::parse(r#"{"ImageName":"","InstanceId":"i","SnapshotIds":["a","a"],"X":1}"#).unwrap();
        let r = check(Provider::Tencent, &req, &Options::default());
        assert!(r.issues.len() >= 3);
        assert_eq!(r.to_json(), r.to_value().to_json());
    }
}
