//! The language server's response to an edit, in process: a change to the
//! Twente plan (600 lines) re-checked with its rule set and its diagnostics
//! published, through `Server::handle` exactly as `mijlpaal lsp` runs it
//! (issue 14 asks for under 10 ms). Also hover on a milestone: once its
//! statuses under the scenarios are known, and the first after a change.
//!
//! ```sh
//! cargo bench --bench lsp -- --warm-up-time 1 --measurement-time 3
//! ```

// Benchmarks may unwrap, index and compute freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::json;

use mijlpaal::lsp::Server;
use mijlpaal::project::Options;

const PLAN: &str = "plans/mentaal-gezond-twente.plan";

fn notification(method: &str, params: serde_json::Value) -> Message {
    Notification::new(method.to_string(), params).into()
}

fn request(id: i32, method: &str, params: serde_json::Value) -> Message {
    Request::new(RequestId::from(id), method.to_string(), params).into()
}

fn lsp(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN);
    let uri = format!("file://{}", path.display());
    let text = std::fs::read_to_string(&path).unwrap();
    // Two versions a keystroke apart: each change is a real change.
    let edited = text.replacen("due 2026-03-31", "due 2026-03-30", 1);
    let mut server = Server::new(Options::default());
    server.handle(request(1, "initialize", json!({"capabilities": {}})));
    let opened = server.handle(notification(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "mijlpaal-plan", "version": 1, "text": text}}),
    ));
    assert_eq!(opened.len(), 1, "one publishDiagnostics");

    let mut g = c.benchmark_group("lsp/twente");
    g.sample_size(50);
    let mut version = 1;
    g.bench_function("change-check-publish", |b| {
        b.iter(|| {
            version += 1;
            let body = if version % 2 == 0 { &edited } else { &text };
            let out = server.handle(notification(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": body}]}),
            ));
            assert!(matches!(&out[..], [Message::Notification(n)] if n.method == "textDocument/publishDiagnostics"));
            black_box(out)
        })
    });
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("milestone 11 "))
        .unwrap();
    g.bench_function("hover-milestone", |b| {
        b.iter(|| {
            black_box(server.handle(request(
                2,
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 14}}),
            )))
        })
    });
    // The first hover after a change also evaluates the milestones under
    // each scenario beside the plan (five here), then kept for the next.
    g.bench_function("change-then-first-hover", |b| {
        b.iter(|| {
            version += 1;
            let body = if version % 2 == 0 { &edited } else { &text };
            server.handle(notification(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": body}]}),
            ));
            black_box(server.handle(request(
                2,
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 14}}),
            )))
        })
    });
    g.finish();
}

criterion_group!(benches, lsp);
criterion_main!(benches);
