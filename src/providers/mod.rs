//! One module per provider, each with its field table, its cross-field rules and its pre-flight
//! (context) rules.

pub mod codes;
pub mod huawei;
pub mod openstack;
pub mod tencent;
pub mod zenlayer;

use crate::json::Value;
use crate::report::{Kind, Path, Severity};
use crate::rules::{Checker, Field, FinalLf, Format, Str, Ty};
use crate::text::{Edge, Unit};
use crate::Provider;
use std::borrow::Cow;

/// Does this build hold the provider's rules? The cargo features `zenlayer`, `tencent`,
/// `openstack`, `nova` and `huawei` (all in `default`) decide it, here only. The dispatches
/// (`run`, `run_context`, `check_field`, `normalize`) return early for a provider not built, so
/// its tables and rules are dead code and the linker drops them: the npm package's per-provider
/// wasm builds (`createimage/tencent`, ...) hold one provider's rules each.
pub(crate) const fn built(p: Provider) -> bool {
    match p {
        Provider::Zenlayer => cfg!(feature = "zenlayer"),
        Provider::Tencent => cfg!(feature = "tencent"),
        Provider::OpenStack => cfg!(feature = "openstack"),
        Provider::Nova => cfg!(feature = "nova"),
        Provider::Huawei => cfg!(feature = "huawei"),
    }
}

/// The ids of the providers this build holds, in [`Provider::ALL`]'s order.
pub(crate) const BUILT: &[&str] = {
    const N: usize = Provider::ALL.len();
    const COUNT: usize = {
        let mut n = 0;
        let mut i = 0;
        while i < N {
            n += built(Provider::ALL[i]) as usize;
            i += 1;
        }
        n
    };
    const IDS: [&str; COUNT] = {
        let mut out = [""; COUNT];
        let (mut i, mut j) = (0, 0);
        while i < N {
            if built(Provider::ALL[i]) {
                out[j] = Provider::ALL[i].id();
                j += 1;
            }
            i += 1;
        }
        out
    };
    &IDS
};

/// [`BUILT`] as one text, `", "` between the ids (for [`not_built`]'s message; made at compile time).
const BUILT_LIST: &str = {
    const LEN: usize = {
        let (mut n, mut i) = (0, 0);
        while i < BUILT.len() {
            n += BUILT[i].len() + if i == 0 { 0 } else { 2 };
            i += 1;
        }
        n
    };
    const BYTES: [u8; LEN] = {
        let mut out = [0u8; LEN];
        let (mut i, mut at) = (0, 0);
        while i < BUILT.len() {
            if i > 0 {
                out[at] = b',';
                out[at + 1] = b' ';
                at += 2;
            }
            let id = BUILT[i].as_bytes();
            let mut k = 0;
            while k < id.len() {
                out[at] = id[k];
                at += 1;
                k += 1;
            }
            i += 1;
        }
        out
    };
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("the provider ids are ASCII"),
    }
};

/// Every field table of each provider: the tables its checks read (the request's fields and the
/// fields of its nested values), for [`TYPES`]. This module's tests hold each provider module to it:
/// every value type a provider's source names is a type of its tables here.
const TABLES: &[(Provider, &[&[Field]])] = &[
    (Provider::Zenlayer, &[zenlayer::FIELDS]),
    (Provider::Tencent, &[tencent::FIELDS, tencent::TAG_SPEC_FIELDS, tencent::TAG_FIELDS]),
    (Provider::OpenStack, openstack::TABLES_SEED),
    (Provider::Nova, openstack::TABLES_NOVA),
    (Provider::Huawei, &[huawei::FIELDS, huawei::IMAGE_TAG_FIELDS]),
];

