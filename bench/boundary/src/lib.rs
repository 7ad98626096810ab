//! The boundary experiment: the same `check` / `check_field` exported with each way of crossing
//! the JS-to-wasm boundary, plus stage probes, so bench/js-extra.mjs can time them side by side.
//!
//! (1) the package itself (pkg/, timed through pkg/index.js): its exports are also compiled in here
//!     (wasm/src/bindings.rs, the `createimage-wasm` crate's exports) for the size comparison.
//! (2) JsValue in: serde-wasm-bindgen walks the JS object into `createimage::json::Value`
//!     (the `ValueSeed` visitor below), then the same check; the report out as JSON text.
//! (3) text in, report out as JS objects: `report.to_value()` serialized by serde-wasm-bindgen's
//!     `Serializer::json_compatible()` (through the `Ser` newtype below).
//! (4) both: JsValue in and JS objects out.
//! Probes: `noop_str4` (four strings in, a string out: the old crossing), `noop` (one string in,
//! a number out), `parse_only`, `rules_only` (parse + rules + the Rust `Report`), `report_text`
//! (+ the report as JSON text, returned).
//!
//! Every variant answers `""` / `undefined` for a valid request with no issues, as the package does.
//! This is an experiment: the serde paths do not keep what the text bridge keeps (cycles, getters
//! that throw, BigInt, lone surrogates, depth limit, `undefined` members); see docs/performance.md.

// The package's own #[wasm_bindgen] exports, compiled into this module: the file of the
// createimage-wasm crate (a cdylib, so it cannot be linked as a library), under the names it
// expects at the crate root (as that crate's lib.rs gives them).
#[cfg(feature = "text")]
#[path = "../../../wasm/src/bindings.rs"]
mod bindings;
// (What wasm/src/lib.rs gives the bindings at its crate root: the same file.)
#[cfg(feature = "text")]
include!("../../../wasm/src/root.rs");

#[cfg(any(feature = "js-in", feature = "js-out", feature = "buffer", feature = "probes"))]
use createimage::__private::parse_with;
#[cfg(all(not(feature = "text"), any(feature = "js-in", feature = "js-out", feature = "buffer", feature = "probes")))]
use createimage::{Lang, Options, Provider};
#[cfg(any(feature = "js-in", feature = "js-out", feature = "buffer", feature = "probes"))]
use createimage::Value;
#[cfg(any(feature = "js-in", feature = "js-out", feature = "buffer", feature = "probes"))]
use wasm_bindgen::prelude::*;

#[cfg(any(feature = "js-in", feature = "js-out", feature = "buffer", feature = "probes"))]
fn options<'a>(lang: &str) -> Options<'a> {
    Options::lang(Lang::parse(lang).unwrap_or_default())
}

#[cfg(any(feature = "js-in", feature = "js-out", feature = "buffer", feature = "probes"))]
fn provider(id: &str) -> Provider {
    // The timing only sends known ids; an unknown one would be refused by the real exports.
    Provider::parse(id).unwrap_or(Provider::Zenlayer)
}

// ---------------------------------------------------------------------------------------------
// (2) JsValue in: a serde Visitor that builds createimage::json::Value.

#[cfg(feature = "js-in")]
mod js_in {
    use super::*;
    use createimage::{JsKind, Other};
    use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::borrow::Cow;
    use std::fmt;

    pub struct ValueSeed;

    impl<'de> DeserializeSeed<'de> for ValueSeed {
        type Value = Value<'static>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value<'static>, D::Error> {
            d.deserialize_any(ValueVisitor)
        }
    }

    struct ValueVisitor;

