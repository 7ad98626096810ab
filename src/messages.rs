//! Messages, derived from an issue's kind and params by one template table per language.
//! The code and params are the truth; these sentences are for the person typing.
//!
//! Templates are plain text with `{name}` holes filled from the issue (no `format!` machinery:
//! it keeps the WebAssembly build small). The words params carry (type names, formats, what a
//! pre-flight issue is about) are data here, with their English and Chinese forms: the tests check
//! every template against every word and edge value it can receive, in both languages.

use crate::report::{split_pointer, Kind};
use crate::text::Unit;
use crate::{Lang, Provider};

/// The type words of `wrong_type` (`expected` and `actual`): (id, English with its article, Chinese).
pub(crate) const TYPES: &[(&str, &str, &str)] = &[
    ("string", "a string", "字符串"),
    ("number", "a number", "数字"),
    ("integer", "an integer", "整数"),
    ("boolean", "a boolean", "布尔值"),
    ("object", "an object", "对象"),
    ("array", "an array", "数组"),
    ("null", "null", "null"),
    // OpenStack's seed name: a string, or a number written in digits only.
    ("string or number", "a string or a whole number (digits only)", "字符串或只含数字的整数"),
    ("array of strings", "an array of strings", "字符串数组"),
    // Context fields: an integer a 64-bit integer holds; OpenStack's task_state.
    (
        "64-bit integer",
        "an integer from -9223372036854775808 to 9223372036854775807",
        "-9223372036854775808 到 9223372036854775807 之间的整数",
    ),
    ("string or null", "a string or null", "字符串或 null"),
    ("too deep", "a value nested too deeply", "嵌套过深的值"),
    ("NaN", "NaN", "NaN"),
    ("Infinity", "Infinity", "Infinity"),
    ("-Infinity", "-Infinity", "-Infinity"),
    ("bigint", "a BigInt", "BigInt"),
    ("function", "a function", "函数"),
    ("symbol", "a symbol", "Symbol"),
    ("undefined", "undefined", "undefined"),
    ("cycle", "a circular reference", "循环引用"),
    ("date", "a Date", "Date 对象"),
    ("unreadable", "an unreadable value", "无法读取的值"),
];

/// The formats of `bad_format`: (id, English, Chinese), each the complement of "must be".
pub(crate) const FORMATS: &[(&str, &str, &str)] = &[
    ("hex32", "32 hexadecimal digits", "32 位十六进制字符"),
    ("uuid", "a UUID (8-4-4-4-12 hexadecimal digits)", "UUID（8-4-4-4-12 位十六进制）"),
    ("0 or uuid", "0 or a UUID", "0 或 UUID"),
    ("bucket:object", "\"bucket:object\"", "“桶名:对象名”"),
    (
        "bucket name",
        "an OBS bucket name (3 to 63 lowercase letters, digits, hyphens or dots, starting and ending with a letter or digit)",
        "OBS 桶名（3 到 63 个小写字母、数字、连字符或点，以字母或数字开头和结尾）",
    ),
    ("microversion", "a microversion such as 2.39, or latest", "微版本（如 2.39 或 latest）"),
    // These three have sentences of their own (see `template`).
    ("contiguous index", "", ""),
    ("no leading or trailing whitespace", "", ""),
    ("no leading or trailing space", "", ""),
];

/// What a pre-flight issue is about (`what`): (id = English, Chinese).
pub(crate) const WHATS: &[(&str, &str)] = &[
    ("instance", "实例"),
    ("snapshot", "快照"),
    ("zone", "可用区"),
    ("system disk", "系统盘"),
    ("server", "云服务器"),
    ("server task", "云服务器任务"),
    ("disk", "磁盘"),
    ("bucket storage class", "桶存储类别"),
    ("token's project", "令牌所属项目"),
    ("tag key", "标签键"),
    ("configuration", "配置"),
    ("instance's latest operation", "实例的最新操作"),
    ("project", "项目"),
    ("image file", "镜像文件"),
    ("region", "区域"),
];