/// Which value types ([`Ty`]) beside strings the fields of a set of tables use, and which string
/// features their strings and their stricter readings have: formats ([`Format`]), edge rules,
/// a pattern's final line feed, byte lengths, a minimum above one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Types {
    pub int: bool,
    pub bool: bool,
    pub enumeration: bool,
    pub str_array: bool,
    /// The formats, a bit each: `1 << format as u8` ([`Types::has_format`]).
    pub formats: u8,
    /// The edge rules other than [`Edge::Free`], a bit each: `1 << edge as u8` ([`Types::has_edge`]).
    pub edges: u8,
    /// A pattern that lets one final line feed through ([`FinalLf`] other than `No`).
    pub final_lf: bool,
    /// A length in bytes ([`Unit::Bytes`]), or a limit in bytes beside one in chars (`or_bytes`).
    pub bytes: bool,
    /// A minimum length above one (below it, `too_short`; one is `empty`'s).
    pub min_above_one: bool,
}

impl Types {
    const NONE: Types = Types {
        int: false,
        bool: false,
        enumeration: false,
        str_array: false,
        formats: 0,
        edges: 0,
        final_lf: false,
        bytes: false,
        min_above_one: false,
    };

    /// The types of the fields of `tables`.
    pub(crate) const fn of(tables: &[&[Field]]) -> Types {
        let mut t = Types::NONE;
        let mut i = 0;
        while i < tables.len() {
            let mut j = 0;
            while j < tables[i].len() {
                match &tables[i][j].ty {
                    Ty::Int { .. } => t.int = true,
                    Ty::Bool => t.bool = true,
                    Ty::Enum { .. } => t.enumeration = true,
                    Ty::StrArray { item, .. } => {
                        t.str_array = true;
                        t = t.or(strings_of(item));
                    }
                    Ty::Str(rule) => t = t.or(strings_of(rule)),
                    Ty::Nested(_) => {}
                }
                j += 1;
            }
            i += 1;
        }
        t
    }

    /// Both sets.
    const fn or(self, o: Types) -> Types {
        Types {
            int: self.int || o.int,
            bool: self.bool || o.bool,
            enumeration: self.enumeration || o.enumeration,
            str_array: self.str_array || o.str_array,
            formats: self.formats | o.formats,
            edges: self.edges | o.edges,
            final_lf: self.final_lf || o.final_lf,
            bytes: self.bytes || o.bytes,
            min_above_one: self.min_above_one || o.min_above_one,
        }
    }

    /// Does a string of these tables (or a reading of one) have format `f`?
    pub(crate) const fn has_format(self, f: Format) -> bool {
        self.formats & (1 << f as u8) != 0
    }

    /// Does a string of these tables (or a reading of one) have edge rule `e`? (Never
    /// [`Edge::Free`], which is no rule.)
    pub(crate) const fn has_edge(self, e: Edge) -> bool {
        self.edges & (1 << e as u8) != 0
    }
}

/// The string features ([`Types`]) of a string rule and of its stricter readings.
const fn strings_of(rule: &Str) -> Types {
    let mut t = features(rule);
    let mut k = 0;
    while k < rule.readings.len() {
        t = t.or(features(&rule.readings[k].rule()));
        k += 1;
    }
    t
}

/// The features of one string rule, without its readings (a reading's as
/// [`crate::rules::Reading::rule`] gives it).
const fn features(rule: &Str) -> Types {
    let mut t = Types::NONE;
    if let Some(f) = rule.format {
        t.formats = 1 << f as u8;
    }
    if !matches!(rule.edge, Edge::Free) {
        t.edges = 1 << rule.edge as u8;
    }
    t.final_lf = !matches!(rule.final_lf, FinalLf::No);
    t.bytes = matches!(rule.unit, Unit::Bytes) || rule.or_bytes.is_some();
    t.min_above_one = rule.min > 1;
    t
}

/// The value types and string features the fields of the built providers use, from [`TABLES`]:
/// `Checker::check_value` leaves out the code of the other types, and the string rule the checks of
/// the other formats, edge rules, final line feeds, byte lengths and minimums above one, so a
/// one-provider build's module carries no check its provider never makes (createimage/openstack's
/// first module: ~1.1 KB gzip less for the types; createimage/zenlayer's ~0.3 KB for the formats;
/// huawei's ~0.17 KB for the other features).
pub(crate) const TYPES: Types = {
    let mut t = Types::NONE;
    let mut i = 0;
    while i < TABLES.len() {
        if built(TABLES[i].0) {
            t = t.or(Types::of(TABLES[i].1));
        }
        i += 1;
    }
    t
};

