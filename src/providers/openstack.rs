//! OpenStack compute `createImage` server action. Two profiles, each with the rules of the
//! endpoint its `to_http` sends to:
//! - `openstack` follows the seed page (a Nova-based cloud's documentation of
//!   `POST /v2/{project_id}/servers/{server_id}/action`). Upstream Nova serves `/v2` through its
//!   legacy-v2 wrapper, which still applies the v2.1 body schema to the name and metadata (extra
//!   keys in `createImage` are stripped, microversion headers dropped): where that is stricter than
//!   the seed page it warns, naming upstream Nova. A key beside `createImage` in the body is refused
//!   on every endpoint (400).
//! - `nova` follows upstream Nova's v2.1 endpoint,
//!   `POST /v2.1/{project_id}/servers/{server_id}/action`, and its microversions.

use super::built;
use super::codes::{self, ProviderCode};
use crate::json::{Other, Value};
use crate::report::{Code, Kind, Path, Severity};
use crate::rules::{Checker, Field, FinalLf, Format, Presence, Reading, Role, Source, Str, Ty};
use crate::text::{Charset, Edge, Unit};
use crate::Provider;

const C400: &[(Option<Code>, ProviderCode)] = &[(None, codes::OS_400)];

/// Upstream Nova's `/v2` endpoint (legacy-v2 wrapper): the v2.1 `createImage` schema (name:
/// printable BMP characters, no whitespace at either end; metadata keys `^[a-zA-Z0-9-_:. ]{1,255}$`,
/// values strings up to 255 characters) and the router's project ids (`[0-9a-f-]+`).
pub static UPSTREAM_V2: Source = Source::new(
    "nova-legacy-v2",
    (
        "upstream Nova's /v2 endpoint (the v2.1 schema behind its legacy-v2 wrapper)",
        "上游 Nova 的 /v2 端点（旧版 v2 兼容层后的 v2.1 校验）",
    ),
    "https://github.com/openstack/nova/blob/master/nova/api/openstack/compute/schemas/servers.py",
);
/// The seed page's "metadata key cannnot be blank in body", read as "not only whitespace".
pub static SEED_BLANK_KEY: Source = Source::new(
    "openstack-seed-blank-key",
    (
        "the seed page's \"metadata key cannot be blank\" (read as not only whitespace)",
        "种子文档“metadata key 不能为空白”（按不能全为空白理解）",
    ),
    "seed:openstack-nova-createimage.txt",
);
/// The seed page's `project_id` format, "UUID(3)" (its examples: 32 hexadecimal digits).
pub static SEED_UUID: Source = Source::new(
    "openstack-seed-project-uuid",
    (
        "the seed page's \"UUID(3)\" project id (32 hexadecimal digits, with or without a UUID's dashes)",
        "种子文档的 UUID(3) 项目 ID（32 位十六进制字符，可带 UUID 连字符）",
    ),
    "seed:openstack-nova-createimage.txt",
);
/// Nova's API reference for createImage: "The maximum size for each metadata key and value pair
/// is 255 bytes" (the schema counts 255 characters).
pub static NOVA_API_REF: Source = Source::new(
    "nova-api-ref-image-metadata",
    (
        "Nova's API reference (each metadata key and value at most 255 bytes)",
        "Nova API 参考（每个元数据键和值最多 255 字节）",
    ),
    "https://docs.openstack.org/api-ref/compute/#create-image-createimage-action",
);

