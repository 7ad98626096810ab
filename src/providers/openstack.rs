//! OpenStack compute `createImage` server action, `POST /v2/{project_id}/servers/{server_id}/action`.
//! Two profiles: `openstack` follows the seed page (a Nova-based cloud's documentation), `nova`
//! follows upstream Nova's current JSON schema. They differ on the name (number allowed, printable
//! BMP rule), metadata keys and values, and extra keys in the body.

use crate::json::{Other, Value};
use crate::report::{Code, Kind, Path, Severity};
use crate::rules::{Checker, Field, Format, Role, Str, Ty};
use crate::text::{Charset, Unit};

const C400: &[(Option<Code>, &str)] = &[(None, "400")];

pub const FIELDS: &[Field] = &[
    Field {
        name: "project_id",
        label: ("Project ID", "项目 ID"),
        required: true,
        ty: Ty::Str(Str::NON_EMPTY.format(Format::Hex32)),
        role: Role::Id,
        codes: C400,
    },
    Field {
        name: "server_id",
        label: ("Server ID", "云服务器 ID"),
        required: true,
        ty: Ty::Str(Str::NON_EMPTY.format(Format::Uuid)),
        role: Role::Id,
        codes: &[(None, "404")],
    },
    Field {
        name: "token",
        label: ("Auth token (X-Auth-Token)", "认证令牌（X-Auth-Token）"),
        required: true,
        // It is sent as a header value: CR/LF or non-ASCII would break (or inject into) the request.
        ty: Ty::Str(Str::NON_EMPTY.charset(Charset::VisibleAscii)),
        role: Role::Other,
        codes: &[(None, "401")],
    },
    Field {
        name: "body",
        label: ("Request body", "请求体"),
        required: true,
        ty: Ty::Nested("object"),
        role: Role::Other,
        codes: C400,
    },
];

pub const BODY_FIELDS: &[Field] = &[Field {
    name: "createImage",
    label: ("createImage", "createImage"),
    required: true,
    ty: Ty::Nested("object"),
    role: Role::Other,
    codes: C400,
}];

/// `name` per the seed page: a string of 1 to 255 characters, or a number of 1 to 255 digits.
pub const NAME_SEED: Field = Field {
    name: "name",
    label: ("Image name", "镜像名称"),
    required: true,
    ty: Ty::Str(Str::chars(1, 255)),
    role: Role::Name,
    codes: C400,
};
/// `name` per upstream Nova: printable BMP characters, no whitespace at either end.
pub const NAME_NOVA: Field =
    Field { ty: Ty::Str(Str::chars(1, 255).charset(Charset::NovaPrintable).edges()), ..NAME_SEED };

const METADATA: Field = Field {
    name: "metadata",
    label: ("Metadata", "元数据"),
    required: false,
    ty: Ty::Nested("object"),
    role: Role::Other,
    codes: C400,
};
pub const CREATE_IMAGE_SEED: &[Field] = &[Field { ty: Ty::Nested("string or number"), ..NAME_SEED }, METADATA];
pub const CREATE_IMAGE_NOVA: &[Field] = &[NAME_NOVA, METADATA];

pub const META_KEY_SEED: Field = Field {
    name: "metadata key",
    label: ("Metadata key", "元数据键"),
    required: true,
    ty: Ty::Str(Str::chars(1, 255)),
    role: Role::Other,
    codes: C400,
};
pub const META_VALUE_SEED: Field = Field {
    name: "metadata value",
    label: ("Metadata value", "元数据值"),
    required: true,
    ty: Ty::Str(Str { max: Some(65_535), unit: Unit::Bytes, ..Str::ANY }),
    role: Role::Other,
    codes: C400,
};
pub const META_KEY_NOVA: Field = Field {
    name: "metadata key",
    label: ("Metadata key", "元数据键"),
    required: true,
    ty: Ty::Str(Str::chars(1, 255).charset(Charset::NovaMetaKey)),
    role: Role::Other,
    codes: C400,
};
pub const META_VALUE_NOVA: Field = Field {
    name: "metadata value",
    label: ("Metadata value", "元数据值"),
    required: true,
    ty: Ty::Str(Str::chars(0, 255)),
    role: Role::Other,
    codes: C400,
};

/// Which reading of the API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    Seed,
    Nova,
}

