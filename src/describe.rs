//! The rules as data: `describe` gives the field descriptors a form needs, `json_schema` a JSON
//! Schema (draft 2020-12) of everything JSON Schema can say about the request. Both are made
//! from the same field tables the checker runs.

use crate::json::Value;
use crate::providers::openstack::Profile;
use crate::providers::{codes, huawei, openstack, tencent, zenlayer};
use crate::rules::{Field, FinalLf, Format, Presence, Reading, Role, Source, Str, Ty};
use crate::text::{Charset, Edge, Unit};
use crate::{Lang, Provider};
use std::borrow::Cow;

fn both(en: &str, zh: &str) -> Value<'static> {
    Value::obj(vec![("en", Value::str(en)), ("zh", Value::str(zh))])
}

fn strs(v: &[&str]) -> Value<'static> {
    Value::Array(v.iter().map(|s| Value::str(*s)).collect())
}

/// The top-level field table and, for OpenStack, where the form's fields live.
fn table(provider: Provider) -> &'static [Field] {
    match provider {
        Provider::Zenlayer => zenlayer::FIELDS,
        Provider::Tencent => tencent::FIELDS,
        Provider::OpenStack | Provider::Nova => openstack::FIELDS,
        Provider::Huawei => huawei::FIELDS,
    }
}

fn profile(provider: Provider) -> Profile {
    if provider == Provider::Nova {
        Profile::Nova
    } else {
        Profile::Seed
    }
}

/// The [`Limits`] of a `Str` or a `Reading`.
macro_rules! limits_of {
    ($r:expr) => {
        Limits {
            min: $r.min,
            max: $r.max,
            unit: $r.unit,
            or_bytes: None,
            charset: $r.charset,
            edge: $r.edge,
            format: $r.format,
            final_lf: $r.final_lf,
        }
    };
}

fn str_rule(e: &mut Vec<(&'static str, Value<'static>)>, r: &Str) {
    limits(e, Limits { or_bytes: r.or_bytes, ..limits_of!(r) });
    if !r.readings.is_empty() {
        e.push(("readings", Value::Array(r.readings.iter().map(reading).collect())));
    }
}

/// A structural format: its id (the `format` of `bad_format`) and its description.
fn format(f: Format) -> Value<'static> {
    let (en, zh) = match f {
        Format::Hex32OrUuid => (
            "a UUID: 32 hexadecimal digits, with or without its dashes (8-4-4-4-12)",
            "UUID：32 位十六进制字符，可带连字符（8-4-4-4-12）",
        ),
        Format::Uuid => {
            ("a UUID such as da5834e0-31d2-40f9-b271-6592f9f68370", "UUID，例如 da5834e0-31d2-40f9-b271-6592f9f68370")
        }
        Format::ZeroOrUuid => (
            "0, a UUID, or empty (both 0 and empty are the default project)",
            "0、UUID 或空（0 和空都表示默认企业项目）",
        ),
        Format::BucketObject => {
            ("bucket:object, e.g. image-test:disk1.qcow2", "桶名:对象名，例如 image-test:disk1.qcow2")
        }
    };
    Value::obj(vec![("id", Value::str(f.name())), ("en", Value::str(en)), ("zh", Value::str(zh))])
}

/// A stricter reading of a rule by another official source: what a form may show as a warning.
fn reading(r: &Reading) -> Value<'static> {
    let src = r.source;
    let mut e = vec![(
        "source",
        Value::obj(vec![
            ("id", Value::str(src.id)),
            ("en", Value::str(src.name.0)),
            ("zh", Value::str(src.name.1)),
            ("url", Value::str(src.url)),
        ]),
    )];
    limits(&mut e, limits_of!(r));
    Value::obj(e)
}

