//! # createimage
//!
//! Checks and normalizes cloud `CreateImage` requests before they are sent, for Zenlayer Cloud,
//! Tencent Cloud CVM, OpenStack Nova (`createImage` server action; the seed page's reading as
//! `openstack`, upstream Nova's schema as `nova`) and Huawei Cloud IMS (data disk image from an
//! external file). One [`Report`] lists every problem at once, each at its JSON-pointer path, with a
//! stable [`Code`], the provider's own error code where it documents one, typed params and a message
//! in English or Chinese.
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
//! ## Entry points
//!
//! | function | input | output |
//! | --- | --- | --- |
//! | [`check`] | a parsed [`Value`] | [`Report`] |
//! | [`check_json`] | JSON text | `Result<Report, Error>` (`Err` only for text that is not JSON) |
//! | `check_value` (feature `serde_json`) | a `serde_json::Value` | [`Report`] |
//! | [`check_field`] | one field's JSON pointer and value | [`Report`] |
//! | [`normalize`] | a [`Value`] | [`Normalized`]: the fixed request, the changes, its report |
//! | [`to_http`] | a [`Value`] | `Result<HttpRequest, Report>` |
//! | [`describe`], [`json_schema`] | a [`Provider`] | the rules as data ([`Value`]) |
//!
//! ## Units
//!
//! Lengths and positions in **chars** count Unicode scalar values (what `str::chars().count()` gives);
//! a JS string's `length` counts UTF-16 code units, so a character outside the BMP (`𠀀`, emoji) is one
//! char but two UTF-16 units. Lengths in **bytes** count UTF-8 bytes. Each limit says its unit
//! ([`Unit`], the `unit` param of `too_short` / `too_long`); positions ([`Kind::BadChar`]'s `index`,
//! [`ParseError`]'s `column`) are in chars.
//!
//! ## In a service
//!
//! Every fallible call fits `?` in a function returning `Result<_, createimage::Error>` or
//! `anyhow::Result<_>`: [`Report`] is a [`std::error::Error`] (its `Display` lists the issues),
//! [`Report::into_result`] turns a report with errors into `Err` (warnings only is `Ok`), and the
//! ids ([`Provider`], [`Lang`], [`Code`], [`Severity`], [`ChangeCode`]) implement `FromStr` and
//! `Display`. [`Error`] is the one error type of the crate: bad JSON text, a request that is not
//! valid, an unknown id (and, with the `http` feature, an HTTP request that cannot be built).
//!
//! ```
//! use createimage::{check_json, to_http, Options, Provider, Value};
//!
//! fn build(body: &str) -> anyhow::Result<()> {
//!     let provider: Provider = "tencent".parse()?;
//!     let request = Value::parse(body)?;
//!     // Err(report) when the request has errors: the report says what they are.
//!     let http = to_http(provider, &request, &Options::default())?;
//!     assert_eq!(http.headers[1], ("X-TC-Action", "CreateImage".to_string()));
//!     // Or only check it: warnings only is Ok.
//!     let report = check_json(provider, body, &Options::default())?.into_result()?;
//!     assert!(report.ok);
//!     Ok(())
//! }
//! build(r#"{"Region": "ap-guangzhou", "ImageName": "web", "InstanceId": "ins-1"}"#).unwrap();
//! assert!(build(r#"{"ImageName": ""}"#).is_err());
//! ```
//!
//! ## Owning values
//!
//! [`Value<'a>`](Value) borrows strings without escapes from the text it was parsed from, and
//! [`Options<'a>`](Options) holds an optional context [`Value`]. To keep either beyond the text (in a
//! service's state, across an `await`, in another thread), make it `'static` with
//! [`Value::into_owned`] / [`Options::into_owned`]:
//!
//! ```
//! use createimage::{Lang, Options, Value};
//! fn options_from(context_text: &str) -> Result<Options<'static>, createimage::Error> {
//!     Ok(Options::lang(Lang::Zh).with_context(Value::parse(context_text)?.into_owned()))
//! }
//! let shared = std::sync::Arc::new(options_from(r#"{"instanceState": "STOPPED"}"#).unwrap());
//! ```
//! Everything else the crate returns ([`Report`], [`Normalized`], [`HttpRequest`]) owns its data.
//!
//! ## Features
//!
//! - `serde` (default): `Serialize` for [`Report`], [`Issue`], [`Change`], [`Normalized`],
//!   [`HttpRequest`] and [`Value`] (so the descriptors of [`describe`] and [`json_schema`]) in exactly
//!   the JSON shapes of their `to_json()`; `Serialize` + `Deserialize` for [`Report`], for the ids
//!   and for [`Options`] (the npm package's options object: `lang`, `labels`, `emptyAsAbsent`,
//!   `context`); `Deserialize` for [`Value`]. So a request and the options a console used can be
//!   members of a service's own types (`axum::Json<Body>`). See [`Value`]'s `Serialize` and
//!   `Deserialize` for how numbers cross serde's data model.
//! - `serde_json`: `impl From<&serde_json::Value> for Value` and `check_value`.
//! - `http`: `TryFrom<&HttpRequest> for http::Request<Vec<u8>>`.
//!
//! The reports, values, options and the HTTP request are `Clone`, `Debug`, `Eq` and `Hash` (a
//! value's equality is its JSON text's: member order and number literals count; for a value the
//! parser made, whose number literals are JSON's).
//!
//! The WebAssembly bindings of the npm package are a separate crate (`wasm/` in the repository,
//! `createimage-wasm`): this crate is a plain `rlib` without wasm-bindgen. What the bindings need of
//! it is data a Rust caller can ignore: [`Value::Other`]'s [`JsKind`] names the values a JS caller may
//! pass that JSON cannot carry (a BigInt, `NaN`, a cycle...), which a Rust service never meets in a
//! parsed body, and the bridge's helpers are in the undocumented, unstable `__private` module.

