//! Huawei Cloud IMS: create a data disk image from an external image file
//! (`POST /v1/cloudimages/dataimages/action`), with the "Image Attributes" and
//! "Image Tag Data Formats" limits the page refers to.

use crate::json::Value;
use crate::report::{Code, Kind, Path, Severity};
use crate::rules::{Checker, Field, Format, Role, Str, Ty};
use crate::text::Charset;

const NAME_CODES: &[(Option<Code>, &str)] = &[
    (Some(Code::Empty), "IMG.0002"),
    (Some(Code::TooLong), "IMG.0002"),
    (Some(Code::BadChar), "IMG.0003"),
    (Some(Code::BadFormat), "IMG.0003"),
];
const DESC_CODES: &[(Option<Code>, &str)] = &[(Some(Code::TooLong), "IMG.0004"), (Some(Code::BadChar), "IMG.0054")];
const TAG_CODES: &[(Option<Code>, &str)] = &[(Some(Code::Duplicate), "IMG.0115")];

pub const FIELDS: &[Field] = &[
    Field {
        name: "name",
        label: ("Image name", "镜像名称"),
        required: true,
        ty: Ty::Str(Str::chars(1, 128).charset(Charset::HanAlnumDashDotUnderscoreSpace).edges()),
        role: Role::Name,
        codes: NAME_CODES,
    },
    Field {
        name: "description",
        label: ("Description", "描述"),
        required: false,
        ty: Ty::Str(Str { max: Some(1024), ..Str::ANY }.charset(Charset::NoLineBreakNoAngle)),
        role: Role::Description,
        codes: DESC_CODES,
    },
    Field {
        name: "os_type",
        label: ("OS type", "操作系统类型"),
        required: false,
        ty: Ty::Enum { values: &["Windows", "Linux"], canonical: &["Windows", "Linux"] },
        role: Role::Other,
        codes: &[(None, "IMG.0122")],
    },
    Field {
        name: "image_url",
        label: ("Image file (bucket:object)", "镜像文件（桶名:对象名）"),
        required: true,
        ty: Ty::Str(Str::NON_EMPTY.format(Format::BucketObject)),
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "min_disk",
        label: ("Minimum disk (GB)", "最小磁盘（GB）"),
        required: true,
        ty: Ty::Int { min: 40, max: 2048 },
        role: Role::Other,
        codes: &[(Some(Code::OutOfRange), "IMG.0055")],
    },
    Field {
        name: "cmk_id",
        label: ("Encryption key ID (KMS)", "加密密钥 ID（KMS）"),
        required: false,
        ty: Ty::Str(Str::NON_EMPTY),
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "enterprise_project_id",
        label: ("Enterprise project ID", "企业项目 ID"),
        required: false,
        ty: Ty::Str(Str::NON_EMPTY.format(Format::ZeroOrUuid)),
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "tags",
        label: ("Tags (key.value)", "标签（键.值）"),
        required: false,
        ty: Ty::Nested("array of \"key.value\" strings"),
        role: Role::Other,
        codes: TAG_CODES,
    },
    Field {
        name: "image_tags",
        label: ("Image tags", "镜像标签"),
        required: false,
        ty: Ty::Nested("array of {key, value}"),
        role: Role::Other,
        codes: TAG_CODES,
    },
];

pub const TAG_KEY: Field = Field {
    name: "key",
    label: ("Tag key", "标签键"),
    required: true,
    ty: Ty::Str(Str::chars(1, 36).charset(Charset::TagKey)),
    role: Role::Other,
    codes: TAG_CODES,
};
pub const TAG_VALUE: Field = Field {
    name: "value",
    label: ("Tag value", "标签值"),
    required: false,
    ty: Ty::Str(Str::chars(0, 43).charset(Charset::TagValue)),
    role: Role::Other,
    codes: TAG_CODES,
};
pub const IMAGE_TAG_FIELDS: &[Field] = &[TAG_KEY, TAG_VALUE];

pub fn check(c: &mut Checker, req: &Value<'_>) {
    let root = Path::Root;
    let Some(obj) = super::root_object(c, req) else {
        return;
    };
    c.check_fields(&root, obj, FIELDS, check_nested);
    let has = |k: &str| obj.iter().any(|(x, _)| x == k);
    if has("tags") && has("image_tags") {
        c.push(&root.key("image_tags"), Kind::Conflict { with: "/tags" }, Severity::Error, None);
    }
    c.unknown_keys(&root, obj, FIELDS, &[], Severity::Warning, None);
}

