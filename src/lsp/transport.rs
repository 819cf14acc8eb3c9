//! JSON-RPC over a byte stream: `Content-Length` frames in, messages to the
//! [`Server`], its replies out, one message at a time (a reader thread
//! frames the input meanwhile).
//!
//! The frames are read here rather than by `lsp_server::Message::read`,
//! which ends the connection on the first malformed message and allocates
//! whatever `Content-Length` claims: a header line is bounded, a body
//! larger than the limit is skipped unread, and a body that is not a
//! JSON-RPC message is reported on stderr and skipped.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read, Write};

use lsp_server::{ErrorCode, Message, Response};

use super::Server;
use crate::project::Options;

/// Longest header line read.
const MAX_HEADER_LINE: u64 = 4096;

/// What one read from the stream gave.
enum Frame {
    Body(Vec<u8>),
    /// A frame that could not be used (why, for stderr); reading goes on.
    Skipped(String),
    End,
}

/// Serves one client on `input`/`output` until `exit` or the end of input.
/// Returns the exit code: 0 after `shutdown` and `exit`, 1 otherwise.
///
/// A reader thread frames and parses the input while the server works, so
/// that edits typed during a long check queue up; an edit followed at once
/// by another full-text edit of the same document is skipped (only the
/// last text is checked), so the server never falls behind the typing.
pub fn serve(
    mut input: impl BufRead + Send + 'static,
    mut output: impl Write,
    options: Options,
) -> io::Result<i32> {
    let limit = options
        .max_file_bytes
        .saturating_mul(2)
        .saturating_add(1 << 20);
    let (send, receive) = std::sync::mpsc::channel::<Message>();
    std::thread::spawn(move || loop {
        let body = match read_frame(&mut input, limit) {
            Ok(Frame::Body(b)) => b,
            Ok(Frame::Skipped(why)) => {
                let _ = writeln!(io::stderr(), "{}", crate::tr!("lsp-log-skipped", why = why));
                continue;
            }
            Ok(Frame::End) => return,
            Err(e) => {
                let _ = writeln!(
                    io::stderr(),
                    "{}",
                    crate::tr!("lsp-log-reading-failed", error = e)
                );
                return;
            }
        };
        match serde_json::from_slice::<Message>(&body) {
            Ok(m) => {
                if send.send(m).is_err() {
                    return;
                }
            }
            Err(e) => {
                let _ = writeln!(
                    io::stderr(),
                    "{}",
                    crate::tr!("lsp-log-not-json-rpc", error = e)
                );
            }
        }
    });
    let mut server = Server::new(options);
    let mut queue: VecDeque<Message> = VecDeque::new();
    loop {
        if queue.is_empty() {
            match receive.recv() {
                Ok(m) => queue.push_back(m),
                // The input ended without `exit`.
                Err(_) => return Ok(1),
            }
        }
        queue.extend(receive.try_iter());
        let Some(message) = queue.pop_front() else {
            continue;
        };
        if superseded(&message, queue.front()) {
            continue;
        }
        for reply in handle(&mut server, message) {
            reply.write(&mut output)?;
        }
        output.flush()?;
        if let Some(code) = server.exit_code() {
            return Ok(code);
        }
    }
}

/// Whether `message` is a change of a document that `next` replaces
/// entirely (a change of the same document whose texts are all whole).
fn superseded(message: &Message, next: Option<&Message>) -> bool {
    let (Message::Notification(a), Some(Message::Notification(b))) = (message, next) else {
        return false;
    };
    let change = "textDocument/didChange";
    let uri = |n: &lsp_server::Notification| n.params.get("textDocument")?.get("uri").cloned();
    a.method == change
        && b.method == change
        && uri(a).is_some()
        && uri(a) == uri(b)
        && b.params
            .get("contentChanges")
            .and_then(|c| c.as_array())
            .is_some_and(|c| !c.is_empty() && c.iter().all(|c| c.get("range").is_none()))
}

/// One message through the server. Defence in depth: nothing in `handle`
/// is meant to panic (the lints forbid it), but should a bug panic on some
/// input, the request gets an error and the server goes on, as
/// rust-analyzer's does, instead of the editor losing its server.
fn handle(server: &mut Server, message: Message) -> Vec<Message> {
    let id = match &message {
        Message::Request(r) => Some(r.id.clone()),
        _ => None,
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| server.handle(message)))
        .unwrap_or_else(|_| {
            id.map(|id| {
                Response::new_err(
                    id,
                    ErrorCode::InternalError as i32,
                    crate::tr!("lsp-request-failed"),
                )
                .into()
            })
            .into_iter()
            .collect()
        })
}