/// A reading of `source` that states one thing besides its source: `(key, value)` (`allowed`,
/// `required`, `maxItems`: what `check` warns about that a string rule's limits cannot say).
fn source_reading(source: &'static Source, key: &'static str, value: Value<'static>) -> Value<'static> {
    let mut r = reading(&Reading::of(source));
    if let Value::Object(e) = &mut r {
        e.push((Cow::Borrowed(key), value));
    }
    r
}

/// What a rule and a reading of it both state: length, charset, edges, format, final line feed.
/// (`Str` and `Reading` have these members by the same names: `limits_of!` reads them from either.)
struct Limits {
    min: usize,
    max: Option<usize>,
    unit: Unit,
    or_bytes: Option<usize>,
    charset: Charset,
    edge: Edge,
    format: Option<Format>,
    final_lf: FinalLf,
}

/// The members of `r` that differ from "anything goes": `length` (`min`, `max`, `unit`),
/// `charset`, `noEdgeSpace`, `format`, and `finalLineFeed` (one final line feed the pattern lets
/// through, Python's `$`: `counted` by the length or `uncounted`).
fn limits(e: &mut Vec<(&'static str, Value<'static>)>, r: Limits) {
    if r.min > 0 || r.max.is_some() {
        let mut l = vec![("min", Value::num(r.min as i64))];
        if let Some(m) = r.max {
            l.push(("max", Value::num(m as i64)));
        }
        l.push(("unit", Value::str(r.unit.name())));
        if let Some(b) = r.or_bytes {
            l.push(("orBytes", Value::num(b as i64)));
        }
        e.push(("length", Value::obj(l)));
    }
    if r.charset != Charset::Any {
        let (en, zh) = r.charset.describe();
        e.push(("charset", both(en, zh)));
    }
    if r.edge != Edge::Free {
        e.push(("noEdgeSpace", Value::Bool(true)));
    }
    if let Some(f) = r.format {
        e.push(("format", format(f)));
    }
    match r.final_lf {
        FinalLf::No => {}
        FinalLf::Pattern => e.push(("finalLineFeed", Value::str("counted"))),
        FinalLf::PatternAndLength => e.push(("finalLineFeed", Value::str("uncounted"))),
    }
}

/// One field descriptor.
fn field(path: &str, f: &Field, children: Option<Vec<Value<'static>>>) -> Value<'static> {
    let mut e: Vec<(&'static str, Value<'static>)> = vec![
        ("path", Value::str(path)),
        ("name", Value::str(f.name)),
        ("label", both(f.label.0, f.label.1)),
        ("required", Value::Bool(f.required())),
    ];
    let role = match f.role {
        Role::Name => "name",
        Role::Id => "id",
        Role::Description => "description",
        Role::Other => "other",
    };
    e.push(("role", Value::str(role)));
    match &f.ty {
        Ty::Str(r) => {
            e.push(("type", Value::str("string")));
            str_rule(&mut e, r);
        }
        Ty::Int { min, max } => {
            e.push(("type", Value::str("integer")));
            e.push(("range", Value::obj(vec![("min", Value::num(*min)), ("max", Value::num(*max))])));
        }
        Ty::Bool => e.push(("type", Value::str("boolean"))),
        Ty::Enum { values, canonical, narrower } => {
            e.push(("type", Value::str("enum")));
            e.push(("allowed", strs(canonical)));
            let also: Vec<&str> = values.iter().filter(|v| !canonical.contains(v)).copied().collect();
            if !also.is_empty() {
                e.push(("alsoAccepted", strs(&also)));
            }
            if let Some((allowed, source)) = narrower {
                e.push(("readings", Value::Array(vec![source_reading(source, "allowed", strs(allowed))])));
            }
        }
        Ty::StrArray { item, unique, non_empty } => {
            e.push(("type", Value::str("string[]")));
            let mut it = vec![];
            str_rule(&mut it, item);
            e.push(("item", Value::obj(it)));
            e.push(("unique", Value::Bool(*unique)));
            e.push(("nonEmpty", Value::Bool(*non_empty)));
        }
        Ty::Nested(what) => {
            let ty = if what.starts_with("array") {
                "list"
            } else if what.contains("string or number") {
                "string"
            } else {
                "map"
            };
            e.push(("type", Value::str(ty)));
            e.push(("shape", Value::str(*what)));
        }
    }
    if let Presence::Wanted(source) = f.presence {
        // Optional, but a source wants it: a reading that says `required` (the warning `check`
        // gives when it is left out).
        let r = source_reading(source, "required", Value::Bool(true));
        match e.iter_mut().find(|(k, _)| *k == "readings") {
            Some((_, Value::Array(rs))) => rs.push(r),
            _ => e.push(("readings", Value::Array(vec![r]))),
        }
    }
    let codes: Vec<(Cow<'static, str>, Value<'static>)> = f
        .codes
        .iter()
        .map(|(c, pc)| (Cow::Borrowed(c.map(|c| c.as_str()).unwrap_or("*")), Value::str(pc.as_str())))
        .collect();
    if !codes.is_empty() {
        e.push(("providerCodes", Value::Object(codes)));
    }
    if let Some(ch) = children {
        e.push(("fields", Value::Array(ch)));
    }
    Value::obj(e)
}

fn list(path: &str, fields: &[Field], children: impl Fn(&Field) -> Option<Vec<Value<'static>>>) -> Vec<Value<'static>> {
    fields.iter().map(|f| field(&format!("{path}/{}", f.name), f, children(f))).collect()
}

fn rule(kind: &str, fields: &[&str], provider_code: Option<&str>) -> Value<'static> {
    let mut e = vec![("kind", Value::str(kind)), ("fields", strs(fields))];
    if let Some(pc) = provider_code {
        e.push(("providerCode", Value::str(pc)));
    }
    Value::obj(e)
}

/// The field descriptors a form needs: label (en/zh), required, type, length and its unit,
/// allowed values, charset in words (en/zh), nested fields, and the cross-field rules.
///
/// The shape (the npm package's `Description` type in `pkg/index.d.ts` has each member's comment;
/// `?`: present only where it applies; `{en, zh}`: a text in both languages):
///
/// ```text
/// { provider, name: {en, zh}, fields: [Field], rules: [{ kind: "exactly_one" | "conflict" | "requires",
///   fields: [pointer], providerCode? }], unknownFields, unicodeVersion,
///   context: [{ name, type, label: {en, zh} }] }
/// Field: { path (a JSON pointer; `*` any index or map value, `*key` a map key), name, label: {en, zh},
///   required, role: "name" | "id" | "description" | "other",
///   type: "string" | "integer" | "boolean" | "enum" | "string[]" | "list" | "map",
///   length?: { min, max?, unit: "chars" | "bytes", orBytes? }, charset?: {en, zh},
///   noEdgeSpace?: true, format?: { id, en, zh }, finalLineFeed?: "counted" | "uncounted",
///   maxItems?, maxTags?, range?: { min, max }, allowed?: [string], alsoAccepted?: [string],
///   item?: { length?, charset?, noEdgeSpace?, format? }, unique?, nonEmpty?, shape?,
///   providerCodes?: { <issue code or "*">: <provider code> },
///   readings?: [{ source: { id, en, zh, url }, length?, charset?, noEdgeSpace?, format?,
///     finalLineFeed?, maxItems?, required?, allowed? }], fields?: [Field] }
/// ```
///
/// Lengths are in the `unit` given: Unicode scalar values (`chars`) or UTF-8 bytes. Each `readings` entry is a stricter reading by another official source, which `check`
/// reports as a warning; its `source.url` is where to read it (`seed:<file>` for the seed pages).
pub fn describe(provider: Provider) -> Value<'static> {
    let fields = match provider {
        Provider::Zenlayer | Provider::Huawei => {
            let mut fields = list("", table(provider), |f| match f.name {
                "image_tags" => Some(list("/image_tags/*", huawei::IMAGE_TAG_FIELDS, |_| None)),
                "tags" => Some(list("/tags/*", huawei::TAG_PARTS, |_| None)),
                _ => None,
            });
            // Huawei's tag lists: how many items, and the tag APIs' stricter count.
            for f in &mut fields {
                let is_tags = matches!(f.get("name").and_then(Value::as_str), Some("tags" | "image_tags"));
                if let (true, Value::Object(e)) = (provider == Provider::Huawei && is_tags, &mut *f) {
                    let (max, (stricter, source)) = huawei::TAG_COUNT;
                    e.push((Cow::Borrowed("maxItems"), Value::num(max as i64)));
                    let r = source_reading(source, "maxItems", Value::num(stricter as i64));
                    e.push((Cow::Borrowed("readings"), Value::Array(vec![r])));
                }
            }
            fields
        }
        Provider::Tencent => {
            let mut fields = list("", tencent::FIELDS, |f| {
                (f.name == "TagSpecification").then(|| {
                    list("/TagSpecification/*", tencent::TAG_SPEC_FIELDS, |g| {
                        (g.name == "Tags").then(|| list("/TagSpecification/*/Tags/*", tencent::TAG_FIELDS, |_| None))
                    })
                })
            });
            // At most 50 tags, counted over the sets of type `image` (`maxTags`). No `maxItems` on a
            // set's `Tags`: a set of another type may hold more (it had one until 2026-12-01, which a
            // form reading it generically would have held against such a set).
            for f in &mut fields {
                let Value::Object(e) = f else { continue };
                if e.iter().any(|(k, v)| k == "name" && v.as_str() == Some("TagSpecification")) {
                    e.push((Cow::Borrowed("maxTags"), Value::num(tencent::MAX_TAGS as i64)));
                }
            }
            fields
        }
        Provider::OpenStack | Provider::Nova => {
            let p = profile(provider);
            let (k, v) = p.meta();
            let mut top = list("", &p.fields()[..3], |_| None);
            let ci = p.create_image_fields();
            let name = if p == Profile::Seed { &openstack::NAME_SEED } else { &openstack::NAME_NOVA };
            top.push(field("/body/createImage/name", name, None));
            top.push(field(
                "/body/createImage/metadata",
                &ci[1],
                Some(vec![
                    field("/body/createImage/metadata/*key", k, None),
                    field("/body/createImage/metadata/*", v, None),
                ]),
            ));
            top
        }
    };
    let rules = match provider {
        Provider::Tencent => vec![
            rule("exactly_one", &["/InstanceId", "/SnapshotIds"], Some(codes::TC_SPECIFY_ONE.as_str())),
            rule("conflict", &["/InstanceId", "/SnapshotIds"], Some(codes::TC_CONFLICT.as_str())),
            rule("requires", &["/DataDiskIds", "/InstanceId"], Some(codes::TC_INVALID_DEPENDENCE.as_str())),
        ],
        Provider::Huawei => vec![rule("conflict", &["/tags", "/image_tags"], None)],
        _ => vec![],
    };
    let unknown = match provider {
        Provider::Tencent => "error",
        Provider::Nova => "error in body, warning at the top level",
        // A key beside `createImage` is refused on every endpoint (`openstack::check_nested`, its "body" arm).
        Provider::OpenStack => "error beside createImage in body, warning elsewhere",
        _ => "warning",
    };
    Value::obj(vec![
        ("provider", Value::str(provider.id())),
        ("name", both(provider.display_name(Lang::En), provider.display_name(Lang::Zh))),
        ("fields", Value::Array(fields)),
        ("rules", Value::Array(rules)),
        ("unknownFields", Value::str(unknown)),
        ("context", Value::Array(context_fields(provider))),
        ("unicodeVersion", Value::str(crate::text::UNICODE_VERSION)),
    ])
}

/// The console's context fields of a provider (see `Options::context`).
fn context_fields(provider: Provider) -> Vec<Value<'static>> {
    use crate::providers as p;
    let table = match provider {
        Provider::Zenlayer => p::ZENLAYER_CONTEXT,
        Provider::Tencent => p::TENCENT_CONTEXT,
        Provider::OpenStack => p::OPENSTACK_CONTEXT,
        Provider::Nova => p::NOVA_CONTEXT,
        Provider::Huawei => p::HUAWEI_CONTEXT,
    };
    table
        .iter()
        .map(|f| {
            Value::obj(vec![
                ("name", Value::str(f.name)),
                ("type", Value::str(f.ty)),
                ("label", both(f.label.0, f.label.1)),
            ])
        })
        .collect()
}

