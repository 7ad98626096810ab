//! `cargo bench`: the native core on the peer benchmark's four requests (bench/peer-run/cases.mjs,
//! copied from shared/bench-peer) and on Nova metadata maps of 10 .. 10,000 items.
//!
//! A small std::time harness (no criterion): per case, warm up, calibrate an iteration count that
//! takes >= BENCH_NATIVE_MIN_MS (default 200), then BENCH_NATIVE_REPS (default 7) timed samples;
//! reported: the median ns per operation, and the spread (max - min) / median.
//!
//!   cargo bench --bench native                        table on stdout
//!   cargo bench --bench native -- --json FILE         ... and the figures as JSON
//!   cargo bench --bench native -- FILTER              only the cases whose id contains FILTER
//!                                                     (`=ID`: only the case ID)
//!
//! Operations timed per request (the request text is what `JSON.stringify` gives for the peer's
//! JS object, keys in the same order):
//!   check        `check(provider, &value, &options)` on an already parsed `Value`: the rules and
//!                the report (issues with their messages). The peer validators, too, get a ready
//!                object, so this is the figure compared with ajv.
//!   parse+check  `Value::parse` + `check`: from JSON text, as a native caller holding text would.
//!   wasm-path    `parse_with(text, true)` + `check` + `to_json` for a report (`""` when valid with
//!                no issues): what the wasm export `check` does, natively.
//! Nothing here asserts a time; a verdict different from the expected one is printed as a warning.
//!
//!   cargo bench --bench native -- --iters N --op check|parse_check|wasm_path [FILTER]
//!       no timing: each selected case's operation exactly N times, for an instruction count under
//!       valgrind (deterministic where timing on a shared VM is not): see docs/performance.md.

use createimage::__private::parse_with;
use createimage::{check, Options, Provider, Value};
use std::hint::black_box;
use std::time::Instant;

/// The peer's `nova` rules are the seed page's: our `openstack` profile (see docs/performance.md).
const PEER_NOVA: Provider = Provider::OpenStack;

fn js_str(s: &str) -> String {
    let mut out = String::new();
    createimage::__private::write_str(&mut out, s);
    out
}

fn zenlayer_a() -> String {
    format!(
        r#"{{"instanceId":"ins-8f2c1a7b9d","imageName":{},"imageDescription":{}}}"#,
        js_str("生产环境-web_服务器01"),
        js_str("每日备份 daily backup of the web tier, 上海可用区A")
    )
}

fn tencent_b() -> String {
    let name = format!("这是一个非常长的镜像名称用于测试长度限制{}", "x".repeat(45));
    format!(
        r#"{{"ImageName":{},"InstanceId":"ins-6pb6lrmy","SnapshotIds":["snap-0a1b2c3d","snap-4e5f6a7b"],"ForcePoweroff":"true"}}"#,
        js_str(&name)
    )
}

