//! Issue 14's broken promises, each example as a test (the JS side of each is in
//! tests/js/hostile.test.mjs): `check_field` and `check` on a list given in both forms, one path
//! per key (placeholders for unpaired surrogates), `check` and `normalize` agreeing with a context,
//! reports that say what is true, the size limit, the capped report, where normalized values came
//! from, and the CLI when it cannot write or is given endless input.

use createimage::__private::{parse_marked, Marks, MAX_TEXT_BYTES};
use createimage::__private::{source_path, Sources};
use createimage::{check, check_field, normalize, to_http, Code, Issue, Lang, Options, Provider, Report, Value};
use std::io::Write;
use std::process::{Command, Stdio};

fn parse(t: &str) -> Value<'_> {
    Value::parse(t).expect("parses")
}

fn with_context(ctx: &str) -> Options<'static> {
    Options::lang(Lang::En).with_context(parse(ctx).into_owned())
}

fn at<'r>(r: &'r Report, path: &str) -> Vec<&'r Issue> {
    r.issues.iter().filter(|i| i.path == path).collect()
}

fn codes(issues: &[&Issue]) -> Vec<Code> {
    issues.iter().map(|i| i.code()).collect()
}

// --- 14.5: check_field agrees with check when a list is given in both forms ---------------------

#[test]
fn regression_flattened_key_beside_the_array_is_checked_at_its_own_key() {
    for text in [
        r#"{"ImageName":"web","InstanceId":"ins-1","DataDiskIds":["disk-1"],"DataDiskIds.0":""}"#,
        r#"{"ImageName":"web","InstanceId":"ins-1","DataDiskIds.0":"","DataDiskIds":["disk-1"]}"#,
    ] {
        let r = check(Provider::Tencent, &parse(text), &Options::default());
        // /DataDiskIds/0 is the array's item (valid); the flattened key is reported at its own key.
        assert!(at(&r, "/DataDiskIds/0").is_empty(), "{}", r.to_json());
        assert_eq!(codes(&at(&r, "/DataDiskIds.0")), vec![Code::Conflict, Code::Empty]);
        let f = check_field(Provider::Tencent, "/DataDiskIds.0", &parse(r#""""#), &Options::default());
        let without_cross_field: Vec<_> =
            at(&r, "/DataDiskIds.0").into_iter().filter(|i| i.code() != Code::Conflict).collect();
        // The same issues (the message names the field by its path: `DataDiskIds.0` there,
        // `DataDiskIds[0]` for check_field, which reports the item at /DataDiskIds/0).
        assert_eq!(
            f.issues.iter().map(|i| (i.code(), i.kind.params(), i.severity)).collect::<Vec<_>>(),
            without_cross_field.iter().map(|i| (i.code(), i.kind.params(), i.severity)).collect::<Vec<_>>()
        );
        let item = check_field(Provider::Tencent, "/DataDiskIds/0", &parse(r#""disk-1""#), &Options::default());
        assert!(item.issues.is_empty());
    }
}

// --- 14.6: one key, one path ----------------------------------------------------------------------

/// Parse as the wasm bindings and the CLI do: placeholders when a key holds an unpaired surrogate.
fn exact(text: &str) -> (Value<'_>, Option<Marks>) {
    let (v, bad) = parse_marked(text, false, None).expect("parses");
    if !bad {
        return (v, None);
    }
    let m = Marks::avoiding(&[text]).expect("placeholders");
    (parse_marked(text, false, Some(&m)).expect("parses").0, Some(m))
}

#[test]
fn regression_keys_differing_only_in_lone_surrogates_have_their_own_paths() {
    for (keys, want) in [
        (r#""a\ud800":1,"a\ud801":2"#, [r#""/a\ud800""#, r#""/a\ud801""#]),
        (r#""a\ufffd":1,"a\ud800":2"#, ["\"/a\u{FFFD}\"", r#""/a\ud800""#]),
    ] {
        let text = format!(r#"{{"Region":"ap-guangzhou","ImageName":"web","InstanceId":"ins-1",{keys}}}"#);
        let (v, marks) = exact(&text);
        let m = marks.expect("a key with a lone surrogate");
        let json = m.restore(check(Provider::Tencent, &v, &Options::default()).to_json());
        for w in want {
            assert_eq!(json.matches(&format!(r#""path":{w}"#)).count(), 1, "{w} in {json}");
        }
        // The same through normalize and to_http.
        let n = normalize(Provider::Tencent, &v, &Options::default());
        assert_eq!(m.restore(n.report.to_json()), json);
        let h = to_http(Provider::Tencent, &v, &Options::default()).expect_err("unknown fields");
        assert_eq!(m.restore(h.to_json()), json);
        // Without placeholders (the Rust API's strings), both are U+FFFD: documented.
        let lossy = check(Provider::Tencent, &parse(&text), &Options::default());
        assert!(lossy.issues.iter().all(|i| i.path == "/a\u{FFFD}"));
    }
}

#[test]
fn placeholders_avoid_every_character_of_the_input() {
    // The input uses the first private-use characters, literally and as escapes: they are skipped.
    let text = "{\"\u{E000}\":1,\"\\ue001\":2,\"\\udbc0\\udc00\":3,\"k\\ud800\":4}";
    let m = Marks::avoiding(&[text]).expect("placeholders");
    let (v, bad) = parse_marked(text, false, Some(&m)).expect("parses");
    assert!(bad);
    let keys: Vec<&str> = v.as_object().expect("object").iter().map(|(k, _)| k.as_ref()).collect();
    assert_eq!(&keys[..3], &["\u{E000}", "\u{E001}", "\u{100000}"]);
    let placeholder = keys[3].chars().nth(1).expect("two characters");
    assert!(!text.contains(placeholder) && !['\u{E000}', '\u{E001}', '\u{100000}'].contains(&placeholder));
    assert_eq!(m.first_in(keys[3]), Some((1, 0xD800)));
    assert_eq!(m.restore(Value::str(keys[3]).to_json()), r#""k\ud800""#);
    // Text without a placeholder comes back as it is.
    assert_eq!(m.restore("\"\u{E000}\"".to_owned()), "\"\u{E000}\"");
}

// --- 14.7: check and normalize agree when a context is given -------------------------------------

#[test]
fn regression_context_rules_compare_what_the_provider_receives() {
    let cases = [
        (
            r#"{"ImageName":"web ","InstanceId":"ins-1"}"#,
            r#"{"existingImageNames":["web"]}"#,
            Some(("/ImageName", Code::AlreadyExists)),
        ),
        (
            r#"{"ImageName":"web","InstanceId":"ins-1","DataDiskIds":["disk-sys\u200b"]}"#,
            r#"{"instanceSystemDiskId":"disk-sys"}"#,
            Some(("/DataDiskIds/0", Code::NotSupported)),
        ),
        (
            r#"{"ImageName":"web","InstanceId":"ins-1","DataDiskIds":["disk-1 "]}"#,
            r#"{"instanceDataDiskIds":["disk-1"]}"#,
            None,
        ),
        (
            r#"{"ImageName":"web","SnapshotIds":["snap-1\u200b"]}"#,
            r#"{"snapshotDiskUsage":{"snap-1":"SYSTEM_DISK"}}"#,
            None,
        ),
    ];
    for (req, ctx, want) in cases {
        let o = with_context(ctx);
        let r = check(Provider::Tencent, &parse(req), &o);
        let n = normalize(Provider::Tencent, &parse(req), &o);
        let errors = |r: &Report| r.errors().map(|i| (i.path.clone(), i.code())).collect::<Vec<_>>();
        assert_eq!(errors(&r), want.map(|(p, c)| (p.to_owned(), c)).into_iter().collect::<Vec<_>>(), "{req}");
        assert_eq!(errors(&n.report), errors(&r), "check and normalize agree: {req}");
        // And normalize's report is check of its output (never worse).
        assert_eq!(check(Provider::Tencent, &n.normalized, &o), n.report);
    }
}

// --- 14.9: reports that say what is true ----------------------------------------------------------

#[test]
fn regression_context_reports_do_not_contradict_themselves() {
    let meta: Vec<String> = (0..200).map(|i| format!(r#""k{i}":"v""#)).collect();
    let req = format!(
        r#"{{"project_id":"0123456789abcdef0123456789abcdef","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{{"createImage":{{"name":"web","metadata":{{{}}}}}}}}}"#,
        meta.join(",")
    );
    for p in [Provider::OpenStack, Provider::Nova] {
        let r = check(p, &parse(&req), &with_context(r#"{"metadataQuota":-1}"#));
        assert!(r.issues.is_empty(), "-1 is unlimited: {}", r.to_json());
        let r = check(p, &parse(&req), &with_context(r#"{"metadataQuota":128}"#));
        assert_eq!(r.issues[0].message, "Metadata has 200 items; at most 128 are allowed.");
    }
    let zen = parse(r#"{"instanceId":"i","imageName":"web"}"#);
    let r = check(Provider::Zenlayer, &zen, &with_context(r#"{"imagesInZone":1e20}"#));
    assert_eq!(r.issues.len(), 1);
    assert!(
        r.issues[0].message.contains("an integer from -9223372036854775808 to 9223372036854775807"),
        "{}",
        r.issues[0].message
    );
    let r = check(Provider::Zenlayer, &zen, &with_context(r#"{"imagesInZone":5e0}"#));
    assert_eq!(codes(&r.issues.iter().collect::<Vec<_>>()), vec![Code::QuotaExceeded], "5e0 is the integer 5");
    let r = check(Provider::Zenlayer, &zen, &with_context("[1]"));
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.issues[0].message, "The console's context must be an object, not an array; it was ignored.");
    assert_eq!(r.issues[0].kind.params().get("field"), Some(&Value::str("context")));
    let r = check(Provider::Zenlayer, &zen, &with_context(r#"{"zone":true,"instanceState":true}"#));
    let fields: Vec<_> = r.issues.iter().map(|i| i.kind.params().get("field").cloned()).collect();
    assert_eq!(fields, vec![Some(Value::str("context.zone")), Some(Value::str("context.instanceState"))]);
}

// --- 14.3: the size limit, the capped report, the capped changes --------------------------------

#[test]
fn limits_are_stated_once() {
    let r = createimage::__private::too_large(Provider::Tencent, Lang::En);
    assert_eq!(r.issues.len(), 1);
    let detail = r.issues[0].kind.params().get("detail").cloned().expect("detail");
    assert!(detail.as_str().is_some_and(|d| d.contains(&MAX_TEXT_BYTES.to_string())), "{detail:?}");
    assert_eq!(MAX_TEXT_BYTES, 16 << 20);
}

#[test]
fn a_report_lists_ten_thousand_issues_then_how_many_there_were() {
    // 10,500 unknown keys (errors for Tencent) and one over the cap as a warning only (Huawei).
    let keys: Vec<String> = (0..10_500).map(|i| format!(r#""x{i}":1"#)).collect();
    let t = format!(r#"{{"ImageName":"a","InstanceId":"i",{}}}"#, keys.join(","));
    let r = check(Provider::Tencent, &parse(&t), &Options::default());
    assert_eq!(r.issues.len(), 10_001);
    let last = r.issues.last().expect("last");
    assert_eq!((last.path.as_str(), last.code(), last.severity), ("", Code::TooMany, createimage::Severity::Error));
    assert_eq!(last.message, "The request has 10500 issues; the first 10000 are listed.");
    let t = format!(r#"{{"name":"a","image_url":"abc:x","min_disk":40,{}}}"#, keys.join(","));
    let r = check(Provider::Huawei, &parse(&t), &Options::default());
    assert!(r.ok, "only warnings were left out");
    assert_eq!(r.issues.last().map(|i| i.severity), Some(createimage::Severity::Warning));
}

#[test]
fn normalize_makes_at_most_ten_thousand_changes_or_none() {
    let ids: Vec<String> = (0..10_001).map(|i| format!(r#"" d{i}""#)).collect();
    let t = format!(r#"{{"ImageName":"a","InstanceId":"i","DataDiskIds":[{}]}}"#, ids.join(","));
    let v = parse(&t);
    let n = normalize(Provider::Tencent, &v, &Options::default());
    assert!(n.changes.is_empty());
    assert_eq!(n.normalized, v.clone().into_owned());
    let last = n.report.issues.last().expect("the warning");
    assert_eq!((last.code(), last.severity), (Code::TooMany, createimage::Severity::Warning));
    assert!(last.message.starts_with("Normalizing would make 10001 changes"), "{}", last.message);
    let t = format!(r#"{{"ImageName":"a","InstanceId":"i","DataDiskIds":[{}]}}"#, ids[..10_000].join(","));
    assert_eq!(normalize(Provider::Tencent, &parse(&t), &Options::default()).changes.len(), 10_000);
}

// --- where normalized values came from ------------------------------------------------------------

#[test]
fn sources_of_moved_list_items() {
    let t = r#"{"ImageName":"a","InstanceId":"i","DataDiskIds.0":"d1","DataDiskIds.1":"d1","DataDiskIds.2":5,"DataDiskIds.3":"d1","DataDiskIds.4":6,"SnapshotIds":["s","s","s",7]}"#;
    let n = normalize(Provider::Tencent, &parse(t), &Options::default());
    let s = Sources::new(&n.changes);
    assert_eq!(n.normalized.get("DataDiskIds").and_then(Value::as_array).map(<[Value]>::len), Some(3));
    assert_eq!(s.source("/DataDiskIds/0"), "/DataDiskIds.0");
    assert_eq!(s.source("/DataDiskIds/1"), "/DataDiskIds.2");
    assert_eq!(s.source("/DataDiskIds/2/x"), "/DataDiskIds.4/x");
    assert_eq!(s.source("/SnapshotIds/1"), "/SnapshotIds/3");
    assert_eq!(s.source("/ImageName"), "/ImageName");
    assert_eq!(source_path(&n.changes, "/SnapshotIds/0"), "/SnapshotIds/0");
}

// --- 14.10: the CLI when it cannot write, and endless input ---------------------------------------

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_createimage"))
}

fn big_request() -> String {
    let keys: Vec<String> = (0..20_000).map(|i| format!(r#""unknown{i}":1"#)).collect();
    format!(r#"{{"ImageName":"web","InstanceId":"ins-1",{}}}"#, keys.join(","))
}

#[test]
fn regression_cli_ends_quietly_on_a_closed_pipe() {
    let mut child = cli()
        .args(["check", "--provider", "tencent", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().expect("stdin").write_all(big_request().as_bytes()).expect("writes");
    // Read one byte, then close the pipe (as `| head -c1` does).
    let mut out = child.stdout.take().expect("stdout");
    let mut one = [0u8; 1];
    std::io::Read::read_exact(&mut out, &mut one).expect("one byte");
    drop(out);
    let o = child.wait_with_output().expect("ends");
    assert_eq!(o.status.code(), Some(1), "the verdict (not valid), not an abort: {:?}", o.status);
    assert_eq!(String::from_utf8_lossy(&o.stderr), "", "quietly");
}

#[test]
fn regression_cli_write_error_is_exit_2_with_a_message() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let mut child = cli()
        .args(["check", "--provider", "tencent"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().expect("stdin").write_all(big_request().as_bytes()).expect("writes");
    let o = child.wait_with_output().expect("ends");
    assert_eq!(o.status.code(), Some(2), "{:?}", o.status);
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot write the output"));
}

#[test]
fn regression_cli_warnings_into_a_closed_stderr() {
    // Huawei's unknown fields are warnings, printed to standard error by `http`.
    let mut child = cli()
        .args(["http", "--provider", "huawei"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // Close the reading end of standard error before the program writes its warning.
    drop(child.stderr.take().expect("stderr"));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(br#"{"name":"a","image_url":"abc:x","min_disk":40,"x":1}"#)
        .expect("writes");
    let o = child.wait_with_output().expect("ends");
    assert_eq!(o.status.code(), Some(0), "{:?}", o.status);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("POST /v1/cloudimages/dataimages/action"));
}

#[test]
fn regression_cli_reads_at_most_the_limit() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let o = cli().args(["check", "--provider", "tencent", "/dev/zero"]).output().expect("runs");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("more than 16777216 bytes"), "{err}");
    // And a key with a lone surrogate keeps its path in the CLI's output.
    let mut child = cli()
        .args(["check", "--provider", "tencent", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(br#"{"ImageName":"web","InstanceId":"ins-1","a\ud800":1,"a\ud801":2}"#)
        .expect("writes");
    let out = String::from_utf8(child.wait_with_output().expect("ends").stdout).expect("UTF-8");
    assert!(out.contains(r#""path": "/a\ud800""#) && out.contains(r#""path": "/a\ud801""#), "{out}");
}