// ----- JSON Schema -----

/// A character class for a charset, written with `\u{...}` escapes (valid in ECMA-262 with the `u`
/// flag and in Rust's regex), so it is exactly the checker's set and independent of the regex
/// engine's Unicode version.
fn class(charset: Charset) -> Option<String> {
    let han = || {
        let mut s = String::new();
        for (lo, hi) in crate::text::han_ranges() {
            if lo == hi {
                s.push_str(&format!("\\u{{{lo:X}}}"));
            } else {
                s.push_str(&format!("\\u{{{lo:X}}}-\\u{{{hi:X}}}"));
            }
        }
        s
    };
    Some(match charset {
        Charset::Any | Charset::NovaPrintable => return None,
        Charset::HanAlnumDashUnderscore => format!("[{}A-Za-z0-9_\\-]", han()),
        Charset::HanAlnumDashDotUnderscoreSpace => format!("[{}A-Za-z0-9_.\\- ]", han()),
        Charset::AlnumDashDotUnderscoreSpace => "[A-Za-z0-9_.\\- ]".into(),
        Charset::HuaweiTagKey => "[^=*<>\\\\,|/]".into(),
        Charset::HuaweiTagValue => "[^=*<>\\\\,|]".into(),
        Charset::TencentTag => format!("[{}A-Za-z0-9 +\\-=._:/@()\\[\\],;><＋－＝／＠（）【】：]", han()),
        Charset::LowerHexDash => "[0-9a-f\\-]".into(),
        Charset::HexDash => "[0-9a-fA-F\\-]".into(),
        Charset::NoCrNoAngle => "[^\\r<>]".into(),
        Charset::NoLineBreakNoAngle => "[^\\n\\u{B}\\u{C}\\r\\u{85}\\u{2028}\\u{2029}<>]".into(),
        Charset::NovaMetaKey => "[a-zA-Z0-9_:. \\-]".into(),
        Charset::TagKey => "[A-Za-z0-9_\\-]".into(),
        Charset::TagValue => "[A-Za-z0-9_.\\-]".into(),
        Charset::Bucket => "[a-z0-9.\\-]".into(),
        Charset::VisibleAscii => "[!-~]".into(),
        Charset::RegionId => "[a-z0-9\\-]".into(),
    })
}

