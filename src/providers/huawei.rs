//! Huawei Cloud IMS: create a data disk image from an external image file
//! (`POST /v1/cloudimages/dataimages/action`), with the "Image Attributes" and
//! "Image Tag Data Formats" limits the page refers to.

use super::codes::{self, ProviderCode};
use crate::json::Value;
use crate::report::{Code, Kind, Path, Severity};
use crate::rules::{Checker, Field, Format, Presence, Reading, Role, Source, Str, Ty};
use crate::text::{Charset, Edge};

/// IMS "Error Codes": IMG.0002 "The image name contains more than 128 characters.", IMG.0003
/// "The image name format is invalid.", IMG.0013 "The image name is not specified." (镜像名称为空).
const NAME_CODES: &[(Option<Code>, ProviderCode)] = &[
    (Some(Code::Empty), codes::IMG_0013),
    (Some(Code::Required), codes::IMG_0013),
    (Some(Code::TooLong), codes::IMG_0002),
    (Some(Code::BadChar), codes::IMG_0003),
    (Some(Code::BadFormat), codes::IMG_0003),
];
const DESC_CODES: &[(Option<Code>, ProviderCode)] =
    &[(Some(Code::TooLong), codes::IMG_0004), (Some(Code::BadChar), codes::IMG_0054)];
/// IMG.0115 "The image tag is invalid.": every issue of a tag (not the number of tags, for which
/// no code is documented).
const TAG_CODES: &[(Option<Code>, ProviderCode)] = &[
    (Some(Code::Required), codes::IMG_0115),
    (Some(Code::WrongType), codes::IMG_0115),
    (Some(Code::Empty), codes::IMG_0115),
    (Some(Code::TooLong), codes::IMG_0115),
    (Some(Code::BadChar), codes::IMG_0115),
    (Some(Code::BadFormat), codes::IMG_0115),
    (Some(Code::Duplicate), codes::IMG_0115),
];

/// IMS "Image Attributes" (international site, every region's API reference): the name holds
/// upper- and lower-case letters, digits, `-`, `.`, `_` and spaces; no Chinese characters.
pub static IMAGE_ATTRIBUTES: Source = Source::new(
    "huawei-ims-image-attributes",
    (
        "Huawei Cloud's IMS \"Image Attributes\" page (no Chinese characters)",
        "华为云 IMS“镜像属性”英文文档（不含中文字符）",
    ),
    "https://support.huaweicloud.com/intl/en-us/api-ims/ims_03_0901.html",
);
/// IMS "Image Tag Format" for the EU site (2025) and Kuala Lumpur (2024): keys up to 36
/// characters of ASCII letters, digits, `_` and `-`; values up to 43, also `.`.
pub static TAG_FORMAT_ASCII: Source = Source::new(
    "huawei-ims-tag-format-ascii",
    (
        "Huawei Cloud's IMS \"Image Tag Format\" page for the EU and Kuala Lumpur (ASCII, key 36, value 43)",
        "华为云 IMS“镜像标签数据格式”欧洲站和吉隆坡区域文档（仅 ASCII，键 36、值 43 个字符）",
    ),
    "https://support.huaweicloud.com/eu/api-ims/ims_03_0902.html",
);

/// IMS "Image Tag Data Formats" (Chinese site, the page the CreateImage pages link): a key of 1-128
/// characters. The CreateImage page's Table 1 and the SDKs' `ImageTag` model make `key` optional,
/// so a tag without one is a warning naming this page.
pub static TAG_FORMAT: Source = Source::new(
    "huawei-ims-tag-format",
    (
        "Huawei Cloud's IMS \"Image Tag Data Formats\" page (a key of 1 to 128 characters)",
        "华为云 IMS“镜像标签数据格式”文档（键长度为 1 到 128 个字符）",
    ),
    "https://support.huaweicloud.com/api-ims/ims_03_0902.html",
);