/// The report's one error for a provider this build does not hold: `not_allowed` at `""`, its
/// params `allowed` (the providers built) and `actual` (the id).
pub(crate) fn not_built(c: &mut Checker) {
    let id = c.provider.id();
    let message = match c.lang {
        crate::Lang::En => crate::text::cat(&[
            "This build of createimage has no rules for ",
            id,
            " (cargo feature \"",
            id,
            "\"); it has: ",
            BUILT_LIST,
            ".",
        ]),
        crate::Lang::Zh => crate::text::cat(&[
            "此 createimage 构建不含 ",
            id,
            " 的规则（cargo 特性 \"",
            id,
            "\"）；已包含：",
            BUILT_LIST,
            "。",
        ]),
    };
    c.push(&Path::Root, Kind::NotAllowed { allowed: BUILT, actual: id.to_owned() }, Severity::Error, None)
        .set_message(message);
}

/// The request must be an object; otherwise one `wrong_type` at `""`.
pub(crate) fn root_object<'v, 'a>(c: &mut Checker, req: &'v Value<'a>) -> Option<&'v [(Cow<'a, str>, Value<'a>)]> {
    match req {
        Value::Object(m) => Some(m),
        other => {
            let kind = crate::rules::type_kind(other, "object");
            c.push(&Path::Root, kind, Severity::Error, None);
            None
        }
    }
}

/// The report for JSON text over [`crate::json::MAX_TEXT_BYTES`] bytes, refused before it is
/// parsed: one `unreadable` error at `""` that gives the limit.
pub fn too_large(provider: crate::Provider, lang: crate::Lang) -> crate::Report {
    let mut c = Checker::new(provider, lang);
    let detail = crate::messages::OWN_DETAILS[0].0.to_owned();
    c.push(&Path::Root, Kind::Unreadable { detail }, Severity::Error, None);
    crate::finish(c)
}

/// A field of the console's context: what the console may tell, for forms (`describe`) and for
/// telling unknown context fields apart. `ty` and `label` are for `describe` only: a build without
/// the `describe` feature (the wasm) leaves them out.
#[derive(Clone, Copy, Debug)]
pub struct ContextField {
    pub name: &'static str,
    /// `string`, `boolean`, `integer`, `string[]`, `object` (id to usage), `string|null`.
    #[cfg(feature = "describe")]
    pub ty: &'static str,
    #[cfg(feature = "describe")]
    pub label: (&'static str, &'static str),
}

#[cfg_attr(not(feature = "describe"), allow(unused_variables))]
const fn cf(name: &'static str, ty: &'static str, en: &'static str, zh: &'static str) -> ContextField {
    ContextField {
        name,
        #[cfg(feature = "describe")]
        ty,
        #[cfg(feature = "describe")]
        label: (en, zh),
    }
}

