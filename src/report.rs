//! The report: one issue type for every provider, with a stable code, typed params and a message
//! derived from them (see `messages`).

use crate::json::Value;
use crate::text::Unit;
use crate::{Lang, Provider};
use std::borrow::Cow;

/// How bad an issue is. A warning never makes a report fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident => $name:literal,)*) => {
        /// The stable issue codes. Their snake_case names are the public vocabulary.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code { $($variant,)* }
        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }
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

/// What is wrong, with its typed params. `code()` gives the stable code.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Required,
    WrongType {
        expected: &'static str,
        actual: &'static str,
    },
    Empty,
    /// The console's context gave `field` (`context.<name>`, or `context` for the whole context)
    /// a value of the wrong type; it was ignored. A warning at `""`, code `wrong_type`.
    ContextType {
        field: String,
        expected: &'static str,
        actual: &'static str,
    },
    TooShort {
        min: usize,
        actual: usize,
        unit: Unit,
    },
    TooLong {
        max: usize,
        actual: usize,
        unit: Unit,
    },
    OutOfRange {
        min: i64,
        max: i64,
        actual: String,
    },
    /// `ch` is `None` for a lone surrogate (not a Rust `char`).
    BadChar {
        ch: Option<char>,
        code_point: u32,
        index: usize,
    },
    BadFormat {
        format: &'static str,
    },
    NotAllowed {
        allowed: &'static [&'static str],
        actual: String,
    },
    Conflict {
        with: &'static str,
    },
    MissingOneOf {
        fields: &'static [&'static str],
    },
    Requires {
        field: &'static str,
    },
    Duplicate {
        value: String,
        first: String,
    },
    UnknownField {
        field: String,
    },
    TooMany {
        max: u64,
        actual: u64,
    },
    TooDeep {
        max: usize,
    },
    /// A JS value whose property could not be read (a getter or proxy trap threw).
    Unreadable {
        detail: String,
    },
    /// Pre-flight: a resource the request names does not exist.
    NotFound {
        what: &'static str,
        value: String,
    },
    /// Pre-flight: a resource is in a state that does not allow the operation.
    BadState {
        what: &'static str,
        state: String,
        allowed: &'static [&'static str],
    },
    /// Pre-flight: a quota is used up.
    QuotaExceeded {
        limit: u64,
        actual: u64,
    },
    /// Pre-flight: no quota is left.
    NoQuotaLeft,
    /// Pre-flight: the operation is not supported here (a zone, a disk kind, a setting).
    NotSupported {
        what: &'static str,
        value: String,
    },
    /// Pre-flight: two values that must agree do not.
    Mismatch {
        what: &'static str,
        expected: String,
        actual: String,
    },
    /// Pre-flight: the value is already taken.
    AlreadyExists {
        value: String,
    },
}

impl Kind {
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

    /// The params as a JSON object, in a fixed order.
    pub fn params(&self) -> Value<'static> {
        fn s(v: &str) -> Value<'static> {
            Value::str(v)
        }
        fn n(v: impl Into<i64>) -> Value<'static> {
            Value::num(v.into())
        }
        fn u(v: usize) -> Value<'static> {
            Value::num(v as i64)
        }
        fn list(v: &[&str]) -> Value<'static> {
            Value::Array(v.iter().map(|x| Value::str(*x)).collect())
        }
        let entries: Vec<(&str, Value<'static>)> = match self {
            Kind::Required | Kind::Empty => vec![],
            Kind::WrongType { expected, actual } => {
                vec![("expected", s(expected)), ("actual", s(actual))]
            }
            Kind::ContextType { field, expected, actual } => {
                vec![("field", s(field)), ("expected", s(expected)), ("actual", s(actual))]
            }
            Kind::TooShort { min, actual, unit } => {
                vec![("min", u(*min)), ("actual", u(*actual)), ("unit", s(unit.name()))]
            }
            Kind::TooLong { max, actual, unit } => {
                vec![("max", u(*max)), ("actual", u(*actual)), ("unit", s(unit.name()))]
            }
            Kind::OutOfRange { min, max, actual } => {
                vec![("min", n(*min)), ("max", n(*max)), ("actual", Value::Number(Cow::Owned(actual.clone())))]
            }
            Kind::BadChar { ch, code_point, index } => vec![
                ("char", ch.map(|c| s(&c.to_string())).unwrap_or(Value::Null)),
                ("codePoint", s(&crate::text::code_point(*code_point))),
                ("index", u(*index)),
            ],
            Kind::BadFormat { format } => vec![("format", s(format))],
            Kind::NotAllowed { allowed, actual } => {
                vec![("allowed", list(allowed)), ("actual", s(actual))]
            }
            Kind::Conflict { with } => vec![("with", s(with))],
            Kind::MissingOneOf { fields } => vec![("fields", list(fields))],
            Kind::Requires { field } => vec![("field", s(field))],
            Kind::Duplicate { value, first } => vec![("value", s(value)), ("first", s(first))],
            Kind::UnknownField { field } => vec![("field", s(field))],
            Kind::TooMany { max, actual } => {
                vec![("max", n(*max as i64)), ("actual", n(*actual as i64))]
            }
            Kind::TooDeep { max } => vec![("max", u(*max))],
            Kind::Unreadable { detail } => vec![("detail", s(detail))],
            Kind::NotFound { what, value } => vec![("what", s(what)), ("value", s(value))],
            Kind::BadState { what, state, allowed } => {
                vec![("what", s(what)), ("state", s(state)), ("allowed", list(allowed))]
            }
            Kind::QuotaExceeded { limit, actual } => {
                vec![("limit", n(*limit as i64)), ("actual", n(*actual as i64))]
            }
            Kind::NoQuotaLeft => vec![("remaining", n(0))],
            Kind::NotSupported { what, value } => vec![("what", s(what)), ("value", s(value))],
            Kind::Mismatch { what, expected, actual } => {
                vec![("what", s(what)), ("expected", s(expected)), ("actual", s(actual))]
            }
            Kind::AlreadyExists { value } => vec![("value", s(value))],
        };
        Value::obj(entries)
    }
}