/// `project_id`: hexadecimal digits and `-` (the characters of a UUID, either case; every other
/// character finds no route upstream: 404). The seed page's "UUID(3)" (32 hexadecimal digits,
/// with or without a UUID's dashes) and upstream's router (`{project_id:[0-9a-f-]+}`: lower case,
/// any length) each accept values the other refuses: each reading is a warning.
const PROJECT_ID_SEED: Field = Field {
    name: "project_id",
    label: ("Project ID", "项目 ID"),
    presence: Presence::Required,
    ty: Ty::Str(Str::NON_EMPTY.charset(Charset::HexDash).readings(PROJECT_ID_READINGS)),
    role: Role::Id,
    codes: &[(Some(Code::BadChar), codes::OS_404), (None, codes::OS_400)],
};
/// `project_id` per upstream Nova's router (`{project_id:[0-9a-f-]+}`): any other character
/// finds no route (404).
const PROJECT_ID_NOVA: Field = Field { ty: Ty::Str(Str::NON_EMPTY.charset(Charset::LowerHexDash)), ..PROJECT_ID_SEED };
const SERVER_ID: Field = Field {
    name: "server_id",
    label: ("Server ID", "云服务器 ID"),
    presence: Presence::Required,
    ty: Ty::Str(Str::NON_EMPTY.format(Format::Uuid)),
    role: Role::Id,
    codes: &[(None, codes::OS_404)],
};
const TOKEN: Field = Field {
    name: "token",
    label: ("Auth token (X-Auth-Token)", "认证令牌（X-Auth-Token）"),
    presence: Presence::Required,
    // It is sent as a header value: CR/LF or non-ASCII would break (or inject into) the request.
    ty: Ty::Str(Str::NON_EMPTY.charset(Charset::VisibleAscii)),
    role: Role::Other,
    codes: &[(None, codes::OS_401)],
};
const BODY: Field = Field {
    name: "body",
    label: ("Request body", "请求体"),
    presence: Presence::Required,
    ty: Ty::Nested("object"),
    role: Role::Other,
    codes: C400,
};

/// The request's top level for `openstack` (the seed page).
pub const FIELDS: &[Field] = &[PROJECT_ID_SEED, SERVER_ID, TOKEN, BODY];
/// The request's top level for `nova`.
pub const FIELDS_NOVA: &[Field] = &[PROJECT_ID_NOVA, SERVER_ID, TOKEN, BODY];

pub const BODY_FIELDS: &[Field] = &[Field {
    name: "createImage",
    label: ("createImage", "createImage"),
    presence: Presence::Required,
    ty: Ty::Nested("object"),
    role: Role::Other,
    codes: C400,
}];

/// Upstream's v2.1 name rule, as a reading of `openstack`'s name. Upstream matches its patterns
/// with Python's `re.search("^…$")`, whose `$` lets one final line feed through (`FinalLf`).
const NAME_READINGS: &[Reading] =
    &[Reading::of(&UPSTREAM_V2).charset(Charset::NovaPrintable).edge(Edge::NoWhiteSpace).final_lf(FinalLf::Pattern)];
const PROJECT_ID_READINGS: &[Reading] =
    &[Reading::of(&SEED_UUID).format(Format::Hex32OrUuid), Reading::of(&UPSTREAM_V2).charset(Charset::LowerHexDash)];
const META_KEY_READINGS: &[Reading] =
    &[Reading::of(&UPSTREAM_V2).charset(Charset::NovaMetaKey).final_lf(FinalLf::PatternAndLength)];
const META_VALUE_READINGS: &[Reading] = &[Reading::of(&UPSTREAM_V2).max(255)];
const META_VALUE_NOVA_READINGS: &[Reading] = &[Reading::of(&NOVA_API_REF).max(255).bytes()];

/// `name` per the seed page: a string of 1 to 255 characters, or a number of 1 to 255 digits.
pub const NAME_SEED: Field = Field {
    name: "name",
    label: ("Image name", "镜像名称"),
    presence: Presence::Required,
    ty: Ty::Str(Str::chars(1, 255).readings(NAME_READINGS)),
    role: Role::Name,
    codes: C400,
};
/// `name` per upstream Nova: 1-255 characters (`maxLength`, counting a final line feed); printable
/// BMP characters, no whitespace at either end (`valid_name_regex`, matched by `re.search`: one
/// final line feed passes, and Nova's `normalize_name` strips it).
pub const NAME_NOVA: Field = Field {
    ty: Ty::Str(Str::chars(1, 255).charset(Charset::NovaPrintable).edge(Edge::NoWhiteSpace).final_lf(FinalLf::Pattern)),
    ..NAME_SEED
};

