//! # createimage
//!
//! Checks and normalizes cloud `CreateImage` requests before they are sent, for Zenlayer Cloud,
//! Tencent Cloud CVM, OpenStack Nova (`createImage` server action; the seed page's reading as
//! `openstack`, upstream Nova's schema as `nova`) and Huawei Cloud IMS (data disk image from an
//! external file).
//!
//! ```
//! use createimage::{check, Options, Provider, Value};
//! let req = Value::parse(r#"{"ImageName": "web", "InstanceId": "ins-1", "SnapshotIds": ["snap-1"]}"#).unwrap();
//! let report = check(Provider::Tencent, &req, &Options::default());
//! assert!(!report.ok);
//! assert_eq!(report.issues[0].path, "/SnapshotIds");
//! assert_eq!(report.issues[0].code().as_str(), "conflict");
//! assert_eq!(report.issues[0].provider_code.as_deref(), Some("InvalidParameterConflict"));
//! ```
//!
//! The core is pure Rust; the WebAssembly bindings live in `wasm.rs` behind the `wasm` feature.

pub mod describe;
pub mod field;
pub mod http;
pub mod json;
pub mod messages;
pub mod normalize;
pub mod providers;
pub mod report;
pub mod rules;
pub mod text;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
mod wasm;

pub use describe::{describe, json_schema};
pub use field::check_field;
pub use http::{to_http, HttpRequest};
pub use json::{ParseError, Value};
pub use normalize::{normalize, Change, ChangeCode, Normalized};
pub use report::{Code, Issue, Kind, Report, Severity};

use providers::openstack::Profile;
use rules::Checker;

/// The five provider ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    Zenlayer,
    Tencent,
    /// OpenStack as the seed page documents it.
    OpenStack,
    /// Upstream OpenStack Nova's current `createImage` schema.
    Nova,
    Huawei,
}

impl Provider {
    pub const ALL: [Provider; 5] =
        [Provider::Zenlayer, Provider::Tencent, Provider::OpenStack, Provider::Nova, Provider::Huawei];

    /// The id used in the API, the CLI and the report.
    pub fn id(self) -> &'static str {
        match self {
            Provider::Zenlayer => "zenlayer",
            Provider::Tencent => "tencent",
            Provider::OpenStack => "openstack",
            Provider::Nova => "nova",
            Provider::Huawei => "huawei",
        }
    }

    pub fn parse(id: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.id() == id)
    }

    pub fn display_name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Provider::Zenlayer, Lang::En) => "Zenlayer Cloud",
            (Provider::Zenlayer, Lang::Zh) => "Zenlayer 云",
            (Provider::Tencent, Lang::En) => "Tencent Cloud",
            (Provider::Tencent, Lang::Zh) => "腾讯云",
            (Provider::OpenStack, _) => "OpenStack",
            (Provider::Nova, _) => "OpenStack Nova",
            (Provider::Huawei, Lang::En) => "Huawei Cloud",
            (Provider::Huawei, Lang::Zh) => "华为云",
        }
    }
}

/// The language of messages and labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "zh" | "zh-CN" | "zh-Hans" => Some(Lang::Zh),
            _ => None,
        }
    }
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

/// Options of every call: the message language and what the console knows (see [`check`]).
#[derive(Clone, Debug, Default)]
pub struct Options<'a> {
    pub lang: Lang,
    /// What the console knows (instance state, zone, quotas, ...): an object whose fields turn the
    /// provider's documented state, quota and ownership errors into pre-flight issues.
    pub context: Option<Value<'a>>,
}

impl<'a> Options<'a> {
    pub fn lang(lang: Lang) -> Options<'a> {
        Options { lang, context: None }
    }
}

/// Check a request: every problem at once, each at its JSON-pointer path.
pub fn check(provider: Provider, request: &Value<'_>, options: &Options<'_>) -> Report {
    let mut c = Checker::new(provider, options.lang);
    run(&mut c, request);
    if let Some(ctx) = &options.context {
        run_context(&mut c, request, ctx);
    }
    finish(c)
}

/// Parse JSON text and check it.
pub fn check_json(provider: Provider, request: &str, options: &Options<'_>) -> Result<Report, ParseError> {
    Ok(check(provider, &Value::parse(request)?, options))
}

pub(crate) fn run(c: &mut Checker, request: &Value<'_>) {
    match c.provider {
        Provider::Zenlayer => providers::zenlayer::check(c, request),
        Provider::Tencent => providers::tencent::check(c, request),
        Provider::OpenStack => providers::openstack::check(c, request, Profile::Seed),
        Provider::Nova => providers::openstack::check(c, request, Profile::Nova),
        Provider::Huawei => providers::huawei::check(c, request),
    }
}

pub(crate) fn run_context(c: &mut Checker, request: &Value<'_>, ctx: &Value<'_>) {
    if ctx.as_object().is_none() {
        if !matches!(ctx, Value::Null) {
            providers::ctx::not_object(c, ctx);
        }
        return;
    }
    match c.provider {
        Provider::Zenlayer => providers::zenlayer::context(c, request, ctx),
        Provider::Tencent => providers::tencent::context(c, request, ctx),
        Provider::OpenStack => providers::openstack::context(c, request, ctx, Profile::Seed),
        Provider::Nova => providers::openstack::context(c, request, ctx, Profile::Nova),
        Provider::Huawei => providers::huawei::context(c, request, ctx),
    }
}

pub(crate) fn finish(c: Checker) -> Report {
    let (ok, provider, lang) = (c.ok(), c.provider, c.lang);
    Report { ok, provider, lang, issues: c.into_issues() }
}
