//! The WebAssembly bindings: JSON text in, JSON text out. Nothing else of JS is known here.
//!
//! Why text: the JS side turns any value (getters that throw, cycles, BigInt, lone surrogates, ...)
//! into JSON text plus a few `@` tokens in one walk, and one string crosses the boundary; the
//! report comes back as one string for one `JSON.parse`. A valid request with no issues comes
//! back as the empty string, so the common keystroke builds nothing on either side.
//! Every export returns; none panics on any input (a panic would poison the module).
//!
//! - The `@` tokens are read only in text the package's own encoder wrote (`bridge` = 1 in
//!   [`check`]; always for `normalize`, `to_http` and contexts, which only the encoder writes).
//!   Text a caller gives (`validateText`) is plain JSON: `@nan` there is not JSON.
//! - Text over [`MAX_TEXT_BYTES`] is refused with one `unreadable` issue (the JS side refuses it
//!   before copying it in; [`too_large`] makes that report).
//! - A key holding an unpaired surrogate keeps its path: the text is parsed with a placeholder
//!   per surrogate ([`Marks`]) and every placeholder in the answer is written back as its
//!   `\udXXX` escape, so `JSON.parse` gives the caller's own key in paths, params and messages.
//!
//! The exports' comments are `//`, not `///`: wasm-bindgen copies doc comments into the JS glue,
//! where they cost ~750 B gzipped in every page that does not minify it (pkg/index.d.ts documents
//! the API).
//!
//! `normalize` and `to_http` are built with the `transform` feature only: the package's browser
//! entries load a module without them (8.7 KB gzipped less for all five providers, 7.3-7.6 KB for
//! one; issue 11) and a second, full module only on a page that imports `normalize` or `toHttp`
//! (scripts/gen-entries.mjs).
//!
//! `describe` and `json_schema` are not here: they are data, generated at build time into
//! `pkg/rules.js` by the native CLI from the same tables (code in the wasm would cost more bytes).

use crate::json::{
    parse_error_text, parse_marked, parse_string_marked, unmarked, write_str, Marks, Other, Value, MAX_TEXT_BYTES,
};
use crate::{Lang, Options, Provider};
use wasm_bindgen::prelude::*;

/// The language of a BCP 47 tag (`zh-Hans-CN` is Chinese; any other tag English).
#[cfg(feature = "transform")]
fn lang(l: &str) -> Lang {
    Lang::from_bcp47(l)
}

/// The language as the exports take it: 1 Chinese, anything else English (the JS side has read the
/// caller's BCP 47 tag).
fn lang_of(l: u32) -> Lang {
    if l == 1 {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The console's `labels` (a JSON object of strings, `""` for none: other members are ignored),
/// parsed with `marks` (a key holding an unpaired surrogate then names exactly that key), and
/// whether a key holds one.
fn labels_of(text: &str, marks: Option<&Marks>) -> (Vec<(String, String)>, bool) {
    let mut labels = Vec::new();
    let parsed = if text.is_empty() { None } else { parse_marked(text, false, marks).ok() };
    let Some((Value::Object(m), bad)) = parsed else { return (labels, false) };
    for (k, v) in &m {
        // Under a key holding an unpaired surrogate, the parser wraps the value.
        if let Value::String(s) = unmarked(v) {
            labels.push((k.to_string(), s.to_string()));
        }
    }
    (labels, bad)
}

/// The options of a call: the labels (see [`labels_of`]) and `flags` (bit 0: `emptyAsAbsent`).
fn options<'t>(lang: Lang, context: Option<Value<'t>>, labels: Vec<(String, String)>, flags: u32) -> Options<'t> {
    // (The fields set, not `with_labels`: its conversion of each pair costs the wasm code.)
    let mut o = Options::lang(lang);
    o.context = context;
    o.labels = labels;
    o.empty_as_absent = flags & 1 == 1;
    o
}

/// A report for a call that could not start (unknown provider, text that is not JSON), written as
/// JSON text directly: `params` is `"name":value,...` with `actual` last, given as a string; the
/// `shortMessage` is the message without its full stop.
fn refusal(provider: &str, lang: Lang, code: &str, params: &str, actual: &str, en: &str, zh: &str) -> String {
    let message = if lang == Lang::Zh { zh } else { en };
    let mut out = String::from("{\"ok\":false,\"provider\":");
    write_str(&mut out, provider);
    out.push_str(",\"issues\":[{\"path\":\"\",\"code\":\"");
    out.push_str(code);
    out.push_str("\",\"severity\":\"error\",\"params\":{");
    out.push_str(params);
    out.push_str("\"actual\":");
    write_str(&mut out, actual);
    out.push_str("},\"message\":");
    write_str(&mut out, message);
    out.push_str(",\"shortMessage\":");
    write_str(&mut out, crate::text::trim_stops(message));
    out.push_str("}]}");
    out
}