#![warn(missing_docs)]

#[cfg(feature = "describe")]
mod describe;
mod error;
mod field;
mod http;
mod ids;
mod json;
mod labels;
mod messages;
mod normalize;
mod providers;
mod report;
mod rules;
#[cfg(feature = "serde")]
mod serde_impls;
#[cfg(feature = "serde_json")]
mod serde_json_impls;
mod text;

#[cfg(feature = "describe")]
pub use describe::{describe, json_schema};
pub use error::Error;
pub use field::check_field;
pub use http::{to_http, HttpRequest};
pub use json::{JsKind, Other, ParseError, Value, MAX_DEPTH};
pub use normalize::{normalize, Change, ChangeCode, Normalized};
pub use report::{Code, Issue, Kind, Report, Severity};
#[cfg(feature = "serde_json")]
pub use serde_json_impls::check_value;
pub use text::Unit;

use providers::openstack::Profile;
use rules::Checker;

/// The five provider ids. `FromStr` and `Display` use the id ([`Provider::id`]); so does serde.
///
/// ```
/// use createimage::Provider;
/// let p: Provider = "nova".parse().unwrap();
/// assert_eq!((p, p.to_string()), (Provider::Nova, "nova".to_string()));
/// assert!("aws".parse::<Provider>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Provider {
    /// Zenlayer Cloud (`zenlayer`): `CreateImage` of the Zenlayer Cloud API v2.
    Zenlayer,
    /// Tencent Cloud CVM (`tencent`): `CreateImage`, API version 2017-03-12.
    Tencent,
    /// OpenStack (`openstack`): the `createImage` server action as the seed page documents it.
    OpenStack,
    /// OpenStack Nova (`nova`): upstream Nova's current `createImage` schema.
    Nova,
    /// Huawei Cloud IMS (`huawei`): a data disk image from an external image file.
    Huawei,
}

impl Provider {
    /// Every provider, in the order of their ids in the docs.
    pub const ALL: [Provider; 5] =
        [Provider::Zenlayer, Provider::Tencent, Provider::OpenStack, Provider::Nova, Provider::Huawei];