/// AddImageTag and BatchAddOrDeleteTags (2026-01): "单个镜像最多添加10个标签" (at most 10 tags per
/// image); the "Image Tag Data Formats" page (the one the CreateImage pages link) says 20.
pub static TAG_APIS: Source = Source::new(
    "huawei-ims-tag-apis-10",
    (
        "Huawei Cloud's IMS AddImageTag and BatchAddOrDeleteTags pages (at most 10 tags per image)",
        "华为云 IMS 添加镜像标签和批量添加删除镜像标签文档（单个镜像最多 10 个标签）",
    ),
    "https://support.huaweicloud.com/api-ims/ims_03_0618.html",
);
/// The CreateDataImage pages' "Carriage returns and angle brackets (< >) are not allowed" ("不支持
/// 回车、<、>"; the SDKs' models): the Chinese "回车" (the Enter key) read as any line break, LF too
/// (and VT, FF, NEL, U+2028 and U+2029: Unicode's mandatory breaks, UAX #14).
/// The international page's words refuse the carriage return only (a line feed is "another official
/// source accepts it"), so a line feed is a warning naming this reading.
pub static DESCRIPTION_LINE_BREAKS: Source = Source::new(
    "huawei-ims-description-line-breaks",
    ("Huawei Cloud's IMS pages (\"回车\": any line break)", "华为云 IMS 文档（“回车”：任何换行）"),
    "https://support.huaweicloud.com/api-ims/ims_03_0606.html",
);
/// The international CreateDataImage page (2024-06-25): "Huawei Cloud has stopped providing Windows
/// images. This API will no longer be used to create Windows data disk images using external
/// files." The seed page, the SDK's model, Terraform and the region pages still list `Windows`, so
/// `Windows` is a warning naming this page.
pub static NO_WINDOWS: Source = Source::new(
    "huawei-ims-no-windows-data-images",
    (
        "Huawei Cloud's international CreateDataImage page (no Windows data disk images)",
        "华为云国际站 CreateDataImage 文档（不再创建 Windows 数据盘镜像）",
    ),
    "https://support.huaweicloud.com/intl/en-us/api-ims/ims_03_0606.html",
);
const DESCRIPTION_READINGS: &[Reading] = &[Reading::of(&DESCRIPTION_LINE_BREAKS).charset(Charset::NoLineBreakNoAngle)];

/// At most this many tags per image: the "Image Tag Data Formats" page ("每个镜像最多可以添加20个标签",
/// https://support.huaweicloud.com/api-ims/ims_03_0902.html). No error code is documented for it.
const MAX_TAGS: usize = 20;
/// The tag APIs' stricter limit ([`TAG_APIS`]): a warning.
const MAX_TAGS_TAG_APIS: usize = 10;
/// The two counts, for `describe`: (the limit, (the stricter reading's, its source)).
#[cfg(feature = "describe")]
pub const TAG_COUNT: (usize, (usize, &Source)) = (MAX_TAGS, (MAX_TAGS_TAG_APIS, &TAG_APIS));

const NAME_READINGS: &[Reading] = &[Reading::of(&IMAGE_ATTRIBUTES).charset(Charset::AlnumDashDotUnderscoreSpace)];
const TAG_KEY_READINGS: &[Reading] = &[Reading::of(&TAG_FORMAT_ASCII).max(36).charset(Charset::TagKey)];
const TAG_VALUE_READINGS: &[Reading] = &[Reading::of(&TAG_FORMAT_ASCII).max(43).charset(Charset::TagValue)];

pub const FIELDS: &[Field] = &[
    Field {
        name: "name",
        label: ("Image name", "镜像名称"),
        presence: Presence::Required,
        // Huawei's Terraform provider documents Chinese characters in names; the IMS pages do not.
        ty: Ty::Str(
            Str::chars(1, 128)
                .charset(Charset::HanAlnumDashDotUnderscoreSpace)
                .edge(Edge::NoSpace)
                .readings(NAME_READINGS),
        ),
        role: Role::Name,
        codes: NAME_CODES,
    },
    Field {
        name: "description",
        label: ("Description", "描述"),
        presence: Presence::Optional,
        ty: Ty::Str(Str { max: Some(1024), ..Str::ANY }.charset(Charset::NoCrNoAngle).readings(DESCRIPTION_READINGS)),
        role: Role::Description,
        codes: DESC_CODES,
    },
    Field {
        name: "os_type",
        label: ("OS type", "操作系统类型"),
        presence: Presence::Optional,
        ty: Ty::Enum {
            values: &["Windows", "Linux"],
            canonical: &["Windows", "Linux"],
            narrower: Some((&["Linux"], &NO_WINDOWS)),
        },
        role: Role::Other,
        codes: &[(None, codes::IMG_0122)],
    },
    Field {
        name: "image_url",
        label: ("Image file (bucket:object)", "镜像文件（桶名:对象名）"),
        presence: Presence::Required,
        ty: Ty::Str(Str::NON_EMPTY.format(Format::BucketObject)),
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "min_disk",
        label: ("Minimum disk (GB)", "最小磁盘（GB）"),
        presence: Presence::Required,
        ty: Ty::Int { min: 40, max: 2048 },
        role: Role::Other,
        codes: &[(Some(Code::OutOfRange), codes::IMG_0055)],
    },
    Field {
        name: "cmk_id",
        label: ("Encryption key ID (KMS)", "加密密钥 ID（KMS）"),
        presence: Presence::Optional,
        ty: Ty::Str(Str::NON_EMPTY),
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "enterprise_project_id",
        label: ("Enterprise project ID", "企业项目 ID"),
        presence: Presence::Optional,
        // "If the value is 0 or left blank, the image belongs to the default enterprise project"
        // (the current CreateDataImage page): `""` is the default project too.
        ty: Ty::Str(Str::ANY.format(Format::ZeroOrUuid)),
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "tags",
        label: ("Tags (key.value)", "标签（键.值）"),
        presence: Presence::Optional,
        ty: Ty::Nested("array of \"key.value\" strings"),
        role: Role::Other,
        codes: TAG_CODES,
    },
    Field {
        name: "image_tags",
        label: ("Image tags", "镜像标签"),
        presence: Presence::Optional,
        ty: Ty::Nested("array of {key, value}"),
        role: Role::Other,
        codes: TAG_CODES,
    },
];

