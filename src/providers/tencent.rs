//! Tencent Cloud CVM `CreateImage`, API version 2017-03-12 (PascalCase, `.N` arrays).

use super::codes::{self, ProviderCode};
use crate::json::Value;
use crate::report::{Code, Kind, Path, Severity};
use crate::rules::{Checker, Field, Presence, Reading, Role, Source, Str, Ty};
use crate::text::{Charset, Edge};
use std::borrow::Cow;

const TOO_LARGE: &[(Option<Code>, ProviderCode)] = &[(Some(Code::TooLong), codes::TC_VALUE_TOO_LARGE)];

/// Tencent Cloud Tag "Use Limits": key 1-127, value 1-255 characters; Chinese and English
/// characters, digits, inner spaces and `+ - = . _ : / @ ( ) [ ] , ; > <` (and the full-width
/// `＋ － ＝ ／ ＠ （ ） 【 】 ：`); no space at either end.
pub static TAG_LIMITS: Source = Source::new(
    "tencent-tag-use-limits",
    ("Tencent Cloud's Tag \"Use Limits\" page", "腾讯云标签“使用限制”文档"),
    "https://www.tencentcloud.com/document/product/651/13354",
);
/// Tencent Cloud CKafka's tag overview (2021-12-28): tag keys up to 255, values up to 127.
pub static CKAFKA_TAGS: Source = Source::new(
    "tencent-ckafka-tag-overview",
    (
        "Tencent Cloud's CKafka tag overview (values up to 127 characters)",
        "腾讯云 CKafka 标签概述（标签值最多 127 个字符）",
    ),
    "https://cloud.tencent.com/document/product/597/33355",
);
/// The CreateImage page (API 2017-03-12, English, current): `Region`, "Yes" (a common parameter).
/// Its Chinese-site copy of 2024-01 says "No ... This parameter is not required for this API", so
/// `to_http` sends a request without one (no `X-TC-Region` header), with a warning naming this.
pub static REGION_REQUIRED: Source = Source::new(
    "tencent-createimage-region",
    ("Tencent Cloud's CreateImage page (Region required)", "腾讯云 CreateImage 文档（Region 必填）"),
    "https://www.tencentcloud.com/document/api/213/33276",
);
/// The CreateImage page (API 2017-03-12, current): `TagSpecification`, "Tag description list. This
/// parameter is used to bind a tag to a custom image."
pub static CREATE_IMAGE_TAGS: Source = Source::new(
    "tencent-createimage-tagspecification",
    ("Tencent Cloud's CreateImage page (tags bound to the image)", "腾讯云 CreateImage 文档（标签绑定到镜像）"),
    "https://www.tencentcloud.com/document/api/213/33276",
);
/// The CreateImage page: `SnapshotIds` "cannot be passed together with InstanceId", and
/// `DataDiskIds` only within the instance `InstanceId` names. An empty list is passed only as the
/// page reads literally: Tencent Cloud's SDKs (`omitempty`) leave it out, and the flattened form
/// (`SnapshotIds.0`) cannot write one; so an empty list beside InstanceId, or an empty DataDiskIds
/// without it, is a warning naming this.
pub static EMPTY_LIST_GIVEN: Source = Source::new(
    "tencent-createimage-empty-list",
    ("Tencent Cloud's CreateImage page, an empty list read as given", "腾讯云 CreateImage 文档（空列表也算传入）"),
    "https://www.tencentcloud.com/document/api/213/33276",
)
.because(("the SDKs leave an empty list out", "SDK 不发送空列表"));
/// `TagSpecification.ResourceType`'s valid values (the Go SDK's cvm/v20170312 models.go: "instance",
/// "host", "image", "keypair", "ps", "hpc").
const RESOURCE_TYPES: &[&str] = &["image", "instance", "host", "keypair", "ps", "hpc"];
const ID: Str = Str::NON_EMPTY;
const BOOL_STR: Ty =
    Ty::Enum { values: &["true", "false", "TRUE", "FALSE"], canonical: &["true", "false"], narrower: None };