impl Profile {
    pub fn create_image_fields(self) -> &'static [Field] {
        match self {
            Profile::Seed => CREATE_IMAGE_SEED,
            Profile::Nova => CREATE_IMAGE_NOVA,
        }
    }
    fn unknown_severity(self) -> (Severity, Option<&'static str>) {
        match self {
            Profile::Seed => (Severity::Warning, None),
            Profile::Nova => (Severity::Error, Some("400")),
        }
    }
    pub fn meta(self) -> (&'static Field, &'static Field) {
        match self {
            Profile::Seed => (&META_KEY_SEED, &META_VALUE_SEED),
            Profile::Nova => (&META_KEY_NOVA, &META_VALUE_NOVA),
        }
    }
}

pub fn check(c: &mut Checker, req: &Value<'_>, profile: Profile) {
    let root = Path::Root;
    let Some(obj) = super::root_object(c, req) else {
        return;
    };
    c.check_fields(&root, obj, FIELDS, |c, p, f, body| check_body(c, p, f, body, profile));
    c.unknown_keys(&root, obj, FIELDS, &[], Severity::Warning, None);
}

pub(crate) fn check_body(c: &mut Checker, p: &Path<'_>, f: &Field, body: &Value<'_>, profile: Profile) {
    let Some(obj) = body.as_object() else {
        c.wrong_type(p, body, "object", f);
        return;
    };
    let (sev, pc) = profile.unknown_severity();
    c.check_fields(p, obj, BODY_FIELDS, |c, cp, cf, ci| check_create_image(c, cp, cf, ci, profile));
    c.unknown_keys(p, obj, BODY_FIELDS, &[], sev, pc);
}

pub(crate) fn check_create_image(c: &mut Checker, p: &Path<'_>, f: &Field, ci: &Value<'_>, profile: Profile) {
    let Some(obj) = ci.as_object() else {
        c.wrong_type(p, ci, "object", f);
        return;
    };
    let fields = profile.create_image_fields();
    c.check_fields(p, obj, fields, |c, np, nf, v| check_nested(c, np, nf, v, profile));
    let (sev, pc) = profile.unknown_severity();
    c.unknown_keys(p, obj, fields, &[], sev, pc);
}

/// The nested fields of `createImage`: the seed's string-or-number name, and metadata.
pub(crate) fn check_nested(c: &mut Checker, p: &Path<'_>, f: &Field, v: &Value<'_>, profile: Profile) {
    match f.name {
        "name" => check_seed_name(c, p, v),
        _ => check_metadata(c, p, f, v, profile),
    }
}

/// The seed page's name: a string of 1 to 255 characters, or a number of 1 to 255 digits.
fn check_seed_name(c: &mut Checker, p: &Path<'_>, v: &Value<'_>) {
    match v {
        Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => {
            if n.len() > 255 {
                c.error(p, Kind::TooLong { max: 255, actual: n.len(), unit: Unit::Chars }, &NAME_SEED);
            }
        }
        Value::String(_) => check_name_text(c, p, v),
        // A string holding an unpaired surrogate is still a string: its bad_char is reported.
        Value::Other(o) if matches!(**o, crate::json::Other::LoneSurrogate { .. }) => check_name_text(c, p, v),
        _ => c.wrong_type(p, v, "string or number", &NAME_SEED),
    }
}

fn check_name_text(c: &mut Checker, p: &Path<'_>, v: &Value<'_>) {
    if let Ty::Str(rule) = NAME_SEED.ty {
        c.check_str(p, &NAME_SEED, &rule, v);
    }
}

fn check_metadata(c: &mut Checker, p: &Path<'_>, f: &Field, v: &Value<'_>, profile: Profile) {
    let Some(items) = v.as_object() else {
        c.wrong_type(p, v, "object", f);
        return;
    };
    for (k, val) in items {
        check_meta_entry(c, &p.key(k), k, val, profile);
    }
}