/// The nested fields: `tags` and `image_tags`.
pub(crate) fn check_nested(c: &mut Checker, p: &Path<'_>, f: &Field, v: &Value<'_>) {
    match f.name {
        "tags" => check_tags(c, p, f, v),
        _ => check_image_tags(c, p, f, v),
    }
}

fn tag_rules() -> (Str, Str) {
    match (TAG_KEY.ty, TAG_VALUE.ty) {
        (Ty::Str(k), Ty::Str(v)) => (k, v),
        _ => unreachable!("tag fields are strings"),
    }
}

/// `tags`: strings `key.value`, split at the first `.`; issues of both parts at `/tags/i`.
fn check_tags(c: &mut Checker, p: &Path<'_>, f: &Field, v: &Value<'_>) {
    let Some(items) = v.as_array() else {
        c.wrong_type(p, v, "array", f);
        return;
    };
    let mut keys: Vec<(usize, &str)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(key) = check_tag_string(c, &p.index(i), f, item) {
            keys.push((i, key));
        }
    }
    dups(c, &keys, |j| p.index(j).pointer());
}

/// One `key.value` tag string; returns its key.
pub(crate) fn check_tag_string<'v>(c: &mut Checker, ip: &Path<'_>, f: &Field, item: &'v Value<'_>) -> Option<&'v str> {
    let (krule, vrule) = tag_rules();
    let s = c.check_str(ip, f, &Str::ANY, item)?;
    let (key, value) = s.split_once('.').unwrap_or((s, ""));
    for (part, field, rule, text) in [("key", &TAG_KEY, &krule, key), ("value", &TAG_VALUE, &vrule, value)] {
        let before = c.issues.len();
        c.check_text(ip, field, rule, text);
        c.mark_part(before, part);
    }
    Some(key)
}

/// `image_tags`: objects `{key, value}`.
fn check_image_tags(c: &mut Checker, p: &Path<'_>, f: &Field, v: &Value<'_>) {
    let Some(items) = v.as_array() else {
        c.wrong_type(p, v, "array", f);
        return;
    };
    let mut keys: Vec<(usize, &str)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let ip = p.index(i);
        let Some(obj) = item.as_object() else {
            c.wrong_type(&ip, item, "object", f);
            continue;
        };
        c.check_fields(&ip, obj, IMAGE_TAG_FIELDS, |_, _, _, _| {});
        c.unknown_keys(&ip, obj, IMAGE_TAG_FIELDS, &[], Severity::Warning, None);
        if let Some(key) = item.get("key").and_then(Value::as_str) {
            keys.push((i, key));
        }
    }
    dups(c, &keys, |j| p.index(j).key("key").pointer());
}

/// Report repeated tag keys (empty keys are reported as empty already), at `at(index)`.
fn dups(c: &mut Checker, keys: &[(usize, &str)], at: impl Fn(usize) -> String) {
    let keys: Vec<(usize, &str)> = keys.iter().copied().filter(|(_, k)| !k.is_empty()).collect();
    for (i, key, first) in crate::rules::repeats(&keys) {
        let kind = Kind::Duplicate { value: key.to_owned(), first: at(first) };
        let pc = TAG_KEY.provider_code(kind.code());
        c.push_at(at(i), kind, Severity::Error, pc.map(std::borrow::Cow::Borrowed));
    }
}

/// Pre-flight: the bucket's storage class must be Standard.
pub fn context(c: &mut Checker, req: &Value<'_>, ctx: &Value<'_>) {
    use super::ctx;
    if let Some(class) = ctx::string(c, ctx, "bucketStorageClass") {
        if !class.eq_ignore_ascii_case("STANDARD") {
            c.push(
                &super::at_field(req, &Path::Root, "image_url"),
                Kind::BadState { what: "bucket storage class", state: class.to_owned(), allowed: &["STANDARD"] },
                Severity::Error,
                None,
            );
        }
    }
    ctx::unknown(c, ctx, super::HUAWEI_CONTEXT);
}