// The tag pages disagree (docs/rules.md, "Where sources disagree"): the Chinese page allows keys
// of 1-128 and values of 0-255 characters; the undated en-us page (and ME-Abu Dhabi's in 2022) refuses only `= * < > \ , | /`;
// no page allows a space at either end. The EU and Kuala Lumpur pages' ASCII-only 36/43 warns.
// `key` is optional in `image_tags` (the CreateImage page, Table 1: "Mandatory: No"; the SDKs'
// `ImageTag` model); the tag format page wants one: a tag without one is a warning naming it.
/// A tag key's string rule (a `tags` string's part before the dot is checked by it too).
const TAG_KEY_RULE: Str =
    Str::chars(1, 128).charset(Charset::HuaweiTagKey).edge(Edge::NoSpace).readings(TAG_KEY_READINGS);
/// A tag value's string rule (and that of a `tags` string's part after the dot).
const TAG_VALUE_RULE: Str =
    Str::chars(0, 255).charset(Charset::HuaweiTagValue).edge(Edge::NoSpace).readings(TAG_VALUE_READINGS);
pub const TAG_KEY: Field = Field {
    name: "key",
    label: ("Tag key", "标签键"),
    presence: Presence::Wanted(&TAG_FORMAT),
    ty: Ty::Str(TAG_KEY_RULE),
    role: Role::Other,
    codes: TAG_CODES,
};
pub const TAG_VALUE: Field = Field {
    name: "value",
    label: ("Tag value", "标签值"),
    presence: Presence::Optional,
    ty: Ty::Str(TAG_VALUE_RULE),
    role: Role::Other,
    codes: TAG_CODES,
};
pub const IMAGE_TAG_FIELDS: &[Field] = &[TAG_KEY, TAG_VALUE];
/// The two parts of a `tags` string `key.value`, as `describe` gives them: the key is never left
/// out there (it is what comes before the dot), so no source's wish for one applies.
#[cfg(feature = "describe")]
pub const TAG_PARTS: &[Field] = &[Field { presence: Presence::Optional, ..TAG_KEY }, TAG_VALUE];

pub fn check(c: &mut Checker, req: &Value<'_>) {
    let root = Path::Root;
    let Some(obj) = super::root_object(c, req) else {
        return;
    };
    c.check_fields(&root, obj, FIELDS, &mut check_nested);
    // "Use either tags or image_tags": an empty list is none (Huawei Cloud's SDKs, `omitempty`,
    // leave it out), so only two lists each holding a tag conflict (`""` and `null` are not lists:
    // their `wrong_type` is reported; a key given twice is read at its last occurrence).
    let tagged = |k: &str| req.get(k).is_some_and(|v| !crate::rules::is_blank(v));
    if tagged("tags") && tagged("image_tags") {
        c.cross(&root.key("image_tags"), Kind::Conflict { with: "/tags" }, None, &["/tags", "/image_tags"]);
    }
    c.unknown_keys(&root, obj, FIELDS, Severity::Warning, None);
}

/// The nested fields, `tags` and `image_tags`: arrays of tags; then the number of tags, an error
/// above [`MAX_TAGS`], a warning above [`MAX_TAGS_TAG_APIS`].
pub(crate) fn check_nested(c: &mut Checker, p: &Path<'_>, f: &Field, v: &Value<'_>) {
    let Some(items) = v.as_array() else {
        c.wrong_type(p, v, "array", f);
        return;
    };
    match f.name {
        "tags" => check_tags(c, p, f, items),
        // `image_tags`: objects `{key, value}`, and repeated keys.
        _ => c.check_tag_list(p, f, v, IMAGE_TAG_FIELDS, (Severity::Warning, None), true),
    }
    let n = items.len();
    let kind = |max: usize| Kind::TooMany { max: max as u64, actual: n as u64 };
    if n > MAX_TAGS {
        c.push(p, kind(MAX_TAGS), Severity::Error, None);
    } else if n > MAX_TAGS_TAG_APIS {
        c.source_warning(p, kind(MAX_TAGS_TAG_APIS), None, &TAG_APIS);
    }
}

