//! serde (feature `serde`): `Serialize` for the report types, the normalized request, the HTTP
//! request and [`Value`], in exactly the JSON shapes of their `to_value()` / `to_json()`;
//! `Serialize` + `Deserialize` for [`Report`], [`Issue`], [`Options`] (the npm package's options
//! object) and the ids; `Deserialize` for [`Value`].
//!
//! Written by hand (no serde_derive): the shapes are the report's, params included, and the crate
//! builds without a proc-macro for serde.

use crate::json::{plain_integer, Other, Value};
use crate::messages::{FORMATS, TYPES, WHATS};
use crate::providers::{huawei, openstack, tencent, zenlayer};
use crate::report::{Code, Issue, Kind, Report, Severity};
use crate::rules::{Field, Ty};
use crate::text::Unit;
use crate::{Change, ChangeCode, HttpRequest, Lang, Normalized, Options, Provider};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

// ----- Value -----

/// The JSON value, as serde's data model can carry it:
///
/// - a number literal that is an integer within 128 bits (`40`, `-12`, a 30-digit OpenStack name)
///   is serialized as that integer, exactly (serde_json writes the same digits); any other number
///   (`40.0`, `4e1`, a 50-digit name) as the nearest `f64` (serde_json writes `40.0`, `40.0`,
///   `1.2345678901234568e49`), and one beyond `f64`'s range (`1e400`) as its literal, a string.
///   [`Value::to_json`] writes every literal exactly as written: send a body with it, or with the
///   `http` feature's `http::Request` conversion, not through serde. A literal built by hand that
///   is not JSON number syntax (`.5`, `+1`, `01`) is a string to both.
/// - a string with an unpaired surrogate: the string with U+FFFD in its place (serde strings are
///   UTF-8); a key with one is written with U+FFFD too.
/// - what JSON cannot carry (JS-only values, nesting cut at [`MAX_DEPTH`](crate::MAX_DEPTH)):
///   `null` (unit), as [`Value::to_plain_json`] writes them.
///
/// Object members keep their order.
impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => number(n, s),
            Value::String(t) => s.serialize_str(t),
            Value::Array(a) => {
                let mut q = s.serialize_seq(Some(a.len()))?;
                for x in a {
                    q.serialize_element(x)?;
                }
                q.end()
            }
            Value::Object(m) => {
                let mut q = s.serialize_map(Some(m.len()))?;
                for (k, v) in m {
                    q.serialize_entry(k.as_ref(), v)?;
                }
                q.end()
            }
            Value::Other(o) => match &**o {
                Other::LoneSurrogate { raw, .. } => s.serialize_str(&crate::json::lossy_string(raw)),
                Other::BadKey { value, .. } => value.serialize(s),
                _ => s.serialize_unit(),
            },
        }
    }
}

fn number<S: Serializer>(lit: &str, s: S) -> Result<S::Ok, S::Error> {
    // A literal built by hand that is not a JSON number (`.5`, `+1`, `01`: Rust's parsers take them)
    // is a string, as `Value::to_json` writes it.
    if !crate::json::is_json_number(lit) {
        return s.serialize_str(lit);
    }
    if plain_integer(lit) && lit != "-0" {
        if let Ok(v) = lit.parse::<i64>() {
            return s.serialize_i64(v);
        }
        if let Ok(v) = lit.parse::<u64>() {
            return s.serialize_u64(v);
        }
        if let Ok(v) = lit.parse::<i128>() {
            return s.serialize_i128(v);
        }
        if let Ok(v) = lit.parse::<u128>() {
            return s.serialize_u128(v);
        }
    }
    match lit.parse::<f64>() {
        Ok(f) if f.is_finite() => s.serialize_f64(f),
        _ => s.serialize_str(lit),
    }
}

// ----- the ids -----

