//! Messages, derived from an issue's kind and params by one template table per language.
//! The code and params are the truth; these sentences are for the person typing.
//!
//! Templates are plain text with `{name}` holes filled from the issue (no `format!` machinery:
//! it keeps the WebAssembly build small).

use crate::report::{split_pointer, Kind};
use crate::text::Unit;
use crate::{Lang, Provider};

/// (English, Chinese) template per kind. Holes: `{f}` the field, `{p}` the provider, and the
/// kind's params as [`holes`] names them.
fn template(kind: &Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Required => ("{f} is required.", "{f} 为必填项。"),
        Kind::WrongType { .. } => {
            ("{f} must be {a} {expected}, not {actual}.", "{f} 必须是{expected}，而不是{actual}。")
        }
        Kind::ContextType { .. } => (
            "The console's {field} must be {a} {expected}, not {actual}; it was ignored.",
            "控制台的 {field} 必须是{expected}，而不是{actual}，已忽略。",
        ),
        Kind::Empty => ("{f} must not be empty.", "{f} 不能为空。"),
        Kind::TooShort { .. } => {
            ("{f} has {actual} {unit}; {p} needs at least {min}.", "{f} 有 {actual} {unit}；{p}要求至少 {min} {unit}。")
        }
        Kind::TooLong { .. } => (
            "{f} has {actual} {unit}; {p} accepts at most {max}.",
            "{f} 有 {actual} {unit}；{p}最多接受 {max} {unit}。",
        ),
        Kind::OutOfRange { .. } => {
            ("{f} is {actual}; {p} accepts {min} to {max}.", "{f} 为 {actual}；{p}接受 {min} 到 {max}。")
        }
        Kind::BadChar { .. } => (
            "{f} contains {char} at position {pos}, which {p} does not allow here.",
            "{f} 的第 {pos} 个字符 {char} 不被{p}允许。",
        ),
        Kind::BadFormat { format } => match *format {
            "no leading or trailing whitespace" => {
                ("{f} must not start or end with whitespace.", "{f} 的首尾不能是空白字符。")
            }
            "no leading or trailing space" => ("{f} must not start or end with a space.", "{f} 的首尾不能是空格。"),
            _ => ("{f} must be {format}.", "{f} 必须是{format}。"),
        },
        Kind::NotAllowed { .. } => {
            ("{f} is \"{actual}\"; it must be one of {allowed}.", "{f} 为“{actual}”，必须是 {allowed} 之一。")
        }
        Kind::Conflict { .. } => ("{f} cannot be given together with {with}.", "{f} 不能与 {with} 同时指定。"),
        Kind::MissingOneOf { .. } => ("Give exactly one of {fields}.", "必须且只能指定 {fields} 之一。"),
        Kind::Requires { .. } => ("{f} can only be given together with {field}.", "{f} 只能与 {field} 一起指定。"),
        Kind::Duplicate { .. } => {
            ("{f} repeats \"{value}\", already given at {first}.", "{f} 重复了“{value}”，它已在 {first} 中出现。")
        }
        Kind::UnknownField { .. } => ("{p} does not know the field \"{field}\".", "{p}不支持字段“{field}”。"),
        Kind::TooMany { .. } => {
            ("{f} has {actual} items; at most {max} are allowed.", "{f} 有 {actual} 项；最多允许 {max} 项。")
        }
        Kind::TooDeep { .. } => {
            ("{f} is nested deeper than {max} levels; it was not checked.", "{f} 的嵌套超过 {max} 层，未被检查。")
        }
        Kind::Unreadable { .. } => ("{f} could not be read: {detail}.", "无法读取 {f}：{detail}。"),
        Kind::NotFound { .. } => ("The {what} \"{value}\" does not exist.", "{what}“{value}”不存在。"),
        Kind::BadState { .. } => (
            "The {what} is {state}; creating an image needs it to be {allowed}.",
            "{what}当前状态为 {state}；创建镜像需要状态为 {allowed}。",
        ),
        Kind::QuotaExceeded { .. } => {
            ("{f}: the quota of {limit} is reached ({actual} in use).", "{f}：已达到配额 {limit}（已使用 {actual}）。")
        }
        Kind::NoQuotaLeft => ("No image quota is left.", "镜像配额已用完。"),
        Kind::NotSupported { .. } => {
            ("{p} does not support images for {what} \"{value}\".", "{p}不支持为{what}“{value}”创建镜像。")
        }
        Kind::Mismatch { .. } => {
            ("{f} is \"{actual}\" but the {what} is \"{expected}\".", "{f} 为“{actual}”，但{what}为“{expected}”。")
        }
        Kind::AlreadyExists { .. } => ("An image named \"{value}\" already exists.", "名为“{value}”的镜像已存在。"),
    }
}

