//! Properties of every entry point (proptest), the replay of the fuzz findings kept in
//! `tests/regressions/`, and one minimal test per bug the fuzzing found.
//!
//! The oracles are the fuzz targets' own (`fuzz/src/harness.rs`, compiled in here), so a property
//! and a fuzz target can never mean different things. Inputs come from two generators:
//! `structured`: requests built by the fuzz harness's builder from proptest's bytes (each
//! provider's fields with values near their rules' edges: 23/24/25/60/61/128/255/256-character
//! names mixing Han, full-width, zero-width, combining marks, emoji, edge spaces; numeric strings
//! for min_disk; booleans for ForcePoweroff; flattened `DataDiskIds.N` keys; JS-only values;
//! nesting to and past the depth limit; console context), and `arbitrary_json`: proptest's own
//! recursive JSON with provider keys and arbitrary ones.
//!
//! Case counts are tuned to keep this file under ~60 s in debug mode on 2 cores; raise them with
//! `PROPTEST_CASES=5000 cargo test --test properties --release`.

#[path = "../fuzz/src/harness.rs"]
mod harness;

use arbitrary::Unstructured;
use createimage::__private::parse_with;
use createimage::Value;
use createimage::{check, check_field, normalize, to_http, Code, Lang, Options, Provider, Severity};
use harness::Target;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, max_shrink_iters: 2000, ..ProptestConfig::default() }
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run an oracle of the harness (which panics) as a proptest assertion (so it shrinks), without
/// printing every panic while proptest shrinks.
fn holds(f: impl FnOnce()) -> Result<(), TestCaseError> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                default(info)
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    r.map_err(|e| {
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        TestCaseError::fail(msg)
    })
}

#[derive(Debug, Clone)]
struct Input {
    provider: Provider,
    request: Value<'static>,
    lang: Lang,
    context: Option<Value<'static>>,
    labels: Vec<(String, String)>,
    empty_as_absent: bool,
}

impl Input {
    fn options(&self) -> Options<'static> {
        Options::lang(self.lang)
            .with_context(self.context.clone())
            .with_labels(self.labels.clone())
            .with_empty_as_absent(self.empty_as_absent)
    }
}

/// Requests from the fuzz harness's builder, driven by proptest's bytes.
fn structured(t: Target) -> impl Strategy<Value = Input> {
    prop::collection::vec(any::<u8>(), 0..2048).prop_filter_map("builder ran out", move |bytes| {
        let mut u = Unstructured::new(&bytes);
        harness::structured_input(t, &mut u).ok().map(|(provider, request, o)| Input {
            provider,
            request,
            lang: o.lang,
            context: o.context,
            labels: o.labels,
            empty_as_absent: o.empty_as_absent,
        })
    })
}

fn frag() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        prop::sample::select(harness::OK_CHARS),
        prop::sample::select(harness::HAN),
        prop::sample::select(harness::TRICKY),
    ]
}

/// A name of a boundary length (23/24/25, 59/60/61, 127/128/129, 254/255/256 ... chars) from a
/// few fragments, with edge characters sometimes.
fn name() -> impl Strategy<Value = String> {
    (
        prop_oneof![prop::sample::select(harness::LENGTHS), 0usize..300],
        prop::collection::vec(frag(), 1..6),
        prop::option::weighted(0.2, prop::sample::select(harness::EDGES)),
        prop::option::weighted(0.2, prop::sample::select(harness::EDGES)),
    )
        .prop_map(|(len, frags, a, b)| {
            let mut s = String::new();
            let mut i = 0;
            while s.chars().count() < len {
                s.push_str(frags[i % frags.len()]);
                i += 1;
            }
            format!("{}{s}{}", a.unwrap_or(""), b.unwrap_or(""))
        })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(harness::KEYS).prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ]
}

/// Arbitrary JSON (proptest's own generator), keys from the providers' vocabulary and beyond.
fn arbitrary_json() -> impl Strategy<Value = Value<'static>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::num),
        prop::sample::select(harness::NUMBERS).prop_map(|n| Value::Number(Cow::Borrowed(n))),
        prop::sample::select(harness::NUM_STRINGS).prop_map(Value::str),
        prop::sample::select(harness::IDS).prop_map(Value::str),
        name().prop_map(Value::str),
        "\\PC{0,10}".prop_map(Value::str),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6).prop_map(harness::object),
        ]
    })
}

