//! Runs every case file under tests/cases/ (shared with the JS tests): each case asserts `ok` and
//! the exact multiset of (path, code) pairs, and optionally params, providerCode, severity and
//! `paths` (with the case's `lang`, `context` and `emptyAsAbsent` as options); a
//! case with `changes` (and `normalized`) also asserts what `normalize` does. A case's `source`
//! names where the provider's answer comes from (a URL or `seed:<file>`).

use createimage::Value;
use createimage::{check, normalize, Lang, Options, Provider, Report};
use std::path::{Path, PathBuf};

fn case_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("tests/cases exists") {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The fields of an issue as the JSON report shows them (so params assertions read like the JSON).
fn issue_json(report: &Report) -> Vec<Value<'static>> {
    report.issues.iter().map(|i| i.to_value()).collect()
}

/// Check one case; returns the failures as text.
pub fn run_case(provider: Provider, case: &Value<'_>) -> Result<(), String> {
    let request = case.get("request").ok_or("case without request")?;
    let lang = case.get("lang").and_then(Value::as_str).and_then(Lang::parse).unwrap_or_default();
    let empty_as_absent = matches!(case.get("emptyAsAbsent"), Some(Value::Bool(true)));
    let options = Options::lang(lang).with_context(case.get("context").cloned()).with_empty_as_absent(empty_as_absent);
    let report = check(provider, request, &options);
    let mut errs = Vec::new();
    if let Some(Value::Bool(ok)) = case.get("ok") {
        if report.ok != *ok {
            errs.push(format!("ok: expected {ok}, got {}", report.ok));
        }
    }
    let mut got: Vec<(String, String)> =
        report.issues.iter().map(|i| (i.path.clone(), i.code().as_str().to_owned())).collect();
    let mut want: Vec<(String, String)> = case
        .get("issues")
        .and_then(Value::as_array)
        .unwrap_or(&[])
        .iter()
        .filter_map(|pair| {
            let a = pair.as_array()?;
            Some((a.first()?.as_str()?.to_owned(), a.get(1)?.as_str()?.to_owned()))
        })
        .collect();
    got.sort();
    want.sort();
    if got != want {
        errs.push(format!("issues: expected {want:?}, got {got:?}"));
    }
    let issues = issue_json(&report);
    for p in case.get("params").and_then(Value::as_array).unwrap_or(&[]) {
        let a = p.as_array().ok_or("params entry is not an array")?;
        let (path, code, expect) = (a[0].as_str().unwrap_or(""), a[1].as_str().unwrap_or(""), &a[2]);
        let matching: Vec<&Value> = issues
            .iter()
            .filter(|i| {
                i.get("path").and_then(Value::as_str) == Some(path)
                    && i.get("code").and_then(Value::as_str) == Some(code)
            })
            .collect();
        let ok = matching.iter().any(|i| {
            expect.as_object().unwrap_or(&[]).iter().all(|(k, v)| {
                let actual = match k.as_ref() {
                    "providerCode" | "severity" | "suggestion" | "paths" => i.get(k),
                    _ => i.get("params").and_then(|p| p.get(k)),
                };
                actual.map(|a| same(a, v)).unwrap_or(false)
            })
        });
        if !ok {
            errs.push(format!(
                "params {path} {code}: expected {}, got {}",
                expect.to_json(),
                matching.iter().map(|i| i.to_json()).collect::<Vec<_>>().join(" | ")
            ));
        }
    }
    if let Some(src) = case.get("source") {
        match src.as_str() {
            Some(s) if s.starts_with("http") || s.starts_with("seed:") => {}
            _ => errs.push(format!("source must be a URL or seed:<file>, not {}", src.to_json())),
        }
    }
    if let Some(want) = case.get("changes").and_then(Value::as_array) {
        let n = normalize(provider, request, &options);
        let mut got: Vec<(String, String)> =
            n.changes.iter().map(|c| (c.path.clone(), c.code.as_str().to_owned())).collect();
        let mut want: Vec<(String, String)> = want
            .iter()
            .filter_map(|pair| {
                let a = pair.as_array()?;
                Some((a.first()?.as_str()?.to_owned(), a.get(1)?.as_str()?.to_owned()))
            })
            .collect();
        got.sort();
        want.sort();
        if got != want {
            errs.push(format!("normalize changes: expected {want:?}, got {got:?}"));
        }
        if let Some(expected) = case.get("normalized") {
            if !same_tree(&n.normalized, expected) {
                errs.push(format!("normalized: expected {}, got {}", expected.to_json(), n.normalized.to_json()));
            }
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs.join("\n    "))
    }
}

/// Compare JSON trees: objects by their keys (any order), numbers by value.
fn same_tree(a: &Value<'_>, b: &Value<'_>) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.iter().any(|(k2, v2)| k == k2 && same_tree(v, v2)))
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_tree(p, q)),
        _ => same(a, b),
    }
}

/// Compare JSON values, numbers by value.
fn same(a: &Value<'_>, b: &Value<'_>) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.parse::<f64>().ok() == y.parse::<f64>().ok(),
        _ => a == b,
    }
}

#[test]
fn case_files_pass() {
    let files = case_files();
    let mut total = 0;
    let mut per_provider = std::collections::BTreeMap::<&str, usize>::new();
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let doc = Value::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let pid = doc.get("provider").and_then(Value::as_str).expect("provider");
        let provider = Provider::parse(pid).unwrap_or_else(|| panic!("{}: unknown provider {pid}", f.display()));
        for case in doc.get("cases").and_then(Value::as_array).expect("cases") {
            total += 1;
            *per_provider.entry(provider.id()).or_default() += 1;
            let name = case.get("name").and_then(Value::as_str).unwrap_or("?");
            if let Err(e) = run_case(provider, case) {
                failures.push(format!(
                    "{} :: {name}\n    {e}",
                    f.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(f).display()
                ));
            }
        }
    }
    eprintln!("{total} cases in {} files: {per_provider:?}", files.len());
    for p in Provider::ALL {
        assert!(per_provider.get(p.id()).copied().unwrap_or(0) > 0, "no cases for {}", p.id());
    }
    assert!(failures.is_empty(), "{} of {total} cases failed:\n{}", failures.len(), failures.join("\n"));
}