fn str_schema(r: &Str) -> Vec<(&'static str, Value<'static>)> {
    let mut e = vec![("type", Value::str("string"))];
    if r.unit == Unit::Chars {
        if r.min > 0 {
            e.push(("minLength", Value::num(r.min as i64)));
        }
        if let Some(m) = r.max {
            // A final line feed that the pattern lets through is not counted by it either; a value
            // of at most `or_bytes` bytes has at most that many characters.
            let lf = usize::from(r.final_lf == FinalLf::PatternAndLength);
            e.push(("maxLength", Value::num((m.max(r.or_bytes.unwrap_or(0)) + lf) as i64)));
        }
    } else if r.min > 0 {
        // A byte limit has no JSON Schema keyword; at least `min` bytes needs at least one character.
        e.push(("minLength", Value::num(1)));
    }
    let pattern = match r.format {
        Some(Format::Hex32OrUuid) => Some(
            "^([0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"
                .to_owned(),
        ),
        Some(Format::Uuid) => {
            Some("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$".to_owned())
        }
        Some(Format::ZeroOrUuid) => {
            Some("^(|0|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$".to_owned())
        }
        Some(Format::BucketObject) => Some("^[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]:[\\s\\S]+$".to_owned()),
        // No lookaround (not every engine has it): "no space at either end" is spelled out.
        None => class(r.charset).map(|c| {
            if r.edge != Edge::Free {
                // The class without the space: a negated class refuses it, a positive one drops it.
                let x = if c.starts_with("[^") { c.replacen("[^", "[^ ", 1) } else { c.replace(' ', "") };
                format!("^(?:{x}(?:{c}*{x})?)?$")
            } else if let (FinalLf::PatternAndLength, Some(max)) = (r.final_lf, r.max) {
                // The length is the pattern's own (Nova's metadata keys, `{1,255}`): its final line
                // feed is not counted, so `maxLength` cannot say it exactly.
                format!("^{c}{{{},{max}}}$", r.min)
            } else {
                format!("^{c}*$")
            }
        }),
    };
    if let Some(mut p) = pattern {
        if r.final_lf != FinalLf::No {
            // Python's `$` (upstream Nova): one final line feed passes.
            p.insert_str(p.len() - 1, "\\n?");
        }
        e.push(("pattern", Value::str(p)));
    }
    e
}