pub const FIELDS: &[Field] = &[
    Field {
        name: "Action",
        label: ("Action", "接口名"),
        presence: Presence::Optional,
        ty: Ty::Enum { values: &["CreateImage"], canonical: &["CreateImage"], narrower: None },
        role: Role::Other,
        codes: &[],
    },
    Field {
        name: "Version",
        label: ("API version", "接口版本"),
        presence: Presence::Optional,
        ty: Ty::Enum { values: &["2017-03-12"], canonical: &["2017-03-12"], narrower: None },
        role: Role::Other,
        codes: &[],
    },
    Field {
        name: "Region",
        label: ("Region", "地域"),
        presence: Presence::Optional,
        // It is sent as the X-TC-Region header value.
        ty: Ty::Str(ID.charset(Charset::RegionId)),
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "ImageName",
        label: ("Image name", "镜像名称"),
        presence: Presence::Required,
        ty: Ty::Str(Str::chars(1, 60)),
        role: Role::Name,
        codes: TOO_LARGE,
    },
    Field {
        name: "InstanceId",
        label: ("Instance ID", "实例 ID"),
        presence: Presence::Optional,
        ty: Ty::Str(ID),
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "ImageDescription",
        label: ("Image description", "镜像描述"),
        presence: Presence::Optional,
        ty: Ty::Str(Str { max: Some(256), ..Str::ANY }),
        role: Role::Description,
        codes: TOO_LARGE,
    },
    Field {
        name: "ForcePoweroff",
        label: ("Force power-off", "强制关机"),
        presence: Presence::Optional,
        ty: BOOL_STR,
        role: Role::Other,
        codes: &[],
    },
    Field {
        name: "Sysprep",
        label: ("Sysprep", "启用 Sysprep"),
        presence: Presence::Optional,
        ty: BOOL_STR,
        role: Role::Other,
        codes: &[],
    },
    Field {
        name: "DataDiskIds",
        label: ("Data disk IDs", "数据盘 ID"),
        presence: Presence::Optional,
        ty: Ty::StrArray { item: ID, unique: true, non_empty: false },
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "SnapshotIds",
        label: ("Snapshot IDs", "快照 ID"),
        presence: Presence::Optional,
        ty: Ty::StrArray { item: ID, unique: true, non_empty: false },
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "DryRun",
        label: ("Dry run", "预检请求"),
        presence: Presence::Optional,
        ty: Ty::Bool,
        role: Role::Other,
        codes: &[],
    },
    Field {
        name: "TagSpecification",
        label: ("Tags", "标签"),
        presence: Presence::Optional,
        ty: Ty::Nested("array of {ResourceType, Tags}"),
        role: Role::Other,
        codes: &[],
    },
    Field {
        name: "ImageFamily",
        label: ("Image family", "镜像族"),
        presence: Presence::Optional,
        ty: Ty::Str(Str::ANY),
        role: Role::Other,
        codes: &[],
    },
];

pub const TAG_SPEC_FIELDS: &[Field] = &[
    Field {
        name: "ResourceType",
        label: ("Resource type", "资源类型"),
        presence: Presence::Required,
        // The SDK's `TagSpecification` (shared by the APIs that create resources) lists six types;
        // CreateImage binds the tags "to a custom image" (its page): another type is a warning.
        ty: Ty::Enum {
            values: RESOURCE_TYPES,
            canonical: &["image"],
            narrower: Some((&["image"], &CREATE_IMAGE_TAGS)),
        },
        role: Role::Other,
        codes: &[],
    },
    Field {
        name: "Tags",
        label: ("Tags", "标签"),
        presence: Presence::Required,
        ty: Ty::Nested("array of {Key, Value}"),
        role: Role::Other,
        codes: &[],
    },
];

const TAG_KEY_READINGS: &[Reading] =
    &[Reading::of(&TAG_LIMITS).max(127).charset(Charset::TencentTag).edge(Edge::NoSpace)];
const TAG_VALUE_READINGS: &[Reading] = &[
    Reading::of(&TAG_LIMITS).min(1).charset(Charset::TencentTag).edge(Edge::NoSpace),
    Reading::of(&CKAFKA_TAGS).max(127),
];

