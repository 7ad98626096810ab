//! A CreateImage validation service with axum: the glue a Rust service needs.
//!
//!   POST /check/{provider}   body: the request JSON  ->  200 report | 400 report | 400 not JSON | 404 unknown provider
//!   POST /http/{provider}    body: the request JSON  ->  200 the HTTP request to send | 400 report | ...
//!   POST /validate           body: {"provider", "request", "options"} as a console sends them
//!                            (options: the npm package's {lang, labels, emptyAsAbsent, context})
//!                            ->  200 report | 400 report | axum's plain-text 400 (not JSON, or
//!                            JSON that serde cannot read: a lone surrogate, 1e400) | 422 not that shape
//!
//!   cargo run --example service                 serve on 127.0.0.1:3000
//!   cargo run --example service -- --self-test  serve on a free port, send a few requests, check the answers
//!
//! The body is read as text and checked with `check_json`/`Value::parse`, which keep what the text
//! says (number literals, key order); `axum::Json<serde_json::Value>` would lose some of it.
//! `/validate` reads a JSON envelope with serde instead (`Value` and `Options` are `Deserialize`):
//! its request's numbers are serde's, so a fraction too small for an `f64` is lost and a 21-digit
//! number is a float (`Value`'s `Deserialize` says what changes; a `RawValue` member keeps the text).

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use createimage::{check_json, to_http, Error, HttpRequest, Options, Provider, Report, Value};

/// Any createimage error as an HTTP answer: the report as JSON for a request that is not valid.
struct ApiError(Error);

impl<E: Into<Error>> From<E> for ApiError {
    fn from(e: E) -> ApiError {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self.0 {
            Error::Invalid(report) => (StatusCode::BAD_REQUEST, Json(report)).into_response(),
            e @ Error::UnknownId { .. } => (StatusCode::NOT_FOUND, e.to_string()).into_response(),
            e => (StatusCode::BAD_REQUEST, e.to_string()).into_response(),
        }
    }
}

/// The report: 200 when the request is valid (warnings only), else 400.
async fn check(Path(provider): Path<String>, body: String) -> Result<Json<Report>, ApiError> {
    let provider: Provider = provider.parse()?;
    let report = check_json(provider, &body, &Options::default())?.into_result()?;
    Ok(Json(report))
}

/// The HTTP request the provider expects (normalized, checked), or 400 with the report.
async fn http(Path(provider): Path<String>, body: String) -> Result<Json<HttpRequest>, ApiError> {
    let provider: Provider = provider.parse()?;
    let request = to_http(provider, &Value::parse(&body)?, &Options::default())?;
    // What a service would send, once its provider SDK has signed it.
    let outgoing = http::Request::<Vec<u8>>::try_from(&request)?;
    eprintln!("service: would send {} {} ({} bytes)", outgoing.method(), outgoing.uri(), outgoing.body().len());
    Ok(Json(request))
}

/// What a console sends to check a request with its own options (labels, language, context).
#[derive(serde::Deserialize)]
struct Body {
    provider: Provider,
    request: Value<'static>,
    #[serde(default)]
    options: Options<'static>,
}

/// The report, with the console's labels and language: 200 when valid (warnings only), else 400.
async fn validate(Json(body): Json<Body>) -> Result<Json<Report>, ApiError> {
    let report = createimage::check(body.provider, &body.request, &body.options).into_result()?;
    Ok(Json(report))
}

fn app() -> Router {
    Router::new()
        .route("/check/{provider}", post(check))
        .route("/http/{provider}", post(http))
        .route("/validate", post(validate))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let self_test = std::env::args().any(|a| a == "--self-test");
    let listener = tokio::net::TcpListener::bind(if self_test { "127.0.0.1:0" } else { "127.0.0.1:3000" }).await?;
    let addr = listener.local_addr()?;
    if !self_test {
        eprintln!("service: listening on http://{addr}");
        return axum::serve(listener, app()).await;
    }
    tokio::spawn(async move { axum::serve(listener, app()).await });
    tokio::task::spawn_blocking(move || self_test_against(addr)).await.expect("self-test panicked");
    eprintln!("service: self-test passed");
    Ok(())
}

/// Send requests with a plain HTTP/1.1 client and check the answers.
fn self_test_against(addr: std::net::SocketAddr) {
    let valid = r#"{"Region":"ap-guangzhou","ImageName":"web-01","InstanceId":"ins-6pb6lrmy"}"#;
    let (status, body) = post_to(addr, "/check/tencent", valid);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, r#"{"ok":true,"provider":"tencent","issues":[]}"#);

    let (status, body) = post_to(addr, "/check/tencent", r#"{"ImageName":"","InstanceId":"ins-1"}"#);
    assert_eq!(status, 400, "{body}");
    let report: Report = serde_json::from_str(&body).expect("a report");
    assert_eq!(report.issues[0].path, "/ImageName");
    assert_eq!(report.to_json(), body);

    let (status, body) = post_to(addr, "/http/tencent", valid);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#""X-TC-Action":"CreateImage""#), "{body}");

    let (status, body) = post_to(addr, "/http/huawei", r#"{"name":"data","image_url":"bkt:disk.qcow2","min_disk":39}"#);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains(r#""code":"out_of_range""#), "{body}");

    let (status, body) = post_to(addr, "/check/tencent", "{");
    assert_eq!((status, body.starts_with("the text is not JSON")), (400, true), "{body}");

    let (status, body) = post_to(addr, "/check/aws", "{}");
    assert_eq!(status, 404, "{body}");

    // The console's labels, language and empty form values, as its options object says.
    let form = r#"{"provider":"tencent","request":{"ImageName":"","InstanceId":"ins-1","SnapshotIds":[]},
        "options":{"lang":"zh-CN","labels":{"/ImageName":"名称"},"emptyAsAbsent":true}}"#;
    let (status, body) = post_to(addr, "/validate", form);
    assert_eq!(status, 400, "{body}");
    let report: Report = serde_json::from_str(&body).expect("a report");
    assert_eq!((report.issues.len(), report.issues[0].message.as_str()), (1, "名称不能为空。"), "{body}");
    let (status, body) =
        post_to(addr, "/validate", r#"{"provider":"zenlayer","request":{"instanceId":"ins-1","imageName":"web_01"}}"#);
    assert_eq!(status, 200, "{body}");
    let (status, body) = post_to(addr, "/validate", r#"{"provider":"aws","request":{}}"#);
    assert_eq!(status, 422, "{body}");
}

fn post_to(addr: std::net::SocketAddr, path: &str, body: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    write!(s, "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
        .expect("write");
    let mut answer = String::new();
    s.read_to_string(&mut answer).expect("read");
    let status = answer.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = answer.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}