/// One metadata item: its key's rules, then its value's (marked as the value).
pub(crate) fn check_meta_entry(c: &mut Checker, ip: &Path<'_>, k: &str, val: &Value<'_>, profile: Profile) {
    let (kf, vf) = profile.meta();
    let (Ty::Str(krule), Ty::Str(vrule)) = (kf.ty, vf.ty) else {
        return;
    };
    // A key with an unpaired surrogate reaches us with U+FFFD in its place and the truth beside it.
    let (val, lone) = match val {
        Value::Other(o) => match &**o {
            Other::BadKey { value, code_point, index, .. } => (value, Some((*code_point, *index))),
            _ => (val, None),
        },
        _ => (val, None),
    };
    let before = c.issues.len();
    c.check_text(ip, kf, &krule, k);
    if let Some((code_point, index)) = lone {
        if let Some(pos) = c.issues[before..].iter().position(|i| i.code() == Code::BadChar) {
            c.issues.remove(before + pos);
        }
        c.error(ip, Kind::BadChar { ch: None, code_point, index }, kf);
    }
    if profile == Profile::Seed && !k.is_empty() && k.chars().all(char::is_whitespace) {
        c.error(ip, Kind::Empty, kf);
    }
    let before = c.issues.len();
    c.check_str(ip, vf, &vrule, val);
    c.mark_part(before, "value");
}

pub const VM_STATES: &[&str] = &["ACTIVE", "STOPPED", "PAUSED", "SUSPENDED"];

/// Pre-flight rules from the console's context (the page's response codes).
pub fn context(c: &mut Checker, req: &Value<'_>, ctx: &Value<'_>, profile: Profile) {
    use super::ctx;
    let root = Path::Root;
    if let Some(state) = ctx::string(c, ctx, "vmState") {
        let up = state.to_ascii_uppercase();
        if !VM_STATES.contains(&up.as_str()) {
            c.push(
                &root,
                Kind::BadState { what: "server", state: up, allowed: VM_STATES },
                Severity::Error,
                Some("409"),
            );
        }
    }
    match ctx.get("taskState") {
        None | Some(Value::Null) => {}
        Some(Value::String(t)) => {
            c.push(
                &root,
                Kind::BadState { what: "server task", state: t.to_string(), allowed: &["none"] },
                Severity::Error,
                Some("409"),
            );
        }
        Some(other) => ctx::bad(c, "taskState", other, "string or null"),
    }
    if let Some(tp) = ctx::string(c, ctx, "tokenProjectId") {
        if let Some(pid) = req.get("project_id").and_then(Value::as_str) {
            // Compared as normalize leaves it (the provider receives the normalized id).
            let f = &FIELDS[0];
            if !crate::normalize::fixed(f, tp).eq_ignore_ascii_case(&crate::normalize::fixed(f, pid)) {
                c.push(
                    &root.key("project_id"),
                    Kind::Mismatch { what: "token's project", expected: tp.to_owned(), actual: pid.to_owned() },
                    Severity::Error,
                    Some("400"),
                );
            }
        }
    }
    let microversion = ctx::string(c, ctx, "microversion").map(str::to_owned);
    if let Some(quota) = ctx::integer(c, ctx, "metadataQuota") {
        let applies = match profile {
            Profile::Seed => true,
            // Nova stopped checking the metadata quota on createImage in microversion 2.39.
            Profile::Nova => microversion.as_deref().map(|m| version_lt(m, (2, 39))).unwrap_or(true),
        };
        let count = req
            .get("body")
            .and_then(|b| b.get("createImage"))
            .and_then(|ci| ci.get("metadata"))
            .and_then(Value::as_object)
            .map(|m| m.len() as i64);
        // A negative quota is unlimited (Nova's quota convention: -1).
        if let (true, Some(n), true) = (applies, count, quota >= 0) {
            if n > quota {
                let mut path = root.pointer();
                path.push_str("/body/createImage/metadata");
                c.push_at(
                    path,
                    Kind::TooMany { max: quota as u64, actual: n as u64 },
                    Severity::Error,
                    Some("403".into()),
                );
            }
        }
    }
    if ctx::boolean(c, ctx, "snapshotsEnabled") == Some(false) {
        c.push(
            &root,
            Kind::NotSupported { what: "configuration", value: "snapshots disabled".into() },
            Severity::Error,
            Some("400"),
        );
    }
    let known = match profile {
        Profile::Seed => super::OPENSTACK_CONTEXT,
        Profile::Nova => super::NOVA_CONTEXT,
    };
    ctx::unknown(c, ctx, known);
}

/// Compare a microversion string like `"2.1"` with (major, minor). An unreadable one counts as the oldest.
fn version_lt(v: &str, (maj, min): (u32, u32)) -> bool {
    let mut it = v.trim().split('.');
    let a = it.next().and_then(|x| x.parse::<u32>().ok());
    let b = it.next().and_then(|x| x.parse::<u32>().ok());
    match (a, b) {
        (Some(a), Some(b)) => (a, b) < (maj, min),
        _ => true,
    }
}
