//! Messages, derived from an issue's kind and params by one template table per language.
//! The code and params are the truth; these sentences are for the person typing.
//!
//! Templates are plain text with `{name}` holes filled from the issue (no `format!` machinery:
//! it keeps the WebAssembly build small). The words params carry (type names, formats, what a
//! pre-flight issue is about) are data here, with their English and Chinese forms: the tests check
//! every template against every word and edge value it can receive, in both languages.

use crate::labels::{self, clip, quote, Labels, Name};
use crate::providers::TYPES as BUILT_TYPES;
use crate::report::Kind;
use crate::text::{Edge, Unit};
use crate::{Lang, Provider};
use std::borrow::Cow;

/// Words that only the rules of the providers named make, kept out of a build without any of them
/// (a per-provider WebAssembly build; cargo features), which never needs them: as dead data they
/// would still be in its `.wasm`, since the tables and the match on a kind are read at run time.
/// - `only!(providers => t!(...))`: a kind's templates, `""` in such a build;
/// - `only!(providers => (id, English, Chinese))`: a vocabulary entry, its words `""` there (the
///   id stays: serde reads every id this version makes).
///
/// Which provider makes which kind and word is checked by the per-provider builds' answers on
/// every case file (tests/js/entries.test.mjs against the main entry's).
macro_rules! only {
    ($($feature:literal),+ => t!($($t:tt)*)) => {
        if cfg!(any($(feature = $feature),+)) {
            t!($($t)*)
        } else {
            ""
        }
    };
    ($($feature:literal),+ => ($id:literal, $en:expr, $zh:expr $(,)?)) => {
        if cfg!(any($(feature = $feature),+)) {
            ($id, $en, $zh)
        } else {
            ($id, "", "")
        }
    };
}

/// A kind's templates where only a string or number feature of the built providers' tables makes
/// it (`providers::TYPES`, here `BUILT_TYPES`: a minimum above one, an integer field, an edge
/// rule), `""` in a build whose tables have none, as [`only!`] does for the providers.
macro_rules! when {
    ($cond:expr => t!($($t:tt)*)) => {
        if $cond {
            t!($($t)*)
        } else {
            ""
        }
    };
}

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
    only!("openstack", "nova" => ("string or number", "a string or a whole number (digits only)", "字符串或只含数字的整数")),
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
    only!("openstack", "nova" => (
        "hex32 or uuid",
        "a UUID (32 hexadecimal digits, with or without the dashes of 8-4-4-4-12)",
        "UUID（32 位十六进制字符，可带 8-4-4-4-12 的连字符）",
    )),
    only!("openstack", "nova" => ("uuid", "a UUID (8-4-4-4-12 hexadecimal digits)", "UUID（8-4-4-4-12 位十六进制）")),
    only!("huawei" => ("0 or uuid", "0 or a UUID", "0 或 UUID")),
    only!("huawei" => ("bucket:object", "\"bucket:object\"", "“桶名:对象名”")),
    // The bucket of `bucket:object` is not an OBS bucket name.
    only!("huawei" => (
        "bucket name",
        "\"bucket:object\" with an OBS bucket name (3 to 63 lowercase letters, digits, hyphens or dots, starting and ending with a letter or digit)",
        "“桶名:对象名”，桶名为 OBS 桶名（3 到 63 个小写字母、数字、连字符或点，以字母或数字开头和结尾）",
    )),
    only!("nova" => ("microversion", "a microversion from 2.1, such as 2.39, or latest", "2.1 起的微版本（如 2.39 或 latest）")),
    // These three have sentences of their own (see `template`).
    ("contiguous index", "", ""),
    ("no leading or trailing whitespace", "", ""),
    ("no leading or trailing space", "", ""),
];

/// What a pre-flight issue is about (`what`): (id, English, Chinese). The id is the `what`
/// param; the English words are the id, but where the id would read as an API name.
pub(crate) const WHATS: &[(&str, &str, &str)] = &[
    only!("zenlayer", "tencent" => ("instance", "instance", "实例")),
    only!("tencent" => ("snapshot", "snapshot", "快照")),
    only!("zenlayer" => ("zone", "zone", "可用区")),
    only!("zenlayer" => ("system disk", "system disk", "系统盘")),
    only!("openstack", "nova" => ("server", "server", "云服务器")),
    only!("openstack", "nova" => ("server task", "server task", "云服务器任务")),
    only!("tencent" => ("disk", "disk", "磁盘")),
    only!("huawei" => ("bucket storage class", "bucket storage class", "桶存储类别")),
    only!("openstack", "nova" => ("token's project", "project of the Auth token", "认证令牌所属项目")),
    only!("tencent" => ("tag key", "tag key", "标签键")),
    only!("openstack", "nova" => ("configuration", "configuration", "配置")),
    only!("tencent" => ("instance's latest operation", "instance's latest operation", "实例的最新操作")),
    only!("openstack", "nova" => ("project", "project", "项目")),
    only!("huawei" => ("image file", "image file", "镜像文件")),
    only!("huawei" => ("region", "region", "区域")),
];

/// The four templates of a kind, one string (see [`template`]).
/// A template that held a line feed would shift the others: the build refuses one.
macro_rules! t {
    ($en:literal, $zh:literal, $en_short:literal, $zh_short:literal $(,)?) => {{
        const _: () = assert!(
            one_line($en) && one_line($zh) && one_line($en_short) && one_line($zh_short),
            "a message template holds a line feed"
        );
        concat!($en, "\n", $zh, "\n", $en_short, "\n", $zh_short)
    }};
}

/// Does `s` hold no line feed? (For [`t!`], at compile time.)
const fn one_line(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            return false;
        }
        i += 1;
    }
    true
}