pub const ZENLAYER_CONTEXT: &[ContextField] = &[
    cf("zone", "string", "Zone", "可用区"),
    cf("instanceExists", "boolean", "Instance exists", "实例存在"),
    cf("instanceState", "string", "Instance state", "实例状态"),
    cf("imagesInZone", "integer", "Images already in the zone", "可用区内已有镜像数"),
    cf("imageQuota", "integer", "Image quota per zone", "每个可用区的镜像配额"),
    cf("systemDiskStatus", "string", "System disk status", "系统盘状态"),
];
pub const TENCENT_CONTEXT: &[ContextField] = &[
    cf("instanceExists", "boolean", "Instance exists", "实例存在"),
    cf("instanceState", "string", "Instance state", "实例状态"),
    cf(
        "instanceLatestOperationState",
        "string",
        "Instance's latest operation state (SUCCESS / OPERATING / FAILED)",
        "实例最新操作状态（SUCCESS / OPERATING / FAILED）",
    ),
    cf("instanceSystemDiskId", "string", "Instance's system disk ID", "实例系统盘 ID"),
    cf("instanceDataDiskIds", "string[]", "Instance's data disk IDs", "实例数据盘 ID"),
    cf("localDiskIds", "string[]", "Local disk IDs", "本地盘 ID"),
    cf("swapDiskIds", "string[]", "Swap disk IDs", "Swap 盘 ID"),
    cf("snapshotDiskUsage", "object", "Snapshot disk usage (SYSTEM_DISK / DATA_DISK)", "快照对应的磁盘类型"),
    cf("existingImageNames", "string[]", "Existing image names", "已有镜像名称"),
    cf("imageQuotaRemaining", "integer", "Image quota remaining", "剩余镜像配额"),
    cf("existingTagKeys", "string[]", "Existing tag keys", "已有标签键"),
];
/// OpenStack's context fields; Nova's add `microversion` (the last one).
const OPENSTACK_ALL: [ContextField; 8] = [
    cf("serverExists", "boolean", "Server exists", "云服务器存在"),
    cf("projectExists", "boolean", "Project exists", "项目存在"),
    cf("vmState", "string", "Server vm_state", "云服务器 vm_state"),
    cf("taskState", "string|null", "Server task_state", "云服务器 task_state"),
    cf("tokenProjectId", "string", "Token's project ID", "令牌所属项目 ID"),
    cf("metadataQuota", "integer", "Metadata items quota", "元数据条目配额"),
    cf("snapshotsEnabled", "boolean", "Snapshots enabled", "已启用快照"),
    cf("microversion", "string", "Compute API microversion", "计算 API 微版本"),
];
pub const OPENSTACK_CONTEXT: &[ContextField] = OPENSTACK_ALL.split_at(7).0;
pub const NOVA_CONTEXT: &[ContextField] = &OPENSTACK_ALL;
pub const HUAWEI_CONTEXT: &[ContextField] = &[
    cf("bucketStorageClass", "string", "OBS bucket storage class", "OBS 桶存储类别"),
    cf("imageFileExists", "boolean", "Image file exists in the bucket", "镜像文件存在于桶中"),
    cf("bucketRegion", "string", "OBS bucket's region", "OBS 桶所在区域"),
    cf("region", "string", "Region the request goes to", "请求的目标区域"),
];

/// The request without the members `empty_as_absent` reads as absent: `""`, `[]` and `null` in an
/// optional field of a table, `null` in a required one, at every level the tables describe (the
/// top level, Tencent's tag sets and tags, Huawei's image tags, OpenStack's `body` and
/// `createImage`). A key given twice is read at its last occurrence (as `check` reads it): when
/// that is blank, all of them go. `to_http` builds from this request, so what is sent is what the
/// report read (a Huawei image tag's `value: null` is not sent; Tencent's `DataDiskIds: []`
/// beside `DataDiskIds.0` leaves the numbered keys to become the array).
pub(crate) fn without_blanks<'a>(provider: Provider, req: &Value<'a>) -> Value<'a> {
    use crate::rules::{blank_is_absent, Field};
    /// A table of fields, and the member that holds a nested table (or a list of them): its key
    /// and table.
    struct Table(&'static [Field], Option<(&'static str, &'static Table)>);
    const TAG: Table = Table(tencent::TAG_FIELDS, None);
    const TAG_SPEC: Table = Table(tencent::TAG_SPEC_FIELDS, Some(("Tags", &TAG)));
    const IMAGE_TAG: Table = Table(huawei::IMAGE_TAG_FIELDS, None);
    const CREATE_IMAGE: Table = Table(openstack::CREATE_IMAGE_NOVA, None);
    const BODY: Table = Table(openstack::BODY_FIELDS, Some(("createImage", &CREATE_IMAGE)));
    fn strip<'a>(v: &Value<'a>, Table(fields, nested): &Table) -> Value<'a> {
        let Value::Object(m) = v else { return v.clone() };
        // Per field of the table, whether its last occurrence reads as absent (linear in the members).
        let mut gone = Vec::new();
        for f in *fields {
            if v.get(f.name).is_some_and(|x| blank_is_absent(f, x)) {
                gone.push(f.name);
            }
        }
        let mut out = Vec::with_capacity(m.len());
        for (k, x) in m {
            let x = match nested {
                _ if gone.contains(&k.as_ref()) => continue,
                Some((key, t)) if k == key => match x {
                    Value::Array(a) => Value::Array(a.iter().map(|x| strip(x, t)).collect()),
                    _ => strip(x, t),
                },
                _ => x.clone(),
            };
            out.push((k.clone(), x));
        }
        Value::Object(out)
    }
    // (A provider this build does not hold: its report says so; the linker drops its tables.)
    if !built(provider) {
        return req.clone();
    }
    let table = match provider {
        Provider::Zenlayer => Table(zenlayer::FIELDS, None),
        Provider::Tencent => Table(tencent::FIELDS, Some(("TagSpecification", &TAG_SPEC))),
        Provider::Huawei => Table(huawei::FIELDS, Some(("image_tags", &IMAGE_TAG))),
        Provider::OpenStack | Provider::Nova => Table(openstack::FIELDS, Some(("body", &BODY))),
    };
    strip(req, &table)
}