    /// The id used in the API, the CLI and the report: `zenlayer`, `tencent`, `openstack`, `nova`,
    /// `huawei`.
    pub const fn id(self) -> &'static str {
        match self {
            Provider::Zenlayer => "zenlayer",
            Provider::Tencent => "tencent",
            Provider::OpenStack => "openstack",
            Provider::Nova => "nova",
            Provider::Huawei => "huawei",
        }
    }

    /// The provider with this id (exact, lowercase), or `None`. `id.parse::<Provider>()` gives an
    /// [`Error::UnknownId`] instead.
    pub fn parse(id: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Does this build hold the provider's rules? The cargo features `zenlayer`, `tencent`,
    /// `openstack`, `nova` and `huawei` (all on by default) decide it. For a provider not built,
    /// `check`, `check_json`, `check_field`, `normalize` and `to_http` answer with one `not_allowed`
    /// error at `""` naming the cargo feature (`describe` and `json_schema`, which read tables only,
    /// still describe it): a service built with fewer providers can refuse such an id before it
    /// reads the request, and answer that it does not serve that provider rather than that the
    /// request is invalid.
    ///
    /// ```
    /// use createimage::Provider;
    /// assert!(Provider::Tencent.is_built()); // (this crate's tests build all five)
    /// ```
    pub const fn is_built(self) -> bool {
        providers::built(self)
    }

    /// The provider's name for people, in `lang` (`Tencent Cloud`, `腾讯云`).
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

/// The language of messages and labels. `FromStr` takes `en`, `zh`, `zh-CN` and `zh-Hans` (an
/// unknown id is an error); [`Lang::from_bcp47`] takes any one BCP 47 tag (`navigator.language`)
/// and falls back to English; [`Lang::from_accept_language`] reads an HTTP `Accept-Language`
/// header. `Display` and serde use the id (`en`, `zh`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Lang {
    /// English (`en`), the default.
    #[default]
    En,
    /// Simplified Chinese (`zh`).
    Zh,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language of a tag: `en`; `zh`, `zh-CN` or `zh-Hans` for Chinese; `None` for any other.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "zh" | "zh-CN" | "zh-Hans" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The language of any BCP 47 language tag, for a tag a browser or a user gives: Chinese for
    /// every tag whose primary language subtag is `zh` (or `cmn`, Mandarin), in any case and with
    /// any subtags (`zh`, `zh-CN`, `zh-Hans-CN`, `zh-TW`, `zh-Hant-HK`; `_` is read as `-`), since
    /// the messages are in Simplified Chinese and a reader of Traditional Chinese reads them better
    /// than English; English for any other tag (`en`, `en-US`, `fr`, `""`). Never fails.
    ///
    /// ```
    /// use createimage::Lang;
    /// assert_eq!(Lang::from_bcp47("zh-Hans-CN"), Lang::Zh);
    /// assert_eq!(Lang::from_bcp47("ZH_tw"), Lang::Zh);
    /// assert_eq!(Lang::from_bcp47("en-US"), Lang::En);
    /// assert_eq!(Lang::from_bcp47("zhx"), Lang::En);
    /// ```
    pub fn from_bcp47(tag: &str) -> Lang {
        let primary = primary_subtag(tag);
        if primary.eq_ignore_ascii_case("zh") || primary.eq_ignore_ascii_case("cmn") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language an HTTP `Accept-Language` header prefers (RFC 9110 12.5.4): each language range
    /// with its weight (`q`, 1 when not given; `q=0` is "not acceptable"), Chinese when the highest
    /// weight of a Chinese range (as [`Lang::from_bcp47`] reads one: `zh`, `zh-CN`, `cmn`...) is
    /// above that of an English one (`en`, `en-US`...); `*` stands for whichever of the two the
    /// header does not name. English otherwise: on a tie, for a header that names neither
    /// (`fr-FR, de;q=0.5`), and for text that is not a header. A range whose weight is not a
    /// qvalue (`q=0.9000`, `q=2`) is skipped. Never fails; linear in the header.
    ///
    /// (`Lang::from_bcp47` reads one tag only: `"zh;q=0.9"` is not a tag, and gives English.)
    ///
    /// ```
    /// use createimage::Lang;
    /// assert_eq!(Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"), Lang::Zh);
    /// assert_eq!(Lang::from_accept_language("zh;q=0.9"), Lang::Zh);
    /// assert_eq!(Lang::from_accept_language("en-US,en;q=0.9,zh-CN;q=0.8"), Lang::En);
    /// assert_eq!(Lang::from_accept_language("fr-FR, zh-TW;q=0.7, en;q=0.5"), Lang::Zh);
    /// assert_eq!(Lang::from_accept_language("zh;q=0, en"), Lang::En);
    /// assert_eq!(Lang::from_accept_language("fr, *;q=0.5"), Lang::En);
    /// assert_eq!(Lang::from_accept_language("zh;q = 0.1, en;q=0.5"), Lang::En);
    /// assert_eq!(Lang::from_accept_language("en;q=0.9000, zh;q=0.1"), Lang::Zh);
    /// assert_eq!(Lang::from_accept_language(""), Lang::En);
    /// ```
    pub fn from_accept_language(header: &str) -> Lang {
        // Weights in thousandths (a qvalue has at most three decimals); -1: not named.
        let (mut zh, mut en, mut any) = (-1i32, -1i32, -1i32);
        for item in header.split(',') {
            let mut parts = item.split(';');
            let range = parts.next().unwrap_or("").trim();
            if range.is_empty() {
                continue;
            }
            // Its weight: 1 without a `q`; a range whose `q` is not a qvalue is skipped (read
            // neither as 0 nor as 1). Spaces around the `=` are tolerated.
            let mut q = Some(1000);
            for param in parts {
                if let Some((name, v)) = param.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        q = qvalue(v.trim());
                    }
                }
            }
            let Some(q) = q else { continue };
            let slot = if range == "*" {
                &mut any
            } else if primary_subtag(range).eq_ignore_ascii_case("en") {
                &mut en
            } else if Lang::from_bcp47(range) == Lang::Zh {
                &mut zh
            } else {
                continue;
            };
            *slot = (*slot).max(q);
        }
        let named = |q: i32| if q < 0 { any.max(0) } else { q };
        if named(zh) > named(en) {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The id: `en` or `zh`.
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

/// A BCP 47 tag's primary language subtag: what comes before its first `-` (or `_`).
fn primary_subtag(tag: &str) -> &str {
    let end = tag.bytes().position(|b| b == b'-' || b == b'_').unwrap_or(tag.len());
    &tag[..end]
}

/// An HTTP qvalue (`0`, `0.5`, `1`, `1.000`: RFC 9110 12.4.2) in thousandths, or `None`.
fn qvalue(v: &str) -> Option<i32> {
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let milli = frac.bytes().chain(std::iter::repeat(b'0')).take(3).fold(0, |n, b| n * 10 + i32::from(b - b'0'));
    match int {
        "0" => Some(milli),
        "1" if milli == 0 => Some(1000),
        _ => None,
    }
}

/// Options of every call: the message language, the console's labels, how empty form values are
/// read and what the console knows.
///
/// Build it with [`Options::default`] (English, no labels, no context) or [`Options::lang`], then
/// [`Options::with_labels`], [`Options::with_empty_as_absent`], [`Options::with_context`]; the
/// fields can also be set directly. Marked `#[non_exhaustive]`: new options may be added, so it
/// cannot be built with a struct expression outside this crate. `Options<'static>` owns its
/// context (see [`Options::into_owned`]). Equality and hashing read a `null` context as none, as
/// `check` does (`Some(Value::Null)`, set in the field itself, equals `None`).
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Options<'a> {
    /// The language of the messages.
    pub lang: Lang,
    /// The console's own labels, by JSON pointer (`/ImageName` -> `Name`): messages name a field
    /// by its console label, and by the label of the field tables where the console gives none. A
    /// segment `*` stands for any one segment (`/TagSpecification/*/Tags/*/Key`); `*key` for the key
    /// of a map entry (OpenStack metadata, as `describe` writes it); the part of a compound value
    /// is labelled at `<pointer>/key` and `<pointer>/value` (Huawei `key.value` tags: `/tags/*/key`).
    /// A label whose pointer has no `*` is the field's whole name; one matched through `*` keeps
    /// the position (`第 2 个` + label, label + ` 2`). The fewest `*` wins; empty labels are ignored.
    pub labels: Vec<(String, String)>,
    /// Read an empty form control as an absent field: `""`, `[]` and `null` in an optional field
    /// (so also in the alternative the user did not pick, such as Tencent's `SnapshotIds` beside
    /// an `InstanceId`) are not checked and do not count as given for the cross-field rules; `null`
    /// in a required field is `required`. A required field left `""` or `[]` is still checked
    /// (`empty` where it must not be empty), and so is an item of a list (a blank row the user
    /// added and left: its key is `empty`, since the request as given would be refused; but a Huawei
    /// `image_tags` row `{key: "", value: ""}`, whose members are both optional, is a tag without
    /// them, with a `required` warning at its key, sent as `{}` by `to_http`). Off by
    /// default (`""` is a value); the JS package's `standardSchema` turns it on.
    pub empty_as_absent: bool,
    /// What the console knows (instance state, zone, quotas, ...): an object whose fields turn the
    /// provider's documented state, quota and ownership errors into pre-flight issues. Its fields
    /// per provider are listed by [`describe`] (`context`). A context that is not an object is one
    /// `wrong_type` warning at `""`.
    pub context: Option<Value<'a>>,
}

impl Options<'_> {
    /// The context as `check` reads it: `None` for none and for `null`.
    pub(crate) fn context_read(&self) -> Option<&Value<'_>> {
        self.context.as_ref().filter(|c| !matches!(c, Value::Null))
    }
}