pub const TAG_FIELDS: &[Field] = &[
    // The Tag page says keys up to 127 characters, CKafka's tag overview up to 255: 255 is the
    // error, 127 a warning. No charset error: the pages' "letters" differ; the Tag page's set warns.
    Field {
        name: "Key",
        label: ("Tag key", "标签键"),
        presence: Presence::Required,
        ty: Ty::Str(Str::chars(1, 255).readings(TAG_KEY_READINGS)),
        role: Role::Other,
        codes: &[],
    },
    Field {
        name: "Value",
        label: ("Tag value", "标签值"),
        presence: Presence::Required,
        ty: Ty::Str(Str { max: Some(255), ..Str::ANY }.readings(TAG_VALUE_READINGS)),
        role: Role::Other,
        codes: &[],
    },
];

pub const UNKNOWN: ProviderCode = codes::TC_UNKNOWN_PARAMETER;

/// The two fields that may come flattened (`DataDiskIds.0`, `DataDiskIds.1`, ...).
pub const LIST_FIELDS: [&str; 2] = ["DataDiskIds", "SnapshotIds"];

/// A flattened `Name.N` key: (field name, N).
pub fn flat_key(k: &str) -> Option<(&'static str, usize)> {
    let (name, n) = crate::text::split_byte(k, b'.')?;
    let name = LIST_FIELDS.iter().find(|f| **f == name)?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || (n.len() > 1 && n.starts_with('0')) || n.len() > 9 {
        return None;
    }
    // At most 9 digits: no overflow (and no generic integer parser in the wasm).
    Some((name, n.bytes().fold(0, |v, d| v * 10 + usize::from(d - b'0'))))
}

/// The items of a list field in either form, as (index, value), sorted by index.
pub fn list_items<'v, 'a>(obj: &'v [(Cow<'a, str>, Value<'a>)], name: &str) -> Vec<(usize, &'v Value<'a>)> {
    // (Loops that push, not `filter_map` + `collect`: no iterator adapter instances in the wasm.)
    let mut items: Vec<(usize, &Value)> = Vec::new();
    for (k, v) in obj {
        if let Some((n, i)) = flat_key(k) {
            if n == name {
                items.push((i, v));
            }
        }
    }
    items.sort_unstable_by_key(|(i, _)| *i); // (indexes are distinct: one key per index, no leading zeros)
    items
}

fn field(name: &str) -> &'static Field {
    FIELDS.iter().find(|f| f.name == name).expect("field in table")
}