/// Where a pre-flight issue about `key` goes: at the field when the request has it, else at `""`
/// (an issue path always points at something in the request). A member holding an empty form
/// value is had, also with `empty_as_absent`: the issue is shown under that input (the one
/// difference from checking the request without its empty values, docs/rules.md).
pub(crate) fn at_field<'p>(req: &Value<'_>, root: &'p Path<'p>, key: &'p str) -> Path<'p> {
    if req.get(key).is_some() {
        Path::Key(root, key)
    } else {
        Path::Root
    }
}

/// Reading the console's context: a value of the wrong type there is a warning (the console's
/// mistake, not the user's) and the rule is skipped.
pub(crate) mod ctx {
    use super::*;

    /// A context string that is not in the form its field needs: a warning, and it is ignored.
    pub fn bad_format(c: &mut Checker, key: &str, expected: &'static str) {
        let lang = c.lang;
        let words = crate::messages::format_words(expected, lang);
        let message = match lang {
            crate::Lang::En => {
                crate::text::cat(&["The console's context field \"", key, "\" must be ", words, "; it was ignored."])
            }
            crate::Lang::Zh => crate::text::cat(&["控制台上下文字段“", key, "”必须是", words, "，已忽略。"]),
        };
        c.push_at(String::new(), Kind::BadFormat { format: expected }, Severity::Warning, None).set_message(message);
    }

    /// A context field of the wrong type: one warning at `""` naming it (`context.<key>`); the
    /// message comes from the kind (`messages`), like every other.
    pub fn bad(c: &mut Checker, key: &str, v: &Value<'_>, expected: &'static str) {
        let field = crate::text::cat(&["context.", key]);
        c.push_at(String::new(), Kind::ContextType { field, expected, actual: v.type_name() }, Severity::Warning, None);
    }

    /// A context that is not an object (nor `null`): one warning at `""` that says so.
    pub fn not_object(c: &mut Checker, ctx: &Value<'_>) {
        let kind = Kind::ContextType { field: "context".into(), expected: "object", actual: ctx.type_name() };
        c.push_at(String::new(), kind, Severity::Warning, None);
    }

    pub fn string<'v>(c: &mut Checker, ctx: &'v Value<'_>, key: &str) -> Option<&'v str> {
        match ctx.get(key)? {
            Value::String(s) => Some(s),
            Value::Null => None,
            v => {
                bad(c, key, v, "string");
                None
            }
        }
    }

    pub fn boolean(c: &mut Checker, ctx: &Value<'_>, key: &str) -> Option<bool> {
        match ctx.get(key)? {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            v => {
                bad(c, key, v, "boolean");
                None
            }
        }
    }