impl PartialEq for Options<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self.lang, &self.labels, self.empty_as_absent) == (other.lang, &other.labels, other.empty_as_absent)
            && self.context_read() == other.context_read()
    }
}

impl Eq for Options<'_> {}

impl std::hash::Hash for Options<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (self.lang, &self.labels, self.empty_as_absent, self.context_read()).hash(h);
    }
}

impl<'a> Options<'a> {
    /// Options with messages in `lang` and no context.
    pub fn lang(lang: Lang) -> Options<'a> {
        Options { lang, ..Options::default() }
    }

    /// The same options with messages in `lang`.
    pub fn with_lang(mut self, lang: Lang) -> Options<'a> {
        self.lang = lang;
        self
    }

    /// The same options with these console labels (JSON pointer, label), in place of any given
    /// before (calls do not add up); see [`Options::labels`].
    ///
    /// ```
    /// use createimage::{check_json, Lang, Options, Provider};
    /// let o = Options::lang(Lang::Zh).with_labels([("/ImageName", "名称")]);
    /// let r = check_json(Provider::Tencent, r#"{"ImageName": "", "InstanceId": "ins-1"}"#, &o).unwrap();
    /// assert_eq!(r.issues[0].message, "名称不能为空。");
    /// assert_eq!(r.issues[0].short_message, "不能为空");
    /// ```
    pub fn with_labels<K: Into<String>, L: Into<String>>(
        mut self,
        labels: impl IntoIterator<Item = (K, L)>,
    ) -> Options<'a> {
        self.labels = labels.into_iter().map(|(k, l)| (k.into(), l.into())).collect();
        self
    }

    /// The same options reading empty form values as absent or not; see [`Options::empty_as_absent`].
    ///
    /// ```
    /// use createimage::{check_json, Options, Provider};
    /// let form = r#"{"ImageName": "web", "InstanceId": "ins-1", "SnapshotIds": [], "ForcePoweroff": ""}"#;
    /// let o = Options::default().with_empty_as_absent(true);
    /// assert!(check_json(Provider::Tencent, form, &o).unwrap().ok);
    /// assert!(!check_json(Provider::Tencent, form, &Options::default()).unwrap().ok);
    /// ```
    pub fn with_empty_as_absent(mut self, on: bool) -> Options<'a> {
        self.empty_as_absent = on;
        self
    }

    /// The same options with this context (a [`Value`], or an `Option` of one: `None` removes it,
    /// and so does [`Value::Null`], which `check` reads as no context: the options are then equal to
    /// those without one).
    pub fn with_context(mut self, context: impl Into<Option<Value<'a>>>) -> Options<'a> {
        self.context = context.into().filter(|c| !matches!(c, Value::Null));
        self
    }

    /// An owned copy that borrows nothing (its context made `'static`).
    pub fn into_owned(self) -> Options<'static> {
        Options {
            lang: self.lang,
            labels: self.labels,
            empty_as_absent: self.empty_as_absent,
            context: self.context.map(Value::into_owned),
        }
    }
}