/// The value of hole `name` for this kind, or `None` when the kind has no such hole.
fn hole(name: &str, kind: &Kind, lang: Lang, provider: Provider) -> Option<String> {
    let other = |ptr: &str| field_name(provider, ptr, lang);
    let list = |v: &[&str], sep: &str| v.iter().map(|s| quote(s)).collect::<Vec<_>>().join(sep);
    let sep = match lang {
        Lang::En => " or ",
        Lang::Zh => " 或 ",
    };
    Some(match (kind, name) {
        (Kind::WrongType { expected, .. } | Kind::ContextType { expected, .. }, "a") => article(expected).into(),
        (Kind::WrongType { expected, .. } | Kind::ContextType { expected, .. }, "expected") => {
            type_word(expected, lang).into()
        }
        (Kind::WrongType { actual, .. } | Kind::ContextType { actual, .. }, "actual") => type_word(actual, lang).into(),
        (Kind::ContextType { field, .. }, "field") => field.clone(),
        (Kind::TooShort { actual, .. } | Kind::TooLong { actual, .. }, "actual") => num(*actual as i64),
        (Kind::TooShort { min, .. }, "min") => num(*min as i64),
        (Kind::TooLong { max, .. }, "max") => num(*max as i64),
        (Kind::TooShort { unit, actual, .. } | Kind::TooLong { unit, actual, .. }, "unit") => {
            unit_word(*unit, *actual, lang).into()
        }
        (Kind::OutOfRange { min, .. }, "min") => num(*min),
        (Kind::OutOfRange { max, .. }, "max") => num(*max),
        (Kind::OutOfRange { actual, .. }, "actual") => short(actual),
        (Kind::BadChar { ch, code_point, .. }, "char") => show_char(*ch, *code_point),
        (Kind::BadChar { index, .. }, "pos") => num(*index as i64 + 1),
        (Kind::BadFormat { format }, "format") => format_words(format, lang).into(),
        (Kind::NotAllowed { actual, .. }, "actual") => short(actual),
        (Kind::NotAllowed { allowed, .. }, "allowed") => list(allowed, ", "),
        (Kind::Conflict { with }, "with") => other(with),
        (Kind::MissingOneOf { fields }, "fields") => fields.iter().map(|x| other(x)).collect::<Vec<_>>().join(sep),
        (Kind::Requires { field }, "field") => other(field),
        (Kind::Duplicate { value, .. }, "value") => short(value),
        (Kind::Duplicate { first, .. }, "first") => other(first),
        (Kind::UnknownField { field }, "field") => short(field),
        (Kind::TooMany { max, .. }, "max") => num(*max as i64),
        (Kind::TooMany { actual, .. }, "actual") => num(*actual as i64),
        (Kind::TooDeep { max }, "max") => num(*max as i64),
        (Kind::Unreadable { detail }, "detail") => short(detail),
        (
            Kind::NotFound { what, .. }
            | Kind::BadState { what, .. }
            | Kind::NotSupported { what, .. }
            | Kind::Mismatch { what, .. },
            "what",
        ) => what_word(what, lang).into(),
        (Kind::NotFound { value, .. } | Kind::NotSupported { value, .. } | Kind::AlreadyExists { value }, "value") => {
            short(value)
        }
        (Kind::BadState { state, .. }, "state") => state.clone(),
        (Kind::BadState { allowed, .. }, "allowed") => allowed.join(sep),
        (Kind::QuotaExceeded { limit, .. }, "limit") => num(*limit as i64),
        (Kind::QuotaExceeded { actual, .. }, "actual") => num(*actual as i64),
        (Kind::Mismatch { expected, .. }, "expected") => short(expected),
        (Kind::Mismatch { actual, .. }, "actual") => short(actual),
        _ => return None,
    })
}