/// The templates of one kind: English, Chinese, English short, Chinese short, each ended by a line
/// feed but the last (one string: one address in the WebAssembly build, not four); an empty short
/// one is the long one without its full stop, and without the field that starts it (`{f} must not
/// be empty.` -> `Must not be empty`, `{f}的首尾不能是空格。` -> `首尾不能是空格`). Holes: `{f}` the field's name, `{is}` / `{has}` its
/// English verb, `{p}` the provider, and the kind's params as [`hole`] names them.
///
/// A template without `{f}` (the pre-flight ones) is a sentence that the field's name precedes
/// where the issue has a path (`Instance ID: the instance is STOPPING; ...`); it starts in lower
/// case and is capitalized where it starts the message. The short forms never name the issue's own
/// field, but a cross-field one names the fields it concerns, since it is shown under each.
fn template(kind: &Kind, path: &str) -> &'static str {
    match kind {
        Kind::Required => t!("{f} {is} required.", "{f}为必填项。", "Required", "必填项"),
        Kind::WrongType { expected, actual } => match (*expected, *actual) {
            // A number that is not whole (or, for the seed name, not in plain digits).
            ("integer", "number") => {
                when!(BUILT_TYPES.int => t!("{f} must be an integer, not a fraction.", "{f}必须是整数，不能是小数。", "", ""))
            }
            // A string JSON text cannot hold: a lone UTF-16 surrogate (from JS or a `\uD800` escape).
            ("string", "string") => {
                t!(
                    "{f} must be text without unpaired UTF-16 surrogates.",
                    "{f}不能包含未配对的 UTF-16 代理项。",
                    "",
                    ""
                )
            }
            // The value is of the expected type family, but not the right member of it
            // ("string or number" given a number, "array of strings" given another array).
            (e, a) if e == a || mentions(e, a) => t!("{f} must be {expected}.", "{f}必须是{expected}。", "", ""),
            _ => t!("{f} must be {expected}, not {actual}.", "{f}必须是{expected}，而不是{actual}。", "", ""),
        },
        // A field of the console's context (`context.<name>`), or the whole context (`context`).
        Kind::ContextType { field, expected, actual } => {
            let whole = field == "context";
            match (*expected, *actual) {
                // A fraction where an integer is wanted; an integer past 64 bits (it is a number).
                ("integer", "number") => t!(
                    "The console's context field \"{field}\" must be an integer, not a fraction; it was ignored.",
                    "控制台上下文字段“{field}”必须是整数，不能是小数，已忽略。",
                    "",
                    "",
                ),
                ("string", "string") => t!(
                    "The console's context field \"{field}\" must be text without unpaired UTF-16 surrogates; it was ignored.",
                    "控制台上下文字段“{field}”不能包含未配对的 UTF-16 代理项，已忽略。",
                    "",
                    "",
                ),
                (e, a) if e == a || mentions(e, a) || e == "64-bit integer" => t!(
                    "The console's context field \"{field}\" must be {expected}; it was ignored.",
                    "控制台上下文字段“{field}”必须是{expected}，已忽略。",
                    "",
                    "",
                ),
                _ if whole => t!(
                    "The console's context must be {expected}, not {actual}; it was ignored.",
                    "控制台上下文必须是{expected}，而不是{actual}，已忽略。",
                    "",
                    "",
                ),
                _ => t!(
                    "The console's context field \"{field}\" must be {expected}, not {actual}; it was ignored.",
                    "控制台上下文字段“{field}”必须是{expected}，而不是{actual}，已忽略。",
                    "",
                    "",
                ),
            }
        }
        Kind::Empty => t!("{f} must not be empty.", "{f}不能为空。", "", ""),
        Kind::TooShort { .. } => when!(BUILT_TYPES.min_above_one => t!(
            "{f} {has} {actual} {unit}; {p} needs at least {min}.",
            "{f}有{actual}{unit}；{p}要求至少{min}{unit}。",
            "At least {min} {limitunit}",
            "至少{min}{unit}",
        )),
        Kind::TooLong { .. } => t!(
            "{f} {has} {actual} {unit}; {p} accepts at most {max}.",
            "{f}有{actual}{unit}；{p}最多接受{max}{unit}。",
            "At most {max} {limitunit}",
            "最多{max}{unit}",
        ),
        Kind::OutOfRange { .. } => when!(BUILT_TYPES.int => t!(
            "{f} {is} {actual}; {p} accepts {min} to {max}.",
            "{f}为{actual}；{p}接受{min}到{max}。",
            "Must be from {min} to {max}",
            "必须在{min}到{max}之间",
        )),
        Kind::BadChar { .. } => t!(
            "{f} contains {char} at position {pos}, which {p} does not allow here.",
            "{f}的第{pos}个字符{char}不被{p}允许。",
            "Character {char} at position {pos} is not allowed",
            "第{pos}个字符{char}不允许使用",
        ),
        Kind::BadFormat { format } => match *format {
            "no leading or trailing whitespace" => when!(BUILT_TYPES.has_edge(Edge::NoWhiteSpace) => t!(
                "{f} must not start or end with whitespace.",
                "{f}的首尾不能是空白字符。",
                "",
                ""
            )),
            "no leading or trailing space" => when!(BUILT_TYPES.has_edge(Edge::NoSpace) => t!(
                "{f} must not start or end with a space.",
                "{f}的首尾不能是空格。",
                "",
                ""
            )),
            "contiguous index" => only!("tencent" => t!(
                "{f} breaks the numbering: the indexes must count up from 0 without gaps.",
                "{f}的序号不连续：序号必须从 0 开始连续编号。",
                "",
                "",
            )),
            _ => t!("{f} must be {format}.", "{f}必须是{format}。", "", ""),
        },
        Kind::NotAllowed { .. } => t!(
            "{f} {is} \"{actual}\"; it must be {allowed}.",
            "{f}为“{actual}”，必须是{allowed}。",
            "Must be {allowed}",
            "必须是{allowed}",
        ),
        // Tencent's list given both as an array and as numbered keys: at the key `/DataDiskIds.0`.
        Kind::Conflict { with } if numbered_key_of(path, with) => only!("tencent" => t!(
            "{f} is given as a numbered key beside the array {with}.",
            "{f}以编号键给出，但{with}同时以数组给出。",
            "Given as a numbered key beside the array {with}",
            "以编号键给出，但{with}同时以数组给出",
        )),
        Kind::Conflict { .. } => only!("huawei", "tencent" => t!(
            "{f} cannot be given together with {with}.",
            "{f}不能与{with}同时指定。",
            "{with} and {f} cannot both be given",
            "{with}和{f}不能同时指定",
        )),
        Kind::MissingOneOf { fields } if fields.len() == 2 => {
            only!("tencent" => t!("Give either {fields}.", "必须且只能指定{fields}之一。", "", ""))
        }
        Kind::MissingOneOf { .. } => {
            only!("tencent" => t!("Give one of {fields}.", "必须且只能指定{fields}之一。", "", ""))
        }
        Kind::Requires { .. } => only!("tencent" => t!(
            "{f} can only be given together with {field}.",
            "{f}只能与{field}一起指定。",
            "{f} can only be given together with {field}",
            "{f}只能与{field}一起指定",
        )),
        Kind::Duplicate { .. } => t!(
            "{f} repeats \"{value}\" from {first}.",
            "{f}重复了“{value}”，它已在{first}中出现。",
            "Same as {first}",
            "与{first}重复",
        ),
        // A context field the provider does not read (`providers::ctx::unknown`: `context.<key>` at
        // ""), worded as the console's, as its other context warnings are; until 2026-12-01 the
        // sentence below, as if the request held it (a breaker).
        Kind::UnknownField { field } if path.is_empty() && field.starts_with("context.") => t!(
            "The console's context field \"{key}\" is not one {p} reads; it was ignored.",
            "控制台上下文字段“{key}”不适用于{p}，已忽略。",
            "",
            ""
        ),
        Kind::UnknownField { .. } => t!("{p} does not know the field \"{field}\".", "{p}不支持字段“{field}”。", "", ""),
        Kind::TooMany { max: 0, .. } => t!(
            "{f} {has} {actual} {items}; none are allowed.",
            "{f}有{actual}项；不允许有任何项。",
            "No items are allowed",
            "不允许有任何项",
        ),
        Kind::TooMany { max: 1, .. } => t!(
            "{f} {has} {actual} {items}; at most 1 is allowed.",
            "{f}有{actual}项；最多允许 1 项。",
            "At most 1 item",
            "最多 1 项",
        ),
        Kind::TooMany { .. } => t!(
            "{f} {has} {actual} {items}; at most {max} are allowed.",
            "{f}有{actual}项；最多允许{max}项。",
            "At most {max} items",
            "最多{max}项",
        ),
        Kind::TooDeep { .. } => t!(
            "{f} {is} nested deeper than {max} {levels}; it was not checked.",
            "{f}的嵌套超过{max}层，未被检查。",
            "Nested deeper than {max} {levels}; not checked",
            "",
        ),
        Kind::Unreadable { detail } if crate::text::trim(detail).is_empty() => {
            t!("{f} could not be read.", "无法读取{f}。", "", "无法读取")
        }
        Kind::Unreadable { .. } => {
            t!("{f} could not be read: {detail}.", "无法读取{f}：{detail}。", "", "无法读取：{detail}")
        }
        Kind::NotFound { value, .. } if value.is_empty() => t!("the {what} does not exist.", "{what}不存在。", "", ""),
        Kind::NotFound { .. } => t!("the {what} \"{value}\" does not exist.", "{what}“{value}”不存在。", "", ""),
        Kind::BadState { state, .. } if state.is_empty() => t!(
            "the {what} has no state; creating an image needs it to be {allowed}.",
            "{what}没有状态；创建镜像需要状态为{allowed}。",
            "the {what} has no state; it must be {allowed}",
            "{what}没有状态，需要为{allowed}",
        ),
        Kind::BadState { .. } => t!(
            "the {what} is {state}; creating an image needs it to be {allowed}.",
            "{what}当前状态为{state}；创建镜像需要状态为{allowed}。",
            "the {what} is {state}; it must be {allowed}",
            "{what}当前状态为{state}，需要为{allowed}",
        ),
        Kind::QuotaExceeded { .. } => only!("zenlayer" => t!(
            "the image quota of {limit} is reached ({actual} in use).",
            "已达到镜像配额{limit}（已使用{actual}）。",
            "",
            "",
        )),
        Kind::NoQuotaLeft => only!("tencent" => t!("no image quota is left.", "镜像配额已用完。", "", "")),
        Kind::NotSupported { value, .. } if value.is_empty() => {
            only!("zenlayer", "tencent", "openstack", "nova" => t!("{p} does not support creating images for this {what}.", "{p}不支持为此{what}创建镜像。", "", ""))
        }
        Kind::NotSupported { .. } => only!("zenlayer", "tencent", "openstack", "nova" => t!(
            "{p} does not support creating images for the {what} \"{value}\".",
            "{p}不支持为{what}“{value}”创建镜像。",
            "",
            "",
        )),
        // Huawei: the bucket of image_url is in another region than the one the request goes to.
        Kind::Mismatch { what: "region", .. } => only!("huawei" => t!(
            "the bucket is in region \"{actual}\", but the request goes to region \"{expected}\".",
            "桶位于区域“{actual}”，但请求发往区域“{expected}”。",
            "",
            "",
        )),
        Kind::Mismatch { .. } => only!("huawei", "openstack", "nova" => t!(
            "{f} {is} \"{actual}\" but the {what} is \"{expected}\".",
            "{f}为“{actual}”，但{what}为“{expected}”。",
            // Shown under the field alone: what is wrong with it, not only the other fact.
            "does not match the {what} \"{expected}\"",
            "与{what}“{expected}”不一致",
        )),
        Kind::AlreadyExists { .. } => {
            only!("tencent" => t!("an image named \"{value}\" already exists.", "名为“{value}”的镜像已存在。", "", ""))
        }
    }
}