macro_rules! id_serde {
    ($ty:ty, $expecting:literal, $id:expr) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($id(*self))
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$ty, E> {
                        s.parse().map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

id_serde!(Provider, "a provider id", Provider::id);
id_serde!(Lang, "a language id", Lang::id);
id_serde!(Code, "an issue code", Code::as_str);
id_serde!(Severity, "a severity", Severity::as_str);
id_serde!(ChangeCode, "a change code", ChangeCode::as_str);

// ----- Options: the npm package's options object -----

/// `{"lang", "labels", "emptyAsAbsent", "context"?}`, the shape the npm package's functions take
/// (`labels` an object from JSON pointer to label, in order; `context` only when there is one), so
/// a service can pass on, or log, the options a console used. Read back, they are equal, except
/// where the context holds what serde's data model cannot carry (see [`Value`]'s `Serialize`:
/// number literals that are not 64-bit integers, unpaired surrogates, JS values, nesting cut at
/// [`MAX_DEPTH`](crate::MAX_DEPTH)).
impl Serialize for Options<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Labels<'l>(&'l [(String, String)]);
        impl Serialize for Labels<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (pointer, label) in self.0 {
                    m.serialize_entry(pointer, label)?;
                }
                m.end()
            }
        }
        // (A `null` context, which a caller may have set in the field itself, is no context.)
        let context = self.context_read();
        let mut m = s.serialize_map(Some(3 + usize::from(context.is_some())))?;
        m.serialize_entry("lang", &self.lang)?;
        m.serialize_entry("labels", &Labels(&self.labels))?;
        m.serialize_entry("emptyAsAbsent", &self.empty_as_absent)?;
        if let Some(context) = context {
            m.serialize_entry("context", context)?;
        }
        m.end()
    }
}

/// Reads the npm package's options object as its functions read it, so that a service checks a
/// request with the options a console sent along:
///
/// - `lang`: any BCP 47 tag, read by [`Lang::from_bcp47`] (`zh-TW` is Chinese, `fr` English);
/// - `labels`: an object from JSON pointer to label; a pointer given twice keeps its last label
///   (as `JSON.parse` does), and an empty label is kept but, as everywhere, ignored;
/// - `emptyAsAbsent`: a boolean;
/// - `context`: any value, read as [`Value`]'s `Deserialize` reads one (`null`: no context, as in
///   [`check`](crate::check));
///
/// each optional, `null` as absent (the defaults of [`Options::default`]), and the whole object
/// `null` is the defaults; other members are ignored, as the package ignores them.
///
/// Stricter than the package, which never throws and reads a member it cannot use as absent: a
/// member of the wrong type (a `lang` that is not a string, a label that is not one) is an error,
/// and serde_json refuses text with an unpaired surrogate anywhere (the package skips such a label).
///
/// ```
/// use createimage::{check, Lang, Options, Provider, Value};
/// let o: Options = serde_json::from_str(r#"{"lang": "zh-CN", "labels": {"/ImageName": "名称"}, "emptyAsAbsent": true}"#).unwrap();
/// assert_eq!((o.lang, o.empty_as_absent), (Lang::Zh, true));
/// let r = check(Provider::Tencent, &Value::parse(r#"{"ImageName": "", "InstanceId": "ins-1"}"#).unwrap(), &o);
/// assert_eq!(r.issues[0].message, "名称不能为空。");
/// // `null` members are the defaults, equal to them.
/// let d: Options = serde_json::from_str(r#"{"lang": null, "labels": null, "emptyAsAbsent": null, "context": null}"#).unwrap();
/// assert_eq!(d, Options::default());
/// ```
impl<'de> Deserialize<'de> for Options<'_> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Options<'static>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("createimage options {\"lang\", \"labels\", \"emptyAsAbsent\", \"context\"}")
            }
            fn visit_unit<E>(self) -> Result<Options<'static>, E> {
                Ok(Options::default())
            }
            fn visit_none<E>(self) -> Result<Options<'static>, E> {
                Ok(Options::default())
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Options<'static>, D::Error> {
                d.deserialize_any(self)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Options<'static>, A::Error> {
                let mut o = Options::default();
                while let Some(k) = map.next_key::<Cow<'de, str>>()? {
                    match k.as_ref() {
                        "lang" => {
                            o.lang =
                                map.next_value::<Option<Cow<'de, str>>>()?.map_or(Lang::En, |t| Lang::from_bcp47(&t));
                        }
                        "labels" => {
                            // Read as any object is (a repeated pointer: its last label, at its
                            // first position), then each label must be a string.
                            o.labels = match map.next_value_seed(Seed::top())? {
                                Value::Null => Vec::new(),
                                Value::Object(entries) => entries
                                    .into_iter()
                                    .map(|(pointer, label)| match label {
                                        Value::String(l) => Ok((pointer.into_owned(), l.into_owned())),
                                        v => Err(de::Error::invalid_type(
                                            de::Unexpected::Other(v.type_name()),
                                            &"a label (a string)",
                                        )),
                                    })
                                    .collect::<Result<_, _>>()?,
                                v => {
                                    return Err(de::Error::invalid_type(
                                        de::Unexpected::Other(v.type_name()),
                                        &"an object of labels by JSON pointer",
                                    ))
                                }
                            };
                        }
                        "emptyAsAbsent" => {
                            o.empty_as_absent = map.next_value::<Option<bool>>()?.unwrap_or(false);
                        }
                        "context" => {
                            // (`null` is no context: the defaults, equal to them, and not written back.)
                            o = o.with_context(map.next_value_seed(Seed::top())?);
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(o)
            }
        }
        d.deserialize_any(V)
    }
}