const METADATA: Field = Field {
    name: "metadata",
    label: ("Metadata", "元数据"),
    presence: Presence::Optional,
    ty: Ty::Nested("object"),
    role: Role::Other,
    codes: C400,
};
pub const CREATE_IMAGE_SEED: &[Field] = &[Field { ty: Ty::Nested("string or number"), ..NAME_SEED }, METADATA];
pub const CREATE_IMAGE_NOVA: &[Field] = &[NAME_NOVA, METADATA];

/// Every field table of the seed reading, and of Nova (for `providers::TYPES`).
pub(crate) const TABLES_SEED: &[&[Field]] =
    &[FIELDS, BODY_FIELDS, CREATE_IMAGE_SEED, &[NAME_SEED, META_KEY_SEED, META_VALUE_SEED]];
pub(crate) const TABLES_NOVA: &[&[Field]] =
    &[FIELDS_NOVA, BODY_FIELDS, CREATE_IMAGE_NOVA, &[NAME_NOVA, META_KEY_NOVA, META_VALUE_NOVA]];

pub const META_KEY_SEED: Field = Field {
    name: "metadata key",
    label: ("Metadata key", "元数据键"),
    presence: Presence::Required,
    ty: Ty::Str(Str::chars(1, 255).readings(META_KEY_READINGS)),
    role: Role::Other,
    codes: C400,
};
pub const META_VALUE_SEED: Field = Field {
    name: "metadata value",
    label: ("Metadata value", "元数据值"),
    presence: Presence::Required,
    ty: Ty::Str(Str { max: Some(65_535), unit: Unit::Bytes, ..Str::ANY }.readings(META_VALUE_READINGS)),
    role: Role::Other,
    codes: C400,
};
pub const META_KEY_NOVA: Field = Field {
    name: "metadata key",
    label: ("Metadata key", "元数据键"),
    presence: Presence::Required,
    // `patternProperties` `^[a-zA-Z0-9-_:. ]{1,255}$`, matched by `re.search`: the length is in the
    // pattern, and one final line feed passes it.
    ty: Ty::Str(Str::chars(1, 255).charset(Charset::NovaMetaKey).final_lf(FinalLf::PatternAndLength)),
    role: Role::Other,
    codes: C400,
};
pub const META_VALUE_NOVA: Field = Field {
    name: "metadata value",
    label: ("Metadata value", "元数据值"),
    presence: Presence::Required,
    ty: Ty::Str(Str::chars(0, 255).readings(META_VALUE_NOVA_READINGS)),
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
    /// The profile `provider` is checked with: `Nova` for Nova. Where the build holds only one of
    /// the two providers, that one's profile whatever the provider (the other answers as not built
    /// before any rule runs), so the other profile's tables and rules are dead code there.
    pub(crate) fn of(provider: Provider) -> Profile {
        if !built(Provider::OpenStack) || (built(Provider::Nova) && provider == Provider::Nova) {
            Profile::Nova
        } else {
            Profile::Seed
        }
    }

    /// The request's top-level fields.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Profile::Seed => FIELDS,
            Profile::Nova => FIELDS_NOVA,
        }
    }
    pub fn create_image_fields(self) -> &'static [Field] {
        match self {
            Profile::Seed => CREATE_IMAGE_SEED,
            Profile::Nova => CREATE_IMAGE_NOVA,
        }
    }
    fn unknown_severity(self) -> (Severity, Option<ProviderCode>) {
        match self {
            Profile::Seed => (Severity::Warning, None),
            Profile::Nova => (Severity::Error, Some(codes::OS_400)),
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
    let fields = profile.fields();
    c.check_object(&root, obj, fields, (Severity::Warning, None), &mut check_nested);
}

/// Every `Nested` field of both profiles' tables, by name, at whatever depth: the request body,
/// `createImage`, the seed's string-or-number name, metadata. (One function that `check` and
/// `check_field` hand every level to; the profile is the checker's provider's.)
pub(crate) fn check_nested(c: &mut Checker, p: &Path<'_>, f: &Field, v: &Value<'_>) {
    let profile = Profile::of(c.provider);
    let (fields, unknown) = match f.name {
        // The request body: `createImage` and nothing else, in both profiles. Nova reads the action
        // from a body of exactly one key before any schema or the legacy-v2 wrapper sees it
        // (`action_peek` in nova/api/openstack/wsgi.py: "too many body keys", 400 "Malformed
        // request body").
        "body" => (BODY_FIELDS, (Severity::Error, Some(codes::OS_400))),
        "createImage" => (profile.create_image_fields(), profile.unknown_severity()),
        "name" => return check_seed_name(c, p, v),
        _ => return check_metadata(c, p, f, v),
    };
    c.check_object_value(p, f, v, fields, unknown, &mut check_nested);
}

/// The field of the tables at the path `segs` (unescaped segments): a top-level field,
/// `createImage` or one of its fields; `None` for any other path (a metadata entry too). What
/// `check_field` checks there and the labels name.
pub(crate) fn field_at(profile: Profile, segs: &[&str]) -> Option<&'static Field> {
    let (fields, name) = match segs {
        [name] => (profile.fields(), name),
        ["body", name] => (BODY_FIELDS, name),
        ["body", "createImage", name] => (profile.create_image_fields(), name),
        _ => return None,
    };
    Field::find(fields, name)
}

