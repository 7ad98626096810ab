//! The crate's one error type.

use crate::{ParseError, Report};

/// Everything that can fail in this crate, for `?` in a service.
///
/// Each fallible function returns the most precise type it can (`to_http` gives the [`Report`],
/// which is itself a [`std::error::Error`]); all of them convert into this enum with `From`, so a
/// function returning `Result<_, createimage::Error>` can `?` any of them.
///
/// ```
/// use createimage::{to_http, Error, Options, Provider, Value};
/// fn send(provider: &str, body: &str) -> Result<String, Error> {
///     let provider: Provider = provider.parse()?; // Error::UnknownId
///     let request = Value::parse(body)?; // Error::Json
///     let http = to_http(provider, &request, &Options::default())?; // Error::Invalid
///     Ok(http.path)
/// }
/// assert!(matches!(send("aws", "{}"), Err(Error::UnknownId { what: "provider", .. })));
/// assert!(matches!(send("huawei", "{"), Err(Error::Json(_))));
/// assert!(matches!(send("huawei", "{}"), Err(Error::Invalid(r)) if !r.ok));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Text that is not JSON (with where and why). Its `Display` says where and why, so
    /// `source()` is `None` (a report of the chain, such as anyhow's, shows it once).
    #[error("the text is not JSON: {0}")]
    Json(ParseError),
    /// A request with errors: the report lists them (its `Display` gives one line per issue).
    #[error(transparent)]
    Invalid(#[from] Report),
    /// An id that names none of the known values.
    #[error("unknown {what} \"{}\" (known: {known})", crate::text::visible(id))]
    UnknownId {
        /// What kind of id: `provider`, `language`, `code`, `severity` or `change code`.
        what: &'static str,
        /// The id as given.
        id: String,
        /// The known ids, comma-separated.
        known: &'static str,
    },
    /// The body of an [`HttpRequest`](crate::HttpRequest) holds a value JSON cannot carry (a
    /// JS-only value or nesting past [`MAX_DEPTH`](crate::MAX_DEPTH), which only a hand-built
    /// [`Value`](crate::Value) can hold); the JSON pointer says where.
    #[error("the request body holds a value JSON cannot carry at \"{path}\"")]
    NotJson {
        /// JSON pointer into the body.
        path: String,
    },
    /// `http` rejected a part of the request (method, URI or a header). Its `Display` includes
    /// `http`'s, so `source()` is `None`.
    #[cfg(feature = "http")]
    #[error("the HTTP request cannot be built: {0}")]
    Http(::http::Error),
}

// (By hand, not thiserror's `#[from]`, which would also make the error its `source()`: its text
// would then show twice in a report of the chain.)
impl From<ParseError> for Error {
    fn from(e: ParseError) -> Error {
        Error::Json(e)
    }
}

#[cfg(feature = "http")]
impl From<::http::Error> for Error {
    fn from(e: ::http::Error) -> Error {
        Error::Http(e)
    }
}

impl Error {
    pub(crate) fn unknown(what: &'static str, id: &str, known: &'static str) -> Error {
        Error::UnknownId { what, id: id.to_owned(), known }
    }
}
