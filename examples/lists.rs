//! Time per item of every list the rules walk, at 1,000, 10,000 and 100,000 items (issue 14: a
//! quadratic rule shows as a time per item that grows tenfold from one column to the next; a
//! linear or n log n one stays flat). A benchmark, not a test: nothing is asserted.
//!
//!   cargo run --release --example lists                 the table (docs/guarantees.md quotes it)
//!   cargo run --release --example lists -- FILTER       only the lists whose name contains FILTER
//!
//! Each list is checked with `check` and `normalize` (the console's context given where its rules
//! compare the list with a context list of the same length), from a parsed `Value`; the figure is
//! the best of three runs, divided by the number of items. The same lists through the npm package
//! (with the JS encoder): `node bench/lists.mjs`.

use createimage::{check, normalize, Options, Provider, Value};
use std::time::Instant;

/// A list: its name, the provider, and the request and context texts for n items.
struct List {
    name: &'static str,
    provider: Provider,
    make: fn(usize) -> (String, Option<String>),
}

fn ids(prefix: &str, n: usize) -> String {
    (0..n).map(|i| format!(r#""{prefix}-{i}""#)).collect::<Vec<_>>().join(",")
}

fn tags(n: usize) -> String {
    (0..n).map(|i| format!(r#"{{"Key":"k{i}","Value":"v"}}"#)).collect::<Vec<_>>().join(",")
}

fn metadata(n: usize) -> String {
    let m = (0..n).map(|i| format!(r#""k{i}":"v""#)).collect::<Vec<_>>().join(",");
    format!(
        r#"{{"project_id":"0123456789abcdef0123456789abcdef","server_id":"da5834e0-31d2-40f9-b271-6592f9f68370","token":"t","body":{{"createImage":{{"name":"x","metadata":{{{m}}}}}}}}}"#
    )
}

const LISTS: &[List] = &[
    List {
        name: "tencent DataDiskIds",
        provider: Provider::Tencent,
        make: |n| (format!(r#"{{"ImageName":"a","InstanceId":"i","DataDiskIds":[{}]}}"#, ids("disk", n)), None),
    },
    List {
        name: "tencent DataDiskIds.N (flattened)",
        provider: Provider::Tencent,
        make: |n| {
            let keys = (0..n).map(|i| format!(r#""DataDiskIds.{i}":"disk-{i}""#)).collect::<Vec<_>>().join(",");
            (format!(r#"{{"ImageName":"a","InstanceId":"i",{keys}}}"#), None)
        },
    },
    List {
        name: "tencent DataDiskIds x instance/local disks",
        provider: Provider::Tencent,
        make: |n| {
            let d = ids("disk", n);
            (
                format!(r#"{{"ImageName":"a","InstanceId":"i","DataDiskIds":[{d}]}}"#),
                Some(format!(r#"{{"instanceDataDiskIds":[{d}],"localDiskIds":[{}]}}"#, ids("local", n))),
            )
        },
    },
    List {
        name: "tencent SnapshotIds x snapshotDiskUsage",
        provider: Provider::Tencent,
        make: |n| {
            let usage = (0..n)
                .map(|i| format!(r#""snap-{i}":"{}""#, if i == 0 { "SYSTEM_DISK" } else { "DATA_DISK" }))
                .collect::<Vec<_>>()
                .join(",");
            (
                format!(r#"{{"ImageName":"a","SnapshotIds":[{}]}}"#, ids("snap", n)),
                Some(format!(r#"{{"snapshotDiskUsage":{{{usage}}}}}"#)),
            )
        },
    },
    List {
        name: "tencent Tags x existingTagKeys",
        provider: Provider::Tencent,
        make: |n| {
            let keys = (0..n).map(|i| format!(r#""k{i}""#)).collect::<Vec<_>>().join(",");
            (
                format!(
                    r#"{{"ImageName":"a","InstanceId":"i","TagSpecification":[{{"ResourceType":"image","Tags":[{}]}}]}}"#,
                    tags(n)
                ),
                Some(format!(r#"{{"existingTagKeys":[{keys}]}}"#)),
            )
        },
    },
    List {
        name: "tencent ImageName x existingImageNames",
        provider: Provider::Tencent,
        make: |n| {
            (
                r#"{"ImageName":"web","InstanceId":"i"}"#.into(),
                Some(format!(r#"{{"existingImageNames":[{}]}}"#, ids("image", n))),
            )
        },
    },
    List {
        name: "tencent unknown keys",
        provider: Provider::Tencent,
        make: |n| {
            let keys = (0..n).map(|i| format!(r#""x{i}":1"#)).collect::<Vec<_>>().join(",");
            (format!(r#"{{"ImageName":"a","InstanceId":"i",{keys}}}"#), None)
        },
    },
    List {
        name: "huawei unknown keys with a lone surrogate",
        provider: Provider::Huawei,
        make: |n| {
            let keys = (0..n).map(|i| format!(r#""k{i}\ud800":1"#)).collect::<Vec<_>>().join(",");
            (format!(r#"{{"name":"a","image_url":"abc:x","min_disk":40,{keys}}}"#), None)
        },
    },
    List {
        name: "huawei tags",
        provider: Provider::Huawei,
        make: |n| {
            let t = (0..n).map(|i| format!(r#""k{i}.v""#)).collect::<Vec<_>>().join(",");
            (format!(r#"{{"name":"a","image_url":"abc:x","min_disk":40,"tags":[{t}]}}"#), None)
        },
    },
    List {
        name: "huawei image_tags",
        provider: Provider::Huawei,
        make: |n| {
            let t = (0..n).map(|i| format!(r#"{{"key":"k{i}","value":"v"}}"#)).collect::<Vec<_>>().join(",");
            (format!(r#"{{"name":"a","image_url":"abc:x","min_disk":40,"image_tags":[{t}]}}"#), None)
        },
    },
    List {
        name: "nova metadata x metadataQuota",
        provider: Provider::Nova,
        make: |n| (metadata(n), Some(format!(r#"{{"metadataQuota":{n}}}"#))),
    },
    List { name: "openstack metadata", provider: Provider::OpenStack, make: |n| (metadata(n), None) },
    List {
        name: "zenlayer unknown keys x unknown context keys",
        provider: Provider::Zenlayer,
        make: |n| {
            let keys = (0..n).map(|i| format!(r#""x{i}":1"#)).collect::<Vec<_>>().join(",");
            (format!(r#"{{"instanceId":"i","imageName":"a",{keys}}}"#), Some(format!("{{{keys}}}")))
        },
    },
];

/// Nanoseconds per item of check + normalize on n items: the best of three runs.
fn per_item(list: &List, n: usize) -> f64 {
    let (req, ctx) = (list.make)(n);
    let req = Value::parse(&req).expect("request parses");
    let options = Options::default().with_context(ctx.map(|c| Value::parse(&c).expect("context parses").into_owned()));
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(check(list.provider, &req, &options));
            std::hint::black_box(normalize(list.provider, &req, &options));
            t.elapsed().as_nanos() as f64 / n as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    println!("time per item of check + normalize (native, ns/item, best of 3)");
    println!("{:<46} {:>10} {:>10} {:>10} {:>12}", "list", "1,000", "10,000", "100,000", "100k / 1k");
    for list in LISTS.iter().filter(|l| l.name.contains(&filter)) {
        let t: Vec<f64> = [1_000, 10_000, 100_000].iter().map(|&n| per_item(list, n)).collect();
        println!("{:<46} {:>10.0} {:>10.0} {:>10.0} {:>12.2}", list.name, t[0], t[1], t[2], t[2] / t[0]);
    }
}
