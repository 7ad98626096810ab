//! `to_http`: the HTTP request a provider expects for a valid, normalized request, exactly as the
//! pages document it. No signing and no credentials are added: Tencent's `Authorization`,
//! Zenlayer's and Huawei's signature headers are the caller's SDK's job. OpenStack's token is
//! part of the request here, so its `X-Auth-Token` header is filled in.

use crate::json::Value;
use crate::report::{Kind, Severity};
use crate::{Issue, Options, Provider, Report};
use std::borrow::Cow;

/// An HTTP request ready to send (after signing, where the provider signs requests). JSON
/// (`to_value`, `Serialize`): `{"method", "host"?, "path", "headers": {name: value}, "body"}`
/// (the warnings are not part of it).
///
/// With the `http` feature, `http::Request::<Vec<u8>>::try_from(&request)` builds the request:
/// the URI is `https://{host}{path}` where the host is documented, else the bare path (OpenStack's
/// and Huawei's endpoints are the caller's: set the URI's scheme and authority before sending); the
/// body is `body.to_json()`, the request's own text (number literals as written).
///
/// Marked `#[non_exhaustive]`: fields may be added; read them, and make one with [`to_http`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct HttpRequest {
    /// The HTTP method (`POST`).
    pub method: &'static str,
    /// The documented host (`cvm.tencentcloudapi.com`), where the page names one.
    pub host: Option<&'static str>,
    /// The path, percent-encoded where it holds ids (`/v2/{project_id}/servers/{server_id}/action`).
    pub path: String,
    /// The headers the page documents, in order (no signature or `Authorization`: the caller's
    /// SDK adds those; OpenStack's `X-Auth-Token` is the request's token).
    pub headers: Vec<(&'static str, String)>,
    /// The JSON body: the normalized request, or the part of it the provider takes as the body.
    pub body: Value<'static>,
    /// The warnings of the request's report (e.g. unknown fields, which are sent as given).
    pub warnings: Vec<Issue>,
}

impl HttpRequest {
    /// The request as a JSON value (the shape above).
    pub fn to_value(&self) -> Value<'static> {
        let headers =
            Value::Object(self.headers.iter().map(|(k, v)| (Cow::Borrowed(*k), Value::str(v.as_str()))).collect());
        let mut e = vec![("method", Value::str(self.method))];
        if let Some(h) = self.host {
            e.push(("host", Value::str(h)));
        }
        e.push(("path", Value::str(self.path.as_str())));
        e.push(("headers", headers));
        e.push(("body", self.body.clone()));
        Value::obj(e)
    }
}

/// Percent-encode a URL path segment (RFC 3986 unreserved characters stay).
fn segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Normalize, check, and build the HTTP request the provider expects for this request.
///
/// With [`Options::empty_as_absent`], the request is normalized, checked and built without the
/// fields that read as absent (`""`, `[]` or `null` in an optional field, at every level of the
/// tables; Tencent's `Region: ""` is then absent: a `required` warning, no `X-TC-Region`): what is
/// sent is what the report read, and the report is that of the request without them (a pre-flight
/// issue about a field left empty is at `""` there, where `check` puts it at the field).
///
/// # Errors
///
/// The report (of the normalized request) when it has errors; `Report` is a
/// [`std::error::Error`] and converts into [`Error::Invalid`](crate::Error::Invalid). Warnings do
/// not fail: they are in [`HttpRequest::warnings`].
pub fn to_http(provider: Provider, request: &Value<'_>, options: &Options<'_>) -> Result<HttpRequest, Report> {
    to_http_with::<true>(provider, request, options)
}

