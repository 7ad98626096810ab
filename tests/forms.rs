//! Issue 10 through the public API: messages by console label, `short_message`, `paths`, the
//! console's own labels, `empty_as_absent` (in `check`, `check_field`, `to_http`), BCP 47 tags,
//! and the CLI's `--lang`, `--labels` and `--empty-as-absent`.

use createimage::{check, check_field, check_json, to_http, Code, Lang, Options, Provider, Report, Value};
use std::process::Command;

fn tencent(body: &str, o: &Options<'_>) -> Report {
    check_json(Provider::Tencent, body, o).unwrap()
}

#[test]
fn bcp47_tags() {
    for zh in ["zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "zh-TW", "zh-Hant-HK", "ZH-cn", "zh_CN", "cmn-Hans-CN"] {
        assert_eq!(Lang::from_bcp47(zh), Lang::Zh, "{zh}");
    }
    for en in ["en", "en-US", "en-GB", "fr", "ja-JP", "", "-", "zhx", "z", "x-zh", "chinese"] {
        assert_eq!(Lang::from_bcp47(en), Lang::En, "{en}");
    }
    // `FromStr` stays strict (issue 12): an unknown id is an error.
    assert!("zh-TW".parse::<Lang>().is_err());
    assert_eq!("zh-CN".parse::<Lang>().unwrap(), Lang::Zh);
}