/// Is `path` a Tencent numbered key of the list at `with` (`/DataDiskIds.3` of `/DataDiskIds`)?
fn numbered_key_of(path: &str, with: &str) -> bool {
    let n = path.strip_prefix(with).and_then(|r| r.strip_prefix("."));
    n.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Does the type word `expected` name the type `actual` as one of its members?
fn mentions(expected: &str, actual: &str) -> bool {
    expected != actual && crate::text::split_bytes(expected, b' ').any(|w| w == actual)
}

/// What the holes of one message are filled from.
struct Ctx<'a> {
    provider: Provider,
    kind: &'a Kind,
    labels: &'a Labels<'a>,
    /// The field's name.
    f: Name,
}

/// `{p}`: the provider's name. Only the rules of a provider this build holds make a template with
/// `{p}` (for another, the one report is `providers::not_built`'s, whose message names no
/// provider this way), so a one-provider build keeps its own name only (the id stands in for the
/// others, never shown).
fn provider_name(p: Provider, lang: Lang) -> &'static str {
    if crate::providers::built(p) {
        p.display_name(lang)
    } else {
        p.id()
    }
}

/// The `unreadable` details the library writes itself, as (English, Chinese). `params.detail`
/// carries the English, as every detail (another is the platform's own text: a parse error, a
/// getter's exception); the message shows the text in its language, whole (another detail is cut
/// at 40 chars). The first is [`crate::providers::too_large`]'s; the second the JS bridge's for a
/// request with more values than it reads (pkg/index.js `CUT_MARK`), the third its answer when the
/// module trapped on a request on two instances (pkg/index.js `TRAP_MARK`: a fresh instance after
/// each trap); tests/js/hostile.test.mjs and tests/js/trap.test.mjs hold the marks equal to these.
pub(crate) const OWN_DETAILS: [(&str, &str); 3] = [
    (
        "the JSON text has more than 16777216 bytes (16 MiB), the most that is read",
        "JSON 文本超过 16777216 字节（16 MiB），即可读取的上限",
    ),
    ("the request holds more than 1,000,000 values: the rest was not read", "请求中的值超过 1,000,000 个，其余未读取"),
    (
        "the WebAssembly module failed twice (out of memory?) and was restarted",
        "WebAssembly 模块两次失败（内存不足？），已重新启动",
    ),
];

/// The value of hole `name`; `None` when the kind has no such hole. (By name, then by kind: each
/// name is compared once.)
fn hole<'a>(name: &str, x: &'a Ctx<'_>, lang: Lang) -> Option<Cow<'a, str>> {
    let other = |ptr: &str| Cow::Owned(labels::name(x.provider, ptr, None, lang, x.labels).text);
    let n = |n: u64| Cow::Owned(num(n as i64));
    let clipped = |s: &str| Cow::Owned(clip(s));
    let word = |w: &'static str| Cow::Borrowed(w);
    let k = x.kind;
    let v: Cow<str> = match name {
        "f" => Cow::Borrowed(&x.f.text),
        "is" => word(if x.f.plural { "are" } else { "is" }),
        "has" => word(if x.f.plural { "have" } else { "has" }),
        "p" => word(provider_name(x.provider, lang)),
        "expected" => match k {
            Kind::WrongType { expected, .. } | Kind::ContextType { expected, .. } => word(type_words(expected, lang)),
            Kind::Mismatch { expected, .. } => clipped(expected),
            _ => return None,
        },
        "actual" => match k {
            Kind::WrongType { actual, .. } | Kind::ContextType { actual, .. } => word(type_words(actual, lang)),
            Kind::TooShort { actual, .. } | Kind::TooLong { actual, .. } => n(*actual as u64),
            Kind::TooMany { actual, .. } | Kind::QuotaExceeded { actual, .. } => n(*actual),
            Kind::OutOfRange { actual, .. } | Kind::NotAllowed { actual, .. } | Kind::Mismatch { actual, .. } => {
                clipped(actual)
            }
            _ => return None,
        },
        "key" => match k {
            Kind::UnknownField { field } => clipped(field.strip_prefix("context.").unwrap_or(field)),
            _ => return None,
        },
        "field" => match k {
            Kind::ContextType { field, .. } => clipped(field.strip_prefix("context.").unwrap_or(field)),
            Kind::Requires { field } => other(field),
            Kind::UnknownField { field } => clipped(field),
            _ => return None,
        },
        "min" => match k {
            Kind::TooShort { min, .. } => n(*min as u64),
            Kind::OutOfRange { min, .. } => Cow::Owned(num(*min)),
            _ => return None,
        },
        "max" => match k {
            Kind::TooLong { max, .. } => n(*max as u64),
            Kind::OutOfRange { max, .. } => Cow::Owned(num(*max)),
            Kind::TooMany { max, .. } => n(*max),
            Kind::TooDeep { max } => n(*max as u64),
            _ => return None,
        },
        "unit" => match k {
            Kind::TooShort { unit, actual, .. } | Kind::TooLong { unit, actual, .. } => {
                word(unit_word(*unit, *actual, lang))
            }
            _ => return None,
        },
        // The unit agreeing with the limit (`At least 1 character`).
        "limitunit" => match k {
            Kind::TooShort { unit, min: n, .. } | Kind::TooLong { unit, max: n, .. } => {
                word(unit_word(*unit, *n, lang))
            }
            _ => return None,
        },
        "char" => match k {
            Kind::BadChar { ch, code_point, .. } => Cow::Owned(show_char(*ch, *code_point, lang)),
            _ => return None,
        },
        "pos" => match k {
            Kind::BadChar { index, .. } => Cow::Owned(num(*index as i64 + 1)),
            _ => return None,
        },
        "format" => match k {
            Kind::BadFormat { format } => word(format_words(format, lang)),
            _ => return None,
        },
        "allowed" => match k {
            Kind::NotAllowed { allowed, .. } => Cow::Owned(list(allowed, lang, &|a| quote(a, lang))),
            Kind::BadState { allowed, .. } => Cow::Owned(list(allowed, lang, &|s| s.to_owned())),
            _ => return None,
        },
        "with" => match k {
            Kind::Conflict { with } => other(with),
            _ => return None,
        },
        "fields" => match k {
            Kind::MissingOneOf { fields } => {
                Cow::Owned(list(fields, lang, &|f| labels::name(x.provider, f, None, lang, x.labels).text))
            }
            _ => return None,
        },
        "value" => match k {
            Kind::Duplicate { value, .. }
            | Kind::NotFound { value, .. }
            | Kind::NotSupported { value, .. }
            | Kind::AlreadyExists { value } => clipped(value),
            _ => return None,
        },
        "first" => match k {
            Kind::Duplicate { first, .. } => other(first),
            _ => return None,
        },
        "items" => match k {
            Kind::TooMany { actual, .. } => word(if *actual == 1 { "item" } else { "items" }),
            _ => return None,
        },
        "levels" => match k {
            Kind::TooDeep { max } => word(if *max == 1 { "level" } else { "levels" }),
            _ => return None,
        },
        "detail" => match k {
            Kind::Unreadable { detail } => {
                let d = crate::text::trim_stops(crate::text::trim(detail));
                match OWN_DETAILS.iter().find(|(en, _)| *en == d) {
                    Some(&(en, zh)) => word(if lang == Lang::Zh { zh } else { en }),
                    None => clipped(d),
                }
            }
            _ => return None,
        },
        "what" => match k {
            Kind::NotFound { what, .. }
            | Kind::BadState { what, .. }
            | Kind::NotSupported { what, .. }
            | Kind::Mismatch { what, .. } => word(what_word(what, lang)),
            _ => return None,
        },
        // A state is a word (`RUNNING`); anything else is quoted, so it cannot blend into the sentence.
        "state" => match k {
            Kind::BadState { state, .. } => {
                if state.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
                    clipped(state)
                } else {
                    Cow::Owned(quote(&clip(state), lang))
                }
            }
            _ => return None,
        },
        "limit" => match k {
            Kind::QuotaExceeded { limit, .. } => n(*limit),
            _ => return None,
        },
        _ => return None,
    };
    Some(v)
}