pub fn check(c: &mut Checker, req: &Value<'_>) {
    let root = Path::Root;
    let Some(obj) = super::root_object(c, req) else {
        return;
    };
    c.check_fields(&root, obj, FIELDS, &mut check_tag_spec);
    // The flattened form of the list fields.
    for name in LIST_FIELDS {
        let items = list_items(obj, name);
        if items.is_empty() {
            continue;
        }
        let f = field(name);
        let fp = root.key(name);
        if req.get(name).is_some_and(|v| !c.blank(v)) {
            // Both forms (an empty array is none with `empty_as_absent`): `/X/N` is the array's item, so each flattened key is reported at its own
            // key `/X.N`, checked as an item (as `check_field` checks it), the first with the conflict.
            let keys: Vec<String> =
                items.iter().map(|(i, _)| crate::text::cat(&[name, ".", &crate::messages::num(*i as i64)])).collect();
            for (k, (_, v)) in keys.iter().zip(&items) {
                let kp = root.key(k);
                if k == &keys[0] {
                    c.push(
                        &kp,
                        Kind::Conflict { with: if name == "DataDiskIds" { "/DataDiskIds" } else { "/SnapshotIds" } },
                        Severity::Error,
                        None,
                    );
                }
                if let Ty::StrArray { item, .. } = f.ty {
                    c.check_str(&kp, f, &item, v);
                }
            }
            continue;
        }
        if let Some(pos) = items.iter().enumerate().position(|(pos, (i, _))| pos != *i) {
            c.error(&fp.index(items[pos].0), Kind::BadFormat { format: "contiguous index" }, f);
        }
        if let Ty::StrArray { item, unique, .. } = f.ty {
            c.check_str_items(&fp, f, &item, unique, &mut items.into_iter());
        }
    }
    // An empty list is given only as the page reads literally ([`EMPTY_LIST_GIVEN`]): what it
    // would break is a warning, and it names no snapshot.
    let (instance, snapshots, disks) =
        (given(c, req, "InstanceId"), given(c, req, "SnapshotIds"), given(c, req, "DataDiskIds"));
    let only_empty =
        |name: &str| req.get(name).and_then(Value::as_array).is_some_and(|a| a.is_empty()) && !numbered(req, name);
    const ONE_OF: &[&str] = &["/InstanceId", "/SnapshotIds"];
    if !instance && (!snapshots || only_empty("SnapshotIds")) {
        c.cross(&root, Kind::MissingOneOf { fields: ONE_OF }, Some(codes::TC_SPECIFY_ONE), ONE_OF);
    }
    if instance && snapshots {
        let (at, kind) = (root.key("SnapshotIds"), Kind::Conflict { with: "/InstanceId" });
        if only_empty("SnapshotIds") {
            c.cross_warning(&at, kind, Some(codes::TC_CONFLICT), ONE_OF, &EMPTY_LIST_GIVEN);
        } else {
            c.cross(&at, kind, Some(codes::TC_CONFLICT), ONE_OF);
        }
    }
    if disks && !instance {
        const BOTH: &[&str] = &["/InstanceId", "/DataDiskIds"];
        let (at, kind) = (root.key("DataDiskIds"), Kind::Requires { field: "/InstanceId" });
        if only_empty("DataDiskIds") {
            c.cross_warning(&at, kind, Some(codes::TC_INVALID_DEPENDENCE), BOTH, &EMPTY_LIST_GIVEN);
        } else {
            c.cross(&at, kind, Some(codes::TC_INVALID_DEPENDENCE), BOTH);
        }
    }
    for (k, v) in obj {
        if FIELDS.iter().any(|f| f.name == k) || flat_key(k).is_some() {
            continue;
        }
        let kp = root.key(k);
        c.push(&kp, Kind::UnknownField { field: k.to_string() }, Severity::Error, Some(UNKNOWN));
        c.scan_hidden(&kp, v);
    }
}

/// Is field `name` given in the request `req`: present (an empty form value is not, with
/// `empty_as_absent`; a key given twice is read at its last occurrence, as its rules read it), or
/// one of its numbered keys is?
fn given(c: &Checker, req: &Value<'_>, name: &str) -> bool {
    req.get(name).is_some_and(|v| !c.blank(v)) || numbered(req, name)
}

/// Does the request `req` hold one of field `name`'s numbered keys (`DataDiskIds.0`)?
fn numbered(req: &Value<'_>, name: &str) -> bool {
    req.as_object().is_some_and(|o| o.iter().any(|(k, _)| flat_key(k).is_some_and(|(n, _)| n == name)))
}

/// Tencent Cloud's Tag "Use Limits": "Each resource can have 50 tags at most." The tag sets of type
/// `image` bind their tags to the image CreateImage makes.
pub const MAX_TAGS: usize = 50;
// (The count's message writes the limit as text: "at most 50".)
const _: () = assert!(MAX_TAGS == 50);

/// The nested field of the table (only `TagSpecification`, field `f`) at `p`: each tag set, and
/// the number of the image's tags (at most [`MAX_TAGS`]; no code is documented for it).
pub(crate) fn check_tag_spec(c: &mut Checker, p: &Path<'_>, f: &Field, v: &Value<'_>) {
    let Some(specs) = v.as_array() else {
        c.wrong_type(p, v, "array", f);
        return;
    };
    let mut keys = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        check_one_tag_spec(c, &p.index(i), f, spec);
        image_tag_keys(spec, &mut keys);
    }
    count_image_tags(c, p, "/TagSpecification", distinct(keys));
}