fn arbitrary_request() -> impl Strategy<Value = Input> {
    (
        prop::sample::select(Provider::ALL.to_vec()),
        prop::collection::vec((key(), arbitrary_json()), 0..8),
        any::<bool>(),
    )
        .prop_map(|(provider, entries, zh)| Input {
            provider,
            request: harness::object(entries),
            lang: if zh { Lang::Zh } else { Lang::En },
            context: None,
            labels: Vec::new(),
            empty_as_absent: false,
        })
}

/// Both generators.
fn any_request() -> impl Strategy<Value = Input> {
    prop_oneof![
        3 => structured(Target::Check),
        1 => structured(Target::TencentFlat),
        2 => arbitrary_request(),
    ]
}

proptest! {
    #![proptest_config(config(2500))]

    /// normalize(normalize(x).normalized) changes nothing and gives the same value and report.
    #[test]
    fn normalize_is_idempotent(x in any_request()) {
        let o = x.options();
        let n = normalize(x.provider, &x.request, &o);
        let again = normalize(x.provider, &n.normalized, &o);
        prop_assert!(again.changes.is_empty(), "second pass changed {:?}", again.changes);
        prop_assert_eq!(&again.normalized, &n.normalized);
        prop_assert_eq!(&again.report, &n.report);
    }

    /// If check(x) is ok then normalize(x).report is ok; and normalize's report is the check of
    /// its output.
    #[test]
    fn normalize_is_never_worse(x in any_request()) {
        let o = x.options();
        let n = normalize(x.provider, &x.request, &o);
        if check(x.provider, &x.request, &o).ok {
            prop_assert!(n.report.ok, "check ok, normalize not: {}", n.report.to_json());
        }
        prop_assert_eq!(&n.report, &check(x.provider, &n.normalized, &o));
    }

    /// No data lost: replaying the listed changes on the input gives exactly the output (every
    /// difference is a listed change, a flattened-keys-to-array change or a removed duplicate),
    /// each change does what its code says, at a path the rules let normalize change.
    #[test]
    fn normalize_changes_only_what_it_lists(x in any_request()) {
        let n = normalize(x.provider, &x.request, &x.options());
        for c in &n.changes {
            prop_assert!(harness::may_change(x.provider, &c.path), "changed {}", c.path);
        }
        match harness::replay(&x.request, &n.changes) {
            Ok(r) => prop_assert_eq!(r, n.normalized),
            Err(e) => prop_assert!(false, "{}", e),
        }
    }

    /// For each top-level field (and /body, /body/createImage/* for OpenStack and Nova),
    /// check_field reports exactly check's issues at that path or below, cross-field codes aside.
    #[test]
    fn check_field_agrees_with_check(x in any_request()) {
        holds(|| harness::field_agreement(x.provider, &x.request, &x.options()))?;
    }

    /// Every issue path is "" or names something in the request (`required`: a member absent from
    /// an object that is there; Tencent's `DataDiskIds.3` at `/DataDiskIds/3`), and one field has
    /// at most one issue of each code.
    #[test]
    fn issue_paths_point_into_the_request(x in any_request()) {
        let o = x.options();
        let r = check(x.provider, &x.request, &o);
        for i in &r.issues {
            if let Err(e) = harness::path_ok(x.provider, &x.request, i, o.context.is_some(), o.empty_as_absent) {
                prop_assert!(false, "{} in {}", e, harness::show(&x.request));
            }
        }
    }

    /// The report's JSON (Report::to_json) parses back to the same structure; ok iff no error.
    #[test]
    fn report_round_trips_through_json(x in any_request()) {
        let r = check(x.provider, &x.request, &x.options());
        holds(|| harness::report_oracle(x.provider, &r, "check"))?;
        let text = r.to_json();
        let back = Value::parse(&text).expect("report JSON parses");
        prop_assert_eq!(back, r.to_value());
    }

    /// check in full: all of the above plus determinism and the same issues in both languages.
    #[test]
    fn check_oracle_holds(x in any_request()) {
        holds(|| harness::check_oracle(x.provider, &x.request, &x.options()))?;
    }

    /// to_http is Ok exactly when the normalized request is ok (Tencent: and has a Region), and
    /// builds the request from the normalized one.
    #[test]
    fn labels_change_only_messages(x in any_request()) {
        holds(|| harness::labels_oracle(x.provider, &x.request, &x.options()))?;
    }

    #[test]
    fn empty_as_absent_is_check_without_the_empty_values(x in any_request()) {
        let o = x.options().with_empty_as_absent(true);
        holds(|| harness::empty_as_absent_oracle(x.provider, &x.request, &o))?;
        holds(|| harness::empty_as_absent_http_oracle(x.provider, &x.request, &o))?;
    }

    #[test]
    fn to_http_agrees_with_normalize(x in any_request()) {
        holds(|| harness::http_oracle(x.provider, &x.request, &x.options()))?;
    }

    /// Any value the writer produces reads back as itself (compact and pretty).
    #[test]
    fn writer_and_parser_round_trip(v in arbitrary_json()) {
        let text = v.to_json();
        let back = parse_with(&text, true).ok();
        prop_assert_eq!(back.as_ref(), Some(&v));
        holds(|| harness::parse_oracle(&text))?;
        holds(|| harness::parse_oracle(&v.to_json_pretty()))?;
    }

    /// Arbitrary text (cut and spliced JSON) never panics the parser, and what parses survives
    /// the writer.
    #[test]
    fn parser_takes_any_text(v in arbitrary_json(), cut in any::<prop::sample::Index>(), junk in "\\PC{0,4}|[\\[\\]{}\",:@\\\\]{0,4}") {
        let text = v.to_json();
        let at = cut.index(text.len() + 1);
        let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let spliced = format!("{}{junk}{}", &text[..at], &text[at..]);
        holds(|| harness::parse_oracle(&spliced))?;
        holds(|| harness::parse_oracle(&text[..at]))?;
    }
}