    fn js(kind: JsKind) -> Value<'static> {
        Value::Other(Box::new(Other::Js { kind, detail: String::new() }))
    }

    impl<'de> Visitor<'de> for ValueVisitor {
        type Value = Value<'static>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, b: bool) -> Result<Self::Value, E> {
            Ok(Value::Bool(b))
        }
        fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
            Ok(Value::num(n))
        }
        fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
            Ok(match i64::try_from(n) {
                Ok(n) => Value::num(n),
                Err(_) => Value::Number(Cow::Owned(n.to_string())),
            })
        }
        fn visit_f64<E>(self, x: f64) -> Result<Self::Value, E> {
            Ok(if x.is_nan() {
                js(JsKind::NaN)
            } else if x.is_infinite() {
                js(if x > 0.0 { JsKind::Infinity } else { JsKind::NegInfinity })
            } else {
                // Rust's shortest round-trip form is a valid JSON number literal.
                Value::Number(Cow::Owned(format!("{x}")))
            })
        }
        fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
            Ok(Value::str(s))
        }
        fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
            Ok(Value::String(Cow::Owned(s)))
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Value::Null)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(Value::Null)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(ValueVisitor)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(v) = seq.next_element_seed(ValueSeed)? {
                items.push(v);
            }
            Ok(Value::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(k) = map.next_key::<String>()? {
                let v = map.next_value_seed(ValueSeed)?;
                entries.push((Cow::Owned(k), v));
            }
            Ok(Value::Object(entries))
        }
    }

    /// The JS value as a Value; an error (a Symbol, a Map key that is not a string, ...) as the
    /// bridge's "unreadable" token, so the check reports it instead of throwing.
    pub fn from_js(v: JsValue) -> Value<'static> {
        let d = serde_wasm_bindgen::Deserializer::from(v);
        match ValueSeed.deserialize(d) {
            Ok(v) => v,
            Err(e) => Value::Other(Box::new(Other::Js { kind: JsKind::Unreadable, detail: e.to_string() })),
        }
    }
}

/// (2) JsValue in, report text out.
#[cfg(feature = "js-in")]
#[wasm_bindgen]
pub fn check_js_in(provider_id: &str, request: JsValue, lang: &str) -> String {
    let req = js_in::from_js(request);
    let r = createimage::check(provider(provider_id), &req, &options(lang));
    if r.ok && r.issues.is_empty() {
        String::new()
    } else {
        r.to_json()
    }
}

#[cfg(feature = "js-in")]
#[wasm_bindgen]
pub fn check_field_js_in(provider_id: &str, path: &str, value: JsValue, lang: &str) -> String {
    let v = js_in::from_js(value);
    let r = createimage::check_field(provider(provider_id), path, &v, &options(lang));
    if r.ok && r.issues.is_empty() {
        String::new()
    } else {
        r.to_json()
    }
}

// ---------------------------------------------------------------------------------------------
// (3) report out as JS objects: Serialize for Value through a newtype.

#[cfg(feature = "js-out")]
mod js_out {
    use super::*;
    use createimage::__private::number_as_i64;
    use createimage::Other;
    use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

    pub struct Ser<'v, 'a>(pub &'v Value<'a>);

    impl Serialize for Ser<'_, '_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self.0 {
                Value::Null => s.serialize_unit(),
                Value::Bool(b) => s.serialize_bool(*b),
                Value::Number(n) => match number_as_i64(n) {
                    Some(i) => s.serialize_i64(i),
                    None => s.serialize_f64(n.parse().unwrap_or(f64::NAN)),
                },
                Value::String(t) => s.serialize_str(t),
                Value::Array(a) => {
                    let mut seq = s.serialize_seq(Some(a.len()))?;
                    for x in a {
                        seq.serialize_element(&Ser(x))?;
                    }
                    seq.end()
                }
                Value::Object(m) => {
                    let mut map = s.serialize_map(Some(m.len()))?;
                    for (k, x) in m {
                        map.serialize_entry(k.as_ref(), &Ser(x))?;
                    }
                    map.end()
                }
                Value::Other(o) => match &**o {
                    Other::LoneSurrogate { raw, .. } => s.serialize_str(raw),
                    _ => s.serialize_unit(),
                },
            }
        }
    }

    /// `undefined` for a valid report with no issues, else the report as plain JS objects.
    pub fn report(r: &createimage::Report) -> JsValue {
        if r.ok && r.issues.is_empty() {
            return JsValue::UNDEFINED;
        }
        let ser = serde_wasm_bindgen::Serializer::json_compatible();
        Ser(&r.to_value()).serialize(&ser).unwrap_or(JsValue::NULL)
    }
}