/// The seed page's name: a string of 1 to 255 characters, or a number of 1 to 255 digits
/// (upstream's /v2 takes only a string: a warning).
fn check_seed_name(c: &mut Checker, p: &Path<'_>, v: &Value<'_>) {
    match v {
        Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => {
            if n.len() > 255 {
                c.error(p, Kind::TooLong { max: 255, actual: n.len(), unit: Unit::Chars }, &NAME_SEED);
            }
            let kind = Kind::WrongType { expected: "string", actual: "number" };
            c.reading_warning(p, kind, &NAME_SEED, &UPSTREAM_V2);
        }
        // A string: the name's string rule (`NAME_SEED`'s type), as `check_value` applies it.
        Value::String(_) => c.check_value(p, &NAME_SEED, v),
        // A string holding an unpaired surrogate is still a string: its bad_char is reported.
        Value::Other(o) if matches!(**o, crate::json::Other::LoneSurrogate { .. }) => c.check_value(p, &NAME_SEED, v),
        _ => c.wrong_type(p, v, "string or number", &NAME_SEED),
    }
}

fn check_metadata(c: &mut Checker, p: &Path<'_>, f: &Field, v: &Value<'_>) {
    let Some(items) = v.as_object() else {
        c.wrong_type(p, v, "object", f);
        return;
    };
    for (k, val) in items {
        check_meta_entry(c, &p.key(k), k, val);
    }
}