/// `A`, `A or B`, `A, B or C` (Chinese: `A`, `A或B`, `A、B或C`) of each item as `show` writes it,
/// spaced as [`Out::piece`] spaces the pieces of a message (the same text as piecing the items
/// into the message one by one).
fn list(items: &[&str], lang: Lang, show: &dyn Fn(&str) -> String) -> String {
    let (comma, or) = match lang {
        Lang::En => (", ", " or "),
        Lang::Zh => ("、", "或"),
    };
    let mut out = Out { lang, text: String::new() };
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.piece(if i + 1 == items.len() { or } else { comma });
        }
        out.piece(&show(item));
    }
    out.text
}

/// The message being written. In Chinese a space goes between a CJK character and ASCII text where
/// a hole meets the template (`不被 OpenStack 允许`); nothing inside a value is touched.
struct Out {
    lang: Lang,
    text: String,
}

impl Out {
    fn piece(&mut self, s: &str) {
        if self.lang == Lang::Zh {
            labels::push_spaced(&mut self.text, s);
        } else {
            self.text.push_str(s);
        }
    }

    /// Fill template `t`'s holes.
    fn fill(&mut self, t: &str, x: &Ctx<'_>) {
        let mut rest = t;
        // (Byte searches: the braces are ASCII, and `str::find` with a `char` is another function
        // in the wasm.)
        while let Some(open) = rest.bytes().position(|b| b == b'{') {
            self.piece(&rest[..open]);
            let Some(close) = rest[open..].bytes().position(|b| b == b'}') else {
                break;
            };
            if let Some(v) = hole(&rest[open + 1..open + close], x, self.lang) {
                self.piece(&v);
            }
            rest = &rest[open + close + 1..];
        }
        self.piece(rest);
    }
}

/// The first letter in upper case (a sentence that starts with template words or `the request`).
/// ASCII only: the sentences start with the templates' own words (and no Unicode case tables go
/// into the WebAssembly build).
fn capitalize(s: &mut str) {
    if let Some(f) = s.get_mut(..1) {
        f.make_ascii_uppercase();
    }
}

/// The message and the short message of one issue (`part`: of a compound value; `labels`: the
/// console's, see `Options::labels`).
pub fn texts(
    lang: Lang,
    provider: Provider,
    path: &str,
    kind: &Kind,
    part: Option<&str>,
    labels: &Labels<'_>,
) -> (String, String) {
    // Lines English, Chinese, English short, Chinese short: the language's, then the one two on.
    let mut t = crate::text::split_bytes(template(kind, path), b'\n');
    let long = t.nth(usize::from(lang == Lang::Zh)).unwrap_or("");
    let short = t.nth(1).unwrap_or("");
    let short = match short {
        "" => {
            let s = crate::text::trim_stops(long);
            s.strip_prefix("{f} ").or_else(|| s.strip_prefix("{f}的")).or_else(|| s.strip_prefix("{f}")).unwrap_or(s)
        }
        s => s,
    };
    let f = labels::name(provider, path, part, lang, labels);
    // The field's name starts the message as written, unless it is words (`the request`).
    let starts_with_name = long.starts_with("{f}") && !f.prose;
    // (Not for the sentences that name their fields themselves.)
    let names_fields = matches!(kind, Kind::UnknownField { .. } | Kind::MissingOneOf { .. });
    // (A byte scan, not `str::contains`: no substring search code in the WebAssembly build.)
    let has_f = long.as_bytes().windows(3).any(|w| w == b"{f}");
    let prefix = !has_f && !path.is_empty() && !names_fields;
    let x = Ctx { provider, kind, labels, f };
    let mut message = Out { lang, text: String::with_capacity(long.len() + 32) };
    if prefix {
        message.piece(&x.f.text);
        message.piece(if lang == Lang::En { ": " } else { "：" });
    }
    message.fill(long, &x);
    if !prefix && !starts_with_name {
        capitalize(&mut message.text);
    }
    let mut s = Out { lang, text: String::with_capacity(short.len() + 16) };
    s.fill(short, &x);
    if !short.starts_with('{') {
        capitalize(&mut s.text);
    }
    (message.text, s.text)
}

/// Decimal text of an integer (what `to_string` gives, without the formatting machinery).
pub fn num(n: i64) -> String {
    let mut out = String::new();
    push_num(&mut out, n);
    out
}

