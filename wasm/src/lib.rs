//! `createimage-wasm`: the WebAssembly bindings of the `createimage` crate, built into the npm
//! package (`pkg/wasm/createimage.js` + `createimage_bg.wasm`) by `scripts/build-wasm.sh`.
//!
//! A crate of its own so that the main crate is a plain `rlib`: Rust dependents of `createimage`
//! link no cdylib and get no wasm-bindgen. The exports live in [`bindings`] (moved here from the
//! main crate's `src/wasm.rs`); this root gives them the names they had there (`crate::check`,
//! `crate::json::parse_with`, ...), so that file reads as it did.

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

/// Decimal text without the formatting machinery.
pub mod messages {
    pub use createimage::__private::num;
}

pub mod bindings;

/// The allocator of the .wasm: talc instead of std's dlmalloc (smaller; see wasm/Cargo.toml).
/// Safety: the module runs single-threaded (one instance per JS realm or worker).
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