/// [`to_http`]; `HAND_BUILT` as for `normalize::normalize_with`.
pub(crate) fn to_http_with<const HAND_BUILT: bool>(
    provider: Provider,
    request: &Value<'_>,
    options: &Options<'_>,
) -> Result<HttpRequest, Report> {
    // (Normalizing the request as given would keep a blank `SnapshotIds: []` beside the numbered
    // keys, so that they were not turned into the list nor their repeats removed: refused, where
    // the request without the blank is sent.)
    let stripped;
    let request = if options.empty_as_absent {
        stripped = crate::providers::without_blanks(provider, request);
        &stripped
    } else {
        request
    };
    let n = crate::normalize::normalize_with::<HAND_BUILT>(provider, request, options);
    let mut report = n.report;
    let body = n.normalized;
    let get = |k: &str| body.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    // (Only for an object: a request that is not one has its `wrong_type` at "" and nothing else.)
    // Tencent's Region travels in the X-TC-Region header. The current English page requires it; its
    // Chinese-site copy of 2024-01 says this API does not: sent without, with a warning.
    // (Added as the report's own issues are: within its cap of `MAX_ISSUES`, counted past it.)
    if provider == Provider::Tencent && matches!(body, Value::Object(_)) && body.get("Region").is_none() {
        let issues = std::mem::take(&mut report.issues);
        let mut c = crate::rules::Checker::resume(provider, options, issues);
        let path = crate::report::Path::Root.key("Region");
        c.source_warning(&path, Kind::Required, None, &crate::providers::tencent::REGION_REQUIRED);
        report.issues = c.into_issues();
    }
    // (A provider this build does not hold has an error in its report; testing `built` here as well
    // lets the linker drop the other providers' requests.)
    if !report.ok || !crate::providers::built(provider) {
        return Err(report);
    }
    let json = ("Content-Type", "application/json".to_owned());
    let mut http = match provider {
        Provider::Zenlayer => HttpRequest {
            method: "POST",
            host: Some("console.zenlayer.com"),
            path: "/api/v2/vm".into(),
            // The API version whose rules the profile follows (the Go SDK's `vm20230313` client
            // sends `x-zc-version` with every call; the signature page lists `X-ZC-Version`).
            headers: vec![json, ("X-ZC-Action", "CreateImage".into()), ("X-ZC-Version", "2023-03-13".into())],
            body,
            warnings: Vec::new(),
        },
        Provider::Tencent => {
            let region = get("Region");
            let payload = match &body {
                Value::Object(m) => Value::Object(
                    m.iter().filter(|(k, _)| !matches!(k.as_ref(), "Action" | "Version" | "Region")).cloned().collect(),
                ),
                other => other.clone(),
            };
            let mut headers = vec![
                ("Content-Type", "application/json; charset=utf-8".into()),
                ("X-TC-Action", "CreateImage".into()),
                ("X-TC-Version", "2017-03-12".into()),
            ];
            if !region.is_empty() {
                headers.push(("X-TC-Region", region));
            }
            HttpRequest {
                method: "POST",
                host: Some("cvm.tencentcloudapi.com"),
                path: "/".into(),
                headers,
                body: payload,
                warnings: Vec::new(),
            }
        }
        // `openstack`: the seed page's `/v2` endpoint. `nova`: upstream Nova's v2.1 endpoint (the
        // `/v2` one is its legacy-v2 wrapper, which drops microversion headers and strips unknown
        // keys), with the context's microversion in both of Nova's headers.
        Provider::OpenStack | Provider::Nova => {
            let version = if provider == Provider::Nova { "v2.1" } else { "v2" };
            let mut headers = vec![("Accept", "application/json".into()), json, ("X-Auth-Token", get("token"))];
            if provider == Provider::Nova {
                headers.extend(crate::providers::openstack::microversion_headers(options.context.as_ref()));
            }
            HttpRequest {
                method: "POST",
                host: None,
                path: [
                    "/",
                    version,
                    "/",
                    &segment(&get("project_id")),
                    "/servers/",
                    &segment(&get("server_id")),
                    "/action",
                ]
                .concat(),
                headers,
                body: body.get("body").cloned().unwrap_or(Value::Null),
                warnings: Vec::new(),
            }
        }
        Provider::Huawei => HttpRequest {
            method: "POST",
            host: None,
            path: "/v1/cloudimages/dataimages/action".into(),
            headers: vec![("Content-Type", "application/json;charset=UTF-8".into())],
            body,
            warnings: Vec::new(),
        },
    };
    // A field sent as given (an unknown one, only a warning) holding a value JSON cannot carry (a
    // JS-only value: NaN, a BigInt, a Date...; nesting cut at the depth limit) would go as `null`:
    // an error there instead, and no request.
    let special = http.body.special_paths();
    if !special.is_empty() {
        let at = if matches!(provider, Provider::OpenStack | Provider::Nova) { "/body" } else { "" };
        let mut c = crate::rules::Checker::resume(provider, options, report.issues);
        for path in special {
            let path = [at, &path].concat();
            let name = crate::labels::name(provider, &path, None, options.lang, c.label_index()).text;
            let issue =
                c.push_at(path, Kind::Unreadable { detail: "a value JSON cannot carry".into() }, Severity::Error, None);
            let zh = options.lang == crate::Lang::Zh;
            issue.message = if zh {
                [&name, "：JSON 无法表示其值（NaN、Infinity、BigInt、日期等），无法发送。"].concat()
            } else {
                [&name, ": JSON cannot carry its value (NaN, Infinity, a BigInt, a Date...), so it cannot be sent."]
                    .concat()
            };
            // (Under the field: without its name.)
            issue.short_message = (if zh { "JSON 无法表示此值" } else { "JSON cannot carry this value" }).to_owned();
        }
        return Err(crate::finish(c));
    }
    // The request is valid: what the report still holds are warnings (e.g. unknown fields, sent as given).
    http.warnings = report.issues;
    Ok(http)
}

#[cfg(feature = "http")]
impl TryFrom<&HttpRequest> for ::http::Request<Vec<u8>> {
    type Error = crate::Error;

    /// The request as an `http::Request` (see [`HttpRequest`] for the URI and body).
    ///
    /// # Errors
    ///
    /// [`Error::NotJson`](crate::Error::NotJson) when the body holds a value JSON cannot carry (only
    /// a hand-built [`Value`] can); [`Error::Http`](crate::Error::Http) when `http` refuses the
    /// method, URI or a header (never for a request made by [`to_http`]).
    fn try_from(r: &HttpRequest) -> Result<Self, crate::Error> {
        if let Some(path) = r.body.special_paths().into_iter().next() {
            return Err(crate::Error::NotJson { path });
        }
        let uri = match r.host {
            Some(host) => ["https://", host, &r.path].concat(),
            None => r.path.clone(),
        };
        let mut b = ::http::Request::builder().method(r.method).uri(uri);
        for (name, value) in &r.headers {
            b = b.header(*name, value.as_str());
        }
        Ok(b.body(r.body.to_json().into_bytes())?)
    }
}