/// (English, Chinese) template per kind and params. Holes: `{f}` the field, `{p}` the provider,
/// and the kind's params as [`hole`] names them.
fn template(kind: &Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Required => ("{f} is required.", "{f}为必填项。"),
        Kind::WrongType { expected, actual } => match (*expected, *actual) {
            // A number that is not whole (or, for the seed name, not in plain digits).
            ("integer", "number") => ("{f} must be an integer, not a fraction.", "{f}必须是整数，不能是小数。"),
            // A string JSON text cannot hold: a lone UTF-16 surrogate (from JS or a `\uD800` escape).
            ("string", "string") => {
                ("{f} must be text without unpaired UTF-16 surrogates.", "{f}不能包含未配对的 UTF-16 代理项。")
            }
            // The value is of the expected type family, but not the right member of it
            // ("string or number" given a number, "array of strings" given another array).
            (e, a) if e == a || mentions(e, a) => ("{f} must be {expected}.", "{f}必须是{expected}。"),
            _ => ("{f} must be {expected}, not {actual}.", "{f}必须是{expected}，而不是{actual}。"),
        },
        // A field of the console's context (`context.<name>`), or the whole context (`context`).
        Kind::ContextType { field, expected, actual } => {
            let whole = field == "context";
            match (*expected, *actual) {
                // A fraction where an integer is wanted; an integer past 64 bits (it is a number).
                ("integer", "number") => (
                    "The console's context field \"{field}\" must be an integer, not a fraction; it was ignored.",
                    "控制台上下文字段“{field}”必须是整数，不能是小数，已忽略。",
                ),
                ("string", "string") => (
                    "The console's context field \"{field}\" must be text without unpaired UTF-16 surrogates; it was ignored.",
                    "控制台上下文字段“{field}”不能包含未配对的 UTF-16 代理项，已忽略。",
                ),
                (e, a) if e == a || mentions(e, a) || e == "64-bit integer" => (
                    "The console's context field \"{field}\" must be {expected}; it was ignored.",
                    "控制台上下文字段“{field}”必须是{expected}，已忽略。",
                ),
                _ if whole => (
                    "The console's context must be {expected}, not {actual}; it was ignored.",
                    "控制台上下文必须是{expected}，而不是{actual}，已忽略。",
                ),
                _ => (
                    "The console's context field \"{field}\" must be {expected}, not {actual}; it was ignored.",
                    "控制台上下文字段“{field}”必须是{expected}，而不是{actual}，已忽略。",
                ),
            }
        }
        Kind::Empty => ("{f} must not be empty.", "{f}不能为空。"),
        Kind::TooShort { .. } => {
            ("{f} has {actual} {unit}; {p} needs at least {min}.", "{f}有{actual}{unit}；{p}要求至少{min}{unit}。")
        }
        Kind::TooLong { .. } => {
            ("{f} has {actual} {unit}; {p} accepts at most {max}.", "{f}有{actual}{unit}；{p}最多接受{max}{unit}。")
        }
        Kind::OutOfRange { .. } => {
            ("{f} is {actual}; {p} accepts {min} to {max}.", "{f}为{actual}；{p}接受{min}到{max}。")
        }
        Kind::BadChar { .. } => (
            "{f} contains {char} at position {pos}, which {p} does not allow here.",
            "{f}的第{pos}个字符 {char} 不被{p}允许。",
        ),
        Kind::BadFormat { format } => match *format {
            "no leading or trailing whitespace" => {
                ("{f} must not start or end with whitespace.", "{f}的首尾不能是空白字符。")
            }
            "no leading or trailing space" => ("{f} must not start or end with a space.", "{f}的首尾不能是空格。"),
            "contiguous index" => (
                "{f} breaks the numbering: the indexes must count up from 0 without gaps.",
                "{f}的序号不连续：序号必须从0开始连续编号。",
            ),
            _ => ("{f} must be {format}.", "{f}必须是{format}。"),
        },
        Kind::NotAllowed { .. } => ("{f} is \"{actual}\"; it must be {allowed}.", "{f}为“{actual}”，必须是{allowed}。"),
        Kind::Conflict { .. } => ("{f} cannot be given together with {with}.", "{f}不能与{with}同时指定。"),
        Kind::MissingOneOf { fields } if fields.len() == 2 => ("Give either {fields}.", "必须且只能指定{fields}之一。"),
        Kind::MissingOneOf { .. } => ("Give one of {fields}.", "必须且只能指定{fields}之一。"),
        Kind::Requires { .. } => ("{f} can only be given together with {field}.", "{f}只能与{field}一起指定。"),
        Kind::Duplicate { .. } => {
            ("{f} repeats \"{value}\", already given at {first}.", "{f}重复了“{value}”，它已在{first}中出现。")
        }
        Kind::UnknownField { .. } => ("{p} does not know the field \"{field}\".", "{p}不支持字段“{field}”。"),
        Kind::TooMany { max: 0, .. } => {
            ("{f} has {actual} {items}; none are allowed.", "{f}有{actual}项；不允许有任何项。")
        }
        Kind::TooMany { max: 1, .. } => {
            ("{f} has {actual} {items}; at most 1 is allowed.", "{f}有{actual}项；最多允许1项。")
        }
        Kind::TooMany { .. } => {
            ("{f} has {actual} {items}; at most {max} are allowed.", "{f}有{actual}项；最多允许{max}项。")
        }
        Kind::TooDeep { .. } => {
            ("{f} is nested deeper than {max} {levels}; it was not checked.", "{f}的嵌套超过{max}层，未被检查。")
        }
        Kind::Unreadable { detail } if detail.trim().is_empty() => ("{f} could not be read.", "无法读取{f}。"),
        Kind::Unreadable { .. } => ("{f} could not be read: {detail}.", "无法读取{f}：{detail}。"),
        Kind::NotFound { value, .. } if value.is_empty() => ("The {what} does not exist.", "{what}不存在。"),
        Kind::NotFound { .. } => ("The {what} \"{value}\" does not exist.", "{what}“{value}”不存在。"),
        Kind::BadState { state, .. } if state.is_empty() => (
            "The {what} has no state; creating an image needs it to be {allowed}.",
            "{what}没有状态；创建镜像需要状态为{allowed}。",
        ),
        Kind::BadState { .. } => (
            "The {what} is {state}; creating an image needs it to be {allowed}.",
            "{what}当前状态为{state}；创建镜像需要状态为{allowed}。",
        ),
        Kind::QuotaExceeded { .. } => {
            ("The image quota of {limit} is reached ({actual} in use).", "已达到镜像配额{limit}（已使用{actual}）。")
        }
        Kind::NoQuotaLeft => ("No image quota is left.", "镜像配额已用完。"),
        Kind::NotSupported { value, .. } if value.is_empty() => {
            ("{p} does not support creating images for this {what}.", "{p}不支持为此{what}创建镜像。")
        }
        Kind::NotSupported { .. } => {
            ("{p} does not support creating images for the {what} \"{value}\".", "{p}不支持为{what}“{value}”创建镜像。")
        }
        Kind::Mismatch { .. } => {
            ("{f} is \"{actual}\" but the {what} is \"{expected}\".", "{f}为“{actual}”，但{what}为“{expected}”。")
        }
        Kind::AlreadyExists { .. } => ("An image named \"{value}\" already exists.", "名为“{value}”的镜像已存在。"),
    }
}