/// (3) request text in, report out as JS objects.
#[cfg(feature = "js-out")]
#[wasm_bindgen]
pub fn check_js_out(provider_id: &str, request: &str, lang: &str) -> JsValue {
    match parse_with(request, true) {
        Ok(req) => js_out::report(&createimage::check(provider(provider_id), &req, &options(lang))),
        Err(e) => JsValue::from_str(&e.to_string()),
    }
}

#[cfg(feature = "js-out")]
#[wasm_bindgen]
pub fn check_field_js_out(provider_id: &str, path: &str, value: &str, lang: &str) -> JsValue {
    match parse_with(value, true) {
        Ok(v) => js_out::report(&createimage::check_field(provider(provider_id), path, &v, &options(lang))),
        Err(e) => JsValue::from_str(&e.to_string()),
    }
}

/// (4) JsValue in, JS objects out.
#[cfg(all(feature = "js-in", feature = "js-out"))]
#[wasm_bindgen]
pub fn check_js_both(provider_id: &str, request: JsValue, lang: &str) -> JsValue {
    let req = js_in::from_js(request);
    js_out::report(&createimage::check(provider(provider_id), &req, &options(lang)))
}

#[cfg(all(feature = "js-in", feature = "js-out"))]
#[wasm_bindgen]
pub fn check_field_js_both(provider_id: &str, path: &str, value: JsValue, lang: &str) -> JsValue {
    let v = js_in::from_js(value);
    js_out::report(&createimage::check_field(provider(provider_id), path, &v, &options(lang)))
}

// ---------------------------------------------------------------------------------------------
// Stage probes: each does one more stage than the one before; provider as its index in
// Provider::ALL, English; 0 back (or "" for report_text on a valid request).

/// Four strings cross in and an empty string comes back: the package's crossing before it passed
/// numbers (provider, request, lang, context in; the report text out).
#[cfg(feature = "probes")]
#[wasm_bindgen]
pub fn noop_str4(provider_id: &str, request: &str, lang: &str, context: &str) -> String {
    let _ = (provider_id, request, lang, context);
    String::new()
}

/// One string crosses in, a number comes back (the package's `check` shape: numbers and the text).
#[cfg(feature = "probes")]
#[wasm_bindgen]
pub fn noop(request: &str) -> u32 {
    request.len() as u32 & 0
}

/// + parse the request text.
#[cfg(feature = "probes")]
#[wasm_bindgen]
pub fn parse_only(request: &str) -> u32 {
    match parse_with(request, true) {
        Ok(v) => {
            std::hint::black_box(&v);
            0
        }
        Err(_) => 2,
    }
}

#[cfg(feature = "probes")]
fn probe_provider(ix: u32) -> Provider {
    Provider::ALL.get(ix as usize).copied().unwrap_or(Provider::Zenlayer)
}

/// + the rules and the Rust `Report` (issues with their messages), no report text.
#[cfg(feature = "probes")]
#[wasm_bindgen]
pub fn rules_only(provider_ix: u32, request: &str) -> u32 {
    match parse_with(request, true) {
        Ok(v) => {
            let r = createimage::check(probe_provider(provider_ix), &v, &options("en"));
            u32::from(!(r.ok && r.issues.is_empty()))
        }
        Err(_) => 2,
    }
}