// ----- Serialize: the shapes of to_value() -----

/// `{"path", "code", "severity", "providerCode"?, "params", "message", "shortMessage",
/// "suggestion"?, "paths"?}`, as [`Issue::to_value`].
impl Serialize for Issue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let len = 6
            + usize::from(self.provider_code.is_some())
            + usize::from(self.suggestion.is_some())
            + usize::from(!self.paths.is_empty());
        let mut m = s.serialize_map(Some(len))?;
        m.serialize_entry("path", &self.path)?;
        m.serialize_entry("code", self.code().as_str())?;
        m.serialize_entry("severity", self.severity.as_str())?;
        if let Some(pc) = &self.provider_code {
            m.serialize_entry("providerCode", pc.as_ref())?;
        }
        m.serialize_entry("params", &self.params())?;
        m.serialize_entry("message", &self.message)?;
        m.serialize_entry("shortMessage", &self.short_message)?;
        if let Some(sg) = &self.suggestion {
            m.serialize_entry("suggestion", sg)?;
        }
        if !self.paths.is_empty() {
            m.serialize_entry("paths", &self.paths)?;
        }
        m.end()
    }
}

fn report_entries<M: SerializeMap>(m: &mut M, r: &Report) -> Result<(), M::Error> {
    m.serialize_entry("ok", &r.ok)?;
    m.serialize_entry("provider", r.provider.id())?;
    m.serialize_entry("issues", &r.issues)
}

/// `{"ok", "provider", "issues"}`, as [`Report::to_json`] (the language is not part of it).
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        report_entries(&mut m, self)?;
        m.end()
    }
}

/// `{"path", "code", "from", "to"}`, as [`Change::to_value`].
impl Serialize for Change {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("path", &self.path)?;
        m.serialize_entry("code", self.code.as_str())?;
        m.serialize_entry("from", &self.from)?;
        m.serialize_entry("to", &self.to)?;
        m.end()
    }
}

/// The report's members, then `"normalized"` and `"changes"`, as [`Normalized::to_value`].
impl Serialize for Normalized {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(5))?;
        report_entries(&mut m, &self.report)?;
        m.serialize_entry("normalized", &self.normalized)?;
        m.serialize_entry("changes", &self.changes)?;
        m.end()
    }
}

struct Headers<'a>(&'a [(&'static str, String)]);

impl Serialize for Headers<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// `{"method", "host"?, "path", "headers", "body"}`, as [`HttpRequest::to_value`].
impl Serialize for HttpRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4 + usize::from(self.host.is_some())))?;
        m.serialize_entry("method", self.method)?;
        if let Some(h) = self.host {
            m.serialize_entry("host", h)?;
        }
        m.serialize_entry("path", &self.path)?;
        m.serialize_entry("headers", &Headers(&self.headers))?;
        m.serialize_entry("body", &self.body)?;
        m.end()
    }
}

// ----- Deserialize: a value, and a report read back -----