/// The keys of the tags a tag set binds to the image: those of a set of type `image` (another
/// type's set binds its tags to another resource, whose count this request does not show), each
/// with a string `Key` (a tag without one is an error of its own).
fn image_tag_keys<'v>(spec: &'v Value<'_>, keys: &mut Vec<&'v str>) {
    if spec.get("ResourceType").and_then(Value::as_str) == Some("image") {
        let tags = spec.get("Tags").and_then(Value::as_array).unwrap_or(&[]);
        for t in tags {
            if let Some(k) = t.get("Key").and_then(Value::as_str) {
                keys.push(k);
            }
        }
    }
}

/// The number of tags `keys` bind to one resource: a key bound twice is one tag, its later value
/// overwriting the first (Tag "Use Limits": "For each resource, each tag key can have only 1
/// value. If you bind a new tag value to the same tag key of the same resource, the original tag
/// value will be overwritten."). (Sorted as the context's lists are: one sort in the wasm.)
fn distinct(keys: Vec<&str>) -> usize {
    let sorted = super::ctx::sorted(&keys, None);
    sorted.iter().enumerate().filter(|(i, (k, _))| *i == 0 || sorted[i - 1].0 != *k).count()
}

/// `too_many` at `p` (the field labelled at `labelled`) where the tags bound to the image, `n`,
/// are more than [`MAX_TAGS`].
fn count_image_tags(c: &mut Checker, p: &Path<'_>, labelled: &str, n: usize) {
    if n > MAX_TAGS {
        // The count is of tags, not of the sets that hold them: the generic `too_many` wording
        // ("Tag sets have 60 items") would count a caller's label of the sets.
        let count = crate::messages::num(n as i64);
        push_worded(
            c,
            p,
            labelled,
            Kind::TooMany { max: MAX_TAGS as u64, actual: n as u64 },
            None,
            |pick, plural| {
                crate::text::cat(&[
                    pick(if plural { " include " } else { " includes " }, "包含 "),
                    &count,
                    pick(" tags for the image; at most 50 are allowed.", " 个镜像标签；最多允许 50 个。"),
                ])
            },
            ("At most 50 tags for the image", "镜像最多 50 个标签"),
        );
    }
}