/// Does the type word `expected` name the type `actual` as one of its members?
fn mentions(expected: &str, actual: &str) -> bool {
    expected != actual && expected.split(' ').any(|w| w == actual)
}

/// Write the value of hole `name` for this kind; false when the kind has no such hole.
fn hole(out: &mut Out, name: &str, kind: &Kind, provider: Provider) -> bool {
    let lang = out.lang;
    let other = |ptr: &str| field_name(provider, ptr, lang);
    match (kind, name) {
        (Kind::WrongType { expected, .. } | Kind::ContextType { expected, .. }, "expected") => {
            out.piece(type_words(expected, lang))
        }
        (Kind::WrongType { actual, .. } | Kind::ContextType { actual, .. }, "actual") => {
            out.piece(type_words(actual, lang))
        }
        (Kind::ContextType { field, .. }, "field") => {
            out.piece(&short(field.strip_prefix("context.").unwrap_or(field)))
        }
        (Kind::TooShort { actual, .. } | Kind::TooLong { actual, .. }, "actual") => out.piece(&num(*actual as i64)),
        (Kind::TooShort { min, .. }, "min") => out.piece(&num(*min as i64)),
        (Kind::TooLong { max, .. }, "max") => out.piece(&num(*max as i64)),
        (Kind::TooShort { unit, actual, .. } | Kind::TooLong { unit, actual, .. }, "unit") => {
            out.piece(unit_word(*unit, *actual, lang))
        }
        (Kind::OutOfRange { min, .. }, "min") => out.piece(&num(*min)),
        (Kind::OutOfRange { max, .. }, "max") => out.piece(&num(*max)),
        (Kind::OutOfRange { actual, .. }, "actual") => out.piece(&short(actual)),
        (Kind::BadChar { ch, code_point, .. }, "char") => out.piece(&show_char(*ch, *code_point)),
        (Kind::BadChar { index, .. }, "pos") => out.piece(&num(*index as i64 + 1)),
        (Kind::BadFormat { format }, "format") => out.piece(format_words(format, lang)),
        (Kind::NotAllowed { actual, .. }, "actual") => out.piece(&short(actual)),
        (Kind::NotAllowed { allowed, .. }, "allowed") => {
            let quoted: Vec<String> = allowed.iter().map(|a| quote(a, lang)).collect();
            out.list(&quoted);
        }
        (Kind::Conflict { with }, "with") => out.piece(&other(with)),
        (Kind::MissingOneOf { fields }, "fields") => {
            let names: Vec<String> = fields.iter().map(|x| other(x)).collect();
            out.list(&names);
        }
        (Kind::Requires { field }, "field") => out.piece(&other(field)),
        (Kind::Duplicate { value, .. }, "value") => out.piece(&short(value)),
        (Kind::Duplicate { first, .. }, "first") => out.piece(&other(first)),
        (Kind::UnknownField { field }, "field") => out.piece(&short(field)),
        (Kind::TooMany { max, .. }, "max") => out.piece(&num(*max as i64)),
        (Kind::TooMany { actual, .. }, "actual") => out.piece(&num(*actual as i64)),
        (Kind::TooMany { actual, .. }, "items") => out.piece(if *actual == 1 { "item" } else { "items" }),
        (Kind::TooDeep { max }, "max") => out.piece(&num(*max as i64)),
        (Kind::TooDeep { max }, "levels") => out.piece(if *max == 1 { "level" } else { "levels" }),
        (Kind::Unreadable { detail }, "detail") => {
            out.piece(&short(detail.trim().trim_end_matches(['.', '。'])));
        }
        (
            Kind::NotFound { what, .. }
            | Kind::BadState { what, .. }
            | Kind::NotSupported { what, .. }
            | Kind::Mismatch { what, .. },
            "what",
        ) => out.piece(what_word(what, lang)),
        (Kind::NotFound { value, .. } | Kind::NotSupported { value, .. } | Kind::AlreadyExists { value }, "value") => {
            out.piece(&short(value))
        }
        // A state is a word (`RUNNING`); anything else is quoted, so it cannot blend into the sentence.
        (Kind::BadState { state, .. }, "state") => {
            if state.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
                out.piece(&short(state))
            } else {
                out.piece(&quote(&short(state), lang))
            }
        }
        (Kind::BadState { allowed, .. }, "allowed") => {
            let states: Vec<String> = allowed.iter().map(|s| (*s).to_owned()).collect();
            out.list(&states);
        }
        (Kind::QuotaExceeded { limit, .. }, "limit") => out.piece(&num(*limit as i64)),
        (Kind::QuotaExceeded { actual, .. }, "actual") => out.piece(&num(*actual as i64)),
        (Kind::Mismatch { expected, .. }, "expected") => out.piece(&short(expected)),
        (Kind::Mismatch { actual, .. }, "actual") => out.piece(&short(actual)),
        _ => return false,
    }
    true
}