/// Any value serde's data model can carry, read as the parser reads JSON text, so that a service
/// can take a request as part of its own `Deserialize` types (`axum::Json<Value<'static>>`, a job
/// `struct` with a `request: Value<'static>` member):
///
/// - **numbers**, as the deserializer hands them over, which is not always the text's value: a
///   64-bit (or, from formats that give one, 128-bit) integer as its digits; anything else as an
///   `f64`, written in Rust's shortest form that reads back as the same `f64` (`40.0`, `1e16`,
///   `1e-5`). So a fraction too small for an `f64` is lost (`40.000000000000001` is `40.0`, which
///   `check` accepts where the text is refused), a number past 64 bits is a float
///   (`123456789012345678901` is `1.2345678901234567e20`) and `1e-400` is `0.0` (serde_json
///   refuses `1e400`). A float that is not finite (from a format other than JSON) is
///   [`Other::Js`] `NaN`, `Infinity` or `-Infinity`, which `check` reports (`wrong_type`). With
///   serde_json's `arbitrary_precision` feature and this crate's `serde_json` feature, the literal
///   as serde_json keeps it (as written, but an exponent with its sign: `4e+1`). serde_json hands
///   such a number over as a one-member object: without this crate's feature it reads as that
///   object, and without `arbitrary_precision` an object with that member is an object, as in
///   `serde_json::Value`.
/// - **objects**: members in the order the deserializer gives them (serde_json: the text's); a
///   repeated key keeps its last value at its first position, as [`Value::parse`] does.
/// - **nesting** deeper than [`MAX_DEPTH`](crate::MAX_DEPTH) is [`Other::TooDeep`], its content
///   skipped with serde's `IgnoredAny` (serde_json skips without recursion; a format without a
///   depth limit of its own may recurse there).
/// - strings, keys, `bool` and `null` (also `None` and unit) as they are; strings are owned (the
///   value outlives the deserializer's input: `Value<'static>` is `DeserializeOwned`). serde_json
///   refuses text holding an unpaired surrogate.
///
/// Where a request's numbers matter to its rules (Huawei's `min_disk`, OpenStack's numeric names,
/// the context's quotas), keep the text: `check_json` on the raw body, or
/// `Box<serde_json::value::RawValue>` as the member's type and [`Value::parse`] on it.
///
/// Errors: what serde's data model has that JSON has not (bytes, enums, a map key that is not a
/// string) is the deserializer's error.
///
/// ```
/// use createimage::{check, Options, Provider, Value};
/// let req: Value = serde_json::from_str(r#"{"instanceId": "ins-1", "imageName": "web_01"}"#).unwrap();
/// assert!(check(Provider::Zenlayer, &req, &Options::default()).ok);
/// ```
impl<'de> Deserialize<'de> for Value<'_> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Seed::top().deserialize(d)
    }
}

/// Reads one [`Value`] at a depth (0: the top); `exact_numbers`: read serde_json's
/// `arbitrary_precision` number (a one-member object) as the number it is.
#[derive(Clone, Copy)]
struct Seed {
    depth: usize,
    exact_numbers: bool,
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Value<'static>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value<'static>, D::Error> {
        d.deserialize_any(self)
    }
}

/// serde_json's `arbitrary_precision` hands a number over as a map with this one key.
const SERDE_JSON_NUMBER: &str = "$serde_json::private::Number";

impl Seed {
    /// The top of a value a caller gives: `arbitrary_precision` numbers read only where serde_json
    /// really has the feature on, so that an object with that member is not taken for a number.
    fn top() -> Seed {
        Seed { depth: 0, exact_numbers: arbitrary_precision() }
    }

    fn inner(self) -> Seed {
        Seed { depth: self.depth + 1, ..self }
    }

    fn float(n: f64) -> Value<'static> {
        let kind = match n {
            n if n.is_nan() => crate::json::JsKind::NaN,
            f64::INFINITY => crate::json::JsKind::Infinity,
            f64::NEG_INFINITY => crate::json::JsKind::NegInfinity,
            // `{:?}`: the shortest text that reads back as `n`, a JSON number (`39.0`, `1e16`, `1e-5`).
            n => return Value::Number(Cow::Owned(format!("{n:?}"))),
        };
        Value::Other(Box::new(Other::Js { kind, detail: String::new() }))
    }

    fn too_deep(self) -> bool {
        self.depth >= crate::json::MAX_DEPTH
    }
}

