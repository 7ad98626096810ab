//! The fuzz targets' shared code. `harness.rs` is also compiled into `tests/properties.rs`, which
//! replays the inputs kept in `tests/regressions/` through the same functions.
pub mod harness;