fn ty_schema(ty: &Ty) -> Value<'static> {
    match ty {
        Ty::Str(r) => Value::obj(str_schema(r)),
        Ty::Int { min, max } => Value::obj(vec![
            ("type", Value::str("integer")),
            ("minimum", Value::num(*min)),
            ("maximum", Value::num(*max)),
        ]),
        Ty::Bool => Value::obj(vec![("type", Value::str("boolean"))]),
        Ty::Enum { values, .. } => Value::obj(vec![("enum", strs(values))]),
        Ty::StrArray { item, unique, non_empty } => {
            let mut e = vec![("type", Value::str("array")), ("items", Value::obj(str_schema(item)))];
            if *unique {
                e.push(("uniqueItems", Value::Bool(true)));
            }
            if *non_empty {
                e.push(("minItems", Value::num(1)));
            }
            Value::obj(e)
        }
        Ty::Nested(_) => Value::obj(vec![]),
    }
}

fn object(
    fields: &[Field],
    nested: impl Fn(&Field) -> Value<'static>,
    additional: bool,
) -> Vec<(&'static str, Value<'static>)> {
    let props: Vec<(Cow<'static, str>, Value<'static>)> = fields
        .iter()
        .map(|f| {
            let s = match f.ty {
                Ty::Nested(_) => nested(f),
                _ => ty_schema(&f.ty),
            };
            (Cow::Borrowed(f.name), s)
        })
        .collect();
    let required: Vec<&str> = fields.iter().filter(|f| f.required()).map(|f| f.name).collect();
    let mut e = vec![("type", Value::str("object")), ("properties", Value::Object(props))];
    if !required.is_empty() {
        e.push(("required", strs(&required)));
    }
    if !additional {
        e.push(("additionalProperties", Value::Bool(false)));
    }
    e
}