/// Does serde_json (the one this crate links, with its `serde_json` feature) have
/// `arbitrary_precision` on? Features are unified across a build, so this is the serde_json of the
/// caller's deserializer too. Without this crate's `serde_json` feature: no.
fn arbitrary_precision() -> bool {
    #[cfg(feature = "serde_json")]
    {
        static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *ON.get_or_init(|| serde_json::from_str::<serde_json::Number>("1.50").is_ok_and(|n| n.to_string() == "1.50"))
    }
    #[cfg(not(feature = "serde_json"))]
    {
        false
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = Value<'static>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value<'static>, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value<'static>, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value<'static>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value<'static>, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value<'static>, E> {
        Ok(Value::Number(Cow::Owned(n.to_string())))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value<'static>, E> {
        Ok(Value::Number(Cow::Owned(n.to_string())))
    }
    fn visit_i128<E>(self, n: i128) -> Result<Value<'static>, E> {
        Ok(Value::Number(Cow::Owned(n.to_string())))
    }
    fn visit_u128<E>(self, n: u128) -> Result<Value<'static>, E> {
        Ok(Value::Number(Cow::Owned(n.to_string())))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value<'static>, E> {
        Ok(Seed::float(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value<'static>, E> {
        Ok(Value::str(s))
    }
    fn visit_string<E>(self, s: String) -> Result<Value<'static>, E> {
        Ok(Value::str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'static>, A::Error> {
        if self.too_deep() {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(Value::Other(Box::new(Other::TooDeep)));
        }
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(self.inner())? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'static>, A::Error> {
        let first = map.next_key::<String>()?;
        if self.exact_numbers && first.as_deref() == Some(SERDE_JSON_NUMBER) {
            // (A number, at any depth.)
            let lit: String = map.next_value()?;
            return if crate::json::is_json_number(&lit) {
                Ok(Value::Number(Cow::Owned(lit)))
            } else {
                Err(de::Error::invalid_value(de::Unexpected::Str(&lit), &"a JSON number"))
            };
        }
        if self.too_deep() {
            // (Read to its end, so that the deserializer goes on after it.)
            if first.is_some() {
                map.next_value::<IgnoredAny>()?;
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            }
            return Ok(Value::Other(Box::new(Other::TooDeep)));
        }
        let mut out: Vec<(Cow<'static, str>, Value<'static>)> = Vec::new();
        let mut key = first;
        while let Some(k) = key {
            let v = map.next_value_seed(self.inner())?;
            out.push((Cow::Owned(k), v));
            key = map.next_key::<String>()?;
        }
        crate::json::dedup_keys(&mut out, false);
        Ok(Value::Object(out))
    }
}

/// A value inside a report (an issue's params), read as [`Value`]'s `Deserialize` reads one, but
/// with serde_json's `arbitrary_precision` number always read as one: a report is this crate's own
/// output, and its params must read back whatever serde_json's features are.
struct Json(Value<'static>);

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        Seed { depth: 0, exact_numbers: true }.deserialize(d).map(Json)
    }
}

/// Reads what [`Report`]'s `Serialize` (and `to_json`) writes, also from the npm package: `ok`,
/// `provider`, `issues`, and optionally `lang` (else `en`); other members are ignored. `ok`, when
/// missing, is computed from the issues; one that disagrees with them (true beside an error, false
/// with none) is an error.
///
/// An issue's code and params must be ones this version of the crate makes: a report from a newer
/// version (a new code, a new type or format word) is an error, not a guess.
impl<'de> Deserialize<'de> for Report {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Report, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Report;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a createimage report {\"ok\", \"provider\", \"issues\"}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Report, A::Error> {
                let (mut ok, mut provider, mut lang, mut issues) = (None, None, None, None);
                while let Some(k) = map.next_key::<Cow<'de, str>>()? {
                    match k.as_ref() {
                        "ok" => ok = Some(map.next_value::<bool>()?),
                        "provider" => provider = Some(map.next_value::<Provider>()?),
                        "lang" => lang = Some(map.next_value::<Lang>()?),
                        "issues" => issues = Some(map.next_value::<Vec<Issue>>()?),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let provider = provider.ok_or_else(|| de::Error::missing_field("provider"))?;
                let issues = issues.ok_or_else(|| de::Error::missing_field("issues"))?;
                let r = Report::new(provider, lang.unwrap_or_default(), issues);
                // `ok` says whether an issue is an error: one that says otherwise is not a report
                // this crate (or the package) made, and `into_result` must not trust it.
                match ok {
                    Some(ok) if ok != r.ok => Err(de::Error::custom(if ok {
                        "`ok` is true but an issue is an error"
                    } else {
                        "`ok` is false but no issue is an error"
                    })),
                    _ => Ok(r),
                }
            }
        }
        d.deserialize_map(V)
    }
}

