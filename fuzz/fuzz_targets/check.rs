#![no_main]
//! `check`: bytes as JSON text (every provider), or, after a 0xFF byte, a structured request
//! built with `arbitrary`. See fuzz/src/harness.rs for what is asserted.
use createimage_fuzz::harness::{run, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| run(Target::Check, data));