/// One problem found in a request.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// JSON pointer into the request; `""` is the whole request.
    pub path: String,
    pub kind: Kind,
    pub severity: Severity,
    /// The provider's own documented error code (or HTTP status), where it documents one.
    pub provider_code: Option<Cow<'static, str>>,
    /// Which part of a compound value (`key` or `value` of a Huawei `key.value` tag).
    pub part: Option<&'static str>,
    pub message: String,
    /// A value that would pass, where one can be offered without guessing.
    pub suggestion: Option<String>,
}

impl Issue {
    pub fn code(&self) -> Code {
        self.kind.code()
    }

    pub fn to_value(&self) -> Value<'static> {
        let mut params = self.kind.params();
        if let (Some(part), Value::Object(m)) = (self.part, &mut params) {
            m.push((Cow::Borrowed("part"), Value::str(part)));
        }
        let mut e: Vec<(&str, Value<'static>)> = vec![
            ("path", Value::str(self.path.as_str())),
            ("code", Value::str(self.code().as_str())),
            ("severity", Value::str(self.severity.as_str())),
        ];
        if let Some(pc) = &self.provider_code {
            e.push(("providerCode", Value::str(pc.as_ref())));
        }
        e.push(("params", params));
        e.push(("message", Value::str(self.message.as_str())));
        if let Some(s) = &self.suggestion {
            e.push(("suggestion", Value::str(s.as_str())));
        }
        Value::obj(e)
    }

    /// Write as compact JSON, the same text as `to_value().to_json()`, without building the tree.
    pub fn write_json(&self, out: &mut String) {
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
        out.push_str(",\"params\":");
        let mut params = self.kind.params();
        if let (Some(part), Value::Object(m)) = (self.part, &mut params) {
            m.push((Cow::Borrowed("part"), Value::str(part)));
        }
        out.push_str(&params.to_json());
        out.push_str(",\"message\":");
        write_str(out, &self.message);
        if let Some(sug) = &self.suggestion {
            out.push_str(",\"suggestion\":");
            write_str(out, sug);
        }
        out.push('}');
    }
}

/// The result of checking a request.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub ok: bool,
    pub provider: Provider,
    pub lang: Lang,
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    pub fn to_value(&self) -> Value<'static> {
        Value::obj(vec![
            ("ok", Value::Bool(self.ok)),
            ("provider", Value::str(self.provider.id())),
            ("issues", Value::Array(self.issues.iter().map(Issue::to_value).collect())),
        ])
    }

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

/// A JSON-pointer path built on the stack, one segment per level; turned into a string only
/// when an issue needs it, so checking valid input builds no strings.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
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
                out.push_str(&crate::messages::num(*i as i64));
            }
        }
    }

    /// The last segment, as the provider's form names the field.
    pub fn last(&self) -> Option<String> {
        match self {
            Path::Root => None,
            Path::Key(_, k) => Some((*k).to_owned()),
            Path::Index(_, i) => Some(i.to_string()),
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

/// Split a JSON pointer into its unescaped segments.
pub fn split_pointer(p: &str) -> Vec<String> {
    if p.is_empty() {
        return vec![];
    }
    p.split('/').skip(1).map(|s| s.replace("~1", "/").replace("~0", "~")).collect()
}

#[cfg(test)]
mod tests {
    use crate::{check, Options, Provider, Value};

    #[test]
    fn direct_json_is_the_tree_json() {
        let req = Value::parse(r#"{"ImageName":"","InstanceId":"i","SnapshotIds":["a","a"],"X":1}"#).unwrap();
        let r = check(Provider::Tencent, &req, &Options::default());
        assert!(r.issues.len() >= 3);
        assert_eq!(r.to_json(), r.to_value().to_json());
    }
}