/// The message for one issue.
pub fn message(lang: Lang, provider: Provider, path: &str, kind: &Kind, part: Option<&str>) -> String {
    let (en, zh) = template(kind);
    let t = match lang {
        Lang::En => en,
        Lang::Zh => zh,
    };
    let mut out = String::with_capacity(t.len() + 32);
    let mut rest = t;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        match name {
            "f" => field_with_part(&mut out, provider, path, lang, part),
            "p" => out.push_str(provider.display_name(lang)),
            _ => out.push_str(&hole(name, kind, lang, provider).unwrap_or_default()),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn field_with_part(out: &mut String, provider: Provider, path: &str, lang: Lang, part: Option<&str>) {
    let f = field_name(provider, path, lang);
    match (part, lang) {
        (Some(p), Lang::En) => {
            out.push_str("the ");
            out.push_str(p);
            out.push_str(" of ");
            out.push_str(&f);
        }
        (Some(p), Lang::Zh) => {
            out.push_str(&f);
            out.push_str(if p == "key" { " 的键" } else { " 的值" });
        }
        (None, _) => out.push_str(&f),
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

fn quote(s: &str) -> String {
    ["\"", s, "\""].concat()
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

fn format_words(format: &str, lang: Lang) -> &str {
    match (lang, format) {
        (Lang::Zh, "hex32") => "32 位十六进制字符",
        (Lang::Zh, "uuid") => "UUID（8-4-4-4-12 位十六进制）",
        (Lang::Zh, "bucket:object") => "“桶名:对象名”",
        (Lang::Zh, "bucket name") => "OBS 桶名（3 到 63 个小写字母、数字、- 或 .，以字母或数字开头和结尾）",
        (Lang::Zh, "0 or uuid") => "0 或 UUID",
        (Lang::Zh, "contiguous index") => "从 0 开始连续的序号",
        (Lang::En, "hex32") => "32 hexadecimal digits",
        (Lang::En, "uuid") => "a UUID (8-4-4-4-12 hexadecimal digits)",
        (Lang::En, "bucket:object") => "\"bucket:object\"",
        (Lang::En, "bucket name") => {
            "an OBS bucket name (3 to 63 lowercase letters, digits, - or ., starting and ending with a letter or digit)"
        }
        (Lang::En, "0 or uuid") => "0 or a UUID",
        (Lang::En, "contiguous index") => "indexes counting up from 0 without gaps",
        (_, f) => f,
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn type_word(t: &str, lang: Lang) -> &str {
    match (lang, t) {
        (Lang::Zh, "string") => "字符串",
        (Lang::Zh, "number") => "数字",
        (Lang::Zh, "integer") => "整数",
        (Lang::Zh, "boolean") => "布尔值",
        (Lang::Zh, "object") => "对象",
        (Lang::Zh, "array") => "数组",
        (Lang::Zh, "string or number") => "字符串或数字",
        (_, t) => t,
    }
}

fn short(s: &str) -> String {
    if crate::text::count_chars(s) > 40 {
        let mut cut: String = s.chars().take(40).collect();
        cut.push('…');
        cut
    } else {
        s.to_owned()
    }
}

fn what_word(what: &str, lang: Lang) -> &str {
    if lang == Lang::En {
        return what;
    }
    match what {
        "instance" => "实例",
        "snapshot" => "快照",
        "zone" => "可用区",
        "system disk" => "系统盘",
        "server" => "云服务器",
        "server task" => "云服务器任务",
        "disk" => "磁盘",
        "bucket storage class" => "桶存储类别",
        "token's project" => "令牌所属项目",
        "tag key" => "标签键",
        "configuration" => "配置",
        w => w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hole_is_filled() {
        use crate::text::Unit;
        let kinds = [
            Kind::Required,
            Kind::WrongType { expected: "integer", actual: "string" },
            Kind::TooLong { max: 60, actual: 61, unit: Unit::Chars },
            Kind::TooShort { min: 3, actual: 2, unit: Unit::Bytes },
            Kind::OutOfRange { min: 40, max: 2048, actual: "39".into() },
            Kind::BadChar { ch: Some('あ'), code_point: 0x3042, index: 2 },
            Kind::BadFormat { format: "uuid" },
            Kind::NotAllowed { allowed: &["Windows", "Linux"], actual: "linux".into() },
            Kind::Conflict { with: "/InstanceId" },
            Kind::MissingOneOf { fields: &["/InstanceId", "/SnapshotIds"] },
            Kind::Requires { field: "/InstanceId" },
            Kind::Duplicate { value: "a".into(), first: "/tags/0".into() },
            Kind::UnknownField { field: "x".into() },
            Kind::TooMany { max: 1, actual: 2 },
            Kind::TooDeep { max: 64 },
            Kind::Unreadable { detail: "boom".into() },
            Kind::NotFound { what: "instance", value: "ins-1".into() },
            Kind::BadState { what: "instance", state: "RUNNING".into(), allowed: &["STOPPED"] },
            Kind::QuotaExceeded { limit: 5, actual: 5 },
            Kind::NoQuotaLeft,
            Kind::NotSupported { what: "zone", value: "SIN-E".into() },
            Kind::Mismatch { what: "token's project", expected: "a".into(), actual: "b".into() },
            Kind::AlreadyExists { value: "web".into() },
            Kind::ContextType { field: "context.zone".into(), expected: "string", actual: "boolean" },
        ];
        for k in &kinds {
            for lang in [Lang::En, Lang::Zh] {
                let m = message(lang, Provider::Tencent, "/ImageName", k, None);
                assert!(!m.contains('{') && !m.contains('}'), "{m}");
                assert!(m.len() > 5);
            }
        }
        assert_eq!(
            message(Lang::En, Provider::Tencent, "/ImageName", &kinds[2], None),
            "ImageName has 61 characters; Tencent Cloud accepts at most 60."
        );
        assert_eq!(num(-120), "-120");
        assert_eq!(num(0), "0");
    }
}
