//! `createimage-wasm`: the WebAssembly bindings of the `createimage` crate, built into the npm
//! package (`pkg/wasm/createimage.js` + `createimage_bg.wasm`) by `scripts/build-wasm.sh`.
//!
//! A crate of its own so that the main crate is a plain `rlib`: Rust dependents of `createimage`
//! link no cdylib and get no wasm-bindgen. The exports live in [`bindings`] (moved here from the
//! main crate's `src/wasm.rs`); this root gives them the names they had there (`crate::check`,
//! `crate::json::parse_with`, ...), so that file reads as it did.

include!("root.rs");

pub mod bindings;

/// The allocator of the .wasm: talc instead of std's dlmalloc (smaller; see wasm/Cargo.toml).
/// Safety: the module runs single-threaded (one instance per JS realm or worker).
#[cfg(target_family = "wasm")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
