//! Helpers shared by the integration tests: the crate root, fresh scratch
//! directories under `target/`, and running the real binary with a time
//! limit. Each test file includes this with `mod common;` and uses what it
//! needs.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longest a single run may take; hostile input must not make it slow.
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty directory `target/GROUP/NAME` (absolute).
pub fn scratch(group: &str, name: &str) -> PathBuf {
    let dir = root().join("target").join(group).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes a file, creating its directory.
pub fn write(path: impl AsRef<Path>, bytes: impl AsRef<[u8]>) {
    let path = path.as_ref();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, bytes).unwrap();
}

pub fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What a run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `mijlpaal --color never ARGS...` in `dir`, with a time limit.
pub fn mijlpaal(dir: &Path, args: &[&str]) -> Run {
    mijlpaal_to(dir, args, Stdio::piped())
}

/// As [`mijlpaal`], with stdout sent to `stdout` (a file such as
/// `/dev/full`); the returned `stdout` is then empty.
pub fn mijlpaal_to(dir: &Path, args: &[&str], stdout: Stdio) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mijlpaal"))
        .arg("--color")
        .arg("never")
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("the mijlpaal binary runs");
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut b = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut b);
            }
            String::from_utf8_lossy(&b).into_owned()
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("mijlpaal {args:?} did not finish within {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (stdout, stderr) = (out.join().unwrap(), err.join().unwrap());
    assert!(
        !stderr.contains("panicked"),
        "mijlpaal {args:?} panicked:\n{stderr}"
    );
    let code = status
        .code()
        .unwrap_or_else(|| panic!("mijlpaal {args:?} was killed: {status:?}\n{stderr}"));
    Run {
        code,
        stdout,
        stderr,
    }
}

pub const TWENTE_PLAN: &str = "plans/mentaal-gezond-twente.plan";
pub const TWENTE_RULES: &str = "rules/overeenkomst-transformatieplan.rules";
pub const TWENTE_SCENARIOS: &str = "plans/mentaal-gezond-twente";

/// A copy of the Twente project in `dir` (its own project root, marked by
/// `mijlpaal.toml`): `mgt.plan`, `rules/overeenkomst-transformatieplan.rules`
/// and the scenarios in `mgt/`, the plan and rules edited on the way.
pub fn twente(dir: &Path, plan: impl Fn(&str) -> String, rules: impl Fn(&str) -> String) {
    twente_at(dir, "mgt.plan", plan, rules);
}

/// As [`twente`], with the plan at `plan_path` (relative to `dir`) and the
/// scenarios beside it in the directory of the same name.
pub fn twente_at(
    dir: &Path,
    plan_path: &str,
    plan: impl Fn(&str) -> String,
    rules: impl Fn(&str) -> String,
) {
    write(dir.join("mijlpaal.toml"), "");
    write(
        dir.join(TWENTE_RULES),
        rules(&read(root().join(TWENTE_RULES))),
    );
    write(dir.join(plan_path), plan(&read(root().join(TWENTE_PLAN))));
    let scenarios = dir.join(plan_path.trim_end_matches(".plan"));
    for entry in std::fs::read_dir(root().join(TWENTE_SCENARIOS)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "facts") {
            let name = path.file_name().unwrap();
            write(scenarios.join(name), read(&path));
        }
    }
}

/// Replaces `old` by `new` where it occurs exactly once.
pub fn replace_once(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "expected exactly one `{old}`");
    text.replacen(old, new, 1)
}
