//! A fresh helper's attack on the Rust API and the CLI (2026-11-30): each finding's example as a
//! test. (The rule findings of the same day's audit against the sources are in the case files:
//! tests/cases/generate.py; the serde one in tests/serde_api.rs.)

use createimage::{check_json, Code, Lang, Options, Provider, Value};
use std::process::{Command, Stdio};

/// Tencent's two system-disk snapshots: the message counts the system-disk snapshots, not the
/// list's items ("Snapshot IDs have 2 items" for a list of 3 was wrong).
#[test]
fn two_system_snapshots_say_what_was_counted() {
    let body = r#"{"ImageName":"web","SnapshotIds":["snap-1","snap-2","snap-3"],"Region":"r"}"#;
    let ctx =
        Value::parse(r#"{"snapshotDiskUsage":{"snap-1":"SYSTEM_DISK","snap-2":"SYSTEM_DISK","snap-3":"DATA_DISK"}}"#)
            .unwrap()
            .into_owned();
    for (lang, long, short) in [
        (
            Lang::En,
            "Snapshot IDs include 2 snapshots of system disks; at most 1 is allowed.",
            "At most 1 snapshot of a system disk",
        ),
        (Lang::Zh, "快照 ID 包含 2 个系统盘快照；最多允许 1 个。", "最多 1 个系统盘快照"),
    ] {
        let r = check_json(Provider::Tencent, body, &Options::lang(lang).with_context(ctx.clone())).unwrap();
        let i = r.issues.iter().find(|i| i.code() == Code::TooMany).expect("too_many");
        assert_eq!((i.path.as_str(), i.message.as_str(), i.short_message.as_str()), ("/SnapshotIds", long, short));
        assert_eq!(i.kind.params().get("actual"), Some(&Value::num(2)));
    }
}

/// Tencent's 50 tags per resource are counted over all the tag sets, at `/TagSpecification`; the
/// message counts tags, whatever the console calls the sets (the generic `too_many` wording said
/// "Tag sets have 51 items" with a label "Tag sets"), and describe and the schema carry the limit.
#[test]
fn tencent_tag_count_is_over_all_the_sets() {
    let tags = |from: usize, n: usize| {
        (from..from + n).map(|i| format!(r#"{{"Key":"k{i}","Value":"v"}}"#)).collect::<Vec<_>>().join(",")
    };
    let body = format!(
        r#"{{"ImageName":"web","InstanceId":"ins-1","TagSpecification":[{{"ResourceType":"image","Tags":[{}]}},{{"ResourceType":"image","Tags":[{}]}}]}}"#,
        tags(0, 25),
        tags(25, 26)
    );
    let (en_short, zh_short) = ("At most 50 tags for the image", "镜像最多 50 个标签");
    for (options, long, short) in [
        (Options::default(), "Tags include 51 tags for the image; at most 50 are allowed.", en_short),
        (Options::lang(Lang::Zh), "标签包含 51 个镜像标签；最多允许 50 个。", zh_short),
        (
            Options::default().with_labels([("/TagSpecification", "Tag sets")]),
            "Tag sets include 51 tags for the image; at most 50 are allowed.",
            en_short,
        ),
        (
            Options::default().with_labels([("/TagSpecification", "Tagging")]),
            "Tagging includes 51 tags for the image; at most 50 are allowed.",
            en_short,
        ),
        (
            Options::lang(Lang::Zh).with_labels([("/TagSpecification", "标签组")]),
            "标签组包含 51 个镜像标签；最多允许 50 个。",
            zh_short,
        ),
        (
            Options::lang(Lang::Zh).with_labels([("/TagSpecification", "Tag sets")]),
            "Tag sets 包含 51 个镜像标签；最多允许 50 个。",
            zh_short,
        ),
    ] {
        let r = check_json(Provider::Tencent, &body, &options).unwrap();
        let found: Vec<_> =
            r.issues.iter().map(|i| (i.path.as_str(), i.message.as_str(), i.short_message.as_str())).collect();
        assert_eq!(found, [("/TagSpecification", long, short)]);
        assert_eq!(r.issues[0].code(), Code::TooMany);
        // check_field on the sets says the same.
        let sets = Value::parse(&body).unwrap().get("TagSpecification").unwrap().clone();
        let f = createimage::check_field(Provider::Tencent, "/TagSpecification", &sets, &options);
        assert_eq!(f.issues.iter().map(|i| i.message.as_str()).collect::<Vec<_>>(), [long]);
    }
    // 50 over two sets: no issue.
    let body50 = body.replacen(r#"{"Key":"k50","Value":"v"}"#, "", 1).replace(",]", "]");
    assert!(check_json(Provider::Tencent, &body50, &Options::default()).unwrap().issues.is_empty(), "{body50}");
    // The descriptor named `name` among `d`'s `fields`.
    fn field<'v>(d: &'v Value<'static>, name: &str) -> &'v Value<'static> {
        let fields = d.get("fields").and_then(Value::as_array).unwrap();
        fields.iter().find(|f| f.get("name").and_then(Value::as_str) == Some(name)).unwrap()
    }
    let d = createimage::describe(Provider::Tencent);
    let spec = field(&d, "TagSpecification");
    assert_eq!(spec.get("maxTags"), Some(&Value::num(50)));
    // Neither a set's descriptor nor the schema says a count: a set of another type may hold more
    // than 50 (a breaker, 2026-12-01 evening: `maxItems` 50 on every set's Tags in the schema refused
    // what the core accepts; another, late that day: describe's `maxItems` on Tags said the same).
    assert_eq!(field(spec, "Tags").get("maxItems"), None);
    let s = createimage::json_schema(Provider::Tencent).to_json();
    assert!(!s.contains(r#""maxItems":50"#), "{s}");
}

/// `check_field` on one Tencent tag set that alone binds more than 50 tags to the image says so at
/// the set, naming it (a console checking its tag-set editor saw nothing: the count was only
/// `check`'s, over all the sets); 50, or 51 in a set of another type, says nothing.
#[test]
fn tencent_tag_count_of_one_set_in_check_field() {
    let set = |ty: &str, n: usize| {
        let tags: Vec<String> = (0..n).map(|i| format!(r#"{{"Key":"k{i}","Value":"v"}}"#)).collect();
        Value::parse(&format!(r#"{{"ResourceType":"{ty}","Tags":[{}]}}"#, tags.join(","))).unwrap().into_owned()
    };
    let (en_short, zh_short) = ("At most 50 tags for the image", "镜像最多 50 个标签");
    for (options, long, short) in [
        (Options::default(), "Tag set 2 includes 51 tags for the image; at most 50 are allowed.", en_short),
        (Options::lang(Lang::Zh), "第 2 个标签组包含 51 个镜像标签；最多允许 50 个。", zh_short),
        (
            Options::default().with_labels([("/TagSpecification/*", "Tag group")]),
            "Tag group 2 includes 51 tags for the image; at most 50 are allowed.",
            en_short,
        ),
    ] {
        let r = createimage::check_field(Provider::Tencent, "/TagSpecification/1", &set("image", 51), &options);
        let found: Vec<_> =
            r.issues.iter().map(|i| (i.path.as_str(), i.message.as_str(), i.short_message.as_str())).collect();
        assert_eq!(found, [("/TagSpecification/1", long, short)]);
        assert_eq!(r.issues[0].code(), Code::TooMany);
        assert_eq!(r.issues[0].kind.params().get("actual"), Some(&Value::num(51)));
        assert!(!r.ok);
    }
    for (ty, n) in [("image", 50), ("instance", 51)] {
        let r = createimage::check_field(Provider::Tencent, "/TagSpecification/0", &set(ty, n), &Options::default());
        assert!(r.issues.iter().all(|i| i.code() != Code::TooMany), "{ty} {n}: {:?}", r.issues);
    }
    // `check` on a request with that one set: the count at `/TagSpecification`, as before.
    let body =
        format!(r#"{{"ImageName":"web","InstanceId":"ins-1","TagSpecification":[{}]}}"#, set("image", 51).to_json());
    let r = check_json(Provider::Tencent, &body, &Options::default()).unwrap();
    let found: Vec<_> = r.issues.iter().map(|i| (i.path.as_str(), i.code())).collect();
    assert_eq!(found, [("/TagSpecification", Code::TooMany)]);
}

/// Tencent's 50 tags are per resource, and a key bound twice is one tag (its later value overwrites
/// the first, Tag "Use Limits"): two `image` sets of 26 tags with the same keys bind 26 (the
/// 2026-12-01 audit: they were counted as 52, an error).
#[test]
fn tencent_tag_count_counts_a_key_once() {
    let set = |from: usize, n: usize| {
        let tags: Vec<String> = (from..from + n).map(|i| format!(r#"{{"Key":"k{i}","Value":"v"}}"#)).collect();
        format!(r#"{{"ResourceType":"image","Tags":[{}]}}"#, tags.join(","))
    };
    let body =
        |a: String, b: String| format!(r#"{{"ImageName":"web","InstanceId":"ins-1","TagSpecification":[{a},{b}]}}"#);
    let r = check_json(Provider::Tencent, &body(set(0, 26), set(0, 26)), &Options::default()).unwrap();
    assert!(r.ok && r.issues.is_empty(), "{:?}", r.issues);
    // 25 shared and one more each: 27 distinct, fine; 26 + 25 others: 51 distinct, too many.
    assert!(check_json(Provider::Tencent, &body(set(0, 26), set(1, 26)), &Options::default()).unwrap().ok);
    let r = check_json(Provider::Tencent, &body(set(0, 26), set(26, 25)), &Options::default()).unwrap();
    assert_eq!(
        r.issues.iter().map(|i| (i.path.as_str(), i.code())).collect::<Vec<_>>(),
        [("/TagSpecification", Code::TooMany)]
    );
    assert_eq!(r.issues[0].kind.params().get("actual"), Some(&Value::num(51)));
}

/// Zenlayer's default quota of 5 is a warning that says why (the account's may have been raised),
/// not that another source accepts the value; a negative quota is unlimited.
#[test]
fn zenlayer_default_quota_warning_says_why() {
    let body = r#"{"instanceId":"i","imageName":"web"}"#;
    let ctx = |c: &str| Value::parse(c).unwrap().into_owned();
    for (lang, tail) in [
        (Lang::En, "; the account's quota may have been raised, so it is a warning."),
        (Lang::Zh, "；账号的配额可能已提高，因此仅为警告。）"),
    ] {
        let r = check_json(Provider::Zenlayer, body, &Options::lang(lang).with_context(ctx(r#"{"imagesInZone":7}"#)))
            .unwrap();
        assert!(r.ok);
        assert!(r.issues[0].message.ends_with(tail), "{}", r.issues[0].message);
    }
    let r = check_json(
        Provider::Zenlayer,
        body,
        &Options::default().with_context(ctx(r#"{"imagesInZone":3,"imageQuota":-1}"#)),
    );
    assert!(r.unwrap().issues.is_empty());
}

/// An argument that is not UTF-8 (a file name, a language tag) is a usage error with exit code 2,
/// not a panic (std::env::args panics on one).
#[cfg(unix)]
#[test]
fn cli_refuses_arguments_that_are_not_utf8() {
    use std::ffi::OsString;
    use std::io::Write;
    use std::os::unix::ffi::OsStringExt;
    let bad = || OsString::from_vec(b"zh\xff".to_vec());
    let runs: Vec<Vec<OsString>> = vec![
        vec!["check".into(), "-p".into(), "tencent".into(), bad()],
        vec!["check".into(), "-p".into(), "tencent".into(), "--lang".into(), bad()],
        vec![bad()],
    ];
    for args in runs {
        let mut child = Command::new(env!("CARGO_BIN_EXE_createimage"))
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The CLI may exit before it reads: a broken pipe here is fine.
        let _ = child.stdin.take().unwrap().write_all(b"{}");
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("is not UTF-8 text") && !err.contains("panicked"), "{args:?}: {err}");
    }
}

/// A Nova metadata key holding an unpaired surrogate: the first refused character is the
/// `bad_char` ("!" at 0), the surrogate only when nothing earlier is (a second helper's finding).
#[test]
fn metadata_key_with_a_surrogate_names_the_first_bad_character() {
    let body = |key: &str| {
        format!(
            r#"{{"project_id":"ab","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{{"createImage":{{"name":"n","metadata":{{"{key}":"v"}}}}}}}}"#
        )
    };
    for (key, cp, index) in [(r"!\ud800", "U+0021", 0), (r"ab\ud800", "U+D800", 2), (r"a<\udc00", "U+003C", 1)] {
        let r = check_json(Provider::Nova, &body(key), &Options::default()).unwrap();
        let bad: Vec<_> = r.issues.iter().filter(|i| i.code() == Code::BadChar).collect();
        assert_eq!(bad.len(), 1, "{key}: {}", r.to_json());
        let p = bad[0].kind.params();
        assert_eq!((p.get("codePoint"), p.get("index")), (Some(&Value::str(cp)), Some(&Value::num(index))), "{key}");
    }
}

/// The CLI's text report writes control characters (and bidirectional controls) of keys, values
/// and labels as `\u{XXXX}`: a key cannot clear the screen or forge an issue line.
#[test]
fn cli_text_report_shows_control_characters_escaped() {
    use std::io::Write;
    let body = r#"{"instanceId":"i","imageName":"web","x\u001b[2Jy\nerror: fake\u202e\u0085":1}"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_createimage"))
        .args(["check", "-p", "zenlayer"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(body.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "one issue line and the summary: {text:?}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n') && !text.contains('\u{202E}'), "{text:?}");
    assert!(text.contains(r"x\u{001B}[2Jy\u{000A}error: fake\u{202E}\u{0085}"), "{text}");
}

/// A third helper's findings: a Huawei `tags` string holding a surrogate in both parts reports
/// each part's own surrogate (the value's was judged as U+FFFD, a warning); warnings about one
/// part of a value keep the source they name.
#[test]
fn tag_parts_with_surrogates_and_part_warnings_name_their_source() {
    let body = r#"{"name":"f","image_url":"image-test:disk.qcow2","min_disk":40,"tags":["k\ud800.v\udc00","k=\ud800.v\ud800|"]}"#;
    let r = check_json(Provider::Huawei, body, &Options::default()).unwrap();
    let bad: Vec<_> = r
        .issues
        .iter()
        .filter(|i| i.code() == Code::BadChar)
        .map(|i| (i.path.as_str(), i.part, i.kind.params().get("codePoint").cloned(), i.severity))
        .collect();
    use createimage::Severity::Error;
    assert_eq!(
        bad,
        vec![
            ("/tags/0", Some("key"), Some(Value::str("U+D800")), Error),
            ("/tags/0", Some("value"), Some(Value::str("U+DC00")), Error),
            ("/tags/1", Some("key"), Some(Value::str("U+003D")), Error),
            ("/tags/1", Some("value"), Some(Value::str("U+D800")), Error),
        ]
    );
    let long =
        format!(r#"{{"name":"f","image_url":"image-test:disk.qcow2","min_disk":40,"tags":["{}.v"]}}"#, "k".repeat(40));
    for lang in [Lang::En, Lang::Zh] {
        let r = check_json(Provider::Huawei, &long, &Options::lang(lang)).unwrap();
        let w = &r.issues[0];
        let (source, short) = if lang == Lang::Zh {
            ("依据华为云 IMS", "（依据华为云 IMS")
        } else {
            ("This follows Huawei Cloud's IMS", ", per Huawei Cloud's IMS")
        };
        assert!(w.message.contains(source) && w.short_message.contains(short), "{}: {}", w.message, w.short_message);
    }
}

/// A fourth helper's findings: a context's integer past 2^53 - 1 is written as its digits (as
/// `out_of_range`'s `actual`), and reads back; a key of the labels file quoted in a CLI error is
/// escaped.
#[test]
fn large_context_integers_and_quoted_label_keys() {
    let ctx = Value::parse(r#"{"imagesInZone": 9007199254740993}"#).unwrap().into_owned();
    let r = check_json(
        Provider::Zenlayer,
        r#"{"instanceId":"i","imageName":"name"}"#,
        &Options::default().with_context(ctx),
    )
    .unwrap();
    let i = r.issues.iter().find(|i| i.code() == Code::QuotaExceeded).expect("quota_exceeded");
    assert_eq!(i.kind.params().get("actual"), Some(&Value::str("9007199254740993")));
    let back: createimage::Report = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(back.issues, r.issues);

    let dir = std::env::temp_dir().join(format!("createimage-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let labels = dir.join("labels.json");
    std::fs::write(&labels, "{\"\\u001b[2J\\u001b[Hzenlayer: valid\\n\": 0}").unwrap();
    let request = dir.join("request.json");
    std::fs::write(&request, r#"{"instanceId":"i","imageName":"name"}"#).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_createimage"))
        .args(["check", "-p", "zenlayer", "--labels"])
        .arg(&labels)
        .arg(&request)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.chars().any(|c| c.is_control() && c != '\n') && err.lines().count() == 1, "{err:?}");
    assert!(err.contains(r"\u{001B}[2J") && err.contains("is not a string"), "{err}");
}

/// A second attack (2026-11-30, the JS API): `checkField` on a path of ~11,000 segments overflowed
/// the stack (a frame per segment), and in wasm the trap left the module broken for every later
/// call; naming the unknown field then took time quadratic in the segments. A path longer than any
/// field's is now unknown without being walked: any length, linear, every provider, with a value
/// that is scanned below it and labels that are matched against it.
#[test]
fn check_field_takes_a_path_of_any_length() {
    use createimage::__private::parse_with;
    use createimage::check_field;
    let path = "/a".repeat(200_000);
    let value = parse_with(r#"{"x":[1,{"z":@unreadable"getter threw"}]}"#, true).unwrap();
    let labels = vec![(path.clone(), "deep".to_owned()), ("/*".repeat(20_000), "any".to_owned())];
    for p in Provider::ALL {
        for options in [Options::default(), Options::lang(Lang::Zh).with_labels(labels.clone())] {
            let r = check_field(p, &path, &value, &options);
            let found: Vec<(&str, Code)> =
                r.issues.iter().map(|i| (&i.path[path.len().min(i.path.len())..], i.code())).collect();
            assert_eq!(found, [("", Code::UnknownField), ("/x/1/z", Code::Unreadable)], "{}", p.id());
            assert!(r.issues[0].path == path && r.issues[1].path.starts_with(&path), "{}", p.id());
        }
        // One past the deepest real path: unknown; the deepest real ones still answer.
        let r = check_field(p, "/a/b/c/d/e/f/g/h/i", &Value::str("v"), &Options::default());
        assert_eq!(r.issues[0].code(), Code::UnknownField);
    }
    let tag = check_field(Provider::Tencent, "/TagSpecification/0/Tags/1/Value", &Value::str("v"), &Options::default());
    assert!(tag.ok, "{}", tag.to_json());
}

/// The same helper: `-pnova` was read as an input file ("more than one input file"), and
/// `schema`/`describe` ignored a file given to them. Both are usage errors (exit 2) that say so.
#[test]
fn cli_names_single_dash_options_and_refuses_a_file_where_none_is_read() {
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_createimage")).args(args).stdin(Stdio::null()).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or("").to_owned())
    };
    assert_eq!(run(&["check", "-pnova", "x.json"]), (Some(2), r#"createimage: unknown option "-pnova""#.to_owned()));
    assert_eq!(
        run(&["schema", "-p", "nova", "x.json"]),
        (Some(2), "createimage: schema reads no input file".to_owned())
    );
    assert_eq!(
        run(&["describe", "-p", "nova", "-"]),
        (Some(2), "createimage: describe reads no input file".to_owned())
    );
    assert_eq!(run(&["schema", "-p", "nova"]).0, Some(0));
}

/// The same helper: where the charset allows U+FFFD (Tencent's name, OpenStack's and Nova's), a
/// suggestion kept the U+FFFD that stood for an unpaired surrogate: a character the user never
/// typed. The surrogate is refused (`bad_char`), so the suggestion drops it.
#[test]
fn suggestions_drop_unpaired_surrogates() {
    for (p, body, path) in [
        (Provider::Tencent, r#"{"ImageName":"ab\ud800cd","InstanceId":"i"}"#, "/ImageName"),
        (Provider::Zenlayer, r#"{"imageName":"ab\ud800cd","instanceId":"i"}"#, "/imageName"),
        (
            Provider::Nova,
            r#"{"server_id":"s","token":"t","project_id":"abc","body":{"createImage":{"name":"ab\udc00cd"}}}"#,
            "/body/createImage/name",
        ),
    ] {
        let r = check_json(p, body, &Options::default()).unwrap();
        let i = r.issues.iter().find(|i| i.path == path && i.code() == Code::BadChar).expect("bad_char");
        assert_eq!(i.suggestion.as_deref(), Some("abcd"), "{}", p.id());
    }
    // A U+FFFD the user typed stays where the charset allows it.
    let r = check_json(
        Provider::Tencent,
        &format!(r#"{{"ImageName":"a\ufffd{}","InstanceId":"i"}}"#, "b".repeat(60)),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(r.issues[0].suggestion.as_deref(), Some(format!("a\u{FFFD}{}", "b".repeat(58)).as_str()));
}

/// A third helper (2026-11-30): Huawei's missing-key warnings came after every later tag's issues
/// (not in request order), and `check_field` on `/image_tags/i/key` left out gave nothing where
/// `check` gives the warning.
#[test]
fn huawei_missing_tag_key_in_order_and_in_check_field() {
    use createimage::__private::parse_with;
    use createimage::check_field;
    let body = r#"{"name":"web","image_url":"b-1:o","min_disk":40,"image_tags":[{"value":"v"},{"key":"a=b"}]}"#;
    let r = check_json(Provider::Huawei, body, &Options::default()).unwrap();
    let found: Vec<(&str, Code)> = r.issues.iter().map(|i| (i.path.as_str(), i.code())).collect();
    assert_eq!(found, [("/image_tags/0/key", Code::Required), ("/image_tags/1/key", Code::BadChar)]);
    let undefined = parse_with("@undefined", true).unwrap();
    for (v, o) in [(&undefined, Options::default()), (&Value::str(""), Options::default().with_empty_as_absent(true))] {
        let r = check_field(Provider::Huawei, "/image_tags/0/key", v, &o);
        let found: Vec<(&str, Code, &str)> =
            r.issues.iter().map(|i| (i.path.as_str(), i.code(), i.severity.as_str())).collect();
        assert_eq!(found, [("/image_tags/0/key", Code::Required, "warning")]);
    }
    let r = check_field(Provider::Huawei, "/image_tags/0/key", &Value::str(""), &Options::default());
    assert_eq!(r.issues[0].code(), Code::Empty);
}

/// The same helper: Nova's task state `""` read "the server task has no state; ... needs it to be
/// null" (now no task, as null), and a string holding an unpaired surrogate was "must be a string or
/// null". (The string "null" still reads "the server task is null; ... needs it to be null": a
/// template of its own cost every build ~250 B gzipped, for a value no console sends.)
#[test]
fn nova_task_state_messages() {
    let server = r#"{"server_id":"12345678-1234-1234-1234-123456789abc","token":"t","project_id":"abc","body":{"createImage":{"name":"x"}}}"#;
    let with = |ctx: &str, lang: Lang| {
        let o = Options::lang(lang).with_context(Value::parse(ctx).unwrap().into_owned());
        check_json(Provider::Nova, server, &o).unwrap()
    };
    let r = with(r#"{"taskState":"image_snapshot"}"#, Lang::En);
    assert_eq!(
        r.issues[0].message,
        "Server ID: the server task is image_snapshot; creating an image needs it to be null."
    );
    assert!(with(r#"{"taskState":""}"#, Lang::En).ok);
    let r = with(r#"{"taskState":"\ud800"}"#, Lang::En);
    assert_eq!((r.ok, r.issues[0].severity.as_str()), (true, "warning"));
    assert!(r.issues[0].message.contains("without unpaired UTF-16 surrogates"), "{}", r.issues[0].message);
}

/// Nova's metadata key pattern carries its length (`{1,255}`, its final line feed not counted):
/// the schema says so in its pattern (an attack found `"\n"` alone and 256-character keys
/// accepted by the schema and refused by `check`).
#[test]
fn nova_metadata_key_schema_is_exact() {
    let s = createimage::json_schema(Provider::Nova).to_json();
    assert!(s.contains(r#""pattern":"^[a-zA-Z0-9_:. \\-]{1,255}\\n?$""#), "{s}");
}

/// What `to_http` and `normalize` add to a finished report stays within its cap of 10,000 issues
/// and is counted in its `too_many` summary (an attack found 10,002 issues: Tencent's Region
/// warning after the summary; normalize's "too many changes" warning the same way).
#[test]
fn warnings_added_after_a_report_keep_its_cap() {
    use createimage::{normalize, to_http, Kind, Severity};
    let sets = vec![r#"{"ResourceType":"instance","Tags":[]}"#; 10_001].join(",");
    let body = format!(r#"{{"ImageName":"web","InstanceId":"ins-1","TagSpecification":[{sets}]}}"#);
    let h = to_http(Provider::Tencent, &Value::parse(&body).unwrap(), &Options::default()).unwrap();
    assert_eq!(h.warnings.len(), 10_001);
    let last = h.warnings.last().unwrap();
    assert_eq!((last.path.as_str(), last.severity), ("", Severity::Warning));
    assert!(matches!(last.kind, Kind::TooMany { max: 10_000, actual: 10_002 }), "{:?}", last.kind);
    // Exactly 10,000 before it: the Region warning is the first one not kept.
    let sets = vec![r#"{"ResourceType":"instance","Tags":[]}"#; 10_000].join(",");
    let body = format!(r#"{{"ImageName":"web","InstanceId":"ins-1","TagSpecification":[{sets}]}}"#);
    let h = to_http(Provider::Tencent, &Value::parse(&body).unwrap(), &Options::default()).unwrap();
    assert_eq!(h.warnings.len(), 10_001);
    assert!(matches!(h.warnings.last().unwrap().kind, Kind::TooMany { actual: 10_001, .. }));
    // 10,001 full-width ids: 10,001 changes (more than normalize makes) and 10,000 duplicates.
    let ids = vec![r#""ｄ""#; 10_001].join(",");
    let body = format!(r#"{{"ImageName":"web","InstanceId":"ins-1","DataDiskIds":[{ids}]}}"#);
    let n = normalize(Provider::Tencent, &Value::parse(&body).unwrap(), &Options::default());
    assert!(n.changes.is_empty());
    assert_eq!(n.report.issues.len(), 10_001);
    assert!(!n.report.ok);
    // (The one not kept is normalize's warning: the summary is a warning.)
    let last = n.report.issues.last().unwrap();
    assert_eq!((last.path.as_str(), last.severity), ("", Severity::Warning));
    assert!(matches!(last.kind, Kind::TooMany { max: 10_000, actual: 10_001 }), "{:?}", last.kind);
}

/// A metadata entry's key and value issues are both at the entry's pointer; each says its part
/// (`params.part`: "key" or "value"), and the key is named by a `*key` label only: a label for the
/// entry's own pointer names its value (a breaker's finding, 2026-12-01: "Value of a~b contains “~”",
/// the bad character being in the key).
#[test]
fn metadata_key_and_value_issues_say_their_part_and_take_their_own_labels() {
    let body = r#"{"project_id":"c4b5c8a3e2f54f0f9a7d1b2c3d4e5f60","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{"createImage":{"name":"n","metadata":{"a~b":5}}}}"#;
    for provider in [Provider::Nova, Provider::OpenStack] {
        let r = check_json(provider, body, &Options::default()).unwrap();
        let found: Vec<_> = r.issues.iter().map(|i| (i.path.as_str(), i.code(), i.part)).collect();
        let at = "/body/createImage/metadata/a~0b";
        assert_eq!(found, [(at, Code::BadChar, Some("key")), (at, Code::WrongType, Some("value"))], "{provider:?}");
        assert!(r.to_json().contains(r#""part":"key""#));
        let labels = [("/body/createImage/metadata/*key", "Key"), ("/body/createImage/metadata/a~0b", "Value of a~b")];
        let r = check_json(provider, body, &Options::default().with_labels(labels)).unwrap();
        assert!(r.issues[0].message.starts_with("Key \"a~b\" contains “~”"), "{}", r.issues[0].message);
        assert!(r.issues[1].message.starts_with("Value of a~b must be a string"), "{}", r.issues[1].message);
        // Without a `*key` label, the key keeps its own words.
        let r = check_json(provider, body, &Options::default().with_labels([labels[1]])).unwrap();
        assert!(r.issues[0].message.starts_with("Metadata key \"a~b\" contains"), "{}", r.issues[0].message);
    }
}

/// Two labels that match a field with as many wildcards: the one naming the first segment where
/// they differ exactly wins, whatever their order (it was the first given: labels spread in
/// another order named the field otherwise).
#[test]
fn labels_tied_on_wildcards_do_not_depend_on_their_order() {
    let body = r#"{"ImageName":"w","InstanceId":"i","TagSpecification":[{"ResourceType":"image","Tags":[{"Key":"","Value":"v"}]}]}"#;
    let (a, b) = (("/TagSpecification/0/Tags/*/Key", "A"), ("/TagSpecification/*/Tags/0/Key", "B"));
    for labels in [[a, b], [b, a]] {
        let r = check_json(Provider::Tencent, body, &Options::default().with_labels(labels)).unwrap();
        assert_eq!(r.issues[0].message, "A of tag 1 must not be empty.");
    }
}

/// A metadata value's label: at `<entry>/value` or at the entry, the one with fewer wildcards (a
/// `/*/value` pattern won over the entry's exact label); and a list item labelled exactly stands
/// for the item, without its position ("Tag key of First tag 1" before). A breaker's findings,
/// 2026-12-01.
#[test]
fn labels_of_metadata_values_and_of_list_items_around_a_field() {
    let body = r#"{"project_id":"c4b5c8a3e2f54f0f9a7d1b2c3d4e5f60","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{"createImage":{"name":"n","metadata":{"k":null}}}}"#;
    let m = "/body/createImage/metadata";
    let first = |labels: Vec<(String, &str)>, lang: Lang| {
        let r = check_json(Provider::OpenStack, body, &Options::lang(lang).with_labels(labels)).unwrap();
        r.issues[0].message.clone()
    };
    let exact = (format!("{m}/k"), "Owner");
    let wild_value = (format!("{m}/*/value"), "Value");
    assert_eq!(first(vec![exact.clone(), wild_value.clone()], Lang::En), "Owner must be a string, not null.");
    assert_eq!(first(vec![wild_value.clone(), exact.clone()], Lang::En), "Owner must be a string, not null.");
    let (entry_wild, any_part) = ((format!("{m}/*"), "Value"), ("/*/*/*/*/value".to_owned(), "Any part"));
    assert_eq!(
        first(vec![entry_wild.clone(), any_part.clone()], Lang::En),
        "Value of key \"k\" must be a string, not null."
    );
    // Between as many wildcards, the label at `<entry>/value`.
    assert_eq!(first(vec![exact.clone(), (format!("{m}/k/value"), "V")], Lang::En), "V must be a string, not null.");
    assert!(first(vec![entry_wild, (format!("{m}/*/value"), "VV")], Lang::Zh).starts_with("键“k”的 VV"));

    // List items around a field.
    let tags = r#"{"name":"n","image_url":"bkt:o","min_disk":40,"tags":["a=b"],"image_tags":[]}"#;
    let huawei = |labels: Vec<(&str, &str)>, lang: Lang| {
        let r = check_json(Provider::Huawei, tags, &Options::lang(lang).with_labels(labels).with_empty_as_absent(true))
            .unwrap();
        r.issues.iter().find(|i| i.path == "/tags/0").map(|i| i.message.clone()).unwrap_or_default()
    };
    let en = huawei(vec![("/tags/0", "First tag")], Lang::En);
    assert!(en.contains(" of First tag ") || en.contains(" of First tag."), "{en}");
    assert!(!en.contains("First tag 1"), "{en}");
    let zh = huawei(vec![("/tags/0", "第一个标签")], Lang::Zh);
    assert!(zh.starts_with("第一个标签的"), "{zh}");
    // Through `*`, the position stays.
    let en = huawei(vec![("/tags/*", "Label")], Lang::En);
    assert!(en.contains("of Label 1"), "{en}");
    let tencent = r#"{"ImageName":"w","InstanceId":"i","TagSpecification":[{"ResourceType":"image","Tags":[{"Key":"a","Value":"v"}]},{"ResourceType":"image","Tags":[{"Key":"","Value":"v"}]}]}"#;
    let r = check_json(Provider::Tencent, tencent, &Options::default().with_labels([("/TagSpecification/1", "Set B")]))
        .unwrap();
    assert_eq!(r.issues[0].message, "Tag key of tag 1 in Set B must not be empty.");
}

/// The field around an unknown one, inside a sentence: a console's label as given (it was put in
/// lower case: "of first tag"), the tables' words in lower case, and `in` before the next position
/// ("of tag 1 of tag set 2" before); and a first Tencent tag set labelled exactly is named (a third
/// breaker's findings, 2026-12-01).
#[test]
fn the_field_around_an_unknown_one_reads_as_its_own_name_does() {
    // (An unknown field nested past the depth limit: its `too_deep` names the field around it.)
    let deep = [r#"{"a":"#.repeat(100), "1".to_owned(), "}".repeat(100)].concat();
    let huawei = format!(
        r#"{{"name":"img","image_url":"bkt:o","min_disk":40,"image_tags":[{{"key":"k","value":"v","Foo":{deep}}}]}}"#
    );
    let huawei = huawei.as_str();
    let first = |provider, body: &str, labels: Vec<(&str, &str)>| {
        let r = check_json(provider, body, &Options::default().with_labels(labels)).unwrap();
        r.issues.iter().find(|i| i.code() == Code::TooDeep).map(|i| i.message.clone()).unwrap_or_else(|| r.to_json())
    };
    // What follows the quoted keys: the field around them.
    let around = |m: String| m.split("…\" ").nth(1).map(str::to_owned).unwrap_or(m);
    assert!(around(first(Provider::Huawei, huawei, vec![])).starts_with("of image tag 1 is nested"));
    assert!(
        around(first(Provider::Huawei, huawei, vec![("/image_tags/0", "First tag")])).starts_with("of First tag is")
    );
    assert!(around(first(Provider::Huawei, huawei, vec![("/image_tags/*", "Label")])).starts_with("of Label 1 is"));
    let tencent = format!(
        r#"{{"ImageName":"w","InstanceId":"i","TagSpecification":[{{"ResourceType":"image","Tags":[{{"Key":"a","Value":"v"}}]}},{{"ResourceType":"image","Tags":[{{"Key":"b","Value":"v","Foo":{deep}}}]}}]}}"#
    );
    let tencent = tencent.as_str();
    assert!(around(first(Provider::Tencent, tencent, vec![])).starts_with("of tag 1 in tag set 2 is"));
    let second = around(first(Provider::Tencent, tencent, vec![("/TagSpecification/1", "Second set")]));
    assert!(second.starts_with("of tag 1 in Second set is"), "{second}");
    // The first tag set, labelled exactly, is named; through `*`, it is left out as without labels.
    let empty_key = r#"{"ImageName":"w","InstanceId":"i","TagSpecification":[{"ResourceType":"image","Tags":[{"Key":"","Value":"v"}]}]}"#;
    let msg = |labels: Vec<(&str, &str)>, lang: Lang| {
        check_json(Provider::Tencent, empty_key, &Options::lang(lang).with_labels(labels)).unwrap().issues[0]
            .message
            .clone()
    };
    assert_eq!(
        msg(vec![("/TagSpecification/0", "Image tags")], Lang::En),
        "Tag key of tag 1 in Image tags must not be empty."
    );
    assert!(msg(vec![("/TagSpecification/0", "镜像标签")], Lang::Zh).starts_with("镜像标签的第 1 个标签的标签键"));
    assert_eq!(msg(vec![("/TagSpecification/*", "Set")], Lang::En), "Tag key of tag 1 must not be empty.");
    assert_eq!(msg(vec![], Lang::En), "Tag key of tag 1 must not be empty.");
}

/// A Rust breaker (2026-12-01, evening): `Display` of a report wrote a key from the request raw, so a
/// client's key holding a line feed and an escape sequence forged a log line and cleared the
/// screen of whoever read the log (anyhow prints this text); an unknown provider id did the same.
/// Both now write such characters as `\u{XXXX}`, as the CLI does.
#[test]
fn display_never_forges_a_line() {
    let body =
        r#"{"ImageName":"web","InstanceId":"i","x\nerror at /InstanceId (not_found): forged\u001b[2J\u2028\u202e":1}"#;
    let r = check_json(Provider::Tencent, body, &Options::default()).unwrap();
    let text = r.to_string();
    assert_eq!(text.lines().count(), 1 + r.issues.len(), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n' || matches!(c, '\u{2028}' | '\u{202E}')), "{text:?}");
    assert!(text.contains(r"/x\u{000A}error at") && text.contains(r"\u{001B}[2J\u{2028}\u{202E}"), "{text}");
    let e = "ten\ncent\u{1b}[2J".parse::<Provider>().unwrap_err();
    let shown = e.to_string();
    assert!(shown.starts_with(r#"unknown provider "ten\u{000A}cent\u{001B}[2J""#), "{shown}");
    // A zero-width space would make an unknown key read as the known field (a third breaker).
    let r = check_json(
        Provider::Zenlayer,
        r#"{"instanceId":"i","imageName":"web","imageName\u200b":1}"#,
        &Options::default(),
    )
    .unwrap();
    assert!(r.to_string().contains(r"/imageName\u{200B} (unknown_field)"), "{r}");
    // A message in Chinese is left as it is.
    let r = check_json(Provider::Tencent, r#"{"InstanceId":"i"}"#, &Options::lang(Lang::Zh)).unwrap();
    assert!(r.to_string().contains(&r.issues[0].message));
}

/// A Rust breaker (2026-12-01, evening): a hand-built `Value` made `to_http` send what `check` never
/// saw: a number literal that is not JSON (`+40`, or one carrying `1,"instanceId":"victim"` into
/// the body), an unpaired surrogate's raw text carrying a member, a repeated key (`check` reads
/// the last, every copy was sent). `normalize` now makes such a value what the parser makes (the
/// last value of a repeated key) and refuses the literals (`unreadable` at their paths).
#[test]
fn hand_built_values_send_what_was_checked() {
    use createimage::{normalize, to_http, Other};
    use std::borrow::Cow;
    let o = Options::default();
    let huawei = |min_disk: Value<'static>| {
        Value::obj(vec![("name", Value::str("n1")), ("image_url", Value::str("abc:o")), ("min_disk", min_disk)])
    };
    for lit in ["+40", "NaN", "", "40 ", "0x28", "1,\"x\":2"] {
        let req = huawei(Value::Number(Cow::Owned(lit.to_owned())));
        let r = to_http(Provider::Huawei, &req, &o).unwrap_err();
        assert!(
            r.issues.iter().any(|i| i.path == "/min_disk" && i.code() == Code::Unreadable),
            "{lit}: {:?}",
            r.issues
        );
    }
    assert!(to_http(Provider::Huawei, &huawei(Value::num(40)), &o).is_ok());
    let zl = |note: Value<'static>| {
        Value::obj(vec![("imageName", Value::str("web01")), ("instanceId", Value::str("i")), ("note", note)])
    };
    let injected = Value::Number(Cow::Borrowed("1,\"instanceId\":\"victim\""));
    let r = to_http(Provider::Zenlayer, &zl(injected), &o).unwrap_err();
    assert_eq!(
        r.issues.iter().filter(|i| i.code() == Code::Unreadable).map(|i| i.path.as_str()).collect::<Vec<_>>(),
        ["/note"]
    );
    let raw = Value::Other(Box::new(Other::LoneSurrogate {
        raw: "\",\"instanceId\":\"victim".into(),
        code_point: 0xD800,
        index: 0,
    }));
    assert!(to_http(Provider::Zenlayer, &zl(raw), &o).is_err());
    // A true lone surrogate's raw text is fine (an unknown field: a warning, sent).
    let raw = Value::Other(Box::new(Other::LoneSurrogate { raw: "a\\ud800".into(), code_point: 0xD800, index: 1 }));
    assert!(to_http(Provider::Zenlayer, &zl(raw), &o).is_ok());
    // A repeated key: the last value, checked and sent once.
    let req = Value::obj(vec![
        ("name", Value::str("<script>")),
        ("image_url", Value::str("abc:o")),
        ("min_disk", Value::num(40)),
        ("name", Value::str("ok1")),
    ]);
    let h = to_http(Provider::Huawei, &req, &o).unwrap();
    assert_eq!(h.body.to_json(), r#"{"name":"ok1","image_url":"abc:o","min_disk":40}"#);
    let n = normalize(Provider::Huawei, &req, &o);
    assert!(n.report.ok);
    assert_eq!(n.normalized.to_json(), h.body.to_json());
    // Nested hand-built values are walked too (a `Value` as deep as the parser keeps).
    let mut deep = Value::Number(Cow::Borrowed("+1"));
    for _ in 0..createimage::MAX_DEPTH - 2 {
        deep = Value::Array(vec![deep]);
    }
    let n = normalize(Provider::Zenlayer, &zl(deep), &o);
    let bad: Vec<_> = n.report.errors().map(|i| i.path.clone()).collect();
    assert_eq!(bad.len(), 1);
    assert!(bad[0].starts_with("/note/0/0/") && bad[0].ends_with("/0"), "{}", bad[0]);
}

/// Huawei `os_type: "Windows"`: the seed page, the SDK and the region pages list it, the
/// international CreateDataImage page says the API no longer makes Windows data disk images. A
/// warning naming that page, without IMG.0122 (documented for a value outside Windows and Linux,
/// "Select Windows or Linux", not for this); a value outside both is still the error with it.
#[test]
fn huawei_windows_is_a_warning_naming_the_international_page() {
    let req = |os: &str| format!(r#"{{"name":"n","image_url":"b-1:o","min_disk":40,"os_type":"{os}"}}"#);
    for lang in Lang::ALL {
        let r = check_json(Provider::Huawei, &req("Windows"), &Options::lang(lang)).unwrap();
        assert!(r.ok);
        let i = &r.issues[0];
        assert_eq!(
            (i.path.as_str(), i.code(), i.severity, i.provider_code.as_deref()),
            ("/os_type", Code::NotAllowed, createimage::Severity::Warning, None)
        );
        let page =
            if lang == Lang::En { "international CreateDataImage page" } else { "国际站 CreateDataImage 文档" };
        assert!(i.message.contains(page), "{}", i.message);
    }
    assert!(check_json(Provider::Huawei, &req("Linux"), &Options::default()).unwrap().issues.is_empty());
    let r = check_json(Provider::Huawei, &req("linux"), &Options::default()).unwrap();
    assert_eq!((r.ok, r.issues[0].provider_code.as_deref()), (false, Some("IMG.0122")));
}

/// A breaker (2026-12-01, late): a context field a provider does not read was worded as a request
/// field the provider does not know ("OpenStack does not know the field "context.microversion"").
/// It is worded as the console's, as the context's other warnings are; `params.field` stays
/// `context.<key>`.
#[test]
fn an_unread_context_field_is_the_consoles() {
    let bodies = [
        (Provider::Zenlayer, r#"{"instanceId":"i","imageName":"web"}"#, "Zenlayer Cloud"),
        (Provider::Tencent, r#"{"ImageName":"web","InstanceId":"ins-1"}"#, "Tencent Cloud"),
        (Provider::Huawei, r#"{"name":"n","image_url":"bucket:o","min_disk":40}"#, "Huawei Cloud"),
        (
            Provider::OpenStack,
            r#"{"project_id":"0123456789abcdef0123456789abcdef","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{"createImage":{"name":"n"}}}"#,
            "OpenStack",
        ),
    ];
    for (p, body, name) in bodies {
        // The microversion is nova's: for `openstack` it is a field it does not read.
        let ctx = Value::parse(r#"{"microversion":"2.45"}"#).unwrap();
        let r = check_json(p, body, &Options::default().with_context(ctx.clone())).unwrap();
        assert!(r.ok, "{p:?}");
        let i = &r.issues[0];
        assert_eq!(
            (i.path.as_str(), i.code(), i.kind.params().get("field").and_then(Value::as_str)),
            ("", Code::UnknownField, Some("context.microversion"))
        );
        assert_eq!(
            i.message,
            format!("The console's context field \"microversion\" is not one {name} reads; it was ignored.")
        );
        assert_eq!(i.short_message, i.message.trim_end_matches('.'));
        let r = check_json(p, body, &Options::lang(Lang::Zh).with_context(ctx)).unwrap();
        assert!(r.issues[0].message.starts_with("控制台上下文字段“microversion”不适用于"), "{}", r.issues[0].message);
    }
    // Of the wrong type for `openstack`: the one warning still (a breaker: a type warning beside it
    // said it was read and ignored).
    let (_, body, _) = bodies[3];
    let ctx = Value::parse(r#"{"microversion":5}"#).unwrap();
    let r = check_json(Provider::OpenStack, body, &Options::default().with_context(ctx.clone())).unwrap();
    assert_eq!(r.issues.iter().map(|i| i.code()).collect::<Vec<_>>(), [Code::UnknownField]);
    let r = check_json(Provider::Nova, body, &Options::default().with_context(ctx)).unwrap();
    assert_eq!(r.issues.iter().map(|i| i.code()).collect::<Vec<_>>(), [Code::WrongType]);
    // Read by nova.
    let nova = r#"{"project_id":"0123456789abcdef0123456789abcdef","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{"createImage":{"name":"n"}}}"#;
    let ctx = Value::parse(r#"{"microversion":"2.45"}"#).unwrap();
    assert!(check_json(Provider::Nova, nova, &Options::default().with_context(ctx)).unwrap().issues.is_empty());
}

/// A refused character is quoted in its message unless it is whitespace or does not show
/// (`text::is_hidden`: controls, bidirectional controls, zero-width and invisible format
/// characters; `text::is_default_ignorable`), in every build alike: the rule no longer reads Nova's printable table, which only
/// the OpenStack and Nova builds carry. A private-use or unassigned character is quoted.
#[test]
fn a_refused_character_is_quoted_unless_it_does_not_show() {
    for (c, shown) in [
        ('\u{E000}', "\u{201C}\u{E000}\u{201D} (U+E000)"),
        ('\u{0378}', "\u{201C}\u{0378}\u{201D} (U+0378)"),
        ('\u{1F600}', "\u{201C}\u{1F600}\u{201D} (U+1F600)"),
        ('\u{0301}', "\u{201C}\u{0301}\u{201D} (U+0301)"),
        ('\u{200E}', "contains U+200E at"),
        ('\u{202E}', "contains U+202E at"),
        ('\u{FEFF}', "contains U+FEFF at"),
        ('\u{3000}', "contains U+3000 at"),
        // Default_Ignorable_Code_Point: shown as nothing, so named by code point only.
        ('\u{180E}', "contains U+180E at"),
        ('\u{2065}', "contains U+2065 at"),
        ('\u{206A}', "contains U+206A at"),
        ('\u{3164}', "contains U+3164 at"),
        ('\u{FE0F}', "contains U+FE0F at"),
        ('\u{FFF0}', "contains U+FFF0 at"),
        ('\u{E0041}', "contains U+E0041 at"),
    ] {
        let body = format!(r#"{{"imageName":"web{c}","instanceId":"ins-1"}}"#);
        let r = check_json(Provider::Zenlayer, &body, &Options::default()).unwrap();
        let i = r.issues.iter().find(|i| i.code() == Code::BadChar).expect("bad_char");
        assert!(i.message.contains(shown), "{c:?}: {}", i.message);
    }
}