/// Pushes an error at `at` whose message is the label of the field at `labelled` followed by words
/// of its own: `long(pick, plural)` (`pick(en, zh)` chooses the request's language; `plural`: the
/// label takes a plural verb in English) and the short message `short` (en, zh). For counts the
/// generic templates would misname: a count of tags at their sets, of system-disk snapshots at a
/// list of snapshots.
fn push_worded(
    c: &mut Checker,
    at: &Path<'_>,
    labelled: &str,
    kind: Kind,
    code: Option<ProviderCode>,
    long: impl FnOnce(&dyn Fn(&'static str, &'static str) -> &'static str, bool) -> String,
    short: (&'static str, &'static str),
) {
    let zh = c.lang == crate::Lang::Zh;
    let pick = |en, zh_text| if zh { zh_text } else { en };
    let name = crate::labels::name(c.provider, labelled, None, c.lang, c.label_index());
    let long = long(&pick, name.plural);
    let mut message = name.text;
    if zh {
        crate::labels::push_spaced(&mut message, &long);
    } else {
        message.push_str(&long);
    }
    let issue = c.push(at, kind, Severity::Error, code);
    issue.message = message;
    issue.short_message = pick(short.0, short.1).to_owned();
}

/// One tag set (an item of `TagSpecification`, field `f`) at `sp`.
pub(crate) fn check_one_tag_spec(c: &mut Checker, sp: &Path<'_>, f: &Field, spec: &Value<'_>) {
    c.check_object_value(sp, f, spec, TAG_SPEC_FIELDS, TAG_UNKNOWN, &mut check_tags);
}

/// What `check_field` runs on one tag set at `sp` (`pointer`): the set as `check` checks it, and
/// the image's tags it alone binds, more than [`MAX_TAGS`] of which fail the request whatever the
/// other sets hold (`check` counts them over all the sets, at `/TagSpecification`).
pub(crate) fn check_tag_spec_field(c: &mut Checker, sp: &Path<'_>, pointer: &str, spec: &Value<'_>) {
    check_one_tag_spec(c, sp, field("TagSpecification"), spec);
    let mut keys = Vec::new();
    image_tag_keys(spec, &mut keys);
    count_image_tags(c, sp, pointer, distinct(keys));
}

/// A tag set's `Tags` (field `tf`) at `tp`: each tag, and repeated keys (empty ones too).
pub(crate) fn check_tags(c: &mut Checker, tp: &Path<'_>, tf: &Field, tags: &Value<'_>) {
    c.check_tag_list(tp, tf, tags, TAG_FIELDS, TAG_UNKNOWN, false);
}

/// One tag (an item of `Tags`, field `tf`) at `jp`: what `check_field` runs there.
pub(crate) fn check_one_tag(c: &mut Checker, jp: &Path<'_>, tf: &Field, tag: &Value<'_>) {
    c.check_object_value(jp, tf, tag, TAG_FIELDS, TAG_UNKNOWN, &mut |_, _, _, _| {});
}

/// Unknown keys in a tag set or a tag: errors, as the request's own.
const TAG_UNKNOWN: (Severity, Option<ProviderCode>) = (Severity::Error, Some(UNKNOWN));

/// Instance states (DescribeInstances' `InstanceState`) that CreateImage refuses, with the code the
/// page or the SDK's CreateImage error list gives for each.
const STATE_CODES: &[(&str, ProviderCode)] = &[
    ("REBOOTING", codes::TC_STATE_REBOOTING),
    ("STOPPING", codes::TC_STATE_STOPPING),
    ("TERMINATING", codes::TC_STATE_TERMINATING),
    ("STARTING", codes::TC_STATE_STARTING),
    ("ENTER_RESCUE_MODE", codes::TC_STATE_ENTER_RESCUE),
    ("RESCUE_MODE", codes::TC_STATE_RESCUE),
    ("EXIT_RESCUE_MODE", codes::TC_STATE_EXIT_RESCUE),
    ("ENTER_SERVICE_LIVE_MIGRATE", codes::TC_STATE_ENTER_MIGRATE),
    ("SERVICE_LIVE_MIGRATE", codes::TC_STATE_MIGRATE),
];

/// The string items of a list field, as (index, value): the array form, else the flattened keys
/// (also beside an empty array that `empty_as_absent` reads as absent, as the list's rules read it).
fn string_items<'v>(c: &Checker, req: &'v Value<'_>, name: &str) -> Vec<(usize, &'v str)> {
    let mut out = Vec::new();
    let mut add = |i: usize, v: &'v Value<'_>| {
        if let Some(s) = v.as_str() {
            out.push((i, s));
        }
    };
    match req.get(name) {
        Some(v @ Value::Array(a)) if !c.blank(v) => {
            for (i, v) in a.iter().enumerate() {
                add(i, v);
            }
        }
        _ => {
            for (i, v) in list_items(req.as_object().unwrap_or(&[]), name) {
                add(i, v);
            }
        }
    }
    out
}