/// Check a request: every problem at once, each at its JSON-pointer path.
///
/// `request` is the provider's request body as JSON (for OpenStack and Nova an object with
/// `project_id`, `server_id`, `token` and `body`). A request that is not an object is one
/// `wrong_type` at `""`. Never fails and never panics: whatever the input, the answer is a report.
/// Time is linear in the size of the request (n log n for lists whose items must be unique).
///
/// "Whatever the input" is whatever [`Value::parse`] (or `Deserialize`, or `From<&serde_json::Value>`)
/// makes: those stop at [`MAX_DEPTH`] levels. A [`Value`] built by hand and nested thousands of levels
/// deep can overflow the thread's stack here, in `normalize`, in `to_json` and when it is dropped, as a
/// `serde_json::Value` does (docs/guarantees.md 6).
#[inline]
pub fn check(provider: Provider, request: &Value<'_>, options: &Options<'_>) -> Report {
    let mut c = Checker::with_options(provider, options);
    // (Decided on the argument, not on the checker's copy: where a caller's provider is a
    // constant, a one-provider WebAssembly build, the report for a provider not built folds away.)
    if providers::built(provider) {
        run(&mut c, request);
    } else {
        providers::not_built(&mut c);
    }
    if let Some(ctx) = &options.context {
        run_context(&mut c, request, ctx);
    }
    finish(c)
}