/// Append the decimal text of an integer (as [`num`] writes it).
pub fn push_num(out: &mut String, n: i64) {
    // The digits from the last, into a buffer (|i64::MIN| has 19 digits), then copied as chars.
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut v = n.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.reserve(21 - at);
    if n < 0 {
        out.push('-');
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
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

/// A character as a person can read it: quoted unless it is whitespace or does not show
/// ([`crate::text::is_hidden`], [`crate::text::is_default_ignorable`]), always with its code point (`“あ” (U+3042)`, in Chinese
/// `“あ”（U+3042）`).
fn show_char(ch: Option<char>, cp: u32, lang: Lang) -> String {
    let code = crate::text::code_point(cp);
    match ch {
        // (`text::is_hidden`'s characters are controls, whitespace, default ignorables or the
        // interlinear annotation marks: the same set, without its code in the wasm.)
        Some(c)
            if !c.is_whitespace()
                && !c.is_control()
                && !crate::text::is_default_ignorable(c)
                && !('\u{FFF9}'..='\u{FFFB}').contains(&c) =>
        {
            let mut s = String::from("\u{201C}");
            s.push(c);
            s.push_str(if lang == Lang::En { "\u{201D} (" } else { "\u{201D}（" });
            s.push_str(&code);
            s.push(if lang == Lang::En { ')' } else { '）' });
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
    match (WHATS.iter().find(|(id, ..)| *id == what), lang) {
        (Some((_, en, _)), Lang::En) => en,
        (Some((_, _, zh)), Lang::Zh) => zh,
        (None, _) => what,
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
        let mut f: Vec<&str> = [Format::Hex32OrUuid, Format::Uuid, Format::ZeroOrUuid, Format::BucketObject]
            .iter()
            .map(|f| match f {
                Format::Hex32OrUuid | Format::Uuid | Format::ZeroOrUuid | Format::BucketObject => f.name(),
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
            k.push(Kind::Duplicate { value: s.into(), first: "/tags/9".into() });
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
        for (what, ..) in WHATS {
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
        w.extend(WHATS.iter().flat_map(|(id, en, _)| [*id, *en]));
        w.extend(["characters", "bytes", "items", "hexadecimal", "whitespace", "quota", "must", "the "]);
        w
    }

    fn msg(lang: Lang, p: Provider, path: &str, kind: &Kind, part: Option<&str>) -> String {
        texts(lang, p, path, kind, part, &Labels::NONE).0
    }

    fn short_msg(lang: Lang, p: Provider, path: &str, kind: &Kind, part: Option<&str>) -> String {
        texts(lang, p, path, kind, part, &Labels::NONE).1
    }

    fn check_message(m: &str, lang: Lang, kind: &Kind, path: &str) {
        check_message_of(m, lang, kind, path, Provider::Tencent)
    }

    fn check_message_of(m: &str, lang: Lang, kind: &Kind, path: &str, p: Provider) {
        let ctx = format!("{lang:?} {kind:?} at {path:?}: {m:?}");
        assert!(!m.contains('{') && !m.contains('}'), "hole left: {ctx}");
        assert!(m.ends_with('.') || m.ends_with('。'), "no full stop: {ctx}");
        for bad in ["  ", " .", " ,", " ;", ": .", "..", "()", "（）", "：。", "，。", " :"] {
            assert!(!m.contains(bad), "{bad:?} in {ctx}");
        }
        let name = crate::labels::name(p, path, None, lang, &Labels::NONE);
        if lang == Lang::En {
            check_english(m, kind, !path.is_empty() && !name.prose && m.starts_with(&name.text), &ctx);
        } else {
            for w in english_words() {
                // Words of the vocabularies, outside quoted values and the field's own name.
                let outside: String = strip_quoted(m, '“', '”').replace(&name.text, "");
                assert!(!outside.contains(w), "untranslated {w:?}: {ctx}");
            }
            assert!(!m.contains("最多允许 0"), "{ctx}");
        }
    }

    /// English grammar: a capital first letter (unless a label starts it), `a`/`an`, number
    /// agreement, no contradiction in `wrong_type`.
    fn check_english(m: &str, kind: &Kind, starts_with_label: bool, ctx: &str) {
        let first = m.chars().next().unwrap();
        assert!(first.is_uppercase() || starts_with_label || first == '"', "lowercase start: {ctx}");
        let unquoted = strip_quoted(m, '"', '"');
        // Word pairs within a clause.
        let clauses = unquoted.split([';', ',', ':', '(', ')']);
        let pairs: Vec<[&str; 2]> = clauses
            .flat_map(|c| {
                let words: Vec<&str> =
                    c.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
                words.windows(2).map(|w| [w[0], w[1]]).collect::<Vec<_>>()
            })
            .collect();
        for pair in &pairs {
            // "a UUID" (you-you-id), "an OBS" (oh-bee-ess), "an unreadable", "a one".
            let vowel = pair[1].starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O']) && pair[1] != "one";
            assert!(!(pair[0] == "a" && vowel), "\"a {}\": {ctx}", pair[1]);
            assert!(pair[0] != "an" || vowel, "\"an {}\": {ctx}", pair[1]);
            // Singular and plural agree with the number before them.
            if pair[0] == "1" {
                assert!(!["items", "characters", "bytes", "levels"].contains(&pair[1]), "\"1 {}\": {ctx}", pair[1]);
            }
            if pair[0].parse::<u128>().is_ok_and(|n| n != 1)
                && ["item", "character", "byte", "level"].contains(&pair[1])
            {
                panic!("\"{} {}\": {ctx}", pair[0], pair[1]);
            }
            // A plural label takes a plural verb (`Snapshot IDs are`, `Tags have`).
            if pair[0].ends_with("IDs") || pair[0] == "Tags" || pair[0] == "tags" {
                assert!(!["is", "has"].contains(&pair[1]), "\"{} {}\": {ctx}", pair[0], pair[1]);
            }
        }
        assert!(!m.contains("at most 1 are") && !m.contains("at most 0"), "{ctx}");
        if let Kind::WrongType { expected, actual } = kind {
            // Never "must be X, not X", nor "must be a string or a whole number, not a number"
            // (the value is of a type the field takes, just not the right one of it).
            let same_family = expected == actual || expected.split(' ').any(|w| w == *actual);
            assert!(!(same_family && m.contains(", not ")), "contradiction: {ctx}");
            assert!(m.contains(type_words(expected, Lang::En)) || *actual == "number" || expected == actual, "{ctx}");
        }
    }

    /// A short message: no hole, no full stop, a capital start in English (unless a label starts
    /// it), the grammar of the long ones.
    fn check_short(m: &str, lang: Lang, kind: &Kind, ctx: &str) {
        assert!(!m.is_empty(), "empty short message: {ctx}");
        assert!(!m.contains('{') && !m.contains('}'), "hole left: {ctx}");
        assert!(!m.ends_with('.') && !m.ends_with('。'), "a full stop: {ctx}");
        for bad in ["  ", " ,", " ;", "..", "()", "（）", "，。", " :"] {
            assert!(!m.contains(bad), "{bad:?} in {ctx}");
        }
        if lang == Lang::En {
            let labelled = matches!(kind, Kind::Conflict { .. } | Kind::Requires { .. });
            check_english(m, kind, labelled, ctx);
        } else {
            for w in english_words() {
                let outside: String = strip_quoted(m, '“', '”');
                assert!(!outside.contains(w), "untranslated {w:?}: {ctx}");
            }
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
                for (path, part, p) in [
                    ("/ImageName", None, Provider::Tencent),
                    ("", None, Provider::Tencent),
                    ("", None, Provider::Huawei),
                    ("/tags/0", Some("key"), Provider::Huawei),
                    ("/tags/0", Some("value"), Provider::Huawei),
                    ("/Foo/0/bar", None, Provider::Tencent),
                ] {
                    let (m, short) = texts(lang, p, path, k, part, &Labels::NONE);
                    check_message_of(&m, lang, k, path, p);
                    check_short(&short, lang, k, &format!("{lang:?} {k:?} at {path:?}: {short:?}"));
                    if lang == Lang::Zh {
                        check_zh_typography(&m, &m);
                        check_zh_typography(&short, &short);
                    }
                    n += 1;
                }
            }
        }
        assert!(n > 5_000);
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
        let t = |lang, kind: &Kind, path: &str, p: Provider| msg(lang, p, path, kind, None);
        let s = |lang, kind: &Kind, path: &str, p: Provider| short_msg(lang, p, path, kind, None);
        let name = "/body/createImage/name";
        let wt = |expected, actual| Kind::WrongType { expected, actual };
        // A number that is not whole (issue 12: "must be a string or number, not number").
        assert_eq!(
            t(Lang::En, &wt("string or number", "number"), name, Provider::OpenStack),
            "Image name must be a string or a whole number (digits only)."
        );
        assert_eq!(
            t(Lang::Zh, &wt("string or number", "number"), name, Provider::OpenStack),
            "镜像名称必须是字符串或只含数字的整数。"
        );
        assert_eq!(
            t(Lang::En, &wt("string or number", "boolean"), name, Provider::OpenStack),
            "Image name must be a string or a whole number (digits only), not a boolean."
        );
        assert_eq!(
            t(Lang::En, &wt("integer", "number"), "/min_disk", Provider::Huawei),
            "Minimum disk must be an integer, not a fraction."
        );
        assert_eq!(s(Lang::Zh, &wt("integer", "string"), "/min_disk", Provider::Huawei), "必须是整数，而不是字符串");
        assert_eq!(
            t(Lang::En, &wt("object", "array"), "", Provider::Huawei),
            "The request must be an object, not an array."
        );
        assert_eq!(t(Lang::Zh, &wt("object", "null"), "", Provider::Huawei), "请求必须是对象，而不是 null。");
        let long = Kind::TooLong { max: 60, actual: 61, unit: Unit::Chars };
        assert_eq!(
            t(Lang::En, &long, "/ImageName", Provider::Tencent),
            "Image name has 61 characters; Tencent Cloud accepts at most 60."
        );
        assert_eq!(
            t(Lang::Zh, &long, "/ImageName", Provider::Tencent),
            "镜像名称有 61 个字符；腾讯云最多接受 60 个字符。"
        );
        assert_eq!(s(Lang::En, &long, "/ImageName", Provider::Tencent), "At most 60 characters");
        assert_eq!(s(Lang::Zh, &long, "/ImageName", Provider::Tencent), "最多 60 个字符");
        let one = Kind::TooLong { max: 1, actual: 2, unit: Unit::Bytes };
        assert_eq!(s(Lang::En, &one, "/ImageName", Provider::Tencent), "At most 1 byte");
        assert_eq!(
            t(Lang::En, &Kind::TooShort { min: 3, actual: 1, unit: Unit::Bytes }, "/ImageName", Provider::Tencent),
            "Image name has 1 byte; Tencent Cloud needs at least 3."
        );
        let kana = Kind::BadChar { ch: Some('あ'), code_point: 0x3042, index: 2 };
        assert_eq!(
            t(Lang::Zh, &kana, "/name", Provider::Huawei),
            "镜像名称的第 3 个字符“あ”（U+3042）不被华为云允许。"
        );
        assert_eq!(s(Lang::Zh, &kana, "/name", Provider::Huawei), "第 3 个字符“あ”（U+3042）不允许使用");
        assert_eq!(
            s(Lang::En, &kana, "/name", Provider::Huawei),
            "Character “あ” (U+3042) at position 3 is not allowed"
        );
        let space = Kind::BadChar { ch: Some(' '), code_point: 0x20, index: 0 };
        assert_eq!(s(Lang::Zh, &space, "/name", Provider::Huawei), "第 1 个字符 U+0020 不允许使用");
        assert_eq!(
            t(Lang::Zh, &Kind::UnknownField { field: "x".into() }, "/x", Provider::OpenStack),
            "OpenStack 不支持字段“x”。"
        );
        let allowed = Kind::NotAllowed { allowed: &["Windows", "Linux"], actual: "linux".into() };
        assert_eq!(
            t(Lang::En, &allowed, "/os_type", Provider::Huawei),
            "OS type is \"linux\"; it must be \"Windows\" or \"Linux\"."
        );
        assert_eq!(
            t(Lang::Zh, &allowed, "/os_type", Provider::Huawei),
            "操作系统类型为“linux”，必须是“Windows”或“Linux”。"
        );
        assert_eq!(s(Lang::Zh, &allowed, "/os_type", Provider::Huawei), "必须是“Windows”或“Linux”");
        let either = Kind::MissingOneOf { fields: &["/InstanceId", "/SnapshotIds"] };
        assert_eq!(t(Lang::En, &either, "", Provider::Tencent), "Give either Instance ID or Snapshot IDs.");
        assert_eq!(t(Lang::Zh, &either, "", Provider::Tencent), "必须且只能指定实例 ID 或快照 ID 之一。");
        assert_eq!(s(Lang::Zh, &either, "", Provider::Tencent), "必须且只能指定实例 ID 或快照 ID 之一");
        let conflict = Kind::Conflict { with: "/InstanceId" };
        assert_eq!(
            t(Lang::En, &conflict, "/SnapshotIds", Provider::Tencent),
            "Snapshot IDs cannot be given together with Instance ID."
        );
        assert_eq!(
            s(Lang::En, &conflict, "/SnapshotIds", Provider::Tencent),
            "Instance ID and Snapshot IDs cannot both be given"
        );
        assert_eq!(s(Lang::Zh, &conflict, "/SnapshotIds", Provider::Tencent), "实例 ID 和快照 ID 不能同时指定");
        let numbered = Kind::Conflict { with: "/DataDiskIds" };
        assert_eq!(
            t(Lang::En, &numbered, "/DataDiskIds.0", Provider::Tencent),
            "Data disk ID 1 is given as a numbered key beside the array Data disk IDs."
        );
        let requires = Kind::Requires { field: "/InstanceId" };
        assert_eq!(
            s(Lang::En, &requires, "/DataDiskIds", Provider::Tencent),
            "Data disk IDs can only be given together with Instance ID"
        );
        let dup = Kind::Duplicate { value: "env".into(), first: "/TagSpecification/0/Tags/0/Key".into() };
        let key = "/TagSpecification/0/Tags/1/Key";
        assert_eq!(
            t(Lang::En, &dup, key, Provider::Tencent),
            "Tag key of tag 2 repeats \"env\" from Tag key of tag 1."
        );
        assert_eq!(
            t(Lang::Zh, &dup, key, Provider::Tencent),
            "第 2 个标签的标签键重复了“env”，它已在第 1 个标签的标签键中出现。"
        );
        assert_eq!(s(Lang::En, &dup, key, Provider::Tencent), "Same as Tag key of tag 1");
        assert_eq!(s(Lang::Zh, &dup, key, Provider::Tencent), "与第 1 个标签的标签键重复");
        assert_eq!(t(Lang::En, &Kind::Required, "/SnapshotIds", Provider::Tencent), "Snapshot IDs are required.");
        assert_eq!(t(Lang::En, &Kind::Required, "/ImageName", Provider::Tencent), "Image name is required.");
        assert_eq!(s(Lang::Zh, &Kind::Required, "/ImageName", Provider::Tencent), "必填项");
        assert_eq!(t(Lang::Zh, &Kind::Empty, "/DataDiskIds/1", Provider::Tencent), "第 2 个数据盘 ID 不能为空。");
        let meta = "/body/createImage/metadata";
        assert_eq!(
            t(Lang::En, &Kind::TooMany { max: 1, actual: 2 }, meta, Provider::Nova),
            "Metadata has 2 items; at most 1 is allowed."
        );
        assert_eq!(
            t(Lang::En, &Kind::TooMany { max: 0, actual: 1 }, meta, Provider::Nova),
            "Metadata has 1 item; none are allowed."
        );
        assert_eq!(s(Lang::Zh, &Kind::TooMany { max: 3, actual: 4 }, meta, Provider::Nova), "最多 3 项");
        assert_eq!(
            t(Lang::En, &Kind::NotFound { what: "instance", value: String::new() }, "", Provider::Tencent),
            "The instance does not exist."
        );
        let state = Kind::BadState { what: "instance", state: "STOPPING".into(), allowed: &["RUNNING", "STOPPED"] };
        assert_eq!(
            t(Lang::En, &state, "/InstanceId", Provider::Tencent),
            "Instance ID: the instance is STOPPING; creating an image needs it to be RUNNING or STOPPED."
        );
        assert_eq!(
            t(Lang::Zh, &state, "/InstanceId", Provider::Tencent),
            "实例 ID：实例当前状态为 STOPPING；创建镜像需要状态为 RUNNING 或 STOPPED。"
        );
        assert_eq!(
            s(Lang::En, &state, "/InstanceId", Provider::Tencent),
            "The instance is STOPPING; it must be RUNNING or STOPPED"
        );
        assert_eq!(
            s(Lang::Zh, &state, "/InstanceId", Provider::Tencent),
            "实例当前状态为 STOPPING，需要为 RUNNING 或 STOPPED"
        );
        let region = Kind::Mismatch { what: "region", expected: "cn-north-4".into(), actual: "cn-east-3".into() };
        assert_eq!(
            t(Lang::En, &region, "/image_url", Provider::Huawei),
            "Image file: the bucket is in region \"cn-east-3\", but the request goes to region \"cn-north-4\"."
        );
        let project = Kind::Mismatch { what: "token's project", expected: "b".into(), actual: "a".into() };
        assert_eq!(
            t(Lang::En, &project, "/project_id", Provider::Nova),
            "Project ID is \"a\" but the project of the Auth token is \"b\"."
        );
        // Under the input alone, the short message says what is wrong (it once said only "the
        // project of the Auth token is "b"").
        assert_eq!(s(Lang::Zh, &project, "/project_id", Provider::Nova), "与认证令牌所属项目“b”不一致");
        assert_eq!(
            s(Lang::En, &project, "/project_id", Provider::Nova),
            "Does not match the project of the Auth token \"b\""
        );
        let taken = Kind::AlreadyExists { value: "web".into() };
        assert_eq!(t(Lang::Zh, &taken, "/ImageName", Provider::Tencent), "镜像名称：名为“web”的镜像已存在。");
        assert_eq!(s(Lang::En, &taken, "/ImageName", Provider::Tencent), "An image named \"web\" already exists");
        assert_eq!(
            t(Lang::En, &Kind::Unreadable { detail: "boom.".into() }, "/a", Provider::Huawei),
            "Field \"a\" could not be read: boom."
        );
        // The library's own details: whole, and in Chinese in a Chinese message (was: the English
        // detail cut at 40 chars, "无法读取请求：the JSON text has more than 16777216 byt…。").
        let large = crate::providers::too_large(Provider::Tencent, Lang::Zh);
        assert_eq!(large.issues[0].message, "无法读取请求：JSON 文本超过 16777216 字节（16 MiB），即可读取的上限。");
        assert_eq!(large.issues[0].short_message, "无法读取：JSON 文本超过 16777216 字节（16 MiB），即可读取的上限");
        let large = crate::providers::too_large(Provider::Huawei, Lang::En);
        assert_eq!(
            large.issues[0].message,
            "The request could not be read: the JSON text has more than 16777216 bytes (16 MiB), the most that is read."
        );
        let cut = Kind::Unreadable { detail: OWN_DETAILS[1].0.into() };
        assert_eq!(
            t(Lang::Zh, &cut, "/a", Provider::Nova),
            "无法读取字段“a”：请求中的值超过 1,000,000 个，其余未读取。"
        );
        assert_eq!(
            t(Lang::En, &cut, "/a", Provider::Nova),
            "Field \"a\" could not be read: the request holds more than 1,000,000 values: the rest was not read."
        );
        let trap = Kind::Unreadable { detail: OWN_DETAILS[2].0.into() };
        assert_eq!(
            t(Lang::Zh, &trap, "", Provider::Huawei),
            "无法读取请求：WebAssembly 模块两次失败（内存不足？），已重新启动。"
        );
        assert_eq!(
            t(Lang::En, &trap, "", Provider::Huawei),
            "The request could not be read: the WebAssembly module failed twice (out of memory?) and was restarted."
        );
        // Another detail is the platform's text: as given, cut at 40 chars, in either language.
        let other = Kind::Unreadable { detail: "x".repeat(50) };
        assert_eq!(t(Lang::Zh, &other, "/a", Provider::Nova), format!("无法读取字段“a”：{}…。", "x".repeat(40)));
        assert_eq!(
            t(Lang::En, &Kind::QuotaExceeded { limit: 5, actual: 5 }, "", Provider::Zenlayer),
            "The image quota of 5 is reached (5 in use)."
        );
        assert_eq!(
            msg(Lang::En, Provider::Huawei, "/image_tags/0/key", &Kind::Empty, None),
            "Tag key of image tag 1 must not be empty."
        );
        assert_eq!(
            msg(Lang::Zh, Provider::Huawei, "/tags/0", &Kind::Empty, Some("key")),
            "第 1 个标签的标签键不能为空。"
        );
        assert_eq!(
            t(Lang::En, &Kind::Empty, "/body/createImage/metadata/a~1b", Provider::Nova),
            "Metadata key \"a/b\" must not be empty."
        );
        assert_eq!(
            msg(Lang::Zh, Provider::Nova, "/body/createImage/metadata/k", &wt("string", "null"), Some("value")),
            "键“k”的元数据值必须是字符串，而不是 null。"
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
    fn console_labels_in_messages() {
        let labels: Vec<(String, String)> = [("/ImageName", "名称"), ("/TagSpecification/*/Tags/*/Key", "键")]
            .into_iter()
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .collect();
        let long = Kind::TooLong { max: 60, actual: 61, unit: Unit::Chars };
        let (m, s) = texts(Lang::Zh, Provider::Tencent, "/ImageName", &long, None, &Labels::new(&labels));
        assert_eq!((m.as_str(), s.as_str()), ("名称有 61 个字符；腾讯云最多接受 60 个字符。", "最多 60 个字符"));
        let dup = Kind::Duplicate { value: "env".into(), first: "/TagSpecification/0/Tags/0/Key".into() };
        let (m, s) =
            texts(Lang::Zh, Provider::Tencent, "/TagSpecification/0/Tags/2/Key", &dup, None, &Labels::new(&labels));
        assert_eq!(m, "第 3 个标签的键重复了“env”，它已在第 1 个标签的键中出现。");
        assert_eq!(s, "与第 1 个标签的键重复");
        let either = Kind::MissingOneOf { fields: &["/InstanceId", "/SnapshotIds"] };
        let labels = vec![("/InstanceId".to_owned(), "Instance".to_owned())];
        assert_eq!(
            texts(Lang::En, Provider::Tencent, "", &either, None, &Labels::new(&labels)).0,
            "Give either Instance or Snapshot IDs."
        );
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
                        let (m, s) = texts(lang, Provider::Tencent, "", &kind, None, &Labels::NONE);
                        check_message(&m, lang, &Kind::WrongType { expected: e, actual: a }, "");
                        assert_eq!(m.trim_end_matches(['.', '。']), s);
                    }
                }
            }
        }
    }

    // ----- every code at every field, by label --------------------------------------------------

    /// A field as a form shows it: provider, pointer, part, the label the message must contain (en,
    /// zh: the table's, or an item word), the position it must give (en, zh) if any.
    struct FormField {
        provider: Provider,
        path: String,
        part: Option<&'static str>,
        label: (&'static str, &'static str),
        position: Option<(&'static str, &'static str)>,
    }

    /// Every field of every provider's tables, nested ones and list items included.
    fn form_fields() -> Vec<FormField> {
        use crate::labels::bare;
        use crate::providers::{huawei, openstack, tencent, zenlayer};
        let mut out = Vec::new();
        let mut add = |provider, path: &str, part, label: (&'static str, &'static str), position| {
            out.push(FormField {
                provider,
                path: path.to_owned(),
                part,
                label: (bare(label.0), bare(label.1)),
                position,
            })
        };
        for f in zenlayer::FIELDS {
            add(Provider::Zenlayer, &["/", f.name].concat(), None, f.label, None);
        }
        for f in tencent::FIELDS {
            add(Provider::Tencent, &["/", f.name].concat(), None, f.label, None);
        }
        let t = Provider::Tencent;
        add(t, "/DataDiskIds/1", None, ("Data disk ID", "数据盘 ID"), Some(("Data disk ID 2", "第 2 个数据盘 ID")));
        add(t, "/DataDiskIds.2", None, ("Data disk ID", "数据盘 ID"), Some(("Data disk ID 3", "第 3 个数据盘 ID")));
        add(t, "/SnapshotIds/0", None, ("Snapshot ID", "快照 ID"), Some(("Snapshot ID 1", "第 1 个快照 ID")));
        add(t, "/TagSpecification/0", None, ("Tag set", "标签组"), Some(("Tag set 1", "第 1 个标签组")));
        for f in tencent::TAG_SPEC_FIELDS {
            add(t, &["/TagSpecification/0/", f.name].concat(), None, f.label, None);
            add(
                t,
                &["/TagSpecification/2/", f.name].concat(),
                None,
                f.label,
                Some(("of tag set 3", "第 3 个标签组的")),
            );
        }
        add(t, "/TagSpecification/0/Tags/1", None, ("Tag", "标签"), Some(("Tag 2", "第 2 个标签")));
        for f in tencent::TAG_FIELDS {
            add(
                t,
                &["/TagSpecification/0/Tags/1/", f.name].concat(),
                None,
                f.label,
                Some(("of tag 2", "第 2 个标签的")),
            );
            let p = ["/TagSpecification/1/Tags/0/", f.name].concat();
            add(t, &p, None, f.label, Some(("of tag 1 in tag set 2", "第 2 个标签组的第 1 个标签的")));
        }
        let h = Provider::Huawei;
        for f in huawei::FIELDS {
            add(h, &["/", f.name].concat(), None, f.label, None);
        }
        add(h, "/tags/0", None, ("Tag", "标签"), Some(("Tag 1", "第 1 个标签")));
        add(h, "/tags/3", Some("key"), huawei::TAG_KEY.label, Some(("of tag 4", "第 4 个标签的")));
        add(h, "/tags/3", Some("value"), huawei::TAG_VALUE.label, Some(("of tag 4", "第 4 个标签的")));
        add(h, "/image_tags/0", None, ("Image tag", "镜像标签"), Some(("Image tag 1", "第 1 个镜像标签")));
        for f in huawei::IMAGE_TAG_FIELDS {
            let p = ["/image_tags/1/", f.name].concat();
            add(h, &p, None, f.label, Some(("of image tag 2", "第 2 个镜像标签的")));
        }
        for (p, profile) in
            [(Provider::OpenStack, openstack::Profile::Seed), (Provider::Nova, openstack::Profile::Nova)]
        {
            for f in profile.fields() {
                add(p, &["/", f.name].concat(), None, f.label, None);
            }
            add(p, "/body/createImage", None, openstack::BODY_FIELDS[0].label, None);
            for f in profile.create_image_fields() {
                add(p, &["/body/createImage/", f.name].concat(), None, f.label, None);
            }
            let (k, v) = profile.meta();
            add(p, "/body/createImage/metadata/my~1key", None, k.label, Some(("\"my/key\"", "“my/key”")));
            add(p, "/body/createImage/metadata/k", Some("value"), v.label, Some(("of key \"k\"", "键“k”的")));
        }
        out
    }

    /// The API names of a provider's fields (what a message must never call a field).
    fn api_names(p: Provider) -> Vec<&'static str> {
        use crate::providers::{huawei, openstack, tencent, zenlayer};
        let tables: Vec<&[crate::rules::Field]> = match p {
            Provider::Zenlayer => vec![zenlayer::FIELDS],
            Provider::Tencent => vec![tencent::FIELDS, tencent::TAG_SPEC_FIELDS, tencent::TAG_FIELDS],
            Provider::Huawei => vec![huawei::FIELDS, huawei::IMAGE_TAG_FIELDS],
            _ => vec![openstack::FIELDS, openstack::BODY_FIELDS, openstack::CREATE_IMAGE_SEED],
        };
        tables.into_iter().flatten().map(|f| f.name).filter(|n| !n.contains(' ')).collect()
    }

    /// Every label and item word of a provider (en and zh), the longest first.
    fn all_labels(p: Provider) -> Vec<&'static str> {
        let mut l: Vec<&str> =
            form_fields().into_iter().filter(|f| f.provider == p).flat_map(|f| [f.label.0, f.label.1]).collect();
        l.extend(["Auth token", "认证令牌"]);
        l.sort_by_key(|s| std::cmp::Reverse(s.len()));
        l.dedup();
        l
    }

    /// The text without the values quoted in it (kept: the quote marks).
    fn unquoted(m: &str) -> String {
        let mut out = String::new();
        let mut inside: Option<char> = None;
        for c in m.chars() {
            match inside {
                Some(close) if c == close => {
                    inside = None;
                    out.push(c);
                }
                Some(_) => {}
                None => {
                    out.push(c);
                    if c == '"' {
                        inside = Some('"');
                    } else if c == '“' {
                        inside = Some('”');
                    }
                }
            }
        }
        out
    }

    fn has_word(text: &str, w: &str) -> bool {
        let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
        text.match_indices(w).any(|(i, _)| {
            !text[..i].chars().next_back().is_some_and(word) && !text[i + w.len()..].chars().next().is_some_and(word)
        })
    }

    /// Chinese typography: a space between a CJK character and Latin letters or digits, none next to
    /// full-width punctuation, no double or edge spaces (quoted values aside).
    fn check_zh_typography(m: &str, ctx: &str) {
        let t = unquoted(m);
        let chars: Vec<char> = t.chars().collect();
        assert!(!t.contains("  ") && !t.starts_with(' ') && !t.ends_with(' '), "spaces: {ctx}");
        for w in chars.windows(2) {
            let (a, b) = (w[0], w[1]);
            let cjk = crate::labels::is_cjk;
            assert!(!(cjk(a) && b.is_ascii_alphanumeric()), "no space in {a}{b}: {ctx}");
            assert!(!(a.is_ascii_alphanumeric() && cjk(b)), "no space in {a}{b}: {ctx}");
            let punct = |c: char| "，。；：、（）！？“”".contains(c);
            let spaced = (a == ' ' && punct(b)) || (punct(a) && b == ' ');
            assert!(!spaced, "space by punctuation {a:?}{b:?}: {ctx}");
        }
    }

    #[test]
    fn every_code_at_every_field_names_it_by_its_label_in_both_languages() {
        let fields = form_fields();
        assert!(fields.len() > 60, "{}", fields.len());
        let kinds = kinds();
        let mut checked = 0;
        for f in &fields {
            let api = api_names(f.provider);
            let labels = all_labels(f.provider);
            for kind in &kinds {
                for lang in Lang::ALL {
                    let (full, short) = texts(lang, f.provider, &f.path, kind, f.part, &Labels::NONE);
                    let ctx =
                        format!("{lang:?} {:?} {} {:?} {kind:?}:\n  {full}\n  {short}", f.provider, f.path, f.part);
                    let (label, position) = match lang {
                        Lang::En => (f.label.0, f.position.map(|p| p.0)),
                        _ => (f.label.1, f.position.map(|p| p.1)),
                    };
                    // The field, by label and position (an unknown key's message names the key;
                    // `missing_one_of`, at "", names its alternatives).
                    let own_name = !matches!(kind, Kind::UnknownField { .. } | Kind::MissingOneOf { .. });
                    if own_name {
                        assert!(full.contains(label), "label {label:?} missing: {ctx}");
                        if let Some(pos) = position {
                            assert!(full.contains(pos), "position {pos:?} missing: {ctx}");
                        }
                    }
                    // The short message does not depend on the field's name (but a cross-field
                    // one names its fields); a console label replaces the name in the long one.
                    let mut at = f.path.clone();
                    if let Some(part) = f.part {
                        at = [at.as_str(), "/", part].concat();
                    } else if f.path.starts_with("/body/createImage/metadata/") {
                        // A metadata key is labelled by `*key` only (the entry's pointer is its value's).
                        at = "/body/createImage/metadata/*key".to_owned();
                    }
                    let own = [(at, "ZZ LABEL".to_owned())];
                    let (full2, short2) = texts(lang, f.provider, &f.path, kind, f.part, &Labels::new(&own));
                    let cross =
                        matches!(kind, Kind::Conflict { .. } | Kind::Requires { .. } | Kind::MissingOneOf { .. });
                    if !cross {
                        assert_eq!(short, short2, "the short message names the field: {ctx}");
                    }
                    if own_name {
                        assert!(full2.contains("ZZ LABEL"), "console label: {ctx}\n  {full2}");
                    }
                    // Never an API name (values the user gave and the labels aside).
                    for m in [&full, &short] {
                        let mut rest = unquoted(m);
                        for l in &labels {
                            rest = rest.replace(l, " ");
                        }
                        for a in &api {
                            // An API name that is a plain English word (`name`, `value`, `key`) may
                            // be prose in English, never the start (where the field's name goes).
                            let word = a.bytes().all(|b| b.is_ascii_lowercase());
                            if lang == Lang::Zh || !word {
                                assert!(!has_word(&rest, a), "API name {a:?}: {ctx}");
                            } else {
                                assert!(!m.starts_with(a), "API name {a:?}: {ctx}");
                            }
                        }
                        assert!(!rest.contains('[') && !rest.contains("/"), "a path: {ctx}");
                    }
                    check_message_of(&full, lang, kind, &f.path, f.provider);
                    check_short(&short, lang, kind, &ctx);
                    if lang == Lang::Zh {
                        check_zh_typography(&full, &ctx);
                        check_zh_typography(&short, &ctx);
                    }
                    checked += 1;
                }
            }
        }
        eprintln!(
            "{checked} (code, params) x field x language checked, {} fields, {} kinds",
            fields.len(),
            kinds.len()
        );
        assert!(checked > 50_000, "{checked}");
    }
}