    /// An integer field: any JSON number without a fractional part, as written (`5`, `5.0`,
    /// `5e0`). An integer beyond the 64-bit range (`1e20`) is ignored with a warning that says
    /// so (never "must be an integer": it is one).
    pub fn integer(c: &mut Checker, ctx: &Value<'_>, key: &str) -> Option<i64> {
        match ctx.get(key)? {
            Value::Number(n) if crate::json::number_is_integer(n) => {
                let v = crate::json::number_as_i64(n);
                if v.is_none() {
                    bad(c, key, ctx.get(key)?, "64-bit integer");
                }
                v
            }
            Value::Null => None,
            v => {
                bad(c, key, v, "integer");
                None
            }
        }
    }

    /// A list of strings, as given (sort it with [`sorted`] to look up with [`contains`]).
    pub fn string_list<'v>(c: &mut Checker, ctx: &'v Value<'_>, key: &str) -> Option<Vec<&'v str>> {
        match ctx.get(key)? {
            Value::Array(a) if a.iter().all(|x| x.as_str().is_some()) => {
                // (A loop that pushes: no `FilterMap` instance in the wasm.)
                let mut l = Vec::new();
                for x in a {
                    if let Some(s) = x.as_str() {
                        l.push(s);
                    }
                }
                Some(l)
            }
            Value::Null => None,
            v => {
                bad(c, key, v, "array of strings");
                None
            }
        }
    }