/// Reads what [`Issue`]'s `Serialize` writes; the kind is rebuilt from `code` and `params` (see
/// [`Report`]'s `Deserialize`).
impl<'de> Deserialize<'de> for Issue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Issue, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Issue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a createimage issue {\"path\", \"code\", \"severity\", \"params\", \"message\", ...}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Issue, A::Error> {
                let (mut path, mut code, mut severity, mut provider_code) = (None, None, None, None);
                let (mut params, mut message, mut suggestion) = (None, None, None);
                let (mut short_message, mut paths) = (None, Vec::new());
                while let Some(k) = map.next_key::<Cow<'de, str>>()? {
                    match k.as_ref() {
                        "path" => path = Some(map.next_value::<String>()?),
                        "code" => code = Some(map.next_value::<Code>()?),
                        "severity" => severity = Some(map.next_value::<Severity>()?),
                        "providerCode" => provider_code = map.next_value::<Option<String>>()?,
                        "params" => params = Some(map.next_value::<Json>()?.0),
                        "message" => message = Some(map.next_value::<String>()?),
                        "shortMessage" => short_message = Some(map.next_value::<String>()?),
                        "suggestion" => suggestion = map.next_value::<Option<String>>()?,
                        "paths" => paths = map.next_value::<Option<Vec<String>>>()?.unwrap_or_default(),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let code = code.ok_or_else(|| de::Error::missing_field("code"))?;
                let params = params.unwrap_or(Value::Object(vec![]));
                let (kind, part) = kind_from(code, &params).map_err(de::Error::custom)?;
                let message: String = message.ok_or_else(|| de::Error::missing_field("message"))?;
                // A report from before `shortMessage`: the message itself, as the JS adapter reads it.
                let short_message = short_message.unwrap_or_else(|| message.clone());
                Ok(Issue {
                    path: path.ok_or_else(|| de::Error::missing_field("path"))?,
                    kind,
                    severity: severity.ok_or_else(|| de::Error::missing_field("severity"))?,
                    provider_code: provider_code.map(Cow::Owned),
                    part,
                    message,
                    short_message,
                    suggestion,
                    paths,
                })
            }
        }
        d.deserialize_map(V)
    }
}

/// The JSON pointers of other fields that `conflict`, `requires` and `missing_one_of` name.
const POINTERS: &[&str] = &["/InstanceId", "/SnapshotIds", "/DataDiskIds", "/tags", "/image_tags"];

/// The lists `bad_state` and `missing_one_of` carry (the enumerations come from the field tables).
const LISTS: &[&[&str]] = &[
    &["RUNNING", "STOPPED"],
    &["SUCCESS", "FAILED"],
    openstack::VM_STATES,
    openstack::NO_TASK,
    &["STOPPED"],
    &["AVAILABLE"],
    &["STANDARD"],
    &["/InstanceId", "/SnapshotIds"],
];

/// The provider ids of each build, in [`Provider::ALL`]'s order: the `allowed` of a report on a
/// provider the build that made it does not hold (`providers::not_built`), one list per subset of
/// the five (a one-provider build's `["tencent"]`, `[]` of a build of none).
static PROVIDER_SETS: [([&str; Provider::ALL.len()], usize); 1 << Provider::ALL.len()] = {
    const N: usize = Provider::ALL.len();
    let mut out = [([""; N], 0); 1 << N];
    let mut m = 0;
    while m < 1 << N {
        let (mut i, mut n) = (0, 0);
        while i < N {
            if m & (1 << i) != 0 {
                out[m].0[n] = Provider::ALL[i].id();
                n += 1;
            }
            i += 1;
        }
        out[m].1 = n;
        m += 1;
    }
    out
};

/// Every list a param can hold: the field tables' enumerations, [`LISTS`] and the builds'
/// provider lists.
fn known_lists() -> impl Iterator<Item = &'static [&'static str]> {
    let tables: [&'static [Field]; 12] = [
        zenlayer::FIELDS,
        tencent::FIELDS,
        tencent::TAG_SPEC_FIELDS,
        tencent::TAG_FIELDS,
        huawei::FIELDS,
        huawei::IMAGE_TAG_FIELDS,
        openstack::FIELDS,
        openstack::BODY_FIELDS,
        openstack::CREATE_IMAGE_SEED,
        openstack::CREATE_IMAGE_NOVA,
        &[openstack::META_KEY_SEED, openstack::META_VALUE_SEED],
        &[openstack::META_KEY_NOVA, openstack::META_VALUE_NOVA],
    ];
    let enums = tables.into_iter().flatten().flat_map(|f| match f.ty {
        Ty::Enum { values, narrower, .. } => [Some(values), narrower.map(|(n, _)| n)],
        _ => [None, None],
    });
    let enums = enums.flatten();
    let builds = PROVIDER_SETS.iter().map(|(ids, n)| &ids[..*n]);
    enums.chain(LISTS.iter().copied()).chain(builds)
}