fn read_frame(input: &mut impl BufRead, limit: u64) -> io::Result<Frame> {
    let mut length: Option<u64> = None;
    let mut bad: Option<String> = None;
    let mut any = false;
    loop {
        let mut line = Vec::new();
        let n = input
            .by_ref()
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(if any {
                Frame::Skipped(crate::tr!("lsp-frame-ended-in-header"))
            } else {
                Frame::End
            });
        }
        any = true;
        if !line.ends_with(b"\n") {
            // Too long: read past the rest of the line.
            let mut rest = Vec::new();
            input.read_until(b'\n', &mut rest)?;
            bad = Some(crate::tr!("lsp-frame-header-too-long"));
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        if let Some((name, value)) = text.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                match value.trim().parse::<u64>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad = Some(crate::tr!("lsp-frame-bad-length", value = value.trim())),
                }
            }
        }
    }
    let Some(length) = length else {
        return Ok(Frame::Skipped(
            bad.unwrap_or_else(|| crate::tr!("lsp-frame-no-length")),
        ));
    };
    if length > limit {
        io::copy(&mut input.by_ref().take(length), &mut io::sink())?;
        // As text, not Fluent numbers: the figures stay as they are written.
        return Ok(Frame::Skipped(crate::tr!(
            "lsp-frame-too-long",
            length = length.to_string(),
            limit = limit.to_string()
        )));
    }
    let mut body = Vec::new();
    input.by_ref().take(length).read_to_end(&mut body)?;
    if let Some(why) = bad {
        return Ok(Frame::Skipped(why));
    }
    if u64::try_from(body.len()).ok() != Some(length) {
        return Ok(Frame::Skipped(crate::tr!("lsp-frame-ended-in-message")));
    }
    Ok(Frame::Body(body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_server::Notification;
    use serde_json::json;

    fn change(uri: &str, changes: serde_json::Value) -> Message {
        Notification::new(
            "textDocument/didChange".to_string(),
            json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": changes}),
        )
        .into()
    }

    #[test]
    fn only_a_whole_text_of_the_same_document_supersedes_a_change() {
        let whole = json!([{"text": "a"}]);
        let ranged = json!([{"range": {"start": {"line": 0, "character": 0},
                                       "end": {"line": 0, "character": 0}}, "text": "a"}]);
        let a = change("file:///a.plan", whole.clone());
        assert!(superseded(
            &a,
            Some(&change("file:///a.plan", whole.clone()))
        ));
        assert!(!superseded(
            &a,
            Some(&change("file:///b.plan", whole.clone()))
        ));
        assert!(!superseded(&a, Some(&change("file:///a.plan", ranged))));
        assert!(!superseded(&a, Some(&change("file:///a.plan", json!([])))));
        assert!(!superseded(&a, None));
        let hover = lsp_server::Request::new(1.into(), "textDocument/hover".to_string(), json!({}));
        assert!(!superseded(&a, Some(&hover.into())));
    }

    #[test]
    fn frames_are_bounded_and_bad_ones_skipped() {
        let mut input: &[u8] = b"Content-Length: 99999999\r\n\r\nxyz";
        assert!(matches!(
            read_frame(&mut input, 10).unwrap(),
            Frame::Skipped(_)
        ));
        let mut input: &[u8] = b"Content-Length: 2\r\n\r\n{}Content-Length: x\r\n\r\n";
        assert!(matches!(read_frame(&mut input, 10).unwrap(), Frame::Body(b) if b == b"{}"));
        assert!(matches!(
            read_frame(&mut input, 10).unwrap(),
            Frame::Skipped(_)
        ));
        assert!(matches!(read_frame(&mut input, 10).unwrap(), Frame::End));
        let long = format!("X: {}\r\nContent-Length: 2\r\n\r\n{{}}", "y".repeat(10_000));
        let mut input = long.as_bytes();
        assert!(matches!(
            read_frame(&mut input, 10).unwrap(),
            Frame::Skipped(_)
        ));
    }
}