fn array_of(items: Value<'static>) -> Value<'static> {
    Value::obj(vec![("type", Value::str("array")), ("items", items)])
}

/// A JSON Schema (draft 2020-12) of the request: types, required fields, lengths in characters,
/// charsets as patterns, ranges, enumerations, unknown fields where they are errors, and the
/// cross-field rules. Not expressible, so left to `check`: byte lengths, Nova's printable-BMP
/// name rule, unique tag keys, blank metadata keys, and the rules that need context.
///
/// Its `pattern`s are ECMA-262 regular expressions, as JSON Schema specifies, written for Unicode
/// mode (the `u` flag: `\u{20000}` escapes and classes of code points beyond the BMP): ajv (whose
/// `unicodeRegExp` is on by default), JavaScript's `new RegExp(p, "u")` and Rust's `regex` read them;
/// an engine without that mode (JavaScript without `u`, Python's `re`) misreads or refuses them.
pub fn json_schema(provider: Provider) -> Value<'static> {
    let mut root = match provider {
        Provider::Zenlayer => object(zenlayer::FIELDS, |_| Value::obj(vec![]), true),
        Provider::Tencent => {
            // (No count of tags: `check` counts the distinct keys of the `image` sets, which a schema
            // cannot say, and a set of another type may hold more than 50.)
            let tags = array_of(Value::obj(object(tencent::TAG_FIELDS, |_| Value::obj(vec![]), false)));
            let spec = Value::obj(object(tencent::TAG_SPEC_FIELDS, |_| tags.clone(), false));
            let mut e = object(tencent::FIELDS, |_| array_of(spec.clone()), false);
            let id = Value::obj(str_schema(&Str::NON_EMPTY));
            e.push(("patternProperties", Value::obj(vec![("^(DataDiskIds|SnapshotIds)\\.(0|[1-9][0-9]{0,8})$", id)])));
            // A list is given when it holds an item (an empty one is a warning: `tencent::EMPTY_LIST_GIVEN`).
            let req = |k: &str| Value::obj(vec![("required", strs(&[k]))]);
            let listed = |k: &'static str| {
                let min = Value::obj(vec![("minItems", Value::num(1))]);
                Value::obj(vec![("required", strs(&[k])), ("properties", Value::obj(vec![(k, min)]))])
            };
            let snapshots =
                Value::obj(vec![("anyOf", Value::Array(vec![listed("SnapshotIds"), req("SnapshotIds.0")]))]);
            e.push(("oneOf", Value::Array(vec![req("InstanceId"), snapshots])));
            // DataDiskIds holding an item, without InstanceId: refused. (Written with `required`,
            // `properties` and `not` only, which the package's `emptyAsAbsent` rewrite reads:
            // pkg/standard.js `blanksAbsent`.)
            let Value::Object(mut disks_alone) = listed("DataDiskIds") else { unreachable!("an object") };
            disks_alone.push((Cow::Borrowed("not"), req("InstanceId")));
            e.push(("not", Value::Object(disks_alone)));
            e.push(("dependentRequired", Value::obj(vec![("DataDiskIds.0", strs(&["InstanceId"]))])));
            e
        }
        Provider::OpenStack | Provider::Nova => {
            let p = profile(provider);
            let nova = p == Profile::Nova;
            let (k, v) = p.meta();
            let (Ty::Str(kr), Ty::Str(vr)) = (k.ty, v.ty) else { unreachable!("metadata rules are strings") };
            let mut key = str_schema(&kr);
            key.retain(|(n, _)| *n != "type");
            let meta = Value::obj(vec![
                ("type", Value::str("object")),
                ("propertyNames", Value::obj(key)),
                ("additionalProperties", Value::obj(str_schema(&vr))),
            ]);
            let name = if nova {
                ty_schema(&openstack::NAME_NOVA.ty)
            } else {
                let Ty::Str(r) = openstack::NAME_SEED.ty else { unreachable!() };
                Value::obj(vec![(
                    "anyOf",
                    Value::Array(vec![
                        Value::obj(str_schema(&r)),
                        Value::obj(vec![("type", Value::str("integer")), ("minimum", Value::num(0))]),
                    ]),
                )])
            };
            let ci = Value::obj(object(
                p.create_image_fields(),
                |f| {
                    if f.name == "name" {
                        name.clone()
                    } else {
                        meta.clone()
                    }
                },
                !nova,
            ));
            // A key beside `createImage` is refused for both profiles (`openstack::check_nested`, its "body" arm).
            let body = Value::obj(object(openstack::BODY_FIELDS, |_| ci.clone(), false));
            object(p.fields(), |_| body.clone(), true)
        }
        Provider::Huawei => {
            let tag_str = Value::obj(vec![("type", Value::str("string"))]);
            let image_tag = Value::obj(object(huawei::IMAGE_TAG_FIELDS, |_| Value::obj(vec![]), true));
            let mut e = object(
                huawei::FIELDS,
                |f| {
                    let mut list =
                        if f.name == "tags" { array_of(tag_str.clone()) } else { array_of(image_tag.clone()) };
                    if let Value::Object(e) = &mut list {
                        e.push((Cow::Borrowed("maxItems"), Value::num(huawei::TAG_COUNT.0 as i64)));
                    }
                    list
                },
                true,
            );
            // Both lists, each holding a tag (one of them empty is no conflict: an empty list is no tags).
            let min = || Value::obj(vec![("minItems", Value::num(1))]);
            e.push((
                "not",
                Value::obj(vec![
                    ("required", strs(&["tags", "image_tags"])),
                    ("properties", Value::obj(vec![("tags", min()), ("image_tags", min())])),
                ]),
            ));
            e
        }
    };
    let mut head = vec![
        ("$schema", Value::str("https://json-schema.org/draft/2020-12/schema")),
        ("$id", Value::str(format!("urn:createimage:schema:{}", provider.id()))),
        ("title", Value::str(format!("{} CreateImage request", provider.display_name(Lang::En)))),
    ];
    head.append(&mut root);
    Value::obj(head)
}