/// The provider of a one-provider build (`--no-default-features --features huawei`: the module of a
/// browser flavor such as `createimage/huawei`); `None` in a build with more. Such an entry passes
/// its own provider only; a call for another gets [`unknown_provider`]'s refusal naming the one it
/// has, so the core's `not_built` report and its dispatch to the providers not built are not
/// linked (the first module: huawei -384 B gzip, tencent -191; docs/performance.md).
const SOLE: Option<Provider> = {
    let built = [
        cfg!(feature = "zenlayer"),
        cfg!(feature = "tencent"),
        cfg!(feature = "openstack"),
        cfg!(feature = "nova"),
        cfg!(feature = "huawei"),
    ];
    let (mut n, mut i, mut at) = (0, 0, 0);
    while i < built.len() {
        if built[i] {
            n += 1;
            at = i;
        }
        i += 1;
    }
    if n == 1 {
        Some(Provider::ALL[at])
    } else {
        None
    }
};

/// [`unknown_provider`]'s message: (English, Chinese).
const UNKNOWN: (&str, &str) = match SOLE {
    None => (
        "Unknown provider: use zenlayer, tencent, openstack, nova or huawei.",
        "未知的云厂商：请使用 zenlayer、tencent、openstack、nova 或 huawei。",
    ),
    Some(Provider::Zenlayer) => {
        ("This build of createimage has the rules of zenlayer only.", "此 createimage 构建只包含 zenlayer 的规则。")
    }
    Some(Provider::Tencent) => {
        ("This build of createimage has the rules of tencent only.", "此 createimage 构建只包含 tencent 的规则。")
    }
    Some(Provider::OpenStack) => {
        ("This build of createimage has the rules of openstack only.", "此 createimage 构建只包含 openstack 的规则。")
    }
    Some(Provider::Nova) => {
        ("This build of createimage has the rules of nova only.", "此 createimage 构建只包含 nova 的规则。")
    }
    Some(Provider::Huawei) => {
        ("This build of createimage has the rules of huawei only.", "此 createimage 构建只包含 huawei 的规则。")
    }
    Some(_) => panic!("a provider without its one-provider message"),
};

/// [`unknown_provider`]'s `allowed` param, as [`refusal`] takes it: the providers this build can
/// check (all five, or [`SOLE`]), written out (a loop over [`Provider::ALL`] building it cost
/// the module more: huawei -86 B inline; the constant below checks the texts at compile time).
const ALLOWED: &str = match SOLE {
    None => r#""allowed":["zenlayer","tencent","openstack","nova","huawei"],"#,
    Some(Provider::Zenlayer) => r#""allowed":["zenlayer"],"#,
    Some(Provider::Tencent) => r#""allowed":["tencent"],"#,
    Some(Provider::OpenStack) => r#""allowed":["openstack"],"#,
    Some(Provider::Nova) => r#""allowed":["nova"],"#,
    Some(Provider::Huawei) => r#""allowed":["huawei"],"#,
    Some(_) => panic!("a provider without its one-provider list"),
};

/// [`ALLOWED`] names the ids of the providers this build checks, in [`Provider::ALL`]'s order:
/// checked at compile time (`"allowed":[`, each id quoted with commas between, `],`).
const _: () = {
    const fn eat(s: &[u8], mut at: usize, word: &[u8]) -> usize {
        let mut k = 0;
        while k < word.len() {
            assert!(at < s.len() && s[at] == word[k], "ALLOWED does not name the built providers");
            at += 1;
            k += 1;
        }
        at
    }
    let s = ALLOWED.as_bytes();
    let mut at = eat(s, 0, b"\"allowed\":[");
    let (mut i, mut n) = (0, 0);
    while i < Provider::ALL.len() {
        let p = Provider::ALL[i];
        let built = match SOLE {
            Some(only) => only as u8 == p as u8,
            None => true,
        };
        if built {
            at = eat(s, at, if n == 0 { b"\"" } else { b",\"" });
            at = eat(s, at, p.id().as_bytes());
            at = eat(s, at, b"\"");
            n += 1;
        }
        i += 1;
    }
    assert!(eat(s, at, b"],") == s.len(), "ALLOWED does not name the built providers");
};