/// + the report as JSON text, returned as a string ("" when valid with no issues).
#[cfg(feature = "probes")]
#[wasm_bindgen]
pub fn report_text(provider_ix: u32, request: &str) -> String {
    match parse_with(request, true) {
        Ok(v) => {
            let r = createimage::check(probe_provider(provider_ix), &v, &options("en"));
            if r.ok && r.issues.is_empty() {
                String::new()
            } else {
                r.to_json()
            }
        }
        Err(e) => e.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// (5) persistent buffers: the request text is written by JS (TextEncoder.encodeInto) straight into
// a buffer that lives in wasm memory; the call passes numbers only; the answer is 0 for a valid
// request with no issues, else the length of the report text left in the output buffer.

#[cfg(feature = "buffer")]
mod buffer {
    use createimage::__private::parse_with;
    use createimage::{Lang, Options, Provider, Report};
    use std::cell::RefCell;

    pub struct Io {
        pub input: Vec<u8>,
        pub output: String,
    }

    thread_local! {
        pub static IO: RefCell<Io> = const { RefCell::new(Io { input: Vec::new(), output: String::new() }) };
    }

    pub fn options<'a>(lang: u8) -> Options<'a> {
        Options::lang(if lang == 1 { Lang::Zh } else { Lang::En })
    }

    pub fn provider(index: u8) -> Provider {
        Provider::ALL.get(index as usize).copied().unwrap_or(Provider::Zenlayer)
    }

    /// The text at `input[start..start + len]`, if it is there and UTF-8.
    pub fn text(input: &[u8], start: usize, len: usize) -> Option<&str> {
        input.get(start..start.checked_add(len)?).and_then(|b| std::str::from_utf8(b).ok())
    }

    /// Run `f` on the input buffer; leave its report's text in `output`, return its length
    /// (0: valid with no issues).
    pub fn answer(f: impl FnOnce(&[u8]) -> Option<Report>) -> usize {
        IO.with(|io| {
            let mut io = io.borrow_mut();
            let Io { input, output } = &mut *io;
            output.clear();
            match f(input) {
                Some(r) if r.ok && r.issues.is_empty() => 0,
                Some(r) => {
                    output.push_str(&r.to_json());
                    output.len()
                }
                None => {
                    output.push_str("{\"ok\":false,\"provider\":\"\",\"issues\":[]}");
                    output.len()
                }
            }
        })
    }

    pub fn check(provider_ix: u8, len: usize, lang: u8) -> usize {
        answer(|input| {
            let v = parse_with(text(input, 0, len)?, true).ok()?;
            Some(createimage::check(provider(provider_ix), &v, &options(lang)))
        })
    }
}

/// (5) The input buffer, grown to at least `cap` bytes; its address (it moves when it grows).
#[cfg(feature = "buffer")]
#[wasm_bindgen]
pub fn buffer_in(cap: usize) -> *mut u8 {
    buffer::IO.with(|io| {
        let mut io = io.borrow_mut();
        if io.input.len() < cap {
            io.input.resize(cap, 0);
        }
        io.input.as_mut_ptr()
    })
}

/// (5) The output buffer's address (valid until the next call).
#[cfg(feature = "buffer")]
#[wasm_bindgen]
pub fn buffer_out() -> *const u8 {
    buffer::IO.with(|io| io.borrow().output.as_ptr())
}

/// (5) Check the request text in the input buffer (`len` bytes). Provider: the index in
/// `Provider::ALL`; lang: 0 English, 1 Chinese. 0 = valid with no issues, else the report's length.
#[cfg(feature = "buffer")]
#[wasm_bindgen]
pub fn buffer_check(provider_ix: u8, len: usize, lang: u8) -> usize {
    buffer::check(provider_ix, len, lang)
}

/// (5) checkField: the input buffer holds the path (`path_len` bytes) then the value's JSON.
#[cfg(feature = "buffer")]
#[wasm_bindgen]
pub fn buffer_check_field(provider_ix: u8, path_len: usize, value_len: usize, lang: u8) -> usize {
    buffer::answer(|input| {
        let path = buffer::text(input, 0, path_len)?;
        let v = parse_with(buffer::text(input, path_len, value_len)?, true).ok()?;
        Some(createimage::check_field(buffer::provider(provider_ix), path, &v, &buffer::options(lang)))
    })
}
