//! The crate as a Rust service depends on it (this test is a separate crate that sees only the
//! public API, as a dependent by path does): `serde_json::to_string(&report)`,
//! `"tencent".parse::<Provider>()?`, `check_value(...)`, `to_http(...)?` inside an `anyhow::Result`
//! function, and a `#[derive(Serialize, Deserialize)]` struct holding a `Report` and a `Provider`.

use anyhow::Context as _;
use createimage::{check_value, to_http, HttpRequest, Options, Provider, Report, Value};
use serde::{Deserialize, Serialize};

/// What a service answers with 400.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct BadRequest {
    provider: Provider,
    report: Report,
}

/// Validate a body held as `serde_json::Value` and build the outgoing request.
fn handle(provider: &str, body: &serde_json::Value) -> anyhow::Result<Result<HttpRequest, String>> {
    let provider = provider.parse::<Provider>()?;
    let options = Options::default();
    let report = check_value(provider, body, &options);
    if !report.ok {
        // The 400 body: the report, serialized, inside the service's own type.
        let text = serde_json::to_string(&BadRequest { provider, report })?;
        return Ok(Err(text));
    }
    let http = to_http(provider, &Value::from(body), &options)?;
    Ok(Ok(http))
}

/// `to_http(...)?` in an anyhow function: the report is the error.
fn must_build(provider: Provider, body: &str) -> anyhow::Result<http::Request<Vec<u8>>> {
    let request = Value::parse(body).context("reading the body")?;
    let http = to_http(provider, &request, &Options::default())?;
    Ok(http::Request::try_from(&http)?)
}

#[test]
fn a_service_in_a_few_lines() -> anyhow::Result<()> {
    let ok = serde_json::json!({"Region": "ap-guangzhou", "ImageName": "web-01", "InstanceId": "ins-6pb6lrmy"});
    let http = handle("tencent", &ok)?.expect("valid");
    assert_eq!(http.host, Some("cvm.tencentcloudapi.com"));
    assert!(http.headers.contains(&("X-TC-Region", "ap-guangzhou".to_string())));

    let bad = serde_json::json!({"ImageName": "", "InstanceId": "ins-1", "SnapshotIds": ["snap-1"]});
    let text = handle("tencent", &bad)?.expect_err("not valid");
    let back: BadRequest = serde_json::from_str(&text)?;
    assert_eq!(back.provider, Provider::Tencent);
    assert!(!back.report.ok);
    let codes: Vec<&str> = back.report.issues.iter().map(|i| i.code().as_str()).collect();
    assert_eq!(codes, ["empty", "conflict"]);
    // The serialized report is the report's own JSON.
    let report = createimage::check_json(Provider::Tencent, &bad.to_string(), &Options::default())?;
    assert_eq!(serde_json::to_string(&report)?, report.to_json());
    assert_eq!(back.report, report);

    // An unknown provider id is an error that names it.
    let e = handle("aws", &ok).unwrap_err();
    assert_eq!(e.to_string(), "unknown provider \"aws\" (known: zenlayer, tencent, openstack, nova, huawei)");

    // to_http(...)? in an anyhow function: Ok, and the report as the error.
    let r = must_build(Provider::Huawei, r#"{"name":"data","image_url":"bkt-1:disk.qcow2","min_disk":40}"#)?;
    assert_eq!(r.uri().path(), "/v1/cloudimages/dataimages/action");
    let e = must_build(Provider::Huawei, r#"{"name":"","image_url":"bkt-1:disk.qcow2","min_disk":39}"#).unwrap_err();
    let report = e.downcast_ref::<Report>().expect("the error is the report");
    assert_eq!(report.errors().count(), 2);
    assert!(e.to_string().starts_with("huawei: the request is not valid (2 errors)\n"), "{e}");
    let e = must_build(Provider::Huawei, "{").unwrap_err();
    assert_eq!(format!("{e:#}"), "reading the body: expected a string key at line 1, column 2");
    Ok(())
}

/// The README's "Rust" example, as written there.
mod readme {
    use createimage::{check_json, to_http, Lang, Options, Provider, Value};

    pub fn build(body: &str) -> anyhow::Result<()> {
        let provider: Provider = "tencent".parse()?; // FromStr; unknown ids are errors
        let report = check_json(provider, body, &Options::default())?; // Err only for text that is not JSON
        println!("{}", serde_json::to_string(&report)?); // the same JSON as report.to_json()
        report.into_result()?; // Err(report) if it has errors; warnings are Ok
        let http = to_http(provider, &Value::parse(body)?, &Options::lang(Lang::Zh))?; // Err(report) if not valid
        let request = http::Request::<Vec<u8>>::try_from(&http)?; // feature `http`; sign it, then send it
        println!("{} {}", request.method(), request.uri());
        Ok(())
    }
}

#[test]
fn the_readme_example_runs() {
    readme::build(r#"{"Region":"ap-guangzhou","ImageName":"web","InstanceId":"ins-1"}"#).unwrap();
    let e = readme::build(r#"{"Region":"ap-guangzhou","ImageName":"","InstanceId":"ins-1"}"#).unwrap_err();
    assert!(e.downcast_ref::<createimage::Report>().is_some());
    let e = readme::build("{").unwrap_err();
    assert!(e.downcast_ref::<createimage::Error>().is_some());
}
