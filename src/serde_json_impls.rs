//! serde_json (feature `serde_json`): a bridge from `serde_json::Value`.

use crate::json::{Other, Value, MAX_DEPTH};
use crate::{check, Options, Provider, Report};
use std::borrow::Cow;

/// A [`Value`] borrowing the strings of a `serde_json::Value` (numbers are written out as text).
///
/// What the `serde_json::Value` has already lost against the JSON text (so what [`check_json`]
/// on the raw body would still see):
///
/// - **number precision**: without serde_json's `arbitrary_precision` feature, a number that is not
///   a 64-bit integer is an `f64`: a 30-digit OpenStack name becomes `1.2345678901234568e29` (and
///   is refused), `2048.0` stays a float but `1e400` cannot be read at all. With
///   `arbitrary_precision`, the literal is kept as written and converted exactly.
/// - **key order**: without serde_json's `preserve_order` feature, object keys are sorted, so the
///   normalized request and the order of the issues follow the sorted keys, not the text.
/// - **lone surrogates**: serde_json refuses a `\uD800` escape that is not half of a pair, where
///   the text path reports it as a `bad_char` of the field.
/// - **depth**: serde_json refuses text nested deeper than 128 levels; here nesting past
///   [`MAX_DEPTH`] (64) becomes [`Other::TooDeep`] (reported as `too_deep`), as in the text path.
///
/// A service that holds the raw body should call [`check_json`] (or [`Value::parse`]) on it.
///
/// [`check_json`]: crate::check_json
impl<'a> From<&'a serde_json::Value> for Value<'a> {
    fn from(v: &'a serde_json::Value) -> Value<'a> {
        convert(v, 0)
    }
}

fn convert(v: &serde_json::Value, depth: usize) -> Value<'_> {
    use serde_json::Value as J;
    match v {
        J::Array(_) | J::Object(_) if depth >= MAX_DEPTH => Value::Other(Box::new(Other::TooDeep)),
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => Value::Number(Cow::Owned(n.to_string())),
        J::String(s) => Value::String(Cow::Borrowed(s)),
        J::Array(a) => Value::Array(a.iter().map(|x| convert(x, depth + 1)).collect()),
        J::Object(m) => {
            Value::Object(m.iter().map(|(k, x)| (Cow::Borrowed(k.as_str()), convert(x, depth + 1))).collect())
        }
    }
}

/// Check a request held as a `serde_json::Value`: [`check`] of its [`Value`] form.
///
/// For a request that arrives as text, prefer [`check_json`](crate::check_json) on the raw body:
/// `serde_json::Value` may already have lost number precision and key order (see
/// [`Value`]'s `From<&serde_json::Value>`).
///
/// ```
/// use createimage::{check_value, Options, Provider};
/// let req = serde_json::json!({"instanceId": "ins-1", "imageName": "web_01"});
/// assert!(check_value(Provider::Zenlayer, &req, &Options::default()).ok);
/// ```
pub fn check_value(provider: Provider, request: &serde_json::Value, options: &Options<'_>) -> Report {
    check(provider, &Value::from(request), options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_every_kind_of_value_and_cuts_deep_nesting() {
        let j: serde_json::Value =
            serde_json::from_str(r#"{"b":[1,-2,2.5,"x",null,true],"a":{"k":"v"},"n":18446744073709551615}"#).unwrap();
        let v = Value::from(&j);
        assert_eq!(v.get("b").unwrap().to_json(), r#"[1,-2,2.5,"x",null,true]"#);
        assert_eq!(v.get("a").unwrap().to_json(), r#"{"k":"v"}"#);
        assert_eq!(v.get("n").unwrap().to_json(), "18446744073709551615");
        let mut deep = serde_json::Value::Null;
        for _ in 0..100 {
            deep = serde_json::Value::Array(vec![deep]);
        }
        let text = deep.to_string();
        assert_eq!(Value::from(&deep), Value::parse(&text).unwrap());
    }
}