/// The refusal of a provider id this build cannot check: `not_allowed` at `""`, `allowed` the
/// providers it can ([`ALLOWED`]).
fn unknown_provider(provider: &str, lang: Lang) -> String {
    refusal(provider, lang, "not_allowed", ALLOWED, provider, UNKNOWN.0, UNKNOWN.1)
}

/// `p` where this build checks it: every provider, or only [`SOLE`], which is then returned as the
/// constant it is (so the core's dispatch on it folds); `None` for another.
#[inline(always)]
fn checked(p: Provider) -> Option<Provider> {
    match SOLE {
        Some(only) if only != p => None,
        Some(only) => Some(only),
        None => Some(p),
    }
}

/// The refusal of a call [`args`] refuses: an index out of range (in English, without an id),
/// or a provider this build does not check.
fn refused(provider: u32, lang: u32) -> String {
    match Provider::ALL.get(provider as usize) {
        Some(p) => unknown_provider(p.id(), lang_of(lang)),
        None => unknown_provider("", Lang::En),
    }
}

fn bad_text(provider: &str, lang: Lang, e: &crate::ParseError) -> String {
    refusal(
        provider,
        lang,
        "wrong_type",
        "\"expected\":\"JSON\",",
        // (Its Display text, without the `Formatter` that `to_string` would bring into the module.)
        &parse_error_text(e),
        "The request could not be read as JSON.",
        "无法将请求读取为 JSON。",
    )
}

/// The texts of a call, parsed: the request (`check_field`: the field's value), the context,
/// the labels and `check_field`'s path (see [`parse_all`]), with the placeholders of keys holding
/// unpaired surrogates when there are any.
struct Parsed<'t> {
    request: Value<'t>,
    context: Option<Value<'t>>,
    labels: Vec<(String, String)>,
    path: String,
    marks: Option<Marks>,
}

/// Parse the texts of a call: `context` `""` for none; `path` a JSON string literal (a text that
/// is not one is the path itself; `""` for the calls without a path). When a key holds an
/// unpaired surrogate, every text is parsed again with placeholders (only such calls pay for
/// it). The placeholders avoid every character of the texts, so none is mistaken for one on the
/// way back (a label holding a private-use character stays itself).
fn parse_all<'t>(
    request: &'t str,
    bridge: bool,
    context: &'t str,
    labels: &str,
    path: &str,
) -> Result<Parsed<'t>, crate::ParseError> {
    let texts = (request, bridge, context, labels, path);
    let (first, bad) = parse_pass(texts, None)?;
    match bad.then(|| Marks::avoiding(&[request, context, labels, path])).flatten() {
        Some(marks) => Ok(parse_pass(texts, Some(marks))?.0),
        None => Ok(first),
    }
}

/// One pass of [`parse_all`], with `marks` or without; also whether a key holds an unpaired
/// surrogate.
fn parse_pass<'t>(
    (request, bridge, context, labels, path): (&'t str, bool, &'t str, &str, &str),
    marks: Option<Marks>,
) -> Result<(Parsed<'t>, bool), crate::ParseError> {
    let m = marks.as_ref();
    let (request, bad_req) = parse_marked(request, bridge, m)?;
    let (context, bad_ctx) = match context {
        "" => (None, false),
        t => parse_marked(t, true, m).map(|(v, b)| (Some(v), b))?,
    };
    let (labels, bad_labels) = labels_of(labels, m);
    let (path, bad_path) = parse_string_marked(path, m).unwrap_or_else(|_| (path.to_owned(), false));
    Ok((Parsed { request, context, labels, path, marks }, bad_req || bad_ctx || bad_labels || bad_path))
}

fn restore(text: String, marks: &Option<Marks>) -> String {
    match marks {
        Some(m) => m.restore(text),
        None => text,
    }
}

/// The size refusal, when `request` or `context` is over the limit.
fn oversize(p: Provider, lang: Lang, texts: &[&str]) -> Option<String> {
    texts.iter().any(|t| t.len() > MAX_TEXT_BYTES).then(|| crate::providers::too_large(p, lang).to_json())
}

