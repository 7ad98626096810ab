//! Bounded work on hostile sizes: a 10 MB name, 100,000 metadata items, arrays and objects nested
//! 100,000 deep, 100,000 unknown keys. Each entry point returns a report (deep nesting as a
//! `too_deep` issue, never a stack overflow: these run on the test harness's 2 MiB threads), with
//! memory bounded by a small multiple of the input (a counting allocator measures each call's
//! peak), and time printed for n and 2n (`cargo test --test bounded -- --nocapture`; no test
//! asserts a wall-clock time).

use createimage::__private::parse_with;
use createimage::Value;
use createimage::{check, check_field, normalize, to_http, Code, Options, Provider, Report, Severity};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

// --- per-thread allocation accounting ----------------------------------------------------------

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn track(delta: isize) {
    let _ = LIVE.try_with(|l| {
        let v = l.get() + delta;
        l.set(v);
        let _ = PEAK.try_with(|p| p.set(p.get().max(v)));
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged; the thread-locals touched
// are `const`-initialised `Cell`s without destructors, so accessing them never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            track(l.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l);
        track(-(l.size() as isize));
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if !q.is_null() {
            track(new as isize - l.size() as isize);
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Run `f`; its result, the peak of bytes it held at once (above what was live before), its time.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, Duration) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    let t = Instant::now();
    let out = f();
    let d = t.elapsed();
    let peak = PEAK.with(Cell::get) - base;
    (out, peak.max(0) as usize, d)
}

const MB: usize = 1 << 20;

fn opts() -> Options<'static> {
    Options::default()
}

fn codes_at(r: &Report, path: &str) -> Vec<Code> {
    r.issues.iter().filter(|i| i.path == path).map(|i| i.code()).collect()
}

/// Every entry point on one request text; returns check's report. Asserts memory stays within
/// `factor` times the text plus 1 KiB per issue reported (each issue holds its path, params and
/// message; a 14-byte unknown key becomes a ~300-byte issue) plus 1 MiB, and prints each time.
fn all_entry_points(p: Provider, label: &str, text: &str, field: Option<&str>, factor: usize) -> Report {
    all_entry_points_with(p, label, text, field, factor, None)
}

/// [`all_entry_points`] with a console context (JSON text); its size counts with the request's.
fn all_entry_points_with(
    p: Provider,
    label: &str,
    text: &str,
    field: Option<&str>,
    factor: usize,
    context: Option<&str>,
) -> Report {
    let size = text.len() + context.map_or(0, str::len);
    let mut limit = factor * size + MB;
    let ctx = context.map(|c| parse_with(c, false).expect("context parses"));
    let opts = || Options::default().with_context(ctx.clone());
    let (v, m, d) = measure(|| parse_with(text, true).expect("parses"));
    eprintln!("{label:<42} {:>6} KB  parse     {:>9.1?} {:>7} KB", text.len() / 1024, d, m / 1024);
    assert!(m <= limit, "{label}: parse held {m} B for {} B of text", text.len());
    let (r, m, d) = measure(|| check(p, &v, &opts()));
    limit += 1024 * r.issues.len();
    eprintln!("{label:<42} {:>6} KB  check     {:>9.1?} {:>7} KB", text.len() / 1024, d, m / 1024);
    assert!(m <= limit, "{label}: check held {m} B for {} B of text", text.len());
    let (n, m, d) = measure(|| normalize(p, &v, &opts()));
    eprintln!("{label:<42} {:>6} KB  normalize {:>9.1?} {:>7} KB", text.len() / 1024, d, m / 1024);
    assert!(m <= limit, "{label}: normalize held {m} B for {} B of text", text.len());
    assert_eq!(n.report.ok, n.report.issues.iter().all(|i| i.severity != createimage::Severity::Error));
    drop(n);
    let (h, m, d) = measure(|| to_http(p, &v, &opts()));
    eprintln!("{label:<42} {:>6} KB  to_http   {:>9.1?} {:>7} KB", text.len() / 1024, d, m / 1024);
    assert!(m <= limit, "{label}: to_http held {m} B for {} B of text", text.len());
    drop(h);
    if let Some(path) = field {
        let fv = value_at(&v, path).expect("field present");
        let (f, m, d) = measure(|| check_field(p, path, fv, &Options::default()));
        eprintln!("{label:<42} {:>6} KB  check_field {:>7.1?} {:>7} KB", text.len() / 1024, d, m / 1024);
        assert!(m <= limit, "{label}: check_field held {m} B for {} B of text", text.len());
        let from_check: Vec<_> = r.issues.iter().filter(|i| i.path == path).map(|i| i.code()).collect();
        let from_field: Vec<_> = f.issues.iter().filter(|i| i.path == path).map(|i| i.code()).collect();
        assert_eq!(from_field, from_check, "{label}: check_field agrees with check at {path}");
    }
    // The report itself is linear too, and reads back.
    let (json, m, _) = measure(|| r.to_json());
    assert!(m <= limit, "{label}: report JSON held {m} B");
    assert_eq!(Value::parse(&json).expect("report JSON"), r.to_value());
    r
}

/// A report past the cap: 10,000 issues, then one `too_many` at `""` saying how many were found
/// (an error when an error was among those not listed).
fn assert_capped(r: &Report, found: usize) {
    assert_eq!(r.issues.len(), createimage::__private::MAX_ISSUES + 1, "{}", r.issues.len());
    let last = r.issues.last().expect("issues");
    assert_eq!((last.path.as_str(), last.code()), ("", Code::TooMany));
    assert_eq!(last.kind.params().get("max"), Some(&Value::num(createimage::__private::MAX_ISSUES as i64)));
    assert_eq!(last.kind.params().get("actual"), Some(&Value::num(found as i64)), "{}", last.message);
    assert!(!r.ok);
}

fn value_at<'v, 'a>(v: &'v Value<'a>, path: &str) -> Option<&'v Value<'a>> {
    path.split('/').skip(1).try_fold(v, |cur, seg| cur.get(seg))
}

/// n and 2n: prints the ratio of the times (about 2 for linear work).
fn scaling(label: &str, mut run: impl FnMut(usize) -> Duration, n: usize) {
    let a = run(n);
    let b = run(2 * n);
    eprintln!("{label:<42} n={n}: {a:.1?}, 2n: {b:.1?}, ratio {:.2}", b.as_secs_f64() / a.as_secs_f64().max(1e-9));
}

// --- a 10 MB name -----------------------------------------------------------------------------

fn ten_mb_name(n_bytes: usize) -> String {
    // Han, ASCII, a full-width letter, a zero-width space, an emoji and edge spaces, repeated.
    let unit = " 中a-ｂ\u{200B}😀é_ ";
    let mut s = String::with_capacity(n_bytes + unit.len());
    while s.len() < n_bytes {
        s.push_str(unit);
    }
    s
}

#[test]
fn ten_megabyte_name() {
    let name = ten_mb_name(10 * MB);
    let chars = name.chars().count() as i64;
    let q = createimage::__private::write_str;
    let mut quoted = String::new();
    q(&mut quoted, &name);
    let cases: [(Provider, String, &str); 5] = [
        (Provider::Zenlayer, format!(r#"{{"instanceId":"i","imageName":{quoted}}}"#), "/imageName"),
        (
            Provider::Tencent,
            format!(r#"{{"InstanceId":"i","Region":"ap-guangzhou","ImageName":{quoted}}}"#),
            "/ImageName",
        ),
        (Provider::Huawei, format!(r#"{{"name":{quoted},"image_url":"abc:x","min_disk":40}}"#), "/name"),
        (
            Provider::OpenStack,
            format!(
                r#"{{"project_id":"0123456789abcdef0123456789abcdef","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{{"createImage":{{"name":{quoted}}}}}}}"#
            ),
            "/body/createImage/name",
        ),
        (
            Provider::Nova,
            format!(
                r#"{{"project_id":"0123456789abcdef0123456789abcdef","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{{"createImage":{{"name":{quoted}}}}}}}"#
            ),
            "/body/createImage/name",
        ),
    ];
    for (p, text, path) in &cases {
        let r = all_entry_points(*p, &format!("10 MB name, {}", p.id()), text, Some(path), 10);
        let long = r
            .issues
            .iter()
            .find(|i| i.path == *path && i.code() == Code::TooLong)
            .unwrap_or_else(|| panic!("{}: no too_long at {path}", p.id()));
        assert_eq!(long.kind.params().get("actual"), Some(&Value::num(chars)));
        assert!(!r.ok);
    }
    // A 10 MB description and a 10 MB id too (Tencent: the description is trimmed by normalize).
    let text = format!(r#"{{"ImageName":"a","InstanceId":{quoted},"ImageDescription":{quoted}}}"#);
    let r =
        all_entry_points(Provider::Tencent, "10 MB id and description, tencent", &text, Some("/ImageDescription"), 10);
    assert_eq!(codes_at(&r, "/ImageDescription"), vec![Code::TooLong]);
    scaling(
        "name, check (zenlayer)",
        |n| {
            let mut q2 = String::new();
            q(&mut q2, &ten_mb_name(n));
            let v = Value::parse(&format!(r#"{{"instanceId":"i","imageName":{q2}}}"#)).expect("parses").into_owned();
            measure(|| check(Provider::Zenlayer, &v, &opts())).2
        },
        5 * MB,
    );
}

// --- 100,000 metadata items -------------------------------------------------------------------

fn metadata_text(n: usize) -> String {
    let mut m = String::with_capacity(n * 24);
    for i in 0..n {
        if i > 0 {
            m.push(',');
        }
        // Every 10th key has a character Nova does not allow; every 7th value is not a string.
        if i % 10 == 0 {
            m.push_str(&format!(r#""bad key {i}!":"v{i}""#));
        } else if i % 7 == 0 {
            m.push_str(&format!(r#""k{i}":{i}"#));
        } else {
            m.push_str(&format!(r#""k{i}":"value {i}""#));
        }
    }
    format!(
        r#"{{"project_id":"0123456789abcdef0123456789abcdef","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{{"createImage":{{"name":"img","metadata":{{{m}}}}}}}}}"#
    )
}

#[test]
fn hundred_thousand_metadata_items() {
    let n = 100_000;
    let text = metadata_text(n);
    for p in [Provider::Nova, Provider::OpenStack] {
        let r = all_entry_points(
            p,
            &format!("100,000 metadata items, {}", p.id()),
            &text,
            Some("/body/createImage/metadata"),
            10,
        );
        // Every tenth key has a character Nova refuses: an error for nova, a warning for openstack
        // (upstream's /v2 reading); both count toward the report's cap.
        let want_not_strings = (0..n).filter(|i| i % 10 != 0 && i % 7 == 0).count();
        let want_bad = n / 10;
        let found = want_not_strings + want_bad;
        if found <= createimage::__private::MAX_ISSUES {
            let bad_keys = r.issues.iter().filter(|i| i.code() == Code::BadChar).count();
            let not_strings = r.issues.iter().filter(|i| i.code() == Code::WrongType).count();
            assert_eq!((not_strings, bad_keys), (want_not_strings, want_bad), "{}", p.id());
        } else {
            // More than the report lists: the first 10,000, then how many there were.
            assert_capped(&r, found);
        }
    }
    // Repeated keys: the parser keeps the last value of each (sorting, not a quadratic scan).
    let mut m = String::new();
    for i in 0..n {
        m.push_str(&format!(r#"{}"k{}":"v{i}""#, if i > 0 { "," } else { "" }, i % 1000));
    }
    let text = format!(r#"{{"body":{{"createImage":{{"name":"x","metadata":{{{m}}}}}}}}}"#);
    let (v, _, d) = measure(|| Value::parse(&text).expect("parses"));
    eprintln!("{:<42} {:>6} KB  parse     {d:>9.1?}", "100,000 repeated metadata keys", text.len() / 1024);
    let meta = value_at(&v, "/body/createImage/metadata").and_then(Value::as_object).expect("metadata");
    assert_eq!(meta.len(), 1000);
    assert_eq!(meta[0].1, Value::str(format!("v{}", n - 1000)));
    scaling(
        "metadata, parse + check (nova)",
        |n| {
            let t = metadata_text(n);
            measure(|| check(Provider::Nova, &Value::parse(&t).expect("parses"), &opts())).2
        },
        50_000,
    );
}

// --- 100,000 keys, 100,000 list items ---------------------------------------------------------

#[test]
fn hundred_thousand_unknown_keys() {
    let n = 100_000;
    let mut t = String::from(r#"{"ImageName":"a","InstanceId":"i""#);
    for i in 0..n {
        t.push_str(&format!(r#","x{i}":{i}"#));
    }
    t.push('}');
    let r = all_entry_points(Provider::Tencent, "100,000 unknown keys, tencent", &t, None, 10);
    assert_capped(&r, n);
    assert!(r.issues[..10_000].iter().all(|i| i.code() == Code::UnknownField));
    for p in [Provider::Zenlayer, Provider::Huawei, Provider::Nova, Provider::OpenStack] {
        let r = all_entry_points(p, &format!("100,000 unknown keys, {}", p.id()), &t, None, 10);
        let last = r.issues.last().expect("issues");
        assert_eq!((last.code(), r.issues.len()), (Code::TooMany, 10_001), "{}", p.id());
        let actual = match last.kind.params().get("actual") {
            Some(Value::Number(x)) => x.parse::<usize>().unwrap_or(0),
            _ => 0,
        };
        assert!(actual >= n, "{}: {actual}", p.id());
    }
}

/// Lists whose items must be unique: 100,000 distinct ids, tags and tag keys (repeats are found by
/// sorting, n log n; they were once found by comparing each item with every earlier one).
#[test]
fn hundred_thousand_unique_list_items() {
    let n = 100_000;
    let ids = |prefix: &str| (0..n).map(|i| format!(r#""{prefix}-{i}""#)).collect::<Vec<_>>().join(",");
    let tencent = format!(r#"{{"ImageName":"a","InstanceId":"i","DataDiskIds":[{}]}}"#, ids("disk"));
    let r = all_entry_points(Provider::Tencent, "100,000 DataDiskIds, tencent", &tencent, Some("/DataDiskIds"), 10);
    assert!(r.ok);
    let mut flat = String::from(r#"{"ImageName":"a","InstanceId":"i""#);
    for i in 0..n {
        flat.push_str(&format!(r#","DataDiskIds.{i}":"disk-{i}""#));
    }
    flat.push('}');
    let r = all_entry_points(Provider::Tencent, "100,000 flattened DataDiskIds, tencent", &flat, None, 10);
    assert!(r.ok);
    let tags = (0..n).map(|i| format!(r#"{{"Key":"k{i}","Value":"v"}}"#)).collect::<Vec<_>>().join(",");
    let t = format!(
        r#"{{"ImageName":"a","InstanceId":"i","TagSpecification":[{{"ResourceType":"image","Tags":[{tags}]}}]}}"#
    );
    let r = all_entry_points(Provider::Tencent, "100,000 tags, tencent", &t, Some("/TagSpecification"), 10);
    assert_eq!(codes_at(&r, "/TagSpecification"), vec![Code::TooMany], "more than 50 tags, and nothing else");
    assert_eq!(r.issues.len(), 1, "{}", r.to_json());
    let tags = (0..n).map(|i| format!(r#""k{i}.v""#)).collect::<Vec<_>>().join(",");
    let hw = format!(r#"{{"name":"a","image_url":"abc:x","min_disk":40,"tags":[{tags}]}}"#);
    let r = all_entry_points(Provider::Huawei, "100,000 tags, huawei", &hw, Some("/tags"), 10);
    assert_eq!(codes_at(&r, "/tags"), vec![Code::TooMany], "more than 20 tags, and nothing else");
    assert_eq!(r.issues.len(), 1, "{}", r.to_json());
    let it = (0..n).map(|i| format!(r#"{{"key":"k{i}","value":"v"}}"#)).collect::<Vec<_>>().join(",");
    let hw = format!(r#"{{"name":"a","image_url":"abc:x","min_disk":40,"image_tags":[{it}]}}"#);
    let r = all_entry_points(Provider::Huawei, "100,000 image_tags, huawei", &hw, Some("/image_tags"), 10);
    assert_eq!(codes_at(&r, "/image_tags"), vec![Code::TooMany], "more than 20 tags, and nothing else");
    assert_eq!(r.issues.len(), 1, "{}", r.to_json());
}

/// The same lists at sizes the current code handles quickly: results checked, n and 2n timed.
#[test]
fn unique_list_items_scaling() {
    let n = 2_000;
    scaling(
        "DataDiskIds, check + normalize (tencent)",
        |n| {
            let ids = (0..n).map(|i| format!(r#""disk-{i}""#)).collect::<Vec<_>>().join(",");
            let t = format!(r#"{{"ImageName":"a","InstanceId":"i","DataDiskIds":[{ids},"disk-0"]}}"#);
            let v = Value::parse(&t).expect("parses");
            let (r, _, d) =
                measure(|| (check(Provider::Tencent, &v, &opts()), normalize(Provider::Tencent, &v, &opts())));
            assert_eq!(codes_at(&r.0, &format!("/DataDiskIds/{n}")), vec![Code::Duplicate]);
            assert!(r.1.report.ok, "the repeated id is removed");
            d
        },
        n,
    );
    scaling(
        "tags, check (huawei)",
        |n| {
            let tags = (0..n).map(|i| format!(r#""k{i}.v""#)).collect::<Vec<_>>().join(",");
            let v = Value::parse(&format!(r#"{{"name":"a","image_url":"abc:x","min_disk":40,"tags":[{tags}]}}"#))
                .expect("parses")
                .into_owned();
            let (r, _, d) = measure(|| check(Provider::Huawei, &v, &opts()));
            // More than 20 tags (too_many, once); no repeated key among them.
            assert_eq!(codes_at(&r, "/tags"), vec![Code::TooMany], "{}", r.to_json());
            assert_eq!(r.issues.len(), 1, "{}", r.to_json());
            d
        },
        n,
    );
}

// --- nesting 100,000 deep ---------------------------------------------------------------------

fn nested(open: &str, close: &str, n: usize, inner: &str) -> String {
    let mut s = String::with_capacity(n * (open.len() + close.len()) + inner.len());
    for _ in 0..n {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..n {
        s.push_str(close);
    }
    s
}

#[test]
fn nesting_100000_deep_is_too_deep_not_a_stack_overflow() {
    let n = 100_000;
    let arrays = nested("[", "]", n, "");
    let objects = nested(r#"{"a":"#, "}", n, "1");
    let mixed = nested(r#"[{"a":"#, "}]", n / 2, "[]");
    for (what, deep) in [("arrays", &arrays), ("objects", &objects), ("mixed", &mixed)] {
        // As the whole request: one too_deep at "".
        for p in Provider::ALL {
            let r =
                all_entry_points(p, &format!("{what} nested 100,000 deep as the request, {}", p.id()), deep, None, 4);
            if what == "arrays" || what == "mixed" {
                // The outer array is the root: wrong_type at "" (the cut is inside, never inspected).
                assert_eq!(codes_at(&r, ""), vec![Code::WrongType], "{}", p.id());
            } else {
                assert!(r.issues.iter().any(|i| i.code() == Code::TooDeep), "{}: {}", p.id(), r.to_json());
            }
        }
        // As a field's value, an unknown field's value, a metadata value, a list item, a context.
        // A known field of another type is wrong_type (its content is not inspected); inside an
        // unknown field, nothing is passed over in silence: too_deep at the cut.
        let cases: Vec<(Provider, String, &str, bool)> = vec![
            (Provider::Tencent, format!(r#"{{"ImageName":{deep},"InstanceId":"i"}}"#), "/ImageName", false),
            (Provider::Tencent, format!(r#"{{"ImageName":"a","InstanceId":"i","Foo":{deep}}}"#), "/Foo", true),
            (Provider::Zenlayer, format!(r#"{{"instanceId":"i","imageName":"a","x":{deep}}}"#), "/x", true),
            (Provider::Huawei, format!(r#"{{"name":"a","image_url":"abc:x","min_disk":{deep}}}"#), "/min_disk", false),
            (
                Provider::Nova,
                format!(r#"{{"body":{{"createImage":{{"name":"a","metadata":{{"k":{deep}}}}}}}}}"#),
                "/body/createImage/metadata/k",
                false,
            ),
            (
                Provider::OpenStack,
                format!(r#"{{"body":{{"createImage":{{"name":"a","x":{deep}}}}}}}"#),
                "/body/createImage/x",
                true,
            ),
        ];
        for (p, text, path, hidden) in &cases {
            let r = all_entry_points(*p, &format!("{what} 100,000 deep at {path}, {}", p.id()), text, None, 4);
            let deep_paths: Vec<&str> =
                r.issues.iter().filter(|i| i.code() == Code::TooDeep).map(|i| i.path.as_str()).collect();
            if *hidden {
                assert!(!deep_paths.is_empty(), "{what} at {path}: {}", r.to_json());
            } else {
                assert_eq!(codes_at(&r, path), vec![Code::WrongType], "{what} at {path}");
            }
            assert!(deep_paths.iter().all(|d| d.starts_with(path)), "{what} at {path}: {deep_paths:?}");
        }
        let req = Value::parse(r#"{"ImageName":"a","InstanceId":"i"}"#).expect("parses");
        let ctx = parse_with(deep, true).expect("parses").into_owned();
        let r = check(Provider::Tencent, &req, &Options::default().with_context(ctx));
        assert!(r.ok, "a deep context is the console's problem: {}", r.to_json());
    }
    // Unclosed: an error with a position, no overflow.
    let open = "[".repeat(n);
    let e = Value::parse(&open).unwrap_err();
    assert!(e.offset <= open.len());
    let open = r#"{"a":"#.repeat(n);
    assert!(Value::parse(&open).is_err());
    scaling(
        "arrays nested n deep, parse + check",
        |n| {
            let t = nested("[", "]", n, "");
            measure(|| check(Provider::Tencent, &Value::parse(&t).expect("parses"), &opts())).2
        },
        n,
    );
}

#[test]
fn ten_megabytes_of_escapes_and_surrogates() {
    // \u escapes (decoded), a lone surrogate in the middle, as a Huawei description: every rule runs
    // on it (U+FFFD standing in for the surrogate), and the first character Huawei refuses is the
    // bad_char error: the surrogate (the line feeds of the first text are only a stricter reading's,
    // whose warning a field with that code's error does not get).
    for (unit, lf) in [(r"\u00e9\ud83d\ude00\n", true), (r"\u00e9\ud83d\ude00x", false)] {
        let mut s = String::new();
        while s.len() < 10 * MB {
            s.push_str(unit);
        }
        let units = s.len() / unit.len();
        let mid = units / 2 * unit.len();
        s.insert_str(mid, r"\udc00");
        let text = format!(r#"{{"name":"a","image_url":"abc:x","min_disk":40,"description":"{s}"}}"#);
        let r = all_entry_points(Provider::Huawei, "10 MB of escapes, huawei", &text, Some("/description"), 8);
        let bad = |severity| {
            let bad = r
                .issues
                .iter()
                .find(|i| i.path == "/description" && i.code() == Code::BadChar && i.severity == severity);
            bad.map(|i| (i.kind.params().get("codePoint").cloned(), i.kind.params().get("index").cloned()))
        };
        let at = |cp, index: usize| Some((Some(Value::str(cp)), Some(Value::num(index as i64))));
        assert_eq!(bad(Severity::Error), at("U+DC00", 3 * (mid / unit.len())));
        assert_eq!(bad(Severity::Warning), None, "lf: {lf}");
        // The length is counted too: 3 chars per unit and the surrogate.
        let long = r.issues.iter().find(|i| i.path == "/description" && i.code() == Code::TooLong).expect("too_long");
        assert_eq!(long.kind.params().get("actual"), Some(&Value::num((3 * units + 1) as i64)));
    }
}

// --- issue 14: every list the rules walk, with the console's context; the densest reports -----

/// `n` ids `prefix-0`..: JSON array items.
fn ids(prefix: &str, n: usize) -> String {
    (0..n).map(|i| format!(r#""{prefix}-{i}""#)).collect::<Vec<_>>().join(",")
}

/// 100,000 items in every list the rules walk, each checked against a context list of 100,000
/// (the Tencent pre-flight rules once compared every id with every context entry: 40,000 ids
/// took 6.7 s). No time is asserted: a quadratic regression shows as a run that does not end.
#[test]
fn hundred_thousand_items_against_context_lists_of_hundred_thousand() {
    let n = 100_000;
    let disks = ids("disk", n);
    let ctx = format!(
        r#"{{"instanceDataDiskIds":[{disks}],"localDiskIds":[{}],"instanceSystemDiskId":"disk-sys","existingImageNames":[{}]}}"#,
        ids("local", n),
        ids("image", n)
    );
    let text = format!(r#"{{"Region":"ap-guangzhou","ImageName":"web","InstanceId":"i","DataDiskIds":[{disks}]}}"#);
    let r = all_entry_points_with(Provider::Tencent, "100,000 DataDiskIds x context", &text, None, 10, Some(&ctx));
    assert!(r.ok, "{}", r.issues.first().map(|i| i.message.as_str()).unwrap_or(""));
    // Flattened, each with a space normalize trims: the context compares the trimmed id.
    let mut flat = String::from(r#"{"Region":"ap-guangzhou","ImageName":"web","InstanceId":"i""#);
    for i in 0..n {
        flat.push_str(&format!(r#","DataDiskIds.{i}":" disk-{i}""#));
    }
    flat.push('}');
    let r = all_entry_points_with(
        Provider::Tencent,
        "100,000 flattened DataDiskIds x context",
        &flat,
        None,
        10,
        Some(&ctx),
    );
    assert!(r.ok);
    // Every id unknown to the instance: one not_found each (the first 10,000 listed).
    let other = format!(r#"{{"ImageName":"web","InstanceId":"i","DataDiskIds":[{}]}}"#, ids("other", n));
    let r = all_entry_points_with(Provider::Tencent, "100,000 DataDiskIds none known", &other, None, 10, Some(&ctx));
    assert_capped(&r, n);
    assert!(r.issues[..10].iter().all(|i| i.code() == Code::NotFound));
    // Snapshots against a usage table of 100,000.
    let usage = (0..n)
        .map(|i| format!(r#""snap-{i}":"{}""#, if i == 0 { "SYSTEM_DISK" } else { "DATA_DISK" }))
        .collect::<Vec<_>>()
        .join(",");
    let ctx = format!(r#"{{"snapshotDiskUsage":{{{usage}}}}}"#);
    let text = format!(r#"{{"ImageName":"web","SnapshotIds":[{}]}}"#, ids("snap", n));
    assert!(all_entry_points_with(Provider::Tencent, "100,000 SnapshotIds x usage", &text, None, 10, Some(&ctx)).ok);
    // Tag keys against 100,000 existing keys.
    let tags = (0..n).map(|i| format!(r#"{{"Key":"k{i}","Value":"v"}}"#)).collect::<Vec<_>>().join(",");
    let keys = (0..n).map(|i| format!(r#""k{i}""#)).collect::<Vec<_>>().join(",");
    let ctx = format!(r#"{{"existingTagKeys":[{keys}]}}"#);
    let text = format!(
        r#"{{"ImageName":"a","InstanceId":"i","TagSpecification":[{{"ResourceType":"image","Tags":[{tags}]}}]}}"#
    );
    let r = all_entry_points_with(Provider::Tencent, "100,000 tags x existing keys", &text, None, 10, Some(&ctx));
    assert_eq!(codes_at(&r, "/TagSpecification"), vec![Code::TooMany], "more than 50 tags, and nothing else");
    assert_eq!(r.issues.len(), 1, "{}", r.to_json());
    // Metadata against the quota (Nova), unknown context fields (linear in the context's keys).
    let unknown = (0..n).map(|i| format!(r#""c{i}":1"#)).collect::<Vec<_>>().join(",");
    let ctx = format!(r#"{{"metadataQuota":{n},{unknown}}}"#);
    let r = all_entry_points_with(Provider::Nova, "100,000 metadata x quota", &metadata_text(n), None, 10, Some(&ctx));
    assert!(r.issues.iter().all(|i| i.code() != Code::TooMany || i.path.is_empty()));
    scaling(
        "DataDiskIds x context lists, check (tencent)",
        |n| {
            let d = ids("disk", n);
            let c = format!(r#"{{"instanceDataDiskIds":[{d}],"localDiskIds":[{}]}}"#, ids("local", n));
            let v = Value::parse(&format!(r#"{{"ImageName":"web","InstanceId":"i","DataDiskIds":[{d}]}}"#))
                .expect("parses")
                .into_owned();
            let o = Options::default().with_context(Value::parse(&c).expect("parses").into_owned());
            measure(|| check(Provider::Tencent, &v, &o)).2
        },
        50_000,
    );
}

/// The densest reports (an issue every 2 to 5 bytes): 10,000 issues are listed, then one
/// `too_many`; memory stays within 40 times the input (64-bit: a parsed value is 32 bytes, a
/// list item `1,` 2 bytes; the wasm build, with 4-byte pointers, stays within 25: see
/// tests/js/hostile.test.mjs). Without the cap, 2 MB of `1,` made a million issues and 500 MB.
#[test]
fn densest_reports_are_capped_and_bounded() {
    let n = 500_000;
    let rep = |unit: &str, n: usize| vec![unit; n].join(",");
    let cases: Vec<(Provider, &str, String, usize)> = vec![
        (
            Provider::Tencent,
            "500,000 numbers as ids",
            format!(r#"{{"ImageName":"a","InstanceId":"i","DataDiskIds":[{}]}}"#, rep("1", n)),
            n,
        ),
        (
            Provider::Tencent,
            "500,000 empty ids (empty + duplicate)",
            format!(r#"{{"ImageName":"a","InstanceId":"i","DataDiskIds":[{}]}}"#, rep(r#""""#, n)),
            2 * n - 1,
        ),
        (
            Provider::Tencent,
            "500,000 repeated ids",
            format!(r#"{{"ImageName":"a","SnapshotIds":[{}]}}"#, rep(r#""d""#, n)),
            n - 1,
        ),
        (
            Provider::Huawei,
            "500,000 bad tags",
            format!(r#"{{"name":"a","image_url":"abc:x","min_disk":40,"tags":[{}]}}"#, rep(r#""!.!""#, n)),
            0,
        ),
    ];
    for (p, label, text, found) in &cases {
        let r = all_entry_points(*p, label, text, None, 40);
        assert_eq!(r.issues.len(), createimage::__private::MAX_ISSUES + 1, "{label}");
        if *found > 0 {
            assert_capped(&r, *found);
        }
    }
}
