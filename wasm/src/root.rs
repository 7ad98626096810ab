// The crate root the bindings (bindings.rs) expect: what they call, under the paths they had inside
// the main crate. Included by wasm/src/lib.rs and by the boundary experiment (bench/boundary), so
// that both compile bindings.rs against one list.

// What the bindings call, under the paths they had inside the main crate.
pub use createimage::{check, check_field, Lang, Options, ParseError, Provider, Report};
// (Their requests are always parsed: the variants without the pass for hand-built values.)
#[cfg(feature = "transform")]
pub use createimage::__private::{normalize_parsed as normalize, to_http_parsed as to_http};

/// The JSON model and the bridge's parsers (`parse_with(text, true)` reads the JS side's `@` tokens;
/// `parse_marked` also keeps keys with unpaired surrogates exact).
pub mod json {
    pub use createimage::__private::{
        parse_error_text, parse_marked, parse_string_marked, parse_with, unmarked, write_str, Marks, Other,
        MAX_TEXT_BYTES,
    };
    pub use createimage::Value;
}

/// The input-size refusal.
pub mod providers {
    pub use createimage::__private::too_large;
}

/// JSON pointers.
pub mod report {
    pub use createimage::__private::split_pointer;
}

/// Putting the caller's own values back into a normalized request.
#[cfg(feature = "transform")]
pub mod normalize {
    pub use createimage::__private::{has_special, restore_points, Sources};
}

/// A message without its full stops (no `char` pattern searcher).
pub mod text {
    pub use createimage::__private::{cat, trim_stops};
}

/// Decimal text without the formatting machinery.
pub mod messages {
    pub use createimage::__private::num;
}