/// The message being written. In Chinese a space goes between a Han character and ASCII text where
/// a hole meets the template (`不被 OpenStack 允许`); nothing inside a value is touched.
struct Out {
    lang: Lang,
    text: String,
}

impl Out {
    fn piece(&mut self, s: &str) {
        if self.lang == Lang::Zh {
            if let (Some(a), Some(b)) = (self.text.chars().next_back(), s.chars().next()) {
                if (is_cjk(a) && b.is_ascii_graphic()) || (a.is_ascii_graphic() && is_cjk(b)) {
                    self.text.push(' ');
                }
            }
        }
        self.text.push_str(s);
    }

    /// `A`, `A or B`, `A, B or C` (Chinese: `A`, `A或B`, `A、B或C`).
    fn list(&mut self, items: &[String]) {
        let (comma, or) = match self.lang {
            Lang::En => (", ", " or "),
            Lang::Zh => ("、", "或"),
        };
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.piece(if i + 1 == items.len() { or } else { comma });
            }
            self.piece(item);
        }
    }
}

/// Han, kana, Hangul and the other CJK scripts (not CJK punctuation, which needs no space).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{2FFF}' | '\u{3040}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}')
        || ('\u{20000}'..='\u{3FFFF}').contains(&c)
}

/// The message for one issue.
pub fn message(lang: Lang, provider: Provider, path: &str, kind: &Kind, part: Option<&str>) -> String {
    let (en, zh) = template(kind);
    let t = match lang {
        Lang::En => en,
        Lang::Zh => zh,
    };
    let mut out = Out { lang, text: String::with_capacity(t.len() + 32) };
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        out.piece(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        match name {
            "f" => {
                let (f, prose) = field_with_part(provider, path, lang, part);
                // A sentence starts with a capital, unless it starts with a field's own name.
                if prose && out.text.is_empty() {
                    let mut c = f.chars();
                    let first: String = c.next().map(|x| x.to_uppercase().collect()).unwrap_or_default();
                    out.piece(&(first + c.as_str()));
                } else {
                    out.piece(&f);
                }
            }
            "p" => out.piece(provider.display_name(lang)),
            _ => {
                hole(&mut out, name, kind, provider);
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.piece(rest);
    out.text
}

/// The field with its part (`the key of tags[0]`, `tags[0] 的键`); true when the text is words
/// rather than the field's own name.
fn field_with_part(provider: Provider, path: &str, lang: Lang, part: Option<&str>) -> (String, bool) {
    let f = field_name(provider, path, lang);
    let prose = path.is_empty() || f.starts_with("metadata key ");
    match (part, lang) {
        (Some(p), Lang::En) => (["the ", p, " of ", &f].concat(), true),
        (Some(p), Lang::Zh) => {
            let space = if f.ends_with(|c: char| c.is_ascii()) { " " } else { "" };
            ([f.as_str(), space, if p == "key" { "的键" } else { "的值" }].concat(), prose)
        }
        (None, _) => (f, prose),
    }
}

/// The field as the provider's form names it: `ImageName`, `tags[2]`, `TagSpecification[0].Tags[1].Key`,
/// `metadata key "my/key"`. The whole request is "the request".
pub fn field_name(provider: Provider, path: &str, lang: Lang) -> String {
    let segs = split_pointer(path);
    let mut segs: &[String] = &segs;
    if matches!(provider, Provider::OpenStack | Provider::Nova)
        && segs.len() > 2
        && segs[0] == "body"
        && segs[1] == "createImage"
    {
        segs = &segs[2..];
        if segs.len() == 2 && segs[0] == "metadata" {
            let (a, b) = match lang {
                Lang::En => ("metadata key \"", "\""),
                Lang::Zh => ("元数据键“", "”"),
            };
            return [a, segs[1].as_str(), b].concat();
        }
    }
    if segs.is_empty() {
        return match lang {
            Lang::En => "the request".into(),
            Lang::Zh => "请求".into(),
        };
    }
    let mut out = String::new();
    for s in segs {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && !out.is_empty() {
            out.push('[');
            out.push_str(s);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(s);
        }
    }
    out
}

/// Decimal text of an integer (what `to_string` gives, without the formatting machinery).
pub fn num(n: i64) -> String {
    let mut digits = Vec::with_capacity(20);
    let mut v = n.unsigned_abs();
    loop {
        digits.push(b'0' + (v % 10) as u8);
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if n < 0 {
        digits.push(b'-');
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

fn quote(s: &str, lang: Lang) -> String {
    match lang {
        Lang::En => ["\"", s, "\""].concat(),
        Lang::Zh => ["“", s, "”"].concat(),
    }
}

fn unit_word(unit: Unit, n: usize, lang: Lang) -> &'static str {
    match (lang, unit, n == 1) {
        (Lang::En, Unit::Chars, true) => "character",
        (Lang::En, Unit::Chars, false) => "characters",
        (Lang::En, Unit::Bytes, true) => "byte",
        (Lang::En, Unit::Bytes, false) => "bytes",
        (Lang::Zh, Unit::Chars, _) => "个字符",
        (Lang::Zh, Unit::Bytes, _) => "字节",
    }
}

/// A character as a person can read it: quoted when visible, always with its code point.
fn show_char(ch: Option<char>, cp: u32) -> String {
    let code = crate::text::code_point(cp);
    match ch {
        Some(c)
            if !c.is_whitespace()
                && (crate::text::is_nova_printable(c) || (c as u32) > 0xFFFF && !crate::text::is_zero_width(c)) =>
        {
            let mut s = String::from("\u{201C}");
            s.push(c);
            s.push_str("\u{201D} (");
            s.push_str(&code);
            s.push(')');
            s
        }
        _ => code,
    }
}

pub(crate) fn format_words(format: &str, lang: Lang) -> &str {
    match FORMATS.iter().find(|(id, ..)| *id == format) {
        Some((_, en, _)) if lang == Lang::En && !en.is_empty() => en,
        Some((_, _, zh)) if lang == Lang::Zh && !zh.is_empty() => zh,
        _ => format,
    }
}

fn type_words(t: &str, lang: Lang) -> &str {
    match (TYPES.iter().find(|(id, ..)| *id == t), lang) {
        (Some((_, en, _)), Lang::En) => en,
        (Some((_, _, zh)), Lang::Zh) => zh,
        (None, _) => t,
    }
}

fn what_word(what: &str, lang: Lang) -> &str {
    match (WHATS.iter().find(|(id, _)| *id == what), lang) {
        (Some((_, zh)), Lang::Zh) => zh,
        _ => what,
    }
}

/// A value shown in a message: at most 40 chars, then `…`.
fn short(s: &str) -> String {
    if crate::text::count_chars(s) > 40 {
        let mut cut: String = s.chars().take(40).collect();
        cut.push('…');
        cut
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{JsKind, Other, Value};
    use crate::rules::Format;

    /// Every type word `Value::type_name` can give (so every `actual` of `wrong_type`).
    fn actual_type_words() -> Vec<&'static str> {
        let js = |kind| Value::Other(Box::new(Other::Js { kind, detail: String::new() }));
        let mut values = vec![
            Value::Null,
            Value::Bool(true),
            Value::num(1),
            Value::str("s"),
            Value::Array(vec![]),
            Value::Object(vec![]),
            Value::Other(Box::new(Other::TooDeep)),
            Value::Other(Box::new(Other::LoneSurrogate { raw: "\\ud800".into(), code_point: 0xD800, index: 0 })),
        ];
        // Every JS kind, by an exhaustive match: a new kind must be added here (and to TYPES).
        for k in [
            JsKind::BigInt,
            JsKind::NaN,
            JsKind::Infinity,
            JsKind::NegInfinity,
            JsKind::Function,
            JsKind::Symbol,
            JsKind::Undefined,
            JsKind::Cycle,
            JsKind::Date,
            JsKind::Unreadable,
        ] {
            match k {
                JsKind::BigInt
                | JsKind::NaN
                | JsKind::Infinity
                | JsKind::NegInfinity
                | JsKind::Function
                | JsKind::Symbol
                | JsKind::Undefined
                | JsKind::Cycle
                | JsKind::Date
                | JsKind::Unreadable => values.push(js(k)),
            }
        }
        values.iter().map(|v| v.type_name()).collect()
    }

    /// The `expected` words the rules pass (rules.rs, providers/): keep in step with TYPES.
    const EXPECTED: &[&str] =
        &["string", "integer", "boolean", "object", "array", "string or number", "array of strings"];

    /// Every format `bad_format` can carry.
    fn formats() -> Vec<&'static str> {
        let mut f: Vec<&str> = [Format::Hex32, Format::Uuid, Format::ZeroOrUuid, Format::BucketObject]
            .iter()
            .map(|f| match f {
                Format::Hex32 | Format::Uuid | Format::ZeroOrUuid | Format::BucketObject => f.name(),
            })
            .collect();
        f.extend([
            "bucket name",
            "contiguous index",
            "no leading or trailing whitespace",
            "no leading or trailing space",
        ]);
        f
    }

    /// Each kind with the edge values of its params.
    fn kinds() -> Vec<Kind> {
        let long = "x".repeat(300);
        let strings = ["", " ", "a", "中文", "😀", long.as_str(), "a.", "\"q\""];
        let mut k = vec![Kind::Required, Kind::Empty, Kind::NoQuotaLeft];
        for e in EXPECTED {
            for a in actual_type_words() {
                // Equal words only for a lone surrogate (its type name is "string").
                if *e != a || *e == "string" {
                    k.push(Kind::WrongType { expected: e, actual: a });
                }
            }
        }
        for unit in [Unit::Chars, Unit::Bytes] {
            for (min, actual) in [(1, 0), (2, 1), (3, 2), (1000, 999)] {
                k.push(Kind::TooShort { min, actual, unit });
            }
            for (max, actual) in [(1, 2), (60, 61), (255, usize::MAX)] {
                k.push(Kind::TooLong { max, actual, unit });
            }
        }
        for actual in ["0", "-1", "39", "39.0", "1e400", "-99999999999999999999", &"9".repeat(100)] {
            k.push(Kind::OutOfRange { min: 40, max: 2048, actual: actual.into() });
            k.push(Kind::OutOfRange { min: i64::MIN, max: -1, actual: actual.into() });
        }
        for (ch, cp, index) in [
            (Some('a'), 0x61, 0),
            (Some(' '), 0x20, 1),
            (Some('\u{3000}'), 0x3000, 2),
            (Some('\n'), 0xA, 3),
            (Some('あ'), 0x3042, 4),
            (Some('😀'), 0x1F600, 5),
            (Some('\u{200B}'), 0x200B, 6),
            (Some('\u{E000}'), 0xE000, 7),
            (None, 0xD800, usize::MAX - 1),
        ] {
            k.push(Kind::BadChar { ch, code_point: cp, index });
        }
        for f in formats() {
            k.push(Kind::BadFormat { format: f });
        }
        for allowed in [&["CreateImage"][..], &["Windows", "Linux"], &["true", "false", "TRUE", "FALSE"]] {
            for a in strings {
                k.push(Kind::NotAllowed { allowed, actual: a.into() });
            }
        }
        for with in ["/InstanceId", "/SnapshotIds", "/DataDiskIds", "/tags"] {
            k.push(Kind::Conflict { with });
            k.push(Kind::Requires { field: with });
        }
        for fields in [&["/InstanceId", "/SnapshotIds"][..], &["/a", "/b", "/c"], &["/a"]] {
            k.push(Kind::MissingOneOf { fields });
        }
        for s in strings {
            k.push(Kind::Duplicate { value: s.into(), first: "/tags/0".into() });
            k.push(Kind::UnknownField { field: s.into() });
            k.push(Kind::Unreadable { detail: s.into() });
            k.push(Kind::AlreadyExists { value: s.into() });
            k.push(Kind::Mismatch { what: "token's project", expected: s.into(), actual: "b".into() });
            k.push(Kind::Mismatch { what: "token's project", expected: "a".into(), actual: s.into() });
        }
        for (max, actual) in [(0, 1), (0, 2), (1, 2), (2, 3), (128, 129), (u64::MAX / 2, u64::MAX / 2 + 1)] {
            k.push(Kind::TooMany { max, actual });
        }
        k.push(Kind::TooDeep { max: 64 });
        k.push(Kind::TooDeep { max: 1 });
        for (what, _) in WHATS {
            for s in strings {
                k.push(Kind::NotFound { what, value: s.into() });
                k.push(Kind::NotSupported { what, value: s.into() });
                for allowed in
                    [&["STOPPED"][..], &["RUNNING", "STOPPED"], &["ACTIVE", "STOPPED", "PAUSED", "SUSPENDED"]]
                {
                    k.push(Kind::BadState { what, state: s.into(), allowed });
                }
            }
        }
        for (limit, actual) in [(0, 0), (1, 1), (5, 5), (5, 6), (u64::MAX / 2, u64::MAX / 2)] {
            k.push(Kind::QuotaExceeded { limit, actual });
        }
        k
    }

    /// The English words of the vocabularies, which must not appear untranslated in Chinese.
    fn english_words() -> Vec<&'static str> {
        let mut w: Vec<&str> =
            ["string", "integer", "boolean", "object", "array", "number", "function", "cycle"].into();
        w.extend(WHATS.iter().map(|(id, _)| *id));
        w.extend(["characters", "bytes", "items", "hexadecimal", "whitespace", "quota", "must", "the "]);
        w
    }

    fn check_message(m: &str, lang: Lang, kind: &Kind, path: &str) {
        let ctx = format!("{lang:?} {kind:?} at {path:?}: {m:?}");
        assert!(!m.contains('{') && !m.contains('}'), "hole left: {ctx}");
        assert!(m.ends_with('.') || m.ends_with('。'), "no full stop: {ctx}");
        for bad in ["  ", " .", " ,", " ;", ": .", "..", "()", "（）", "：。", "，。", " :"] {
            assert!(!m.contains(bad), "{bad:?} in {ctx}");
        }
        if lang == Lang::En {
            let first = m.chars().next().unwrap();
            let starts_with_field = !path.is_empty() && m.starts_with(&field_name(Provider::Tencent, path, lang));
            assert!(first.is_uppercase() || starts_with_field || first == '"', "lowercase start: {ctx}");
            let unquoted = strip_quoted(m, '"', '"');
            let words: Vec<&str> =
                unquoted.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
            for pair in words.windows(2) {
                // "a UUID" (you-you-id), "an OBS" (oh-bee-ess), "an unreadable", "a one".
                let vowel = pair[1].starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O']) && pair[1] != "one";
                assert!(!(pair[0] == "a" && vowel), "\"a {}\": {ctx}", pair[1]);
                assert!(pair[0] != "an" || vowel, "\"an {}\": {ctx}", pair[1]);
                // Singular and plural agree with the number before them.
                if pair[0] == "1" {
                    assert!(!pair[1].ends_with('s') || pair[1] == "is", "\"1 {}\": {ctx}", pair[1]);
                }
                if pair[0].parse::<u128>().is_ok_and(|n| n != 1)
                    && ["item", "character", "byte", "level"].contains(&pair[1])
                {
                    panic!("\"{} {}\": {ctx}", pair[0], pair[1]);
                }
            }
            assert!(!m.contains("at most 1 are") && !m.contains("at most 0"), "{ctx}");
            if let Kind::WrongType { expected, actual } = kind {
                // Never "must be X, not X", nor "must be a string or a whole number, not a number"
                // (the value is of a type the field takes, just not the right one of it).
                let same_family = expected == actual || expected.split(' ').any(|w| w == *actual);
                assert!(!(same_family && m.contains(", not ")), "contradiction: {ctx}");
                assert!(m.contains(type_words(expected, lang)) || *actual == "number" || expected == actual, "{ctx}");
            }
        } else {
            for w in english_words() {
                // Words of the vocabularies, outside quoted values and the field's own name.
                let outside: String = strip_quoted(m, '“', '”').replace(&field_name(Provider::Tencent, path, lang), "");
                assert!(!outside.contains(w), "untranslated {w:?}: {ctx}");
            }
            assert!(!m.contains("最多允许 0"), "{ctx}");
        }
    }

    /// The message without the quoted parts (values the user gave).
    fn strip_quoted(m: &str, open: char, close: char) -> String {
        let mut out = String::new();
        let mut inside = false;
        for c in m.chars() {
            if !inside && c == open {
                inside = true;
                out.push(' ');
            } else if inside && c == close {
                inside = false;
            } else if !inside {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn every_template_with_every_edge_param_in_both_languages() {
        let kinds = kinds();
        assert!(kinds.len() > 500, "{}", kinds.len());
        let mut n = 0;
        for k in &kinds {
            for lang in [Lang::En, Lang::Zh] {
                for (path, part) in
                    [("/ImageName", None), ("", None), ("/tags/0", Some("key")), ("/tags/0", Some("value"))]
                {
                    for p in Provider::ALL {
                        let m = message(lang, p, path, k, part);
                        if p == Provider::Tencent {
                            check_message(&m, lang, k, path);
                        }
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 10_000);
    }

    #[test]
    fn vocabularies_cover_every_word_the_core_can_emit() {
        for w in actual_type_words().into_iter().chain(EXPECTED.iter().copied()) {
            assert!(TYPES.iter().any(|(id, ..)| *id == w), "type word {w:?} has no words in TYPES");
        }
        for f in formats() {
            assert!(FORMATS.iter().any(|(id, ..)| *id == f), "format {f:?} has no words in FORMATS");
        }
        for (id, en, zh) in TYPES {
            assert!(!en.is_empty() && !zh.is_empty(), "{id}");
        }
    }

    #[test]
    fn the_examples_read_right() {
        let t = |lang, kind: &Kind, path: &str, p: Provider| message(lang, p, path, kind, None);
        let name = "/body/createImage/name";
        let wt = |expected, actual| Kind::WrongType { expected, actual };
        // A number that is not whole (issue 12: "must be a string or number, not number").
        assert_eq!(
            t(Lang::En, &wt("string or number", "number"), name, Provider::OpenStack),
            "name must be a string or a whole number (digits only)."
        );
        assert_eq!(
            t(Lang::Zh, &wt("string or number", "number"), name, Provider::OpenStack),
            "name 必须是字符串或只含数字的整数。"
        );
        assert_eq!(
            t(Lang::En, &wt("string or number", "boolean"), name, Provider::OpenStack),
            "name must be a string or a whole number (digits only), not a boolean."
        );
        assert_eq!(
            t(Lang::En, &wt("integer", "number"), "/min_disk", Provider::Huawei),
            "min_disk must be an integer, not a fraction."
        );
        assert_eq!(
            t(Lang::En, &wt("integer", "string"), "/min_disk", Provider::Huawei),
            "min_disk must be an integer, not a string."
        );
        assert_eq!(
            t(Lang::En, &wt("object", "array"), "", Provider::Huawei),
            "The request must be an object, not an array."
        );
        assert_eq!(t(Lang::Zh, &wt("object", "null"), "", Provider::Huawei), "请求必须是对象，而不是 null。");
        assert_eq!(
            t(Lang::En, &Kind::TooLong { max: 60, actual: 61, unit: Unit::Chars }, "/ImageName", Provider::Tencent),
            "ImageName has 61 characters; Tencent Cloud accepts at most 60."
        );
        assert_eq!(
            t(Lang::En, &Kind::TooShort { min: 3, actual: 1, unit: Unit::Bytes }, "/ImageName", Provider::Tencent),
            "ImageName has 1 byte; Tencent Cloud needs at least 3."
        );
        assert_eq!(
            t(Lang::Zh, &Kind::BadChar { ch: Some('あ'), code_point: 0x3042, index: 2 }, "/name", Provider::Huawei),
            "name 的第 3 个字符 “あ” (U+3042) 不被华为云允许。"
        );
        assert_eq!(
            t(Lang::Zh, &Kind::UnknownField { field: "x".into() }, "/x", Provider::OpenStack),
            "OpenStack 不支持字段“x”。"
        );
        let allowed = Kind::NotAllowed { allowed: &["Windows", "Linux"], actual: "linux".into() };
        assert_eq!(
            t(Lang::En, &allowed, "/os_type", Provider::Huawei),
            "os_type is \"linux\"; it must be \"Windows\" or \"Linux\"."
        );
        assert_eq!(
            t(Lang::Zh, &allowed, "/os_type", Provider::Huawei),
            "os_type 为“linux”，必须是“Windows”或“Linux”。"
        );
        let one = Kind::NotAllowed { allowed: &["CreateImage"], actual: "x".into() };
        assert_eq!(t(Lang::En, &one, "/Action", Provider::Tencent), "Action is \"x\"; it must be \"CreateImage\".");
        let either = Kind::MissingOneOf { fields: &["/InstanceId", "/SnapshotIds"] };
        assert_eq!(t(Lang::En, &either, "", Provider::Tencent), "Give either InstanceId or SnapshotIds.");
        assert_eq!(t(Lang::Zh, &either, "", Provider::Tencent), "必须且只能指定 InstanceId 或 SnapshotIds 之一。");
        let meta = "/body/createImage/metadata";
        assert_eq!(
            t(Lang::En, &Kind::TooMany { max: 1, actual: 2 }, meta, Provider::Nova),
            "metadata has 2 items; at most 1 is allowed."
        );
        assert_eq!(
            t(Lang::En, &Kind::TooMany { max: 0, actual: 1 }, meta, Provider::Nova),
            "metadata has 1 item; none are allowed."
        );
        assert_eq!(
            t(Lang::En, &Kind::NotFound { what: "instance", value: String::new() }, "", Provider::Tencent),
            "The instance does not exist."
        );
        assert_eq!(
            t(Lang::En, &Kind::Unreadable { detail: "boom.".into() }, "/a", Provider::Huawei),
            "a could not be read: boom."
        );
        assert_eq!(
            t(Lang::En, &Kind::Unreadable { detail: String::new() }, "/a", Provider::Huawei),
            "a could not be read."
        );
        assert_eq!(
            t(Lang::En, &Kind::QuotaExceeded { limit: 5, actual: 5 }, "", Provider::Zenlayer),
            "The image quota of 5 is reached (5 in use)."
        );
        assert_eq!(
            message(Lang::En, Provider::Huawei, "/image_tags/0/key", &Kind::Empty, Some("key")),
            "The key of image_tags[0].key must not be empty."
        );
        assert_eq!(
            t(Lang::En, &Kind::Empty, "/body/createImage/metadata/a~1b", Provider::Nova),
            "Metadata key \"a/b\" must not be empty."
        );
        let ctx = |expected, actual| Kind::ContextType { field: "context.imagesInZone".into(), expected, actual };
        assert_eq!(
            t(Lang::En, &ctx("integer", "number"), "", Provider::Zenlayer),
            "The console's context field \"imagesInZone\" must be an integer, not a fraction; it was ignored."
        );
        assert_eq!(
            t(Lang::En, &ctx("64-bit integer", "number"), "", Provider::Zenlayer),
            "The console's context field \"imagesInZone\" must be an integer from -9223372036854775808 to 9223372036854775807; it was ignored."
        );
        assert_eq!(
            t(Lang::En, &ctx("string", "array"), "", Provider::Zenlayer),
            "The console's context field \"imagesInZone\" must be a string, not an array; it was ignored."
        );
        assert_eq!(
            t(Lang::Zh, &ctx("array of strings", "array"), "", Provider::Zenlayer),
            "控制台上下文字段“imagesInZone”必须是字符串数组，已忽略。"
        );
        let whole = Kind::ContextType { field: "context".into(), expected: "object", actual: "array" };
        assert_eq!(
            t(Lang::En, &whole, "", Provider::Nova),
            "The console's context must be an object, not an array; it was ignored."
        );
        assert_eq!(num(-120), "-120");
        assert_eq!(num(0), "0");
        assert_eq!(num(i64::MIN), "-9223372036854775808");
    }

    #[test]
    fn context_messages_with_every_type_word() {
        for lang in [Lang::En, Lang::Zh] {
            for e in ["string", "boolean", "integer", "array of strings", "64-bit integer", "string or null", "object"]
            {
                for a in actual_type_words() {
                    if e == a && e != "string" {
                        continue;
                    }
                    for key in ["", "k", "imagesInZone", &"k".repeat(100)] {
                        let kind = Kind::ContextType { field: ["context.", key].concat(), expected: e, actual: a };
                        let m = message(lang, Provider::Tencent, "", &kind, None);
                        check_message(&m, lang, &Kind::WrongType { expected: e, actual: a }, "");
                    }
                }
            }
        }
    }
}