/// Parse the pieces of a `normalize`/`to_http` call; `Err` is the finished answer.
#[cfg(feature = "transform")]
fn setup<'t>(
    provider: &str,
    text: &'t str,
    lang_id: &str,
    context: &'t str,
    labels: &str,
    flags: u32,
) -> Result<(Provider, Value<'t>, Options<'t>, Option<Marks>), String> {
    let lang = lang(lang_id);
    let p = Provider::parse(provider).ok_or_else(|| unknown_provider(provider, lang))?;
    let p = checked(p).ok_or_else(|| unknown_provider(provider, lang))?;
    if let Some(r) = oversize(p, lang, &[text, context, labels]) {
        return Err(r);
    }
    let t = parse_all(text, true, context, labels, "").map_err(|e| bad_text(provider, lang, &e))?;
    Ok((p, t.request, options(lang, t.context, t.labels, flags), t.marks))
}

thread_local! {
    /// The report of the last `check`/`check_field` that had something to say, for `take_report`.
    static LAST: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The provider at index `i` of [`Provider::ALL`] (the JS side maps ids to indexes and handles
/// unknown ids with [`refuse`]) and the language (0 English, 1 Chinese); `None` ([`refused`] says
/// why) for an index out of range, or in a one-provider build for another provider. There the
/// provider is the constant [`SOLE`], so the core's dispatch on it folds.
fn args(provider: u32, lang: u32) -> Option<(Provider, Lang)> {
    let p = checked(*Provider::ALL.get(provider as usize)?)?;
    Some((p, lang_of(lang)))
}

/// Keep the report for `take_report` unless it is ok with no issues; 0 means "nothing to say".
fn answer(report: &crate::Report, marks: &Option<Marks>) -> u32 {
    if report.ok && report.issues.is_empty() {
        return 0;
    }
    keep(restore(report.to_json(), marks))
}

fn keep(text: String) -> u32 {
    LAST.with(|l| *l.borrow_mut() = text);
    1
}

// Check a request (`context` JSON, or `""` for none; `labels` and `flags` as [`options`] reads
// them). `bridge` is 1 when `request` is the package's own encoding of a JS value (its `@` tokens
// are read), 0 for a caller's JSON text. Returns 0 when it is valid with no issues, else 1 with
// the report waiting in [`take_report`]: a valid keystroke moves one string in and nothing out.
#[wasm_bindgen]
pub fn check(provider: u32, request: &str, lang: u32, context: &str, bridge: u32, labels: &str, flags: u32) -> u32 {
    let Some((p, lang)) = args(provider, lang) else { return keep(refused(provider, lang)) };
    if let Some(r) = oversize(p, lang, &[request, context, labels]) {
        return keep(r);
    }
    match parse_all(request, bridge == 1, context, labels, "") {
        Ok(t) => answer(&crate::check(p, &t.request, &options(lang, t.context, t.labels, flags)), &t.marks),
        Err(e) => keep(bad_text(p.id(), lang, &e)),
    }
}

// Check one field: `path` is the JSON pointer written as a JSON string literal (so a key with an
// unpaired surrogate arrives whole), `value` its JSON (the package's encoding); 0 or 1 as [`check`].
#[wasm_bindgen]
pub fn check_field(provider: u32, path: &str, value: &str, lang: u32, labels: &str, flags: u32) -> u32 {
    let Some((p, lang)) = args(provider, lang) else { return keep(refused(provider, lang)) };
    if let Some(r) = oversize(p, lang, &[path, value, labels]) {
        return keep(r);
    }
    // (The value too may hold keys with an unpaired surrogate: a whole metadata map.)
    let t = match parse_all(value, true, "", labels, path) {
        Ok(t) => t,
        Err(e) => return keep(bad_text(p.id(), lang, &e)),
    };
    let (v, marks) = (t.request, t.marks);
    // The last key holds an unpaired surrogate: the value is that member's, as `check` sees it.
    let segs = crate::report::split_pointer(&t.path);
    let found = marks.as_ref().zip(segs.last()).and_then(|(m, last)| m.first_in(last));
    let v = match found {
        Some((index, code_point)) => {
            Value::Other(Box::new(Other::BadKey { raw: String::new(), code_point, index, value: v.into_owned() }))
        }
        _ => v,
    };
    answer(&crate::check_field(p, &t.path, &v, &options(lang, None, t.labels, flags)), &marks)
}

// The report kept by the last export that returned 1 ([`check`], [`check_field`], [`refuse`],
// [`too_large`]).
#[wasm_bindgen]
pub fn take_report() -> String {
    LAST.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

// The report for a provider id that is not one of the five; `lang` 0 English, 1 Chinese, as for
// [`check`] (the JS side has read the caller's tag already: no BCP 47 reading in this module).
// Returns 1, with the report waiting in [`take_report`]: `take_report` is then the one export
// that returns a string (each such export costs the module a multi-value shim and the glue a
// function that frees the string).
#[wasm_bindgen]
pub fn refuse(provider: &str, lang: u32) -> u32 {
    keep(unknown_provider(provider, lang_of(lang)))
}

// The report for JSON text over the limit (the JS side refuses such text before copying it
// into this module's memory); 1, with the report waiting in [`take_report`], as [`refuse`].
#[wasm_bindgen]
pub fn too_large(provider: u32, lang: u32) -> u32 {
    let Some((p, lang)) = args(provider, lang) else { return keep(refused(provider, lang)) };
    keep(crate::providers::too_large(p, lang).to_json())
}

// The largest JSON text accepted, in bytes of UTF-8.
#[wasm_bindgen]
pub fn max_text_bytes() -> u32 {
    MAX_TEXT_BYTES as u32
}

// Normalize: the report of the normalized request, `normalized`, `changes` (all plain JSON),
// and `restore`: `[where, from]` pairs, `where` a JSON pointer into this answer (`/normalized/...`,
// `/changes/0/to/1`) holding `null` in place of a value JSON cannot carry, `from` the pointer
// into the request of the caller's own value to put there.
#[cfg(feature = "transform")]
#[wasm_bindgen]
pub fn normalize(provider: &str, request: &str, lang: &str, context: &str, labels: &str, flags: u32) -> String {
    let (p, req, options, marks) = match setup(provider, request, lang, context, labels, flags) {
        Ok(x) => x,
        Err(answer) => return answer,
    };
    let n = crate::normalize(p, &req, &options);
    let mut restore_pairs: Vec<Value<'static>> = Vec::new();
    let mut pair = |at: String, from: String| {
        restore_pairs.push(Value::Array(vec![Value::str(at), Value::str(from)]));
    };
    let sources = crate::normalize::Sources::new(&n.changes);
    for path in crate::normalize::restore_points(&n.normalized, &n.changes) {
        let from = sources.source(&path);
        pair(crate::text::cat(&["/normalized", &path]), from);
    }
    // A change's `from` and `to` hold values JSON cannot carry only for `flattened_to_array`
    // (the others change strings): `from` holds the flattened keys as given, `to` their items.
    for (k, c) in n.changes.iter().enumerate() {
        let at = |side: &str, seg: &str| {
            crate::text::cat(&["/changes/", &crate::messages::num(k as i64), "/", side, "/", seg])
        };
        if let Value::Object(m) = &c.from {
            for (key, _) in m.iter().filter(|(_, v)| crate::normalize::has_special(v)) {
                pair(at("from", key), crate::text::cat(&["/", key]));
            }
        }
        if let Value::Array(a) = &c.to {
            for (i, _) in a.iter().enumerate().filter(|(_, v)| crate::normalize::has_special(v)) {
                let i = crate::messages::num(i as i64);
                pair(at("to", &i), crate::text::cat(&[c.path.as_str(), ".", &i]));
            }
        }
    }
    let mut changes = String::new();
    for (k, c) in n.changes.iter().enumerate() {
        changes.push_str(if k == 0 { "" } else { "," });
        changes.push_str(&c.to_value().to_plain_json());
    }
    // The report object, reopened to add the normalized request and the changes as plain JSON.
    let mut out = n.report.to_json();
    out.pop();
    out.push_str(",\"normalized\":");
    out.push_str(&n.normalized.to_plain_json());
    out.push_str(",\"changes\":[");
    out.push_str(&changes);
    out.push_str("],\"restore\":");
    out.push_str(&Value::Array(restore_pairs).to_json());
    out.push('}');
    restore(out, &marks)
}

// The HTTP request for a valid request (`{"http": {...}}`), or the report (`{"ok": false, ...}`).
#[cfg(feature = "transform")]
#[wasm_bindgen]
pub fn to_http(provider: &str, request: &str, lang: &str, context: &str, labels: &str, flags: u32) -> String {
    let (p, req, options, marks) = match setup(provider, request, lang, context, labels, flags) {
        Ok(x) => x,
        Err(answer) => return answer,
    };
    let out = match crate::to_http(p, &req, &options) {
        Ok(mut h) => {
            // The report (ok, with any warnings), reopened to add the request.
            let issues = std::mem::take(&mut h.warnings);
            let report = crate::Report::new(p, options.lang, issues);
            let mut out = report.to_json();
            out.pop();
            out.push_str(",\"http\":");
            out.push_str(&h.to_value().to_plain_json());
            out.push('}');
            out
        }
        Err(r) => r.to_json(),
    };
    restore(out, &marks)
}