/// `tags` (its `items`): strings `key.value`, split at the first `.`; issues of both parts at
/// `/tags/i`; then each repeated key (an empty one is reported as empty already) at the later
/// tag's key part.
fn check_tags(c: &mut Checker, p: &Path<'_>, f: &Field, items: &[Value<'_>]) {
    for (i, item) in items.iter().enumerate() {
        check_tag_string(c, &p.index(i), f, item);
    }
    // A tag's key: the part before the first dot of a string (one holding an unpaired surrogate is
    // not compared: two surrogates would read as one key); an empty one is reported as empty.
    let key_of = |i: usize| {
        let s = items.get(i)?.as_str();
        s.map(|s| crate::text::split_byte(s, b'.').map_or(s, |(k, _)| k))
            .filter(|k| !k.is_empty())
            .map(std::borrow::Cow::Borrowed)
    };
    crate::rules::each_repeat(items.len(), &key_of, &mut |i, key, first| {
        let kind = Kind::Duplicate { value: key.to_owned(), first: p.index(first).pointer() };
        // The key part of the `key.value` string (as `image_tags` reports it at `/key`).
        c.in_part("key", |c| {
            c.error(&p.index(i), kind, &TAG_KEY);
        });
    });
}

/// One `key.value` tag string.
/// A string holding an unpaired surrogate is checked on its text with U+FFFD in its place (each
/// part's first surrogate is that part's `bad_char`, at its index in the part, unless an earlier
/// character is), and its key is not returned (two surrogates would read as one key).
pub(crate) fn check_tag_string(c: &mut Checker, ip: &Path<'_>, f: &Field, item: &Value<'_>) {
    let lossy = crate::rules::lossy_text(item);
    let (s, raw, lone) = match (item, &lossy) {
        (Value::String(s), _) => (s.as_ref(), None, None),
        (_, Some((text, raw, lone))) => (text.as_str(), Some(*raw), Some(*lone)),
        _ => {
            c.wrong_type(ip, item, "string", f);
            return;
        }
    };
    let (key, value) = crate::text::split_byte(s, b'.').unwrap_or((s, ""));
    // The string's first surrogate is the key's when it comes before the dot; the value's first
    // is the first after the dot (indexes in chars: a surrogate is one, as in the lossy text).
    let key_chars = crate::text::count_chars(key);
    let in_key = lone.filter(|&(_, i)| i < key_chars);
    let in_value = raw
        .and_then(|raw| crate::json::first_lone_surrogate(raw, key_chars + 1))
        .map(|(cp, i)| (cp, i - key_chars - 1));
    c.in_part("key", |c| c.check_text_with(ip, &TAG_KEY, &TAG_KEY_RULE, key, in_key));
    c.in_part("value", |c| c.check_text_with(ip, &TAG_VALUE, &TAG_VALUE_RULE, value, in_value));
}

/// One image tag `{key, value}` (an item of `image_tags`, field `f`) at `ip`: what `check_field`
/// runs there.
pub(crate) fn check_image_tag(c: &mut Checker, ip: &Path<'_>, f: &Field, item: &Value<'_>) {
    c.check_object_value(ip, f, item, IMAGE_TAG_FIELDS, (Severity::Warning, None), &mut |_, _, _, _| {});
}

/// Pre-flight: the bucket's storage class must be Standard; the image file must exist
/// (IMG.0057); the bucket must be in the request's region (IMG.0058).
pub fn context(c: &mut Checker, req: &Value<'_>, ctx: &Value<'_>) {
    use super::ctx;
    let url = req.get("image_url").and_then(Value::as_str).unwrap_or("");
    if ctx::boolean(c, ctx, "imageFileExists") == Some(false) {
        c.push(
            &super::at_field(req, &Path::Root, "image_url"),
            Kind::NotFound { what: "image file", value: url.to_owned() },
            Severity::Error,
            Some(codes::IMG_0057),
        );
    }
    let bucket_region = ctx::string(c, ctx, "bucketRegion").map(str::to_owned);
    if let (Some(b), Some(r)) = (bucket_region, ctx::string(c, ctx, "region")) {
        if b != r {
            c.push(
                &super::at_field(req, &Path::Root, "image_url"),
                Kind::Mismatch { what: "region", expected: r.to_owned(), actual: b },
                Severity::Error,
                Some(codes::IMG_0058),
            );
        }
    }
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