/// One metadata item: its key's rules, then its value's (each marked with its part), by the checker's
/// provider's profile.
pub(crate) fn check_meta_entry(c: &mut Checker, ip: &Path<'_>, k: &str, val: &Value<'_>) {
    let profile = Profile::of(c.provider);
    let (kf, vf) = profile.meta();
    let Ty::Str(krule) = kf.ty else {
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
    // The key's issues and the value's are at the entry's pointer, each marked with its part
    // (`params.part`), so that a form showing only a short message under the entry can tell them
    // apart.
    c.in_part("key", |c| {
        // The surrogate is the key's bad_char unless an earlier character is.
        c.check_text_with(ip, kf, &krule, k, lone);
        // The seed's "cannot be blank": the code it documents refuses only "", upstream's pattern
        // allows spaces; a key of whitespace only is a warning. (Tested char by char: `trim_start`
        // brought str's pattern searcher into the wasm for this one test.)
        if profile == Profile::Seed && !k.is_empty() && k.chars().all(char::is_whitespace) {
            c.reading_warning(ip, Kind::Empty, kf, &SEED_BLANK_KEY);
        }
    });
    c.in_part("value", |c| {
        c.check_value(ip, vf, val);
    });
}

/// The server task state `createImage` needs: none, which Nova's API writes as `null`
/// (`OS-EXT-STS:task_state`); the `allowed` of its `bad_state`.
pub const NO_TASK: &[&str] = &["null"];
pub const VM_STATES: &[&str] = &["ACTIVE", "STOPPED", "PAUSED", "SUSPENDED"];

/// A Compute API microversion as Nova reads its headers: `X.Y` or `latest`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Microversion {
    Latest,
    V(u32, u32),
}

impl Microversion {
    /// Nova's form: `^([1-9]\d*)\.([1-9]\d*|0)$`, or `latest`; and one the v2.1 endpoint serves:
    /// 2.1 or later (`_MIN_API_VERSION = '2.1'` in nova/api/openstack/api_version_request.py; a
    /// version below it is answered 406, `InvalidGlobalAPIVersion`).
    pub fn parse(s: &str) -> Option<Microversion> {
        if s == "latest" {
            return Some(Microversion::Latest);
        }
        let (a, b) = crate::text::split_byte(s, b'.')?;
        // (At most 9 digits, so the value fits a `u32`: folded by hand, without core's integer
        // parser in the wasm.)
        let num = |x: &str| {
            let ok = !x.is_empty()
                && x.len() <= 9
                && x.bytes().all(|d| d.is_ascii_digit())
                && (x == "0" || !x.starts_with('0'));
            ok.then(|| x.bytes().fold(0, |v, d| v * 10 + u32::from(d - b'0')))
        };
        let (a, b) = (num(a)?, num(b)?);
        ((a, b) >= (2, 1)).then_some(Microversion::V(a, b))
    }

    /// Is this at least `(major, minor)`?
    pub fn at_least(self, (maj, min): (u32, u32)) -> bool {
        match self {
            Microversion::Latest => true,
            Microversion::V(a, b) => (a, b) >= (maj, min),
        }
    }

    /// The header value's version part.
    pub fn text(self) -> String {
        match self {
            Microversion::Latest => "latest".to_owned(),
            Microversion::V(a, b) => {
                crate::text::cat(&[&crate::messages::num(a.into()), ".", &crate::messages::num(b.into())])
            }
        }
    }
}

/// The microversion the context names for `nova`, if it is one Nova reads.
pub fn context_microversion(ctx: Option<&Value<'_>>) -> Option<Microversion> {
    ctx?.get("microversion")?.as_str().and_then(Microversion::parse)
}

/// The microversion headers of a `nova` request whose context names one: the current header and
/// the older one (Nova reads both; `OpenStack-API-Version` wins from 2.27).
pub fn microversion_headers(ctx: Option<&Value<'_>>) -> Vec<(&'static str, String)> {
    match context_microversion(ctx) {
        Some(m) => {
            vec![
                ("OpenStack-API-Version", crate::text::cat(&["compute ", &m.text()])),
                ("X-OpenStack-Nova-API-Version", m.text()),
            ]
        }
        None => Vec::new(),
    }
}