proptest! {
    #![proptest_config(config(2500))]

    /// Tencent's flattened form: check, normalize, check_field and to_http all hold.
    #[test]
    fn tencent_flattened_form(x in structured(Target::TencentFlat)) {
        holds(|| harness::target_oracles(Target::TencentFlat, x.provider, &x.request, &x.options()))?;
    }

    /// Name lengths count Unicode scalar values: too_long exactly above the maximum, with
    /// `actual` the count; Zenlayer's bad_char is the first character outside Han/A-Z/a-z/0-9/-/_.
    #[test]
    fn name_limits_count_chars(n in name()) {
        let count = n.chars().count();
        for (p, max, req) in [
            (Provider::Zenlayer, 24, Value::obj(vec![("instanceId", Value::str("i")), ("imageName", Value::str(n.as_str()))])),
            (Provider::Tencent, 60, Value::obj(vec![("InstanceId", Value::str("i")), ("ImageName", Value::str(n.as_str()))])),
            (Provider::Huawei, 128, Value::obj(vec![("name", Value::str(n.as_str())), ("image_url", Value::str("abc:x")), ("min_disk", Value::num(40))])),
            (Provider::OpenStack, 255, Value::obj(vec![("body", Value::obj(vec![("createImage", Value::obj(vec![("name", Value::str(n.as_str()))]))]))])),
        ] {
            let r = check(p, &req, &Options::default());
            let path = match p {
                Provider::Zenlayer => "/imageName",
                Provider::Tencent => "/ImageName",
                Provider::Huawei => "/name",
                _ => "/body/createImage/name",
            };
            // The errors (Zenlayer's Terraform reading also warns above 24 bytes of UTF-8).
            let long: Vec<_> = r.issues.iter()
                .filter(|i| i.path == path && i.code() == Code::TooLong && i.severity == Severity::Error)
                .collect();
            prop_assert_eq!(long.len(), usize::from(count > max), "{} {:?}", p.id(), n);
            if let Some(i) = long.first() {
                let params = i.kind.params();
                prop_assert_eq!(params.get("actual"), Some(&Value::num(count as i64)));
                if let Some(s) = &i.suggestion {
                    // A suggestion passes the name's own length and charset rules ...
                    prop_assert!(s.chars().count() <= max);
                    let again = check_field(p, path, &Value::str(s.as_str()), &Options::default());
                    // (stricter readings of other sources may still warn)
                    prop_assert!(!again.issues.iter().any(|i| i.severity == Severity::Error && matches!(i.code(), Code::TooLong | Code::BadChar)), "{} {:?} -> {:?}", p.id(), n, s);
                    // ... and where any character is allowed, it is the start of the name as
                    // normalize leaves it (the zero-width characters that join nothing removed).
                    if matches!(p, Provider::Tencent | Provider::OpenStack) {
                        let fixed = normalize(p, &req, &Options::default()).normalized;
                        let fixed = path.split('/').skip(1).try_fold(&fixed, |v, k| v.get(k)).and_then(Value::as_str);
                        let fixed = fixed.unwrap_or_default();
                        prop_assert!(fixed.starts_with(s.as_str()), "{} {:?} -> {:?}", p.id(), n, s);
                    }
                }
            }
            prop_assert_eq!(r.issues.iter().any(|i| i.path == path && i.code() == Code::Empty), n.is_empty());
        }
        let zen = check(Provider::Zenlayer, &Value::obj(vec![("instanceId", Value::str("i")), ("imageName", Value::str(n.as_str()))]), &Options::default());
        let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_' || is_han(c);
        let first_bad = n.chars().position(|c| !allowed(c));
        let bad = zen.issues.iter().find(|i| i.code() == Code::BadChar);
        prop_assert_eq!(bad.map(|i| i.kind.params().get("index").cloned()), first_bad.map(|x| Some(Value::num(x as i64))));
    }

    /// Huawei min_disk: an integer 40..=2048 in any notation passes; other integers are
    /// out_of_range; a numeric string is wrong_type and normalize turns it into the number.
    #[test]
    fn min_disk_numbers_and_strings(lit in prop_oneof![prop::sample::select(harness::NUMBERS).prop_map(str::to_owned), (-100i64..3000).prop_map(|n| n.to_string())], as_string in any::<bool>()) {
        let v = if as_string { Value::str(lit.as_str()) } else { Value::Number(Cow::Owned(lit.clone())) };
        let req = Value::obj(vec![("name", Value::str("img")), ("image_url", Value::str("abc:x")), ("min_disk", v)]);
        let r = check(Provider::Huawei, &req, &Options::default());
        let codes: Vec<Code> = r.issues.iter().filter(|i| i.path == "/min_disk").map(|i| i.code()).collect();
        let want = match (as_string, integer_value(&lit)) {
            (true, _) | (false, None) => vec![Code::WrongType],
            (false, Some(Some(n))) if (40..=2048).contains(&n) => vec![],
            (false, Some(_)) => vec![Code::OutOfRange],
        };
        prop_assert_eq!(codes, want);
        let n = normalize(Provider::Huawei, &req, &Options::default());
        let digits = lit.strip_prefix('-').unwrap_or(&lit);
        let exact = as_string && !digits.is_empty() && digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0')) && lit != "-0";
        prop_assert_eq!(n.normalized.get("min_disk") == Some(&Value::Number(Cow::Owned(lit.clone()))), exact || !as_string);
    }

    /// Tencent ForcePoweroff/Sysprep: the four documented strings pass, a JSON boolean is
    /// wrong_type, and normalize writes booleans and other cases as "true"/"false".
    #[test]
    fn tencent_bool_strings(v in prop_oneof![any::<bool>().prop_map(Value::Bool), prop::sample::select(vec!["true", "false", "TRUE", "FALSE", "True", "tRuE", "yes", "", "1"]).prop_map(Value::str)]) {
        let req = Value::obj(vec![("ImageName", Value::str("a")), ("InstanceId", Value::str("i")), ("ForcePoweroff", v.clone())]);
        let r = check(Provider::Tencent, &req, &Options::default());
        let codes: Vec<Code> = r.issues.iter().map(|i| i.code()).collect();
        let want = match &v {
            Value::Bool(_) => vec![Code::WrongType],
            Value::String(s) if ["true", "false", "TRUE", "FALSE"].contains(&s.as_ref()) => vec![],
            _ => vec![Code::NotAllowed],
        };
        prop_assert_eq!(codes, want);
        let n = normalize(Provider::Tencent, &req, &Options::default());
        let out = n.normalized.get("ForcePoweroff").cloned();
        let canon = match &v {
            Value::Bool(b) => Some(b.to_string()),
            Value::String(s) if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") => Some(s.to_ascii_lowercase()),
            _ => None,
        };
        prop_assert_eq!(out, Some(canon.map(Value::str).unwrap_or(v)));
    }
}

