//! scripts/bench.sh without its peer benchmark stops at once, naming BENCH_PEER_SRC, before any
//! build (was: it said so only after building the package and the boundary experiment, minutes).
#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

#[test]
fn regression_bench_without_its_peer_stops_before_building() {
    let root = env!("CARGO_MANIFEST_DIR");
    let missing = std::env::temp_dir().join(format!("createimage-no-peer-{}", std::process::id()));
    let mut child = Command::new("bash")
        .arg("scripts/bench.sh")
        .current_dir(root)
        .env("BENCH_PEER_SRC", &missing)
        .env_remove("SKIP_BUILD")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        // Its own process group, so that a build it starts can be stopped with it.
        .process_group(0)
        .spawn()
        .expect("bash runs");
    let mut said = String::new();
    let mut built = false;
    for line in BufReader::new(child.stderr.take().expect("stderr")).lines() {
        let line = line.expect("text");
        said.push_str(&line);
        said.push('\n');
        if line.starts_with("bench: building") {
            // Too late: stop the script and the build it started (its process group).
            built = true;
            let _ = Command::new("kill").args(["-TERM", "--", &format!("-{}", child.id())]).status();
            break;
        }
    }
    let status = child.wait().expect("ends");
    assert!(!built, "bench.sh started a build before looking for its peer benchmark:\n{said}");
    assert_eq!(status.code(), Some(1), "{said}");
    assert!(said.contains("BENCH_PEER_SRC"), "{said}");
    assert!(said.contains(&missing.display().to_string()), "names the directory it looked in: {said}");
}