/// Pre-flight rules from the console's context (the page's response codes).
pub fn context(c: &mut Checker, req: &Value<'_>, ctx: &Value<'_>, profile: Profile) {
    use super::ctx;
    let root = Path::Root;
    // 404 "not found a specified instance": the server does not exist.
    if ctx::boolean(c, ctx, "serverExists") == Some(false) {
        let id = req.get("server_id").and_then(Value::as_str).unwrap_or("").to_owned();
        c.push(
            &super::at_field(req, &root, "server_id"),
            Kind::NotFound { what: "server", value: id },
            Severity::Error,
            Some(codes::OS_404),
        );
    }
    // 404 "not found a specified project".
    if ctx::boolean(c, ctx, "projectExists") == Some(false) {
        let id = req.get("project_id").and_then(Value::as_str).unwrap_or("").to_owned();
        c.push(
            &super::at_field(req, &root, "project_id"),
            Kind::NotFound { what: "project", value: id },
            Severity::Error,
            Some(codes::OS_404),
        );
    }
    // The server's states: at the server's id where the request has one.
    let at_server = super::at_field(req, &root, "server_id");
    if let Some(state) = ctx::string(c, ctx, "vmState") {
        let up = state.to_ascii_uppercase();
        if !VM_STATES.contains(&up.as_str()) {
            c.push(
                &at_server,
                Kind::BadState { what: "server", state: up, allowed: VM_STATES },
                Severity::Error,
                Some(codes::OS_409),
            );
        }
    }
    // A task in progress (Nova's `task_state`, null when there is none; `""` read as none too).
    if let Some(t) = ctx::string(c, ctx, "taskState").filter(|t| !t.is_empty()) {
        c.push(
            &at_server,
            Kind::BadState { what: "server task", state: t.to_string(), allowed: NO_TASK },
            Severity::Error,
            Some(codes::OS_409),
        );
    }
    if let Some(tp) = ctx::string(c, ctx, "tokenProjectId") {
        if let Some(pid) = req.get("project_id").and_then(Value::as_str) {
            // Compared as normalize leaves it (the provider receives the normalized id). The
            // profile's own field: an id's fixes do not depend on its charset (every zero-width
            // character removed, every full-width form folded, trimmed; the fix is never undone,
            // as a value either charset accepts has nothing to fix), so this is the text normalize
            // makes with the seed's field, and the nova build does not carry the seed's readings.
            let f = &profile.fields()[0];
            if !crate::normalize::fixed(f, tp).eq_ignore_ascii_case(&crate::normalize::fixed(f, pid)) {
                c.push(
                    &root.key("project_id"),
                    Kind::Mismatch { what: "token's project", expected: tp.to_owned(), actual: pid.to_owned() },
                    Severity::Error,
                    Some(codes::OS_400),
                );
            }
        }
    }
    // Read (and its type checked) for `nova` only: `openstack`'s `/v2` has none, and there the
    // field is one `unknown_field` warning (a type warning beside it said the opposite: a breaker).
    let microversion = match (profile, ctx.get("microversion")) {
        (Profile::Nova, Some(_)) => ctx::string(c, ctx, "microversion").and_then(|m| {
            let parsed = Microversion::parse(m);
            if parsed.is_none() {
                ctx::bad_format(c, "microversion", "microversion");
            }
            parsed
        }),
        _ => None,
    };
    if let Some(quota) = ctx::integer(c, ctx, "metadataQuota") {
        let applies = match profile {
            Profile::Seed => true,
            // Nova stopped checking the metadata quota on createImage in microversion 2.39.
            Profile::Nova => !microversion.is_some_and(|m| m.at_least((2, 39))),
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
                    Some(codes::OS_403),
                );
            }
        }
    }
    if ctx::boolean(c, ctx, "snapshotsEnabled") == Some(false) {
        c.push(
            &root,
            Kind::NotSupported { what: "configuration", value: "snapshots disabled".into() },
            Severity::Error,
            Some(codes::OS_400),
        );
    }
    let known = match profile {
        Profile::Seed => super::OPENSTACK_CONTEXT,
        Profile::Nova => super::NOVA_CONTEXT,
    };
    ctx::unknown(c, ctx, known);
}