    /// The strings of `l`, each as given or, with `fixed`, as normalize leaves that field's value
    /// ([`crate::normalize::fixed`]), with its position in `l`, sorted (by text, then position):
    /// n log n, however long the list. (One element type for every sorted list, the labels'
    /// included: one sort in the wasm. The field as an argument, not a closure: one copy of this
    /// function for every list, not one per closure.)
    pub fn sorted<'s>(l: &[&'s str], fixed: Option<&Field>) -> Vec<(Cow<'s, str>, usize)> {
        let key = |x: &'s str| fixed.map_or(Cow::Borrowed(x), |f| crate::normalize::fixed(f, x));
        let mut v: Vec<(Cow<str>, usize)> = l.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
        v.sort_unstable();
        v
    }

    /// Is `s` in the list [`sorted`] made?
    pub fn contains(sorted: &[(Cow<'_, str>, usize)], s: &str) -> bool {
        sorted.binary_search_by(|(x, _)| x.as_ref().cmp(s)).is_ok()
    }

    /// Context fields this provider does not read: warnings.
    pub fn unknown(c: &mut Checker, ctx: &Value<'_>, known: &[ContextField]) {
        // (`known` is a table of at most a dozen names: linear in the context's keys.)
        for (k, _) in ctx.as_object().unwrap_or(&[]) {
            if !known.iter().any(|f| f.name == k) {
                // (Worded as the console's, as its other context warnings are: `messages`.)
                c.push_at(
                    String::new(),
                    Kind::UnknownField { field: crate::text::cat(&["context.", k]) },
                    Severity::Warning,
                    None,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn the_build_holds_the_providers_of_its_features() {
        let want: Vec<&str> = Provider::ALL.iter().filter(|p| built(**p)).map(|p| p.id()).collect();
        assert_eq!(BUILT, want.as_slice());
        assert_eq!(BUILT_LIST, want.join(", "));
        #[cfg(all(
            feature = "zenlayer",
            feature = "tencent",
            feature = "openstack",
            feature = "nova",
            feature = "huawei"
        ))]
        assert_eq!(BUILT, ["zenlayer", "tencent", "openstack", "nova", "huawei"]);
    }

    fn types_of(p: Provider) -> Types {
        TABLES.iter().filter(|(q, _)| *q == p).fold(Types::default(), |t, (_, tables)| t.or(Types::of(tables)))
    }

    #[test]
    fn every_value_type_a_provider_module_names_is_a_type_of_its_tables() {
        // `check_value` checks only the types of TABLES (`TYPES`): a field whose table is missing
        // there would go unchecked in a one-provider build. Each provider's source names a type
        // (`Ty::Int`...) only for a field of its own; fields are built in the provider modules
        // only (below).
        let modules: [(&str, &str, &[Provider]); 4] = [
            ("zenlayer.rs", include_str!("zenlayer.rs"), &[Provider::Zenlayer]),
            ("tencent.rs", include_str!("tencent.rs"), &[Provider::Tencent]),
            ("openstack.rs", include_str!("openstack.rs"), &[Provider::OpenStack, Provider::Nova]),
            ("huawei.rs", include_str!("huawei.rs"), &[Provider::Huawei]),
        ];
        for (file, src, providers) in modules {
            for p in providers {
                let t = types_of(*p);
                for (name, has) in [
                    ("Ty::Int", t.int),
                    ("Ty::Bool", t.bool),
                    ("Ty::Enum", t.enumeration),
                    ("Ty::StrArray", t.str_array),
                ] {
                    let named = src
                        .match_indices(name)
                        .any(|(k, _)| !src[k + name.len()..].starts_with(|c: char| c.is_alphanumeric()));
                    assert!(
                        !named || has,
                        "{file} names {name}, but no table of {} in providers::TABLES has it",
                        p.id()
                    );
                }
            }
            // The same for string formats: `format_error` checks only those of TABLES. (One file
            // holds both OpenStack profiles, and the seed's project id has a format Nova's has
            // not: a format the file names must be in the tables of one of its providers.)
            let t = providers.iter().fold(Types::default(), |t, p| t.or(types_of(*p)));
            for f in [Format::Hex32OrUuid, Format::Uuid, Format::ZeroOrUuid, Format::BucketObject] {
                let name = format!("Format::{f:?}");
                let named = src
                    .match_indices(&name)
                    .any(|(k, _)| !src[k + name.len()..].starts_with(|c: char| c.is_alphanumeric()));
                assert!(
                    !named || t.has_format(f),
                    "{file} names {name}, but no table of its provider in providers::TABLES has it"
                );
            }
        }
        // The same for the other string features `string_rule` reads only where TABLES has them:
        // edge rules, a pattern's final line feed, byte lengths (`Unit::Bytes`, `.bytes()`,
        // `or_bytes`) and a minimum above one (`Str::chars(n, ..)`, `.min(n)`, `min: n`).
        for (file, src, providers) in modules {
            let t = providers.iter().fold(Types::default(), |t, p| t.or(types_of(*p)));
            let names = |name: &str| {
                src.match_indices(name).any(|(k, _)| !src[k + name.len()..].starts_with(|c: char| c.is_alphanumeric()))
            };
            for (e, name) in [(Edge::NoSpace, "Edge::NoSpace"), (Edge::NoWhiteSpace, "Edge::NoWhiteSpace")] {
                assert!(!names(name) || t.has_edge(e), "{file} names {name}, but no table of its provider has it");
            }
            for name in ["FinalLf::Pattern", "FinalLf::PatternAndLength"] {
                assert!(!names(name) || t.final_lf, "{file} names {name}, but no table of its provider has it");
            }
            for name in ["Unit::Bytes", ".bytes()", "or_bytes: Some"] {
                // (`.bytes()` on a string is a byte iterator: `.bytes().` follows it.)
                let named = src.match_indices(name).any(|(k, _)| {
                    let rest = &src[k + name.len()..];
                    !rest.starts_with(|c: char| c.is_alphanumeric() || c == '.')
                });
                assert!(!named || t.bytes, "{file} names {name}, but no table of its provider has a length in bytes");
            }
            for name in ["Str::chars(", ".min(", "min: "] {
                for (k, _) in src.match_indices(name) {
                    let digits: String =
                        src[k + name.len()..].chars().take_while(|c| c.is_ascii_digit() || *c == '_').collect();
                    let min: usize = digits.replace('_', "").parse().unwrap_or(0);
                    assert!(
                        min <= 1 || t.min_above_one || name == "min: " && src[..k].ends_with("Int { "),
                        "{file} gives a minimum of {min} ({name}), but no table of its provider has one above one"
                    );
                }
            }
        }
        // The tables as they are today: Huawei's min_disk and os_type, Tencent's lists, flags and
        // enums; the other providers' fields are strings and nested values.
        // Formats: OpenStack's server id a UUID (and the seed's project id read as hex32 or a UUID),
        // Huawei's image_url `bucket:object` and its enterprise project `0` or a UUID.
        // Edges: Huawei's and Tencent's tags no space, Nova's name no white space; the final line
        // feed: Nova's patterns (the seed's reading of the name is Nova's); bytes: Zenlayer's
        // Terraform readings and description, OpenStack's metadata values; a minimum above one:
        // Zenlayer's Terraform name (2).
        let bits = |fs: &[Format]| fs.iter().fold(0, |b, f| b | 1 << *f as u8);
        let edges = |es: &[Edge]| es.iter().fold(0, |b, e| b | 1 << *e as u8);
        assert_eq!(types_of(Provider::Zenlayer), Types { bytes: true, min_above_one: true, ..Types::default() });
        assert_eq!(
            types_of(Provider::OpenStack),
            Types {
                formats: bits(&[Format::Uuid, Format::Hex32OrUuid]),
                edges: edges(&[Edge::NoWhiteSpace]),
                final_lf: true,
                bytes: true,
                ..Types::default()
            }
        );
        assert_eq!(
            types_of(Provider::Nova),
            Types {
                formats: bits(&[Format::Uuid]),
                edges: edges(&[Edge::NoWhiteSpace]),
                final_lf: true,
                bytes: true,
                ..Types::default()
            }
        );
        assert_eq!(
            types_of(Provider::Huawei),
            Types {
                int: true,
                enumeration: true,
                formats: bits(&[Format::ZeroOrUuid, Format::BucketObject]),
                edges: edges(&[Edge::NoSpace]),
                ..Types::default()
            }
        );
        assert_eq!(
            types_of(Provider::Tencent),
            Types {
                bool: true,
                enumeration: true,
                str_array: true,
                edges: edges(&[Edge::NoSpace]),
                ..Types::default()
            }
        );
        #[cfg(all(feature = "zenlayer", feature = "tencent", feature = "huawei", feature = "openstack"))]
        assert_eq!(
            TYPES,
            Types {
                int: true,
                bool: true,
                enumeration: true,
                str_array: true,
                formats: 0b1111,
                edges: 0b110,
                final_lf: true,
                bytes: true,
                min_above_one: true
            }
        );
    }

    #[test]
    fn fields_are_built_in_the_provider_modules_only() {
        // A field literal anywhere else would escape TABLES (the test above).
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let needle = ["Field", " {"].concat(); // (not written out: this file would match it)
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        walk(&root.join("src"), &mut files);
        walk(&root.join("wasm").join("src"), &mut files);
        assert!(files.len() > 10, "{files:?}");
        for f in files {
            let name = f.file_name().unwrap().to_str().unwrap();
            let provider = f.parent().unwrap().ends_with("src/providers") && name != "mod.rs" && name != "codes.rs";
            if provider {
                continue;
            }
            let src = std::fs::read_to_string(&f).unwrap();
            for (k, _) in src.match_indices(&*needle) {
                let before = src[..k].chars().next_back();
                let literal = !before.is_some_and(|c| c.is_alphanumeric() || c == '_');
                assert!(
                    !literal || src[..k].ends_with("struct ") || src[..k].ends_with("impl "),
                    "{}: a Field is built outside the provider modules",
                    f.display()
                );
            }
        }
    }

    #[test]
    fn a_provider_not_built_is_one_not_allowed_error_that_says_so() {
        for lang in Lang::ALL {
            let mut c = Checker::new(Provider::Huawei, lang);
            not_built(&mut c);
            let r = crate::finish(c);
            assert!(!r.ok);
            assert_eq!(r.issues.len(), 1);
            let i = &r.issues[0];
            assert_eq!((i.path.as_str(), i.code().as_str()), ("", "not_allowed"));
            assert!(i.message.contains("huawei") && i.message.contains("\"huawei\""), "{}", i.message);
        }
        // (A build without a provider answers so through every function: the npm package's
        // per-provider wasm is such a build, tested in tests/js/entries.test.mjs. `cargo test` cannot
        // build one: the dev-dependency on this crate turns the default features back on.)
    }
}