/// `ascii`: tag values `v0`.. instead of the peer's `值0`.. (our Huawei rule takes ASCII tag values
/// only: with the peer's values the request is invalid for us, see docs/performance.md).
fn huawei_c(ascii: bool) -> String {
    let tags: Vec<String> = (0..10)
        .map(|i| {
            let value = if ascii { format!("v{i}") } else { format!("值{i}") };
            format!(r#"{{"key":"key{i}","value":{}}}"#, js_str(&value))
        })
        .collect();
    format!(
        r#"{{"name":{},"image_url":"image-test:fedora_data1.qcow2","description":{},"min_disk":100,"os_type":"Linux","image_tags":[{}]}}"#,
        js_str("数据盘镜像 fedora-data.v2"),
        js_str("Data disk 2 of Fedora, 数据盘"),
        tags.join(",")
    )
}

fn nova_d(items: usize) -> String {
    let meta: Vec<String> = (0..items).map(|i| format!(r#""key_{i}":{}"#, js_str(&format!("value {i} 值")))).collect();
    format!(
        r#"{{"project_id":"b7a7b63e92174a95a999c95da856f143","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"e5b9d3e8160747b3b7bdd9d4833d0b08","body":{{"createImage":{{"name":{},"metadata":{{{}}}}}}}}}"#,
        js_str("nightly-snapshot 夜间快照"),
        meta.join(",")
    )
}

struct Case {
    id: String,
    label: String,
    provider: Provider,
    text: String,
    valid: bool,
}

fn cases() -> Vec<Case> {
    let mut v = vec![
        Case {
            id: "a".into(),
            label: "zenlayer valid, CJK name".into(),
            provider: Provider::Zenlayer,
            text: zenlayer_a(),
            valid: true,
        },
        Case {
            id: "b".into(),
            label: "tencent invalid: conflict + long name".into(),
            provider: Provider::Tencent,
            text: tencent_b(),
            valid: false,
        },
        Case {
            id: "c".into(),
            label: "huawei valid, 10 image_tags (ASCII values)".into(),
            provider: Provider::Huawei,
            text: huawei_c(true),
            valid: true,
        },
        Case {
            id: "d".into(),
            label: "nova valid, 20 metadata items (openstack profile)".into(),
            provider: PEER_NOVA,
            text: nova_d(20),
            valid: true,
        },
        Case {
            id: "c-cjk".into(),
            label: "huawei, 10 image_tags with the peer's CJK values (invalid for us: 10 bad_char)".into(),
            provider: Provider::Huawei,
            text: huawei_c(false),
            valid: false,
        },
        Case {
            id: "d-nova".into(),
            label: "nova valid, 20 metadata items (nova profile)".into(),
            provider: Provider::Nova,
            text: nova_d(20),
            valid: true,
        },
    ];
    for n in [10, 100, 1_000, 10_000] {
        v.push(Case {
            id: format!("meta-{n}"),
            label: format!("openstack valid, {n} metadata items"),
            provider: Provider::OpenStack,
            text: nova_d(n),
            valid: true,
        });
    }
    v
}

struct Stat {
    median: f64,
    min: f64,
    max: f64,
    iters: u64,
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let k = xs.len() / 2;
    if xs.len() % 2 == 1 {
        xs[k]
    } else {
        (xs[k - 1] + xs[k]) / 2.0
    }
}

/// Time `f`: warm up ~min_ns/2, calibrate, then `reps` samples of >= min_ns each.
fn time<F: FnMut() -> usize>(mut f: F, min_ns: f64, reps: usize) -> Stat {
    let mut sink = 0usize;
    let mut iters: u64 = 1;
    let (mut total, mut done) = (0f64, 0u64);
    while total < min_ns / 2.0 {
        let t = Instant::now();
        for _ in 0..iters {
            sink = sink.wrapping_add(f());
        }
        let ns = t.elapsed().as_nanos() as f64;
        total += ns;
        done += iters;
        if ns < min_ns / 8.0 {
            iters *= 2;
        }
    }
    let iters = ((min_ns * 1.05) / (total / done as f64)).ceil().max(1.0) as u64;
    let mut samples = Vec::with_capacity(reps);
    for _ in 0..reps {
        let t = Instant::now();
        for _ in 0..iters {
            sink = sink.wrapping_add(f());
        }
        samples.push(t.elapsed().as_nanos() as f64 / iters as f64);
    }
    black_box(sink);
    let min = samples.iter().copied().fold(f64::INFINITY, f64::min);
    let max = samples.iter().copied().fold(0.0, f64::max);
    Stat { median: median(&mut samples), min, max, iters }
}

/// The wasm export's work, natively: "" for a valid request with no issues, else the report JSON.
fn wasm_path(p: Provider, text: &str, options: &Options<'_>) -> String {
    match parse_with(text, true) {
        Ok(v) => {
            let r = check(p, &v, options);
            if r.ok && r.issues.is_empty() {
                String::new()
            } else {
                r.to_json()
            }
        }
        Err(e) => e.to_string(),
    }
}

fn env_num(name: &str, default: f64) -> f64 {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

fn fmt_ns(n: f64) -> String {
    if n >= 100.0 {
        let s = format!("{}", n.round() as u64);
        let mut out = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        out
    } else {
        format!("{n:.1}")
    }
}

fn main() {
    let mut json_out: Option<String> = None;
    let mut filter: Option<String> = None;
    let mut fixed: Option<(u64, String)> = None;
    let mut op = String::from("check");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json_out = args.next(),
            "--iters" => {
                let n = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
                fixed = Some((n, String::new()));
            }
            "--op" => op = args.next().unwrap_or_default(),
            "--bench" => {}
            s if s.starts_with('-') => {}
            s => filter = Some(s.to_owned()),
        }
    }
    if let Some((n, _)) = fixed {
        let options = Options::default();
        let mut sink = 0usize;
        for c in cases() {
            let keep = match filter.as_deref() {
                None => true,
                Some(f) => match f.strip_prefix('=') {
                    Some(id) => c.id == id,
                    None => c.id.contains(f),
                },
            };
            if !keep {
                continue;
            }
            let value = Value::parse(&c.text).expect("bench request parses");
            for _ in 0..n {
                sink = sink.wrapping_add(match op.as_str() {
                    "parse_check" => {
                        let v = Value::parse(black_box(&c.text)).expect("parses");
                        check(c.provider, &v, &options).issues.len()
                    }
                    "wasm_path" => wasm_path(c.provider, black_box(&c.text), &options).len(),
                    _ => check(c.provider, black_box(&value), &options).issues.len(),
                });
            }
        }
        println!("{op} x {n} (checksum {sink})");
        return;
    }
    let min_ns = env_num("BENCH_NATIVE_MIN_MS", 200.0) * 1e6;
    let reps = env_num("BENCH_NATIVE_REPS", 7.0).max(1.0) as usize;
    let options = Options::default();

    println!(
        "native core, median ns per operation over {reps} samples of >= {} ms (spread = (max-min)/median)\n",
        min_ns / 1e6
    );
    println!("| case | bytes | issues | check | parse+check | wasm-path (parse+check+to_json) |");
    println!("|---|---:|---:|---:|---:|---:|");

    let mut rows = Vec::new();
    for c in cases() {
        if let Some(f) = &filter {
            let keep = match f.strip_prefix('=') {
                Some(id) => c.id == id,
                None => c.id.contains(f.as_str()),
            };
            if !keep {
                continue;
            }
        }
        let value: Value<'_> = Value::parse(&c.text).expect("bench request parses");
        let report = check(c.provider, &value, &options);
        if report.ok != c.valid {
            eprintln!(
                "warning: ({}) verdict {} expected {}: {:?}",
                c.id,
                report.ok,
                c.valid,
                report.issues.iter().map(|i| &i.message).collect::<Vec<_>>()
            );
        }
        let issues = report.issues.len();
        let provider = c.provider;
        let s_check = time(|| check(provider, black_box(&value), &options).issues.len(), min_ns, reps);
        let text = c.text.as_str();
        let s_parse = time(
            || {
                let v = Value::parse(black_box(text)).expect("parses");
                check(provider, &v, &options).issues.len()
            },
            min_ns,
            reps,
        );
        let s_wasm = time(|| wasm_path(provider, black_box(text), &options).len(), min_ns, reps);
        let cell = |s: &Stat| format!("{} ns ±{}%", fmt_ns(s.median), ((s.max - s.min) / s.median * 50.0).round());
        println!(
            "| ({}) {} | {} | {} | {} | {} | {} |",
            c.id,
            c.label,
            c.text.len(),
            issues,
            cell(&s_check),
            cell(&s_parse),
            cell(&s_wasm)
        );
        rows.push((c, issues, report.ok, s_check, s_parse, s_wasm));
    }

    // Linear cost: ns per metadata item for the large maps.
    let per_item: Vec<String> = rows
        .iter()
        .filter_map(|(c, _, _, s, p, _)| {
            let n: f64 = c.id.strip_prefix("meta-")?.parse().ok()?;
            Some(format!("{}: check {:.1} ns/item, parse+check {:.1} ns/item", n, s.median / n, p.median / n))
        })
        .collect();
    if !per_item.is_empty() {
        println!("\nper metadata item: {}", per_item.join("; "));
    }

    if let Some(path) = json_out {
        let stat = |s: &Stat| {
            format!(
                r#"{{"median_ns":{:.2},"min_ns":{:.2},"max_ns":{:.2},"iterations":{}}}"#,
                s.median, s.min, s.max, s.iters
            )
        };
        let items: Vec<String> = rows
            .iter()
            .map(|(c, issues, ok, a, b, w)| {
                format!(
                    r#"{{"id":{},"label":{},"provider":"{}","bytes":{},"valid":{},"issues":{},"check":{},"parse_check":{},"wasm_path":{}}}"#,
                    js_str(&c.id),
                    js_str(&c.label),
                    c.provider.id(),
                    c.text.len(),
                    ok,
                    issues,
                    stat(a),
                    stat(b),
                    stat(w)
                )
            })
            .collect();
        let body =
            format!("{{\"min_ms\":{},\"reps\":{},\"results\":[\n{}\n]}}\n", min_ns / 1e6, reps, items.join(",\n"));
        std::fs::write(&path, body).expect("write the JSON results");
        println!("\nwrote {path}");
    }
}