/// A whole number as a report writes it (`report::Param::Int`): a JSON number of plain digits
/// (`-?(0|[1-9][0-9]*)`, not `-0`) of magnitude below 2^53, or, from 2^53 on, those digits as a
/// string (which no JSON reader would round). Any other form (`1.0`, `2.5e1`, `"25"`, `01`) is
/// no report's.
fn whole(v: &Value<'_>) -> Option<i64> {
    let (lit, quoted) = match v {
        Value::Number(n) => (n.as_ref(), false),
        Value::String(s) => (s.as_ref(), true),
        _ => return None,
    };
    if !plain_integer(lit) || lit == "-0" {
        return None;
    }
    let n: i64 = lit.parse().ok()?;
    ((n.unsigned_abs() < 1 << 53) != quoted).then_some(n)
}

/// Rebuild a kind (and the issue's part) from its code and params.
fn kind_from(code: Code, p: &Value<'_>) -> Result<(Kind, Option<&'static str>), String> {
    let get = |name: &str| p.get(name).ok_or_else(|| format!("{code}: params without \"{name}\""));
    let string = |name: &str| -> Result<String, String> {
        get(name)?.as_str().map(str::to_owned).ok_or_else(|| format!("{code}: params.{name} is not a string"))
    };
    // A whole number in the one form a report writes it (`Kind::params`: a JSON number of plain
    // digits below 2^53 in magnitude, past that the same digits as a string).
    let int = |name: &str| -> Result<i64, String> {
        whole(get(name)?).ok_or_else(|| format!("{code}: params.{name} is not a 64-bit integer"))
    };
    let unsigned = |name: &str| -> Result<u64, String> {
        whole(get(name)?)
            .and_then(|v| u64::try_from(v).ok())
            .ok_or_else(|| format!("{code}: params.{name} is not an integer"))
    };
    let size = |name: &str| {
        unsigned(name).and_then(|v| {
            usize::try_from(v).map_err(|_| format!("{code}: params.{name} is past this platform's usize"))
        })
    };
    let word = |name: &str, words: &[&'static str]| -> Result<&'static str, String> {
        let s = string(name)?;
        words
            .iter()
            .copied()
            .find(|w| *w == s)
            .ok_or_else(|| format!("{code}: params.{name} {s:?} is not one this version makes"))
    };
    let list = |name: &str| -> Result<&'static [&'static str], String> {
        let given: Vec<&str> = match get(name)? {
            Value::Array(a) => a.iter().map(|x| x.as_str().unwrap_or("\u{0}")).collect(),
            _ => return Err(format!("{code}: params.{name} is not a list")),
        };
        known_lists()
            .find(|l| l.len() == given.len() && l.iter().zip(&given).all(|(a, b)| a == b))
            .ok_or_else(|| format!("{code}: params.{name} {given:?} is not one this version makes"))
    };
    let types: Vec<&'static str> = TYPES.iter().map(|t| t.0).collect();
    let whats: Vec<&'static str> = WHATS.iter().map(|t| t.0).collect();
    let formats: Vec<&'static str> = FORMATS.iter().map(|t| t.0).collect();
    let kind = match code {
        Code::Required => Kind::Required,
        // A context field's wrong type names the field (`context.<name>` or `context`).
        Code::WrongType if p.get("field").is_some() => Kind::ContextType {
            field: string("field")?,
            expected: word("expected", &types)?,
            actual: word("actual", &types)?,
        },
        Code::WrongType => Kind::WrongType { expected: word("expected", &types)?, actual: word("actual", &types)? },
        Code::Empty => Kind::Empty,
        Code::TooShort | Code::TooLong => {
            let unit = match string("unit")?.as_str() {
                "chars" => Unit::Chars,
                "bytes" => Unit::Bytes,
                u => return Err(format!("{code}: unknown unit {u:?}")),
            };
            let actual = size("actual")?;
            if code == Code::TooShort {
                Kind::TooShort { min: size("min")?, actual, unit }
            } else {
                Kind::TooLong { max: size("max")?, actual, unit }
            }
        }
        Code::OutOfRange => {
            // A number, or the literal as a string where no writer would keep it (`"1e400"`).
            let actual = match get("actual")? {
                Value::Number(n) => n.to_string(),
                Value::String(t) if matches!(Value::parse(t), Ok(Value::Number(_))) => t.to_string(),
                _ => return Err(format!("{code}: params.actual is not a number or a number literal")),
            };
            Kind::OutOfRange { min: int("min")?, max: int("max")?, actual }
        }
        Code::BadChar => {
            let cp = string("codePoint")?;
            // Exactly as the report writes it (`text::code_point`): `U+` and 4-6 upper-case hex
            // digits of a code point up to U+10FFFF (a lone surrogate's too).
            let code_point = cp
                .strip_prefix("U+")
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .filter(|&v| v <= 0x10FFFF && crate::text::code_point(v) == cp)
                .ok_or_else(|| format!("{code}: params.codePoint {cp:?} is not U+XXXX"))?;
            // The character of the code point (`null` for an unpaired surrogate's), as written.
            let ch = match get("char")? {
                Value::String(s) if s.chars().count() == 1 => s.chars().next(),
                _ => None,
            };
            if ch != char::from_u32(code_point) || (ch.is_none() && get("char")? != &Value::Null) {
                return Err(format!("{code}: params.char is not the character of codePoint {cp}"));
            }
            Kind::BadChar { ch, code_point, index: size("index")? }
        }
        Code::BadFormat => Kind::BadFormat { format: word("format", &formats)? },
        Code::NotAllowed => Kind::NotAllowed { allowed: list("allowed")?, actual: string("actual")? },
        Code::Conflict => Kind::Conflict { with: word("with", POINTERS)? },
        Code::MissingOneOf => Kind::MissingOneOf { fields: list("fields")? },
        Code::Requires => Kind::Requires { field: word("field", POINTERS)? },
        Code::Duplicate => Kind::Duplicate { value: string("value")?, first: string("first")? },
        Code::UnknownField => Kind::UnknownField { field: string("field")? },
        Code::TooMany => Kind::TooMany { max: unsigned("max")?, actual: unsigned("actual")? },
        Code::TooDeep => Kind::TooDeep { max: size("max")? },
        Code::Unreadable => Kind::Unreadable { detail: string("detail")? },
        Code::NotFound => Kind::NotFound { what: word("what", &whats)?, value: string("value")? },
        Code::BadState => {
            Kind::BadState { what: word("what", &whats)?, state: string("state")?, allowed: list("allowed")? }
        }
        Code::QuotaExceeded if p.get("remaining").is_some() => match whole(get("remaining")?) {
            Some(0) => Kind::NoQuotaLeft,
            _ => return Err(format!("{code}: params.remaining is not 0")),
        },
        Code::QuotaExceeded => Kind::QuotaExceeded { limit: unsigned("limit")?, actual: unsigned("actual")? },
        Code::NotSupported => Kind::NotSupported { what: word("what", &whats)?, value: string("value")? },
        Code::Mismatch => {
            Kind::Mismatch { what: word("what", &whats)?, expected: string("expected")?, actual: string("actual")? }
        }
        Code::AlreadyExists => Kind::AlreadyExists { value: string("value")? },
    };
    let part = match p.get("part") {
        None => None,
        Some(v) => Some(word("part", &["key", "value"]).map_err(|_| format!("{code}: bad part {v:?}"))?),
    };
    Ok((kind, part))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        use crate::json::lossy_string;
        assert_eq!(lossy_string(r"ab\ud800c"), "ab\u{FFFD}c");
        assert_eq!(lossy_string(r#"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"#), "\"\\/\u{8}\u{C}\n\r\té😀");
        assert_eq!(lossy_string(r"\udc00\ud800"), "\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn plain_integers() {
        for lit in ["0", "-1", "40", "123456789012345678901234567890"] {
            assert!(plain_integer(lit), "{lit}");
        }
        for lit in ["", "-", "01", "40.0", "4e1", "-01", "1.5"] {
            assert!(!plain_integer(lit), "{lit}");
        }
    }

    #[test]
    fn every_list_a_kind_can_carry_is_known() {
        // The enumerations the checker passes as `allowed` are the field tables' `values`.
        assert!(known_lists().any(|l| l == ["Windows", "Linux"]));
        assert!(known_lists().any(|l| l == ["true", "false", "TRUE", "FALSE"]));
        assert!(known_lists().any(|l| l == openstack::VM_STATES));
    }
}