#[test]
fn messages_name_fields_by_label_and_short_messages_do_not() {
    let r = tencent(&format!(r#"{{"ImageName":"{}","InstanceId":"ins-1"}}"#, "x".repeat(61)), &Options::default());
    let i = &r.issues[0];
    assert_eq!(i.message, "Image name has 61 characters; Tencent Cloud accepts at most 60.");
    assert_eq!(i.short_message, "At most 60 characters");
    let r = tencent(&format!(r#"{{"ImageName":"{}","InstanceId":"ins-1"}}"#, "x".repeat(61)), &Options::lang(Lang::Zh));
    assert_eq!(r.issues[0].message, "镜像名称有 61 个字符；腾讯云最多接受 60 个字符。");
    assert_eq!(r.issues[0].short_message, "最多 60 个字符");
    let tags = r#"{"ImageName":"web","InstanceId":"ins-1","TagSpecification":[{"ResourceType":"image",
        "Tags":[{"Key":"env","Value":"a"},{"Key":"env","Value":"b"}]}]}"#;
    let r = tencent(tags, &Options::lang(Lang::Zh));
    assert_eq!(r.issues[0].message, "第 2 个标签的标签键重复了“env”，它已在第 1 个标签的标签键中出现。");
    assert_eq!(r.issues[0].short_message, "与第 1 个标签的标签键重复");
    assert!(r.issues[0].paths.is_empty(), "a duplicate is the later item's");
}

#[test]
fn cross_field_issues_list_their_fields_in_table_order() {
    let both = tencent(r#"{"ImageName":"web","InstanceId":"ins-1","SnapshotIds":["s"]}"#, &Options::default());
    let c = &both.issues[0];
    assert_eq!((c.path.as_str(), c.code()), ("/SnapshotIds", Code::Conflict));
    assert_eq!(c.paths, ["/InstanceId", "/SnapshotIds"]);
    assert_eq!(c.short_message, "Instance ID and Snapshot IDs cannot both be given");
    let none = tencent(r#"{"ImageName":"web"}"#, &Options::lang(Lang::Zh));
    let m = &none.issues[0];
    assert_eq!((m.path.as_str(), m.code()), ("", Code::MissingOneOf));
    assert_eq!(m.paths, ["/InstanceId", "/SnapshotIds"]);
    assert_eq!(m.short_message, "必须且只能指定实例 ID 或快照 ID 之一");
    let disks = tencent(r#"{"ImageName":"web","SnapshotIds":["s"],"DataDiskIds":["d"]}"#, &Options::default());
    assert_eq!(disks.issues[0].paths, ["/InstanceId", "/DataDiskIds"]);
    let huawei = r#"{"name":"n","image_url":"b-1:o","min_disk":40,"tags":["a.b"],"image_tags":[{"key":"c"}]}"#;
    let h = check_json(Provider::Huawei, huawei, &Options::default()).unwrap();
    assert_eq!(h.issues[0].paths, ["/tags", "/image_tags"]);
    // In the JSON: `paths` only where there are some; `shortMessage` always.
    let json = both.to_json();
    assert!(json.contains(r#""shortMessage":"Instance ID and Snapshot IDs cannot both be given","paths":["/InstanceId","/SnapshotIds"]}"#), "{json}");
    let one = tencent(r#"{"ImageName":"","InstanceId":"i"}"#, &Options::default()).to_json();
    assert!(one.contains(r#""shortMessage":"Must not be empty"}"#) && !one.contains("paths"), "{one}");
}

#[test]
fn preflight_issues_about_the_instance_are_at_its_id() {
    let ctx = |c: &str| Options::default().with_context(Value::parse(c).unwrap().into_owned());
    let r = tencent(r#"{"ImageName":"web","InstanceId":"ins-1"}"#, &ctx(r#"{"instanceState":"STOPPING"}"#));
    assert_eq!((r.issues[0].path.as_str(), r.issues[0].code()), ("/InstanceId", Code::BadState));
    assert_eq!(
        r.issues[0].message,
        "Instance ID: the instance is STOPPING; creating an image needs it to be RUNNING or STOPPED."
    );
    assert_eq!(r.issues[0].short_message, "The instance is STOPPING; it must be RUNNING or STOPPED");
    // Without the id in the request, the issue stays at the request (a path points into it).
    let r = tencent(r#"{"ImageName":"web"}"#, &ctx(r#"{"instanceState":"STOPPING"}"#));
    assert_eq!(r.issues[1].path, "");
    assert_eq!(r.issues[1].message, "The instance is STOPPING; creating an image needs it to be RUNNING or STOPPED.");
    // An image from snapshots names no instance: the instance's facts are not about it.
    let r = tencent(r#"{"ImageName":"web","SnapshotIds":["s"]}"#, &ctx(r#"{"instanceState":"STOPPING"}"#));
    assert!(r.issues.is_empty(), "{}", r.to_json());
    let zen = r#"{"instanceId":"i-1","imageName":"web"}"#;
    let o = ctx(
        r#"{"zone":"SIN-E","instanceState":"RUNNING","systemDiskStatus":"MAKING_IMAGE","imagesInZone":5,"imageQuota":5}"#,
    );
    let r = check_json(Provider::Zenlayer, zen, &o).unwrap();
    let paths: Vec<(&str, Code)> = r.issues.iter().map(|i| (i.path.as_str(), i.code())).collect();
    assert_eq!(
        paths,
        [
            ("/instanceId", Code::NotSupported),
            ("/instanceId", Code::BadState),
            ("", Code::QuotaExceeded),
            ("/instanceId", Code::BadState)
        ]
    );
    let server = r#"{"project_id":"b7a7b63e92174a95a999c95da856f143","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370",
        "token":"t","body":{"createImage":{"name":"n"}}}"#;
    let r = check_json(Provider::Nova, server, &ctx(r#"{"vmState":"ERROR","taskState":"image_snapshot"}"#)).unwrap();
    assert!(r.issues.iter().all(|i| i.path == "/server_id"), "{}", r.to_json());
}

#[test]
fn console_labels_replace_the_tables_labels() {
    let o = Options::lang(Lang::Zh).with_labels([
        ("/ImageName", "名称"),
        ("/TagSpecification/*/Tags/*/Key", "键"),
        ("/InstanceId", "云主机"),
    ]);
    let r = tencent(
        r#"{"ImageName":"","InstanceId":"i","SnapshotIds":["s"],"TagSpecification":[{"ResourceType":"image",
        "Tags":[{"Key":"a","Value":"1"},{"Key":"a","Value":"2"}]}]}"#,
        &o,
    );
    let m: Vec<&str> = r.issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(
        m,
        ["名称不能为空。", "第 2 个标签的键重复了“a”，它已在第 1 个标签的键中出现。", "快照 ID 不能与云主机同时指定。"]
    );
    let owned: Options<'static> = o.clone().into_owned();
    assert_eq!(owned, o);
}

#[test]
fn empty_form_values_are_absent_with_the_option() {
    let form = r#"{"Region":"ap-guangzhou","ImageName":"web","ImageDescription":"","InstanceId":"ins-1",
        "DataDiskIds":[],"SnapshotIds":[],"ForcePoweroff":"","DryRun":null}"#;
    let on = Options::default().with_empty_as_absent(true);
    assert!(tencent(form, &on).ok, "{}", tencent(form, &on).to_json());
    assert!(!tencent(form, &Options::default()).ok);
    // to_http sends what the report read: the empty fields are left out.
    let h = to_http(Provider::Tencent, &Value::parse(form).unwrap(), &on).unwrap();
    assert_eq!(h.body.to_json(), r#"{"ImageName":"web","InstanceId":"ins-1"}"#);
    // ... and an empty Region is no region: sent without the header, with its warning.
    let no_region = form.replace("ap-guangzhou", "");
    let h = to_http(Provider::Tencent, &Value::parse(&no_region).unwrap(), &on).unwrap();
    assert_eq!((h.warnings[0].path.as_str(), h.warnings[0].code()), ("/Region", Code::Required));
    assert!(h.headers.iter().all(|(k, _)| *k != "X-TC-Region"));
    // Required fields are still checked; a blank row of a list is not absent.
    let r = tencent(r#"{"ImageName":"","InstanceId":"i","DataDiskIds":[""]}"#, &on);
    let got: Vec<(&str, Code)> = r.issues.iter().map(|i| (i.path.as_str(), i.code())).collect();
    assert_eq!(got, [("/ImageName", Code::Empty), ("/DataDiskIds/0", Code::Empty)]);
    // check_field reads a field as check does.
    fn v(t: &str) -> Value<'_> {
        Value::parse(t).unwrap()
    }
    assert!(check_field(Provider::Tencent, "/SnapshotIds", &v("[]"), &on).issues.is_empty());
    // (An empty list of snapshots is no error of its own: the SDKs leave it out; what it would
    // break beside an instance is the whole request's warning.)
    assert!(check_field(Provider::Tencent, "/SnapshotIds", &v("[]"), &Options::default()).issues.is_empty());
    assert_eq!(
        check_field(Provider::Tencent, "/ForcePoweroff", &v("\"\""), &Options::default()).issues[0].code(),
        Code::NotAllowed
    );
    assert!(check_field(Provider::Tencent, "/ForcePoweroff", &v("\"\""), &on).issues.is_empty());
    assert_eq!(check_field(Provider::Tencent, "/ImageName", &v("null"), &on).issues[0].code(), Code::Required);
    assert_eq!(check_field(Provider::Tencent, "/ImageName", &v("\"\""), &on).issues[0].code(), Code::Empty);
    // Nova: metadata null is absent, and left out of the body.
    let server = r#"{"project_id":"b7a7b63e92174a95a999c95da856f143","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370",
        "token":"t","body":{"createImage":{"name":"n","metadata":null}}}"#;
    let h = to_http(Provider::Nova, &Value::parse(server).unwrap(), &on).unwrap();
    assert_eq!(h.body.to_json(), r#"{"createImage":{"name":"n"}}"#);
    assert!(!check(Provider::Nova, &Value::parse(server).unwrap(), &Options::default()).ok);
}

fn cli(args: &[&str], input: &str) -> (String, i32) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_createimage"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    (String::from_utf8(o.stdout).unwrap(), o.status.code().unwrap_or(-1))
}

#[test]
fn cli_lang_labels_and_empty_as_absent() {
    let form = r#"{"ImageName":"","InstanceId":"","SnapshotIds":[]}"#;
    let (out, code) = cli(&["check", "-p", "tencent", "--lang", "zh-Hans-CN", "--empty-as-absent"], form);
    assert_eq!(code, 1);
    assert!(out.contains("/ImageName: empty: 镜像名称不能为空。"), "{out}");
    assert!(out.contains("必须且只能指定实例 ID 或快照 ID 之一。"), "{out}");
    assert!(!out.contains("/SnapshotIds: empty"), "{out}");
    let (out, _) = cli(&["check", "-p", "tencent", "--lang", "fr-FR"], form);
    assert!(out.contains("Image name must not be empty."), "{out}");
    let dir = std::env::temp_dir().join(format!("createimage-labels-{}", std::process::id()));
    std::fs::write(&dir, r#"{"/ImageName": "Name"}"#).unwrap();
    let (out, _) = cli(&["check", "-p", "tencent", "--labels", dir.to_str().unwrap(), "--format", "json"], form);
    assert!(out.contains(r#""message": "Name must not be empty.""#), "{out}");
    std::fs::write(&dir, r#"{"/ImageName": 1}"#).unwrap();
    let (_, code) = cli(&["check", "-p", "tencent", "--labels", dir.to_str().unwrap()], form);
    assert_eq!(code, 2, "labels that are not strings are a usage error");
    std::fs::remove_file(&dir).ok();
}

#[test]
fn regression_cli_label_keyed_on_a_lone_surrogate_key() {
    // Was "the label of ... is not a string": the parser wraps the value under such a key.
    let dir = std::env::temp_dir().join(format!("createimage-labels-lone-{}", std::process::id()));
    std::fs::write(&dir, r#"{"/body/createImage/metadata/k\ud800": "L800"}"#).unwrap();
    let req = r#"{"project_id":"0123456789abcdef0123456789abcdef","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370",
        "token":"gAAAAABk-token","body":{"createImage":{"name":"n","metadata":{"k\ud800":5,"k\ufffd":5}}}}"#;
    let (out, code) = cli(&["check", "-p", "openstack", "--labels", dir.to_str().unwrap()], req);
    assert_eq!(code, 1);
    // (The entry's pointer labels its value: the values here are numbers.)
    assert!(out.contains("/body/createImage/metadata/k\\ud800: wrong_type [400]: L800 must be a string"), "{out}");
    assert_eq!(out.matches("L800").count(), 1, "the label names that key only: {out}");
    // A label *value* holding one stopped the run ("is not a string"); it is ignored, as in JS.
    std::fs::write(&dir, r#"{"/ImageName": "Name\ud800", "/InstanceId": "Instance"}"#).unwrap();
    let (out, code) =
        cli(&["check", "-p", "tencent", "--labels", dir.to_str().unwrap()], r#"{"ImageName":"","InstanceId":""}"#);
    std::fs::remove_file(&dir).ok();
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Image name must not be empty.") && out.contains("Instance must not be empty."), "{out}");
}

/// The CLI with standard error too: (stdout, stderr, exit code).
fn cli_all(args: &[&str], input: &str) -> (String, String, i32) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_createimage"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    (String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap(), o.status.code().unwrap_or(-1))
}

/// Was a bug: `--help`, `-h` and `help` printed `unknown command "--help"` and exited 2.
#[test]
fn regression_cli_help_prints_the_usage_and_exits_0() {
    for args in [&["--help"][..], &["-h"], &["help"], &["check", "--help"], &["normalize", "-p", "tencent", "-h"]] {
        let (out, err, code) = cli_all(args, "");
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.starts_with("usage: createimage <check|normalize|http|describe|schema>"), "{args:?}: {out}");
        assert!(out.contains("-h, --help"), "{out}");
        assert_eq!(err, "", "{args:?}");
    }
    // A usage error is still one: exit 2, the message and the usage on standard error.
    for (args, msg) in [(&[][..], "missing command"), (&["--hlep"], "unknown command \"--hlep\"")] {
        let (out, err, code) = cli_all(args, "");
        assert_eq!((out.as_str(), code), ("", 2), "{args:?}");
        assert!(err.starts_with(&format!("createimage: {msg}\nusage: createimage")), "{err}");
    }
}

/// Was a bug: the summary line said "(1 errors, 0 warnings)", and stayed English with `--lang zh`.
#[test]
fn regression_cli_summary_line_counts_in_words_and_language() {
    let one = r#"{"ImageName":"","InstanceId":"i"}"#;
    let three = r#"{"ImageName":"","InstanceId":"","Foo":1,"ImageDescription":"x"}"#;
    let warned = r#"{"instanceId":"i","imageName":"w"}"#;
    let last = |args: &[&str], input: &str| {
        let (out, _, code) = cli_all(args, input);
        (out.lines().last().unwrap_or_default().to_owned(), code)
    };
    assert_eq!(last(&["check", "-p", "tencent"], one), ("tencent: not valid (1 error, 0 warnings)".into(), 1));
    assert_eq!(last(&["check", "-p", "zenlayer"], warned), ("zenlayer: valid (0 errors, 1 warning)".into(), 0));
    let (line, code) = last(&["check", "-p", "tencent"], three);
    assert_eq!(code, 1);
    assert!(line.starts_with("tencent: not valid (") && line.contains(" errors, 0 warnings)"), "{line}");
    assert_eq!(
        last(&["check", "-p", "tencent", "--lang", "zh"], one),
        ("tencent：无效（1 个错误，0 个警告）".into(), 1)
    );
    assert_eq!(
        last(&["check", "-p", "zenlayer", "--lang", "zh-CN"], warned),
        ("zenlayer：有效（0 个错误，1 个警告）".into(), 0)
    );
    // normalize and http print the same line for their report; a suggestion is labelled in Chinese too.
    assert_eq!(last(&["normalize", "-p", "tencent", "--lang", "zh"], one).0, "tencent：无效（1 个错误，0 个警告）");
    assert_eq!(last(&["http", "-p", "tencent"], one).0, "tencent: not valid (1 error, 1 warning)");
    let long = format!(r#"{{"ImageName":"{}","InstanceId":"i"}}"#, "镜".repeat(61));
    let (out, _, _) = cli_all(&["check", "-p", "tencent", "--lang", "zh"], &long);
    assert!(out.contains(&format!("    建议：{}\n", "镜".repeat(60))), "{out}");
    let (out, _, _) = cli_all(&["check", "-p", "tencent"], &long);
    assert!(out.contains(&format!("    suggestion: {}\n", "镜".repeat(60))), "{out}");
}

/// `http` shows a valid request's warnings as `check` does: in text, each on its line on standard
/// error (`(request)` for `""`, the provider code); with `--format json`, as `warnings` beside the
/// request on standard output (an attack found them only on standard error, as text, without their
/// provider code, so a script reading the JSON never saw Tencent's missing Region).
#[test]
fn cli_http_shows_warnings_as_check_does() {
    let req = r#"{"ImageName":"web","InstanceId":"ins-1"}"#;
    let (out, err, code) = cli_all(&["http", "-p", "tencent"], req);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("POST /\n"), "{out}");
    assert!(err.starts_with("warning: /Region: required: "), "{err}");
    let (out, err, code) = cli_all(&["http", "-p", "tencent", "--format", "json"], req);
    assert_eq!((code, err.as_str()), (0, ""));
    let v = Value::parse(&out).unwrap();
    let w = v.get("warnings").and_then(Value::as_array).expect("warnings");
    assert_eq!(w[0].get("path").and_then(Value::as_str), Some("/Region"));
    assert_eq!(w[0].get("severity").and_then(Value::as_str), Some("warning"));
    // A request with none has no `warnings` member.
    let (out, _, _) =
        cli_all(&["http", "-p", "tencent", "--format", "json"], &req.replace("{", r#"{"Region":"ap-guangzhou","#));
    assert!(!out.contains("warnings"), "{out}");
    // The provider code and `(request)` in text, as `check` writes them.
    let zen = r#"{"instanceId":"i","imageName":"web"}"#;
    let dir = std::env::temp_dir().join(format!("createimage-cli-http-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ctx = dir.join("ctx.json");
    std::fs::write(&ctx, r#"{"imagesInZone":5}"#).unwrap();
    let (_, err, code) = cli_all(&["http", "-p", "zenlayer", "--context", ctx.to_str().unwrap()], zen);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 0);
    assert!(err.starts_with("warning: (request): quota_exceeded [LIMIT_EXCEEDED_IMAGE_QUOTA]: "), "{err}");
}
