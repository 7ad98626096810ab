//! The WebAssembly bindings: JSON text in, JSON text out. Nothing else of JS is known here.
//!
//! Why text: the JS side turns any value (getters that throw, cycles, BigInt, lone surrogates, ...)
//! into JSON text plus a few `@` tokens in one walk, and one string crosses the boundary; the
//! report comes back as one string for one `JSON.parse`. A valid request with no issues comes
//! back as the empty string, so the common keystroke builds nothing on either side.
//! Every export returns; none panics on any input (a panic would poison the module).
//! `describe` and `json_schema` are not here: they are data, generated at build time into
//! `pkg/rules.js` by the native CLI from the same tables (code in the wasm would cost more bytes).

use crate::json::{parse_with, Value};
use crate::{Lang, Options, Provider};
use wasm_bindgen::prelude::*;

fn lang(l: &str) -> Lang {
    Lang::parse(l).unwrap_or_default()
}

/// A report for a call that could not start: unknown provider, or text the bridge should never send.
fn refusal(provider: &str, lang: Lang, code: &str, params: Value<'static>, en: &str, zh: &str) -> String {
    let message = if lang == Lang::Zh { zh } else { en };
    Value::obj(vec![
        ("ok", Value::Bool(false)),
        ("provider", Value::str(provider)),
        (
            "issues",
            Value::Array(vec![Value::obj(vec![
                ("path", Value::str("")),
                ("code", Value::str(code)),
                ("severity", Value::str("error")),
                ("params", params),
                ("message", Value::str(message)),
            ])]),
        ),
    ])
    .to_json()
}

fn unknown_provider(provider: &str, lang: Lang) -> String {
    let allowed = Value::Array(Provider::ALL.iter().map(|p| Value::str(p.id())).collect());
    refusal(
        provider,
        lang,
        "not_allowed",
        Value::obj(vec![("allowed", allowed), ("actual", Value::str(provider))]),
        "Unknown provider: use zenlayer, tencent, openstack, nova or huawei.",
        "未知的云厂商：请使用 zenlayer、tencent、openstack、nova 或 huawei。",
    )
}

fn bad_text(provider: &str, lang: Lang, e: &crate::ParseError) -> String {
    refusal(
        provider,
        lang,
        "wrong_type",
        Value::obj(vec![("expected", Value::str("JSON")), ("actual", Value::str(e.to_string()))]),
        "The request could not be read as JSON.",
        "无法将请求读取为 JSON。",
    )
}

/// Parse the pieces of a call; `Err` is the finished answer.
fn setup<'t>(
    provider: &str,
    text: &'t str,
    lang_id: &str,
    context: &'t str,
) -> Result<(Provider, Value<'t>, Options<'t>), String> {
    let lang = lang(lang_id);
    let p = Provider::parse(provider).ok_or_else(|| unknown_provider(provider, lang))?;
    let request = parse_with(text, true).map_err(|e| bad_text(provider, lang, &e))?;
    let context = if context.is_empty() {
        None
    } else {
        Some(parse_with(context, true).map_err(|e| bad_text(provider, lang, &e))?)
    };
    Ok((p, request, Options::lang(lang).with_context(context)))
}

thread_local! {
    /// The report of the last `check`/`check_field` that had something to say, for `take_report`.
    static LAST: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The provider at index `i` of [`Provider::ALL`] (the JS side maps ids to indexes and handles
/// unknown ids with [`refuse`]); the language 0 English, 1 Chinese.
fn args(provider: u32, lang: u32) -> Option<(Provider, Lang)> {
    let p = *Provider::ALL.get(provider as usize)?;
    Some((p, if lang == 1 { Lang::Zh } else { Lang::En }))
}

/// Keep the report for `take_report` unless it is ok with no issues; 0 means "nothing to say".
fn answer(report: &crate::Report) -> u32 {
    if report.ok && report.issues.is_empty() {
        return 0;
    }
    LAST.with(|l| *l.borrow_mut() = report.to_json());
    1
}

fn keep(text: String) -> u32 {
    LAST.with(|l| *l.borrow_mut() = text);
    1
}

/// Check a request (`context` JSON, or `""` for none). Returns 0 when it is valid with no issues,
/// else 1 with the report waiting in [`take_report`]: a valid keystroke moves one string in and
/// nothing out.
#[wasm_bindgen]
pub fn check(provider: u32, request: &str, lang: u32, context: &str) -> u32 {
    let Some((p, lang)) = args(provider, lang) else { return keep(unknown_provider("", Lang::En)) };
    let req = match parse_with(request, true) {
        Ok(v) => v,
        Err(e) => return keep(bad_text(p.id(), lang, &e)),
    };
    let ctx = if context.is_empty() {
        None
    } else {
        match parse_with(context, true) {
            Ok(v) => Some(v),
            Err(e) => return keep(bad_text(p.id(), lang, &e)),
        }
    };
    answer(&crate::check(p, &req, &Options::lang(lang).with_context(ctx)))
}

/// Check one field (`path` a JSON pointer, `value` its JSON); 0 or 1 as [`check`].
#[wasm_bindgen]
pub fn check_field(provider: u32, path: &str, value: &str, lang: u32) -> u32 {
    let Some((p, lang)) = args(provider, lang) else { return keep(unknown_provider("", Lang::En)) };
    match parse_with(value, true) {
        Ok(v) => answer(&crate::check_field(p, path, &v, &Options::lang(lang))),
        Err(e) => keep(bad_text(p.id(), lang, &e)),
    }
}

/// The report kept by the last [`check`] or [`check_field`] that returned 1.
#[wasm_bindgen]
pub fn take_report() -> String {
    LAST.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// The report for a provider id that is not one of the five.
#[wasm_bindgen]
pub fn refuse(provider: &str, lang: &str) -> String {
    unknown_provider(provider, self::lang(lang))
}

/// Normalize: the report of the normalized request, `normalized`, `changes`, and `restore`:
/// the paths where `normalized` holds `null` in place of a value JSON cannot carry.
#[wasm_bindgen]
pub fn normalize(provider: &str, request: &str, lang: &str, context: &str) -> String {
    let (p, req, options) = match setup(provider, request, lang, context) {
        Ok(x) => x,
        Err(answer) => return answer,
    };
    let n = crate::normalize(p, &req, &options);
    let changes = Value::Array(n.changes.iter().map(|c| c.to_value()).collect());
    let restore = Value::Array(n.normalized.special_paths().into_iter().map(Value::str).collect());
    // The report object, reopened to add the normalized request as plain JSON.
    let mut out = n.report.to_json();
    out.pop();
    out.push_str(",\"normalized\":");
    out.push_str(&n.normalized.to_plain_json());
    out.push_str(",\"changes\":");
    out.push_str(&changes.to_json());
    out.push_str(",\"restore\":");
    out.push_str(&restore.to_json());
    out.push('}');
    out
}

/// The HTTP request for a valid request (`{"http": {...}}`), or the report (`{"ok": false, ...}`).
#[wasm_bindgen]
pub fn to_http(provider: &str, request: &str, lang: &str, context: &str) -> String {
    let (p, req, options) = match setup(provider, request, lang, context) {
        Ok(x) => x,
        Err(answer) => return answer,
    };
    match crate::to_http(p, &req, &options) {
        Ok(h) => {
            // The report (ok, with any warnings), reopened to add the request.
            let report = crate::Report::new(p, options.lang, h.warnings.clone());
            let mut out = report.to_json();
            out.pop();
            out.push_str(",\"http\":");
            out.push_str(&h.to_value().to_plain_json());
            out.push('}');
            out
        }
        Err(r) => r.to_json(),
    }
}
