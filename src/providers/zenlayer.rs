//! Zenlayer Cloud `CreateImage` (`POST /api/v2/vm`, `X-ZC-Action: CreateImage`).
//! The page documents no error code for field errors, so those carry no provider code.

use super::codes;
use crate::json::Value;
use crate::report::{Kind, Path, Severity};
use crate::rules::{Checker, Field, Presence, Reading, Role, Source, Str, Ty};
use crate::text::Charset;

/// Zenlayer's Terraform provider (`zenlayercloud_zvm_image`): it checks `image_name` and
/// `image_description` with `validation.StringLenBetween(2, 24)` and `(2, 256)` before calling
/// CreateImage, and that function compares Go's `len`: bytes of UTF-8, not characters.
pub static TERRAFORM: Source = Source::new(
    "zenlayer-terraform-zvm-image",
    (
        "Zenlayer's Terraform provider (zvm_image: 2-24 and 2-256 bytes of UTF-8)",
        "Zenlayer Terraform 插件（zvm_image：2-24 和 2-256 个 UTF-8 字节）",
    ),
    "https://github.com/zenlayer/terraform-provider-zenlayercloud/blob/master/zenlayercloud/resource_zc_zvm_image.go",
);
/// The CreateImage page and the Go SDK (vm 2023-03-13 and 2026-04-01): description up to 255.
pub static PAGE: Source = Source::new(
    "zenlayer-createimage-page",
    (
        "Zenlayer's CreateImage page and SDK (up to 255 characters)",
        "Zenlayer CreateImage 文档和 SDK（最多 255 个字符）",
    ),
    "https://docs.console.zenlayer.com/api-reference/compute/vm/image/createimage",
);

/// The page's image quota: "Up to 5 images can be created in each zone. If you need more, please
/// contact Zenlayer Support." A default, not a limit: the context's `imageQuota` replaces it.
pub static QUOTA: Source = Source::new(
    "zenlayer-createimage-quota",
    ("Zenlayer's default image quota, which its Support can raise", "Zenlayer 的默认镜像配额（可联系 Support 提高）"),
    "https://docs.console.zenlayer.com/api-reference/compute/vm/image/createimage",
)
.because(("the account's quota may have been raised", "账号的配额可能已提高"));
/// The page's default image quota per zone ([`QUOTA`]).
pub const DEFAULT_IMAGE_QUOTA: i64 = 5;

const NAME_READINGS: &[Reading] = &[Reading::of(&TERRAFORM).min(2).max(24).bytes()];
const DESCRIPTION_READINGS: &[Reading] =
    &[Reading::of(&PAGE).max(255), Reading::of(&TERRAFORM).min(2).max(256).bytes()];

pub const FIELDS: &[Field] = &[
    Field {
        name: "instanceId",
        label: ("Instance ID", "实例 ID"),
        presence: Presence::Required,
        ty: Ty::Str(Str::NON_EMPTY),
        role: Role::Id,
        codes: &[],
    },
    Field {
        name: "imageName",
        label: ("Image name", "镜像名称"),
        presence: Presence::Required,
        ty: Ty::Str(Str::chars(1, 24).charset(Charset::HanAlnumDashUnderscore).readings(NAME_READINGS)),
        role: Role::Name,
        codes: &[],
    },
    Field {
        name: "imageDescription",
        label: ("Image description", "镜像描述"),
        presence: Presence::Optional,
        // The page and SDK say 255 characters; Zenlayer's Terraform provider sends up to 256 bytes
        // (256 ASCII characters: a warning naming the page; 256 Han characters: no source takes it).
        ty: Ty::Str(Str { max: Some(255), or_bytes: Some(256), ..Str::ANY }.readings(DESCRIPTION_READINGS)),
        role: Role::Description,
        codes: &[],
    },
];

pub fn check(c: &mut Checker, req: &Value<'_>) {
    let root = Path::Root;
    let Some(obj) = super::root_object(c, req) else {
        return;
    };
    c.check_object(&root, obj, FIELDS, (Severity::Warning, None), &mut |_, _, _, _| {});
}

/// Zones where the page says images are not supported.
pub const UNSUPPORTED_ZONES: &[&str] = &["SIN-E", "LAX-A"];

/// Pre-flight rules from the console's context (the page's error codes).
pub fn context(c: &mut Checker, req: &Value<'_>, ctx: &Value<'_>) {
    use super::ctx;
    let root = Path::Root;
    // The instance's zone, state and system disk: at the instance's id where the request has one.
    let at_instance = super::at_field(req, &root, "instanceId");
    if let Some(zone) = ctx::string(c, ctx, "zone") {
        if UNSUPPORTED_ZONES.iter().any(|z| z.eq_ignore_ascii_case(zone)) {
            c.push(
                &at_instance,
                Kind::NotSupported { what: "zone", value: zone.to_owned() },
                Severity::Error,
                Some(codes::ZL_ZONE_NOT_SUPPORTED),
            );
        }
    }
    if ctx::boolean(c, ctx, "instanceExists") == Some(false) {
        let id = req.get("instanceId").and_then(Value::as_str).unwrap_or("").to_owned();
        c.push(
            &super::at_field(req, &root, "instanceId"),
            Kind::NotFound { what: "instance", value: id },
            Severity::Error,
            Some(codes::ZL_INSTANCE_NOT_FOUND),
        );
    }
    // The page documents one code for an instance that is not shut down, whatever its state:
    // "Shut down the instance before creating an image."
    if let Some(state) = ctx::string(c, ctx, "instanceState") {
        let up = state.to_ascii_uppercase();
        if up != "STOPPED" {
            c.push(
                &at_instance,
                Kind::BadState { what: "instance", state: up, allowed: &["STOPPED"] },
                Severity::Error,
                Some(codes::ZL_INSTANCE_NOT_STOPPED),
            );
        }
    }
    // The account's quota when the console knows it (an error at it; a negative one is unlimited,
    // as Nova's `metadataQuota: -1`); else the page's default, which Zenlayer Support can raise (a
    // warning naming it).
    let quota = ctx::integer(c, ctx, "imageQuota");
    if let Some(n) = ctx::integer(c, ctx, "imagesInZone") {
        let limit = quota.unwrap_or(DEFAULT_IMAGE_QUOTA);
        if limit >= 0 && n >= limit {
            let kind = Kind::QuotaExceeded { limit: limit as u64, actual: n as u64 };
            match quota {
                Some(_) => {
                    c.push(&root, kind, Severity::Error, Some(codes::ZL_IMAGE_QUOTA));
                }
                None => c.source_warning(&root, kind, Some(codes::ZL_IMAGE_QUOTA), &QUOTA),
            }
        }
    }
    if let Some(st) = ctx::string(c, ctx, "systemDiskStatus") {
        let code = match st.to_ascii_uppercase().as_str() {
            "MAKING_IMAGE" => Some(codes::ZL_DISK_MAKING_IMAGE),
            "UNAVAILABLE" => Some(codes::ZL_DISK_UNAVAILABLE),
            _ => None,
        };
        if let Some(code) = code {
            c.push(
                &at_instance,
                Kind::BadState { what: "system disk", state: st.to_ascii_uppercase(), allowed: &["AVAILABLE"] },
                Severity::Error,
                Some(code),
            );
        }
    }
    ctx::unknown(c, ctx, super::ZENLAYER_CONTEXT);
}