/// The integer a JSON number literal spells (`Some(None)`: an integer too large to matter here),
/// or `None` when it has a fractional part: decimal reasoning on the literal, no floats.
fn integer_value(lit: &str) -> Option<Option<i64>> {
    let (neg, rest) = lit.strip_prefix('-').map_or((false, lit), |r| (true, r));
    let (mant, exp) = match rest.find(['e', 'E']) {
        Some(i) => (
            &rest[..i],
            rest[i + 1..].trim_start_matches('+').parse::<i64>().unwrap_or(if rest[i + 1..].starts_with('-') {
                -100_000
            } else {
                100_000
            }),
        ),
        None => (rest, 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    let point = int.len() as i64 + exp.clamp(-100_000, 100_000);
    let (whole, fraction): (Vec<u8>, Vec<u8>) = if point <= 0 {
        (vec![], digits)
    } else if point as usize >= digits.len() {
        let mut w = digits.clone();
        w.resize(point as usize, 0);
        (w, vec![])
    } else {
        (digits[..point as usize].to_vec(), digits[point as usize..].to_vec())
    };
    if fraction.iter().any(|&d| d != 0) {
        return None;
    }
    let whole: Vec<u8> = whole.into_iter().skip_while(|&d| d == 0).collect();
    if whole.len() > 15 {
        return Some(None);
    }
    let v = whole.iter().fold(0i64, |a, &d| a * 10 + d as i64);
    Some(Some(if neg { -v } else { v }))
}

fn is_han(c: char) -> bool {
    let cp = c as u32;
    matches!(cp,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF
        | 0x2A700..=0x2EBEF | 0x2EBF0..=0x2EE5F | 0x2F800..=0x2FA1F | 0x30000..=0x3134F | 0x31350..=0x323AF)
}

// ---------------------------------------------------------------------------------------------
// Fuzz findings, replayed
// ---------------------------------------------------------------------------------------------

/// A breaker (2026-12-01, late): a list's `remove_duplicate` changes were listed lowest index first,
/// each at its index in the list as given, so a console applying the changes in their order removed
/// the wrong item (`["a","a","b","a","c"]`: "c", keeping the second "a"). They are now listed from
/// the highest index down, and the oracle replays every change where it stands, in order.
#[test]
fn normalize_changes_replay_in_their_order() {
    let req = Value::parse(r#"{"ImageName":"w","InstanceId":"i","DataDiskIds":[" a","a","b","a ","c","b"]}"#).unwrap();
    let n = normalize(Provider::Tencent, &req, &Options::default());
    let listed: Vec<(&str, &str)> = n.changes.iter().map(|c| (c.path.as_str(), c.code.as_str())).collect();
    assert_eq!(
        listed,
        [
            ("/DataDiskIds/0", "trim"),
            ("/DataDiskIds/3", "trim"),
            ("/DataDiskIds/5", "remove_duplicate"),
            ("/DataDiskIds/3", "remove_duplicate"),
            ("/DataDiskIds/1", "remove_duplicate"),
        ]
    );
    assert_eq!(n.normalized.get("DataDiskIds").map(Value::to_json).as_deref(), Some(r#"["a","b","c"]"#));
    assert_eq!(harness::replay(&req, &n.changes), Ok(n.normalized.clone()));
    // The order of before: the oracle refuses it.
    let mut ascending = n.changes.clone();
    ascending[2..].reverse();
    assert!(harness::replay(&req, &ascending).is_err());
}

/// Every input kept in tests/regressions/<target>/ (inputs that made a fuzz target fail) runs
/// through that target's oracles again. A failure names the file; `bash scripts/fuzz.sh repro
/// <target> <file>` runs it alone.
#[test]
fn fuzz_regressions_replay() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut failures = Vec::new();
    let mut n = 0;
    for t in Target::ALL {
        let dir = root.join(t.name());
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files.into_iter().filter(|f| f.is_file()) {
            if f.extension().is_some_and(|x| x == "md") {
                continue;
            }
            let bytes = std::fs::read(&f).expect("readable");
            n += 1;
            if let Err(e) = holds(|| harness::run(t, &bytes)) {
                failures.push(format!("{}: {e}", f.display()));
            }
        }
    }
    eprintln!("replayed {n} regression inputs");
    assert!(failures.is_empty(), "{} regression input(s) fail:\n{}", failures.len(), failures.join("\n\n"));
}

// ---------------------------------------------------------------------------------------------
// Bugs found by the fuzzing, each as a minimal test (failing until its fix; all fixed now)
// ---------------------------------------------------------------------------------------------

fn parse(t: &str) -> Value<'_> {
    parse_with(t, true).expect("test JSON")
}

/// Was a bug (fixed): Nova's unknown top-level (wrapper) key is a warning in check (rules.md: "Other top-level
/// keys of the wrapper: unknown_field warning ... for both") but an error in check_field.
#[test]
fn regression_check_field_nova_unknown_wrapper_key_is_a_warning() {
    let req = parse(r#"{"region":"x"}"#);
    let full = check(Provider::Nova, &req, &Options::default());
    let f = check_field(Provider::Nova, "/region", &Value::str("x"), &Options::default());
    let sev = |r: &createimage::Report| {
        r.issues.iter().filter(|i| i.path == "/region").map(|i| i.severity).collect::<Vec<_>>()
    };
    assert_eq!(sev(&full), vec![Severity::Warning]);
    assert_eq!(sev(&f), vec![Severity::Warning], "check_field disagrees with check");
}

/// Was too lax (an audit against Nova's source, 2026-11-30): `openstack` let a key beside
/// `createImage` in the body through with a warning, and to_http sent it; Nova reads the action
/// from a body of exactly one key before any schema (`action_peek`: 400 on /v2 as on /v2.1). Now
/// an error with 400 for both OpenStack profiles, in check, check_field and to_http alike; a key
/// inside `createImage` stays a warning for `openstack` (the legacy-v2 wrapper strips it).
#[test]
fn regression_openstack_key_beside_create_image_is_refused_everywhere() {
    let body = r#"{"project_id":"b7a7b63e92174a95a999c95da856f143","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{"createImage":{"name":"x","description":"d"},"foo":{"bar":1}}}"#;
    let req = parse(body);
    for p in [Provider::OpenStack, Provider::Nova] {
        let o = Options::default();
        let full = check(p, &req, &o);
        let at = |r: &createimage::Report, path: &str| {
            r.issues
                .iter()
                .filter(|i| i.path == path)
                .map(|i| (i.severity, i.provider_code.as_deref().map(str::to_owned)))
                .collect::<Vec<_>>()
        };
        let refused = vec![(Severity::Error, Some("400".to_owned()))];
        assert_eq!(at(&full, "/body/foo"), refused, "{p:?} check");
        assert_eq!(
            at(&check_field(p, "/body/foo", &parse(r#"{"bar":1}"#), &o), "/body/foo"),
            refused,
            "{p:?} check_field"
        );
        assert_eq!(
            at(&check_field(p, "/body/foo/bar", &parse("1"), &o), "/body/foo/bar"),
            refused,
            "{p:?} check_field deeper"
        );
        assert!(to_http(p, &req, &o).is_err(), "{p:?} to_http sends a body Nova refuses");
        let inside = if p == Provider::Nova { Severity::Error } else { Severity::Warning };
        let d = check_field(p, "/body/createImage/description", &Value::str("d"), &o);
        assert_eq!(
            d.issues.iter().map(|i| i.severity).collect::<Vec<_>>(),
            vec![inside],
            "{p:?} a key inside createImage"
        );
    }
}

/// Was a bug (fixed): check reports nesting past the limit (and unreadable values) hidden inside an unknown
/// field; check_field on that field does not.
#[test]
fn regression_check_field_unknown_field_hides_too_deep() {
    let v = parse("@deep");
    let full = check(Provider::Tencent, &parse(r#"{"Foo":@deep}"#), &Options::default());
    let f = check_field(Provider::Tencent, "/Foo", &v, &Options::default());
    let codes =
        |r: &createimage::Report| r.issues.iter().filter(|i| i.path == "/Foo").map(|i| i.code()).collect::<Vec<_>>();
    assert_eq!(codes(&full), vec![Code::UnknownField, Code::TooDeep]);
    assert_eq!(codes(&f), codes(&full), "check_field disagrees with check");
}

/// Was a bug (fixed): a parse error's offset lies past the end of the text (and its column is then 1) when the
/// text ends inside a string just after a backslash.
#[test]
fn regression_parse_error_position_is_inside_the_text() {
    let text = "{\"ab\\";
    let e = Value::parse(text).unwrap_err();
    assert!(e.offset <= text.len(), "offset {} past the end of {} bytes", e.offset, text.len());
    assert_eq!((e.line, e.column), (1, 6), "{e:?}");
}

/// Was a bug (fixed): to_http puts a token / Region with CR or LF into an HTTP header value (header injection);
/// the request passes check. Either check flags the character or to_http refuses.
#[test]
fn regression_to_http_header_values_have_no_line_breaks() {
    let os = parse(
        r#"{"project_id":"0123456789abcdef0123456789abcdef","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t\r\nX-Injected: 1","body":{"createImage":{"name":"x"}}}"#,
    );
    let tc = parse(r#"{"Region":"ap-guangzhou\r\nX-Injected: 1","ImageName":"a","InstanceId":"ins-1"}"#);
    for (p, req) in [(Provider::OpenStack, os.clone()), (Provider::Nova, os), (Provider::Tencent, tc)] {
        if let Ok(h) = to_http(p, &req, &Options::default()) {
            for (k, v) in &h.headers {
                assert!(harness::header_value_ok(v), "{}: header {k}: {v:?}", p.id());
            }
        }
    }
}

/// Was a bug (fixed; the fuzz campaign of 2026-11-30 06:42): two spellings of one key holding an
/// unpaired surrogate (`"a\uD801"` and `"a\ud801"`, or `"a\u0062\ud800"` and `"ab\ud800"`) were two
/// members, because a repeated key with a surrogate was recognised by its raw text; with the
/// placeholders of the wasm bindings and the CLI they became two members under one key. Now such a
/// key is known by its UTF-16 code units: one member, the last value at the first position, as
/// `JSON.parse` reads it.
#[test]
fn regression_one_surrogate_key_in_two_spellings_is_one_key() {
    for text in [r#"{"a\uD801":1,"x":0,"a\ud801":2}"#, r#"{"a\u0062\ud800":1,"x":0,"ab\ud800":2}"#] {
        let v = parse(text);
        let members = v.as_object().expect("an object");
        assert_eq!(members.len(), 2, "{text}: {}", v.to_json());
        assert_eq!(members[1].0, "x");
        let first = v.to_json();
        assert!(first.ends_with(r#"2,"x":0}"#), "{text}: the last value at the first key's place: {first}");
        let marks = createimage::__private::Marks::avoiding(&[text]).expect("placeholders");
        let (marked, _) = createimage::__private::parse_marked(text, true, Some(&marks)).expect("parses");
        assert!(!harness::lossy_keys_collide(&marked), "{text}: two members under one key");
    }
    // Different surrogates stay different keys.
    assert_eq!(parse(r#"{"a\ud800":1,"a\ud801":2}"#).as_object().map(<[_]>::len), Some(2));
}

/// Was a bug (fixed; the fuzz smoke run of 2026-11-30): normalize trimmed a valid Huawei
/// `image_url` whose object part is spaces (`image-test:   `) to `image-test:`, which has no object:
/// a valid request normalized into an invalid one. A fix that makes a value its rule accepts one it
/// refuses is not made; a trim that makes a refused value pass still is.
#[test]
fn regression_normalize_keeps_a_value_its_trim_would_break() {
    let req = parse(r#"{"name":"fedora-data1","image_url":"image-test:   ","min_disk":40}"#);
    assert!(check(Provider::Huawei, &req, &Options::default()).ok);
    let n = normalize(Provider::Huawei, &req, &Options::default());
    assert!(n.report.ok, "{}", n.report.to_json());
    assert!(n.changes.is_empty());
    assert_eq!(n.normalized, req);
    // (The bucket is trimmed; the object keeps its final space: an OBS object key is any text.)
    let padded = parse(r#"{"name":"fedora-data1","image_url":"  image-test:disk.qcow2 ","min_disk":40}"#);
    let n = normalize(Provider::Huawei, &padded, &Options::default());
    assert!(n.report.ok, "{}", n.report.to_json());
    assert_eq!(n.normalized.get("image_url").and_then(Value::as_str), Some("image-test:disk.qcow2 "));
}

/// Was a bug (fixed): an object key with a lone surrogate (`"\ud800"` in JSON text; any such key from JS, whose
/// encoder writes it with JSON.stringify) becomes the six characters `\ud800`: normalize writes
/// the key back changed (`"\\ud800"`, no change listed), and a Nova metadata key is reported as
/// bad_char `\` (U+005C) instead of U+D800.
#[test]
fn regression_lone_surrogate_key_is_kept() {
    let text = r#"{"body":{"createImage":{"name":"x","metadata":{"a\ud800":"v"}}}}"#;
    let req = parse(text);
    let n = normalize(Provider::Nova, &req, &Options::default());
    assert!(n.changes.is_empty());
    assert_eq!(n.normalized.to_json(), text, "normalize changed the key");
    let r = check(Provider::Nova, &req, &Options::default());
    let bad = r.issues.iter().find(|i| i.code() == Code::BadChar).expect("bad_char");
    assert_eq!(bad.kind.params().get("codePoint"), Some(&Value::str("U+D800")), "{}", r.to_json());
    assert_eq!(bad.kind.params().get("index"), Some(&Value::num(1)));
}

/// Was a bug (fixed): context rules: an issue from the console's context points at a field the request does
/// not have (Huawei's storage class at an absent /image_url; Tencent's and Zenlayer's
/// instanceExists:false at an absent instance id), where rules.md wants paths into the request.
#[test]
fn regression_context_issue_paths_point_into_the_request() {
    for (p, req, ctx) in [
        (Provider::Huawei, r#"{"name":"a","min_disk":40}"#, r#"{"bucketStorageClass":"COLD"}"#),
        (Provider::Tencent, r#"{"ImageName":"a","SnapshotIds":["s"]}"#, r#"{"instanceExists":false}"#),
        (Provider::Zenlayer, r#"{"imageName":"a"}"#, r#"{"instanceExists":false}"#),
    ] {
        let req = parse(req);
        let o = Options::lang(Lang::En).with_context(parse(ctx).into_owned());
        let r = check(p, &req, &o);
        for i in r.issues.iter().filter(|i| i.code() != Code::Required) {
            assert!(
                harness::resolves(p, &req, &i.path),
                "{}: {} at {} is not in the request",
                p.id(),
                i.code().as_str(),
                i.path
            );
        }
    }
}

/// Was a bug (fixed): two keys that differ only in their unpaired surrogates (`"a\ud800"` and
/// `"a\ud801"`), or a lone surrogate and U+FFFD, become the same key (U+FFFD in place of the
/// surrogate) and the parser keeps only the last member: a member is silently lost (JSON.parse
/// keeps both); normalize's output lacks it with no change listed.
#[test]
fn regression_keys_differing_only_in_lone_surrogates_are_both_kept() {
    for t in [r#"{"a\ud800":1,"a\ud801":2}"#, r#"{"a\ud800":1,"a\ufffd":2}"#, r#"{"a\ufffd":1,"a\udc00":2}"#] {
        let v = parse(t);
        assert_eq!(v.as_object().map(|m| m.len()), Some(2), "{t} parsed as {}", v.to_json());
        let text = v.to_json();
        assert_eq!(parse(&text), v, "{t} written back as {text}");
        let req = format!(r#"{{"body":{{"createImage":{{"name":"x","metadata":{t}}}}}}}"#);
        let n = normalize(Provider::Nova, &parse(&req), &Options::default());
        assert_eq!(n.normalized, parse(&req), "normalize lost a member");
        assert!(n.changes.is_empty());
    }
}
