//! The README's CLI examples, run as written: each line below is a line of README.md's "CLI" block
//! (`cargo run -q --` is the binary cargo built for this test; `echo '...' |` its standard input),
//! run from the repository's root, so every file a line names must exist there
//! (`examples/requests/`). Each line's exit code and a piece of what it prints are checked.

use std::io::Write;
use std::process::{Command, Stdio};

/// (the README line, its exit code, what its standard output holds).
const LINES: &[(&str, i32, &[&str])] = &[
    (
        "cargo run -q -- check --provider tencent examples/requests/tencent.json    # text report; exit 0 valid, 1 not, 2 usage/bad JSON",
        0,
        &["tencent: valid (0 errors, 0 warnings)\n"],
    ),
    (
        r#"echo '{"instanceId":"i","imageName":"生产环境-web_服务器01"}' | cargo run -q -- check -p zenlayer --format json"#,
        0,
        &["\"ok\": true", "\"provider\": \"zenlayer\""],
    ),
    (
        "cargo run -q -- normalize -p huawei --lang zh examples/requests/huawei.json    # changes, normalized request, report",
        0,
        &[
            "已修改：/name: trim: \" ims_test_file \" -> \"ims_test_file\"\n",
            "已修改：/min_disk: number_from_string: \"40\" -> 40\n",
            "huawei：有效（0 个错误，0 个警告）\n",
        ],
    ),
    (
        "cargo run -q -- http -p nova --context examples/requests/nova-context.json examples/requests/nova.json    # the HTTP request, or the report",
        0,
        &[
            "POST /v2.1/c4b5c8a3e2f54f0f9a7d1b2c3d4e5f60/servers/da5834e0-31d2-40f9-b271-6592f9f68370/action\n",
            "OpenStack-API-Version: compute 2.45\n",
        ],
    ),
    ("cargo run -q -- describe -p openstack    # field descriptors (JSON)", 0, &["\"fields\": ["]),
    (
        "cargo run -q -- schema -p huawei    # JSON Schema draft 2020-12",
        0,
        &["\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""],
    ),
];

/// Split a README line into (standard input, arguments): `[echo '<input>' | ]cargo run -q -- <args>[  # comment]`.
fn split(line: &str) -> (Option<&str>, Vec<&str>) {
    let line = line.split("  #").next().unwrap_or(line).trim_end();
    let (input, rest) = match line.strip_prefix("echo '") {
        Some(r) => {
            let end = r.find("' | ").expect("echo '...' | ");
            (Some(&r[..end]), &r[end + 4..])
        }
        None => (None, line),
    };
    let args = rest.strip_prefix("cargo run -q -- ").expect("a line runs `cargo run -q --`");
    (input, args.split_whitespace().collect())
}

#[test]
fn readme_cli_lines_run_as_written() {
    let root = env!("CARGO_MANIFEST_DIR");
    for &(line, want_code, want_out) in LINES {
        let (input, args) = split(line);
        for a in &args {
            if a.ends_with(".json") {
                assert!(std::path::Path::new(root).join(a).is_file(), "{a} (named by `{line}`) exists");
            }
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_createimage"))
            .args(&args)
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // `echo` ends its text with a newline.
        let stdin = input.map(|s| format!("{s}\n")).unwrap_or_default();
        child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("writes");
        let o = child.wait_with_output().expect("ends");
        let (out, err) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        assert_eq!(o.status.code(), Some(want_code), "`{line}`:\n{out}{err}");
        assert_eq!(err, "", "`{line}`");
        for w in want_out {
            assert!(out.contains(w), "`{line}` prints {w:?}:\n{out}");
        }
    }
}

/// The README shows each line above exactly, in its "CLI" block.
#[test]
fn readme_shows_these_cli_lines() {
    let readme = include_str!("../README.md");
    let block = readme.split("## CLI\n\n```sh\n").nth(1).and_then(|r| r.split("\n```").next()).expect("a CLI block");
    let shown: Vec<&str> = block.lines().collect();
    let tested: Vec<&str> = LINES.iter().map(|l| l.0).collect();
    assert_eq!(shown, tested, "README.md's CLI block and this test's lines differ");
}

/// The README's Rust example is the one tests/dependent.rs compiles and runs (`mod readme`): every
/// line of code in its block (comments aside) is a line of that module.
#[test]
fn readme_rust_example_is_the_tested_one() {
    let readme = include_str!("../README.md");
    let block = readme.split("```rust\n").nth(1).and_then(|r| r.split("\n```").next()).expect("a Rust block");
    let dependent = include_str!("dependent.rs");
    let module = dependent.split("mod readme {").nth(1).expect("tests/dependent.rs has `mod readme`");
    // (The module's function is `pub`, for the test to call it.)
    let code = |l: &str| {
        let l = l.split(" // ").next().unwrap_or(l).trim();
        l.strip_prefix("pub ").unwrap_or(l).to_owned()
    };
    let tested: Vec<String> = module.lines().map(code).collect();
    let mut n = 0;
    for line in block.lines().map(code).filter(|l| !l.is_empty()) {
        assert!(tested.contains(&line), "README's Rust line `{line}` is not in tests/dependent.rs's `mod readme`");
        n += 1;
    }
    assert!(n >= 8, "the README's Rust example has {n} lines of code");
}
