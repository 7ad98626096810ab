//! Zenlayer Cloud `CreateImage` (`POST /api/v2/vm`, `X-ZC-Action: CreateImage`).
//! The page documents no error code for field errors, so those carry no provider code.

use crate::json::Value;
use crate::report::{Kind, Path, Severity};
use crate::rules::{Checker, Field, Role, Str, Ty};
use crate::text::Charset;

pub const FIELDS: &[Field] = &[
    Field {
        name: "instanceId",
        label: ("Instance ID", "实例 ID"),
        required: true,
        ty: Ty::Str(Str::NON_EMPTY),
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "imageName",
        label: ("Image name", "镜像名称"),
        required: true,
        ty: Ty::Str(Str::chars(1, 24).charset(Charset::HanAlnumDashUnderscore)),
        role: Role::Name,
        codes: &[],
    },
    Field {
        name: "imageDescription",
        label: ("Image description", "镜像描述"),
        required: false,
        ty: Ty::Str(Str { max: Some(255), ..Str::ANY }),
        role: Role::Description,
        codes: &[],
    },
];

pub fn check(c: &mut Checker, req: &Value<'_>) {
    let root = Path::Root;
    let Some(obj) = super::root_object(c, req) else {
        return;
    };
    c.check_fields(&root, obj, FIELDS, |_, _, _, _| {});
    c.unknown_keys(&root, obj, FIELDS, &[], Severity::Warning, None);
}

/// Zones where the page says images are not supported.
pub const UNSUPPORTED_ZONES: &[&str] = &["SIN-E", "LAX-A"];

/// Pre-flight rules from the console's context (the page's error codes).
pub fn context(c: &mut Checker, req: &Value<'_>, ctx: &Value<'_>) {
    use super::ctx;
    let root = Path::Root;
    if let Some(zone) = ctx::string(c, ctx, "zone") {
        if UNSUPPORTED_ZONES.iter().any(|z| z.eq_ignore_ascii_case(zone)) {
            c.push(
                &root,
                Kind::NotSupported { what: "zone", value: zone.to_owned() },
                Severity::Error,
                Some("UNSUPPORTED_OPERATION_ZONE_NOT_SUPPORT"),
            );
        }
    }
    if ctx::boolean(c, ctx, "instanceExists") == Some(false) {
        let id = req.get("instanceId").and_then(Value::as_str).unwrap_or("").to_owned();
        c.push(
            &super::at_field(req, &root, "instanceId"),
            Kind::NotFound { what: "instance", value: id },
            Severity::Error,
            Some("INVALID_INSTANCE_NOT_FOUND"),
        );
    }
    if let Some(state) = ctx::string(c, ctx, "instanceState") {
        let up = state.to_ascii_uppercase();
        if up != "STOPPED" {
            let code = format!("UNSUPPORTED_OPERATION_INSTANCE_STATE_{up}");
            c.push_at(
                String::new(),
                Kind::BadState { what: "instance", state: up, allowed: &["STOPPED"] },
                Severity::Error,
                Some(code.into()),
            );
        }
    }
    if let Some(n) = ctx::integer(c, ctx, "imagesInZone") {
        if n >= 5 {
            c.push(
                &root,
                Kind::QuotaExceeded { limit: 5, actual: n as u64 },
                Severity::Error,
                Some("LIMIT_EXCEEDED_IMAGE_QUOTA"),
            );
        }
    }
    if let Some(st) = ctx::string(c, ctx, "systemDiskStatus") {
        let code = match st.to_ascii_uppercase().as_str() {
            "MAKING_IMAGE" => Some("UNSUPPORTED_OPERATION_DISK_MAKING_IMAGE"),
            "UNAVAILABLE" => Some("UNSUPPORTED_OPERATION_DISK_UNAVAILABLE"),
            _ => None,
        };
        if let Some(code) = code {
            c.push(
                &root,
                Kind::BadState { what: "system disk", state: st.to_ascii_uppercase(), allowed: &["AVAILABLE"] },
                Severity::Error,
                Some(code),
            );
        }
    }
    ctx::unknown(c, ctx, super::ZENLAYER_CONTEXT);
}
