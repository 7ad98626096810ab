//! Messages, derived from an issue's kind and params by one table per language.
//! The code and params are the truth; these sentences are for the person typing.

use crate::report::{split_pointer, Kind};
use crate::text::Unit;
use crate::{Lang, Provider};

/// The field as the provider's form names it: `ImageName`, `tags[2]`, `TagSpecification[0].Tags[1].Key`,
/// `metadata "my/key"`. The whole request is "the request".
pub fn field_name(provider: Provider, path: &str, lang: Lang) -> String {
    let segs = split_pointer(path);
    let mut segs: &[String] = &segs;
    if matches!(provider, Provider::OpenStack | Provider::Nova) {
        if segs.len() >= 2 && segs[0] == "body" && segs[1] == "createImage" && segs.len() > 2 {
            segs = &segs[2..];
        }
        if segs.len() == 2 && segs[0] == "metadata" {
            return match lang {
                Lang::En => format!("metadata key \"{}\"", segs[1]),
                Lang::Zh => format!("元数据键“{}”", segs[1]),
            };
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

fn show_char(ch: Option<char>, cp: u32) -> String {
    match ch {
        Some(c) if !c.is_control() && !c.is_whitespace() && crate::text::is_nova_printable(c) || (c_is_astral(ch)) => {
            format!("\u{201C}{}\u{201D} ({})", ch.unwrap_or(' '), crate::text::code_point(cp))
        }
        _ => crate::text::code_point(cp),
    }
}

fn c_is_astral(ch: Option<char>) -> bool {
    matches!(ch, Some(c) if (c as u32) > 0xFFFF && !(0xE0000..=0xE007F).contains(&(c as u32)))
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
        (Lang::Zh, "null") => "null",
        (Lang::Zh, "string or number") => "字符串或数字",
        (_, t) => t,
    }
}

fn quote_list(v: &[&str]) -> String {
    v.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
}

fn short(s: &str) -> String {
    if crate::text::count_chars(s) > 40 {
        let cut: String = s.chars().take(40).collect();
        format!("{cut}…")
    } else {
        s.to_owned()
    }
}

/// The message for one issue.
pub fn message(lang: Lang, provider: Provider, path: &str, kind: &Kind, part: Option<&str>) -> String {
    let f = field_name(provider, path, lang);
    let f = match (part, lang) {
        (Some(p), Lang::En) => format!("the {p} of {f}"),
        (Some("key"), Lang::Zh) => format!("{f} 的键"),
        (Some(_), Lang::Zh) => format!("{f} 的值"),
        (None, _) => f,
    };
    let p = provider.display_name(lang);
    let other = |ptr: &str| field_name(provider, ptr, lang);
    match lang {
        Lang::En => match kind {
            Kind::Required => format!("{f} is required."),
            Kind::WrongType { expected, actual } => format!("{f} must be {} {expected}, not {actual}.", article(expected)),
            Kind::Empty => format!("{f} must not be empty."),
            Kind::TooShort { min, actual, unit } => format!(
                "{f} has {actual} {}; {p} needs at least {min}.",
                unit_word(*unit, *actual, lang)
            ),
            Kind::TooLong { max, actual, unit } => format!(
                "{f} has {actual} {}; {p} accepts at most {max}.",
                unit_word(*unit, *actual, lang)
            ),
            Kind::OutOfRange { min, max, actual } => {
                format!("{f} is {actual}; {p} accepts {min} to {max}.")
            }
            Kind::BadChar { ch, code_point, index } => format!(
                "{f} contains {} at position {}, which {p} does not allow here.",
                show_char(*ch, *code_point),
                index + 1
            ),
            Kind::BadFormat { format } => match *format {
                "no leading or trailing whitespace" => format!("{f} must not start or end with whitespace."),
                "no leading or trailing space" => format!("{f} must not start or end with a space."),
                _ => format!("{f} must be {}.", format_words(format, lang)),
            },
            Kind::NotAllowed { allowed, actual } => {
                format!("{f} is \"{}\"; it must be one of {}.", short(actual), quote_list(allowed))
            }
            Kind::Conflict { with } => format!("{f} cannot be given together with {}.", other(with)),
            Kind::MissingOneOf { fields } => format!(
                "Give exactly one of {}.",
                fields.iter().map(|x| other(x)).collect::<Vec<_>>().join(" or ")
            ),
            Kind::Requires { field } => format!("{f} can only be given together with {}.", other(field)),
            Kind::Duplicate { value, first } => {
                format!("{f} repeats \"{}\", already given at {}.", short(value), other(first))
            }
            Kind::UnknownField { field } => format!("{p} does not know the field \"{}\".", short(field)),
            Kind::TooMany { max, actual } => format!("{f} has {actual} items; at most {max} are allowed."),
            Kind::TooDeep { max } => format!("{f} is nested deeper than {max} levels; it was not checked."),
            Kind::Unreadable { detail } => format!("{f} could not be read: {}.", short(detail)),
            Kind::NotFound { what, value } => format!("The {what} \"{}\" does not exist.", short(value)),
            Kind::BadState { what, state, allowed } => format!(
                "The {what} is {state}; creating an image needs it to be {}.",
                allowed.join(" or ")
            ),
            Kind::QuotaExceeded { limit, actual } => {
                format!("{f}: the quota of {limit} is reached ({actual} in use).")
            }
            Kind::NoQuotaLeft => "No image quota is left.".to_owned(),
            Kind::NotSupported { what, value } => format!("{p} does not support images for {what} \"{value}\"."),
            Kind::Mismatch { what, expected, actual } => {
                format!("{f} is \"{}\" but the {what} is \"{}\".", short(actual), short(expected))
            }
            Kind::AlreadyExists { value } => format!("An image named \"{}\" already exists.", short(value)),
        },
        Lang::Zh => match kind {
            Kind::Required => format!("{f} 为必填项。"),
            Kind::WrongType { expected, actual } => {
                format!("{f} 必须是{}，而不是{}。", type_word(expected, lang), type_word(actual, lang))
            }
            Kind::Empty => format!("{f} 不能为空。"),
            Kind::TooShort { min, actual, unit } => format!(
                "{f} 有 {actual} {}；{p}要求至少 {min} {}。",
                unit_word(*unit, *actual, lang),
                unit_word(*unit, *min, lang)
            ),
            Kind::TooLong { max, actual, unit } => format!(
                "{f} 有 {actual} {}；{p}最多接受 {max} {}。",
                unit_word(*unit, *actual, lang),
                unit_word(*unit, *max, lang)
            ),
            Kind::OutOfRange { min, max, actual } => format!("{f} 为 {actual}；{p}接受 {min} 到 {max}。"),
            Kind::BadChar { ch, code_point, index } => format!(
                "{f} 的第 {} 个字符 {} 不被{p}允许。",
                index + 1,
                show_char(*ch, *code_point)
            ),
            Kind::BadFormat { format } => match *format {
                "no leading or trailing whitespace" => format!("{f} 的首尾不能是空白字符。"),
                "no leading or trailing space" => format!("{f} 的首尾不能是空格。"),
                _ => format!("{f} 必须是{}。", format_words(format, lang)),
            },
            Kind::NotAllowed { allowed, actual } => {
                format!("{f} 为“{}”，必须是 {} 之一。", short(actual), quote_list(allowed))
            }
            Kind::Conflict { with } => format!("{f} 不能与 {} 同时指定。", other(with)),
            Kind::MissingOneOf { fields } => format!(
                "必须且只能指定 {} 之一。",
                fields.iter().map(|x| other(x)).collect::<Vec<_>>().join("、")
            ),
            Kind::Requires { field } => format!("{f} 只能与 {} 一起指定。", other(field)),
            Kind::Duplicate { value, first } => {
                format!("{f} 重复了“{}”，它已在 {} 中出现。", short(value), other(first))
            }
            Kind::UnknownField { field } => format!("{p}不支持字段“{}”。", short(field)),
            Kind::TooMany { max, actual } => format!("{f} 有 {actual} 项；最多允许 {max} 项。"),
            Kind::TooDeep { max } => format!("{f} 的嵌套超过 {max} 层，未被检查。"),
            Kind::Unreadable { detail } => format!("无法读取 {f}：{}。", short(detail)),
            Kind::NotFound { what, value } => format!("{}“{}”不存在。", what_zh(what), short(value)),
            Kind::BadState { what, state, allowed } => format!(
                "{}当前状态为 {state}；创建镜像需要状态为 {}。",
                what_zh(what),
                allowed.join(" 或 ")
            ),
            Kind::QuotaExceeded { limit, actual } => format!("{f}：已达到配额 {limit}（已使用 {actual}）。"),
            Kind::NoQuotaLeft => "镜像配额已用完。".to_owned(),
            Kind::NotSupported { what, value } => format!("{p}不支持为{}“{value}”创建镜像。", what_zh(what)),
            Kind::Mismatch { what, expected, actual } => {
                format!("{f} 为“{}”，但{}为“{}”。", short(actual), what_zh(what), short(expected))
            }
            Kind::AlreadyExists { value } => format!("名为“{}”的镜像已存在。", short(value)),
        },
    }
}

fn what_zh(what: &str) -> &str {
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