/// Parse JSON text and check it: the entry point for a service that holds the raw body, since it
/// keeps what the text says exactly (number literals as written, key order, lone surrogates as
/// `\uD800` escapes, nesting past [`MAX_DEPTH`] reported as `too_deep`).
///
/// No limit on the text's size here: the CLI, the wasm exports and the npm package refuse text over
/// 16 MiB with one `unreadable` error, but a Rust service bounds the body it reads itself (axum's
/// body extractors, as in `examples/service.rs`, stop at 2 MB unless `DefaultBodyLimit` says
/// otherwise); the time is linear in the text (docs/guarantees.md).
///
/// # Errors
///
/// [`Error::Json`] when `request` is not JSON text. A request that is JSON but not valid is not an
/// error here: it is an `Ok` report with `ok == false` (use [`Report::into_result`] to make it one).
///
/// A key repeated in an object keeps its last value (as `JSON.parse` and serde_json do), and the
/// check is of that value; the provider's parser may keep another. A service that forwards the
/// request should send what [`to_http`] writes (one copy of each key, normalized), not the text it
/// received: `to_http` also normalizes first, so it accepts what `normalize` can fix (`" web "`,
/// Huawei's `"min_disk": "40"`) where this reports it, and its warnings are in
/// [`HttpRequest::warnings`].
pub fn check_json(provider: Provider, request: &str, options: &Options<'_>) -> Result<Report, Error> {
    Ok(check(provider, &Value::parse(request)?, options))
}

/// The provider's rules (`check` has made the report for a provider this build does not hold).
pub(crate) fn run(c: &mut Checker, request: &Value<'_>) {
    if !providers::built(c.provider) {
        return;
    }
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
    if !providers::built(c.provider) {
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

/// Not part of the API: what this crate's own tests, benchmarks, fuzz targets and WebAssembly
/// bindings (`createimage-wasm`) use of its internals. **Unstable**: anything here may change or go
/// in any release, without notice. Do not use it from other crates.
#[doc(hidden)]
pub mod __private {
    pub use crate::json::{
        number_as_i64, parse_marked, parse_string_marked, parse_with, unmarked, write_str, JsKind, Marks, Other,
        MAX_DEPTH, MAX_TEXT_BYTES,
    };
    pub use crate::messages::num;
    pub use crate::normalize::{has_special, restore_points, source_path, Sources};
    pub use crate::providers::tencent::flat_key;
    pub use crate::providers::too_large;
    pub use crate::report::split_pointer;
    pub use crate::rules::MAX_ISSUES;
    pub use crate::text::{cat, count_chars, cut_graphemes, escape_hidden, trim_stops, visible};

    /// A [`ParseError`](crate::ParseError)'s Display text, without a `Formatter` (the wasm bindings').
    pub fn parse_error_text(e: &crate::ParseError) -> String {
        e.text()
    }

    /// `normalize` of a request the crate's own parser made (the wasm bindings').
    pub fn normalize_parsed(p: crate::Provider, r: &crate::Value<'_>, o: &crate::Options<'_>) -> crate::Normalized {
        crate::normalize::normalize_with::<false>(p, r, o)
    }

    /// `to_http` of a request the crate's own parser made (the wasm bindings').
    pub fn to_http_parsed(
        p: crate::Provider,
        r: &crate::Value<'_>,
        o: &crate::Options<'_>,
    ) -> Result<crate::HttpRequest, crate::Report> {
        crate::http::to_http_with::<false>(p, r, o)
    }
}