/// Pre-flight rules from the console's context (the page's error codes).
///
/// Ids and names are compared as `normalize` leaves them (`crate::normalize::fixed`): the provider
/// receives the normalized value, so `"web "` is the existing image `"web"` for `check` as it is
/// for `normalize`. Every list is sorted once and searched (n log n in the request's and the
/// context's lists, never one against the other item by item).
pub fn context(c: &mut Checker, req: &Value<'_>, ctx: &Value<'_>) {
    use super::ctx;
    use crate::normalize::fixed;
    let root = Path::Root;
    let instance_id = req.get("InstanceId").and_then(Value::as_str);
    // An image made from snapshots names no instance (SnapshotIds "cannot be passed together with
    // InstanceId"): the facts of the instance a console had selected are not about it. (Their
    // wrong types are still reported.)
    let of_instance = given(c, req, "InstanceId") || !given(c, req, "SnapshotIds");
    if ctx::boolean(c, ctx, "instanceExists").filter(|_| of_instance) == Some(false) {
        c.push(
            &super::at_field(req, &root, "InstanceId"),
            Kind::NotFound { what: "instance", value: instance_id.unwrap_or("").to_owned() },
            Severity::Error,
            Some(codes::TC_INSTANCE_NOT_FOUND),
        );
    }
    // The instance's state and operations: at the instance's id where the request has one.
    let at_instance = super::at_field(req, &root, "InstanceId");
    if let Some(state) = ctx::string(c, ctx, "instanceState").filter(|_| of_instance) {
        let up = state.to_ascii_uppercase();
        if let Some((_, code)) = STATE_CODES.iter().find(|(s, _)| *s == up) {
            c.push(
                &at_instance,
                Kind::BadState { what: "instance", state: up, allowed: &["RUNNING", "STOPPED"] },
                Severity::Error,
                Some(*code),
            );
        }
    }
    // OperationDenied.InstanceOperationInProgress: the instance's latest operation is still running.
    if let Some(op) = ctx::string(c, ctx, "instanceLatestOperationState").filter(|_| of_instance) {
        if op.eq_ignore_ascii_case("OPERATING") {
            c.push(
                &at_instance,
                Kind::BadState {
                    what: "instance's latest operation",
                    state: "OPERATING".into(),
                    allowed: &["SUCCESS", "FAILED"],
                },
                Severity::Error,
                Some(codes::TC_OPERATION_IN_PROGRESS),
            );
        }
    }
    let disk = field("DataDiskIds");
    fn sorted<'s>(f: &Field, l: Vec<&'s str>) -> Vec<(Cow<'s, str>, usize)> {
        ctx::sorted(&l, Some(f))
    }
    let system = ctx::string(c, ctx, "instanceSystemDiskId").map(|s| fixed(disk, s));
    let data = ctx::string_list(c, ctx, "instanceDataDiskIds").map(|l| sorted(disk, l));
    let local = ctx::string_list(c, ctx, "localDiskIds").map(|l| sorted(disk, l));
    // InvalidParameter.SwapDiskNotSupport: a swap disk among the data disks.
    let swap = ctx::string_list(c, ctx, "swapDiskIds").map(|l| sorted(disk, l));
    if of_instance && (system.is_some() || data.is_some() || local.is_some() || swap.is_some()) {
        let dp = root.key("DataDiskIds");
        for (i, id) in string_items(c, req, "DataDiskIds") {
            let key = fixed(disk, id);
            let ip = dp.index(i);
            let found = if system.as_deref() == Some(&*key) {
                Some((Kind::NotSupported { what: "disk", value: id.to_owned() }, codes::TC_ROOT_DISK))
            } else if local.as_ref().is_some_and(|l| ctx::contains(l, &key)) {
                Some((Kind::NotSupported { what: "disk", value: id.to_owned() }, codes::TC_LOCAL_DISK))
            } else if data.as_ref().is_some_and(|d| !ctx::contains(d, &key)) {
                Some((Kind::NotFound { what: "disk", value: id.to_owned() }, codes::TC_DISK_NOT_OF_INSTANCE))
            } else {
                None
            };
            if let Some((kind, code)) = found {
                c.push(&ip, kind, Severity::Error, Some(code));
            }
            if swap.as_ref().is_some_and(|l| ctx::contains(l, &key)) {
                c.push(
                    &ip,
                    Kind::NotSupported { what: "disk", value: id.to_owned() },
                    Severity::Error,
                    Some(codes::TC_SWAP_DISK),
                );
            }
        }
    }
    if let Some(usage) = ctx.get("snapshotDiskUsage") {
        let snaps = string_items(c, req, "SnapshotIds");
        match usage.as_object() {
            None => ctx::bad(c, "snapshotDiskUsage", usage, "object"),
            Some(_) if snaps.is_empty() => {}
            Some(entries) => {
                let snap = field("SnapshotIds");
                // (normalized id, position of the entry), sorted by id; a repeated id keeps its last usage.
                let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_ref()).collect();
                let table = ctx::sorted(&keys, Some(snap));
                let lookup = |id: &str| {
                    let end = table.partition_point(|(k, _)| k.as_ref() <= id);
                    table[..end].last().filter(|(k, _)| k == id).map(|(_, i)| entries[*i].1.as_str())
                };
                let sp = root.key("SnapshotIds");
                // Distinct system-disk snapshots (a repeated id is one snapshot: `duplicate` says so).
                // (Ids with their sorted lists' element type: one sort in the wasm.)
                let mut system_ids: Vec<(Cow<str>, usize)> = Vec::new();
                for (i, id) in &snaps {
                    let key = fixed(snap, id);
                    match lookup(&key) {
                        None | Some(None) => {
                            c.push(
                                &sp.index(*i),
                                Kind::NotFound { what: "snapshot", value: id.to_string() },
                                Severity::Error,
                                Some(codes::TC_SNAPSHOT_NOT_FOUND),
                            );
                        }
                        Some(Some(u)) if u.eq_ignore_ascii_case("SYSTEM_DISK") => system_ids.push((key, 0)),
                        Some(Some(_)) => {}
                    }
                }
                system_ids.sort_unstable();
                system_ids.dedup();
                let systems = system_ids.len();
                // Both say what they are about (a count of system-disk snapshots, not of the list):
                // the label of /SnapshotIds, then their own words.
                if systems == 0 {
                    push_worded(
                        c,
                        &sp,
                        "/SnapshotIds",
                        Kind::Required,
                        Some(codes::TC_NO_SYSTEM_SNAPSHOT),
                        |pick, _| {
                            pick(" must include a snapshot of a system disk.", "必须包含一个系统盘快照。").to_owned()
                        },
                        ("Must include a snapshot of a system disk", "必须包含一个系统盘快照"),
                    );
                } else if systems > 1 {
                    let n = crate::messages::num(systems as i64);
                    push_worded(
                        c,
                        &sp,
                        "/SnapshotIds",
                        Kind::TooMany { max: 1, actual: systems as u64 },
                        Some(codes::TC_TWO_SYSTEM_SNAPSHOTS),
                        |pick, plural| {
                            crate::text::cat(&[
                                pick(if plural { " include " } else { " includes " }, "包含 "),
                                &n,
                                pick(
                                    " snapshots of system disks; at most 1 is allowed.",
                                    " 个系统盘快照；最多允许 1 个。",
                                ),
                            ])
                        },
                        ("At most 1 snapshot of a system disk", "最多 1 个系统盘快照"),
                    );
                }
            }
        }
    }
    if let Some(names) = ctx::string_list(c, ctx, "existingImageNames") {
        if let Some(name) = req.get("ImageName").and_then(Value::as_str) {
            let f = field("ImageName");
            let key = fixed(f, name);
            let names = sorted(f, names);
            if ctx::contains(&names, &key) {
                c.push(
                    &root.key("ImageName"),
                    Kind::AlreadyExists { value: key.into_owned() },
                    Severity::Error,
                    Some(codes::TC_NAME_TAKEN),
                );
            }
        }
    }
    if ctx::integer(c, ctx, "imageQuotaRemaining").is_some_and(|n| n <= 0) {
        c.push(&root, Kind::NoQuotaLeft, Severity::Error, Some(codes::TC_IMAGE_QUOTA));
    }
    if let Some(keys) = ctx::string_list(c, ctx, "existingTagKeys") {
        // Tags are never normalized: compared as given.
        let keys = ctx::sorted(&keys, None);
        if let Some(specs) = req.get("TagSpecification").and_then(Value::as_array) {
            let tp = root.key("TagSpecification");
            for (i, spec) in specs.iter().enumerate() {
                let Some(tags) = spec.get("Tags").and_then(Value::as_array) else {
                    continue;
                };
                let ip = tp.index(i);
                let gp = ip.key("Tags");
                for (j, tag) in tags.iter().enumerate() {
                    if let Some(k) = tag.get("Key").and_then(Value::as_str) {
                        if !ctx::contains(&keys, k) {
                            let jp = gp.index(j);
                            c.push(
                                &jp.key("Key"),
                                Kind::NotFound { what: "tag key", value: k.to_owned() },
                                Severity::Error,
                                Some(codes::TC_TAG_KEY_NOT_FOUND),
                            );
                        }
                    }
                }
            }
        }
    }
    ctx::unknown(c, ctx, super::TENCENT_CONTEXT);
}
