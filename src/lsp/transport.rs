//! JSON-RPC over a byte stream: `Content-Length` frames in, messages to the
//! [`Server`], its replies out. One thread, one message at a time.
//!
//! The frames are read here rather than by `lsp_server::Message::read`,
//! which ends the connection on the first malformed message and allocates
//! whatever `Content-Length` claims: a header line is bounded, a body
//! larger than the limit is skipped unread, and a body that is not a
//! JSON-RPC message is reported on stderr and skipped.

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
pub fn serve(mut input: impl BufRead, mut output: impl Write, options: Options) -> io::Result<i32> {
    let limit = options
        .max_file_bytes
        .saturating_mul(2)
        .saturating_add(1 << 20);
    let mut server = Server::new(options);
    loop {
        let body = match read_frame(&mut input, limit)? {
            Frame::Body(b) => b,
            Frame::Skipped(why) => {
                let _ = writeln!(io::stderr(), "mijlpaal lsp: skipped a message: {why}");
                continue;
            }
            Frame::End => return Ok(1),
        };
        let message: Message = match serde_json::from_slice(&body) {
            Ok(m) => m,
            Err(e) => {
                let _ = writeln!(io::stderr(), "mijlpaal lsp: not a JSON-RPC message: {e}");
                continue;
            }
        };
        // Defence in depth: nothing in `handle` is meant to panic (the
        // lints forbid it), but should a bug panic on some input, the
        // request gets an error and the server goes on, as rust-analyzer's
        // does, instead of the editor losing its server.
        let id = match &message {
            Message::Request(r) => Some(r.id.clone()),
            _ => None,
        };
        let replies = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            server.handle(message)
        }))
        .unwrap_or_else(|_| {
            id.map(|id| {
                Response::new_err(
                    id,
                    ErrorCode::InternalError as i32,
                    "mijlpaal lsp failed on this request (a bug: please report it)".to_string(),
                )
                .into()
            })
            .into_iter()
            .collect()
        });
        for reply in replies {
            reply.write(&mut output)?;
        }
        output.flush()?;
        if let Some(code) = server.exit_code() {
            return Ok(code);
        }
    }
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
                Frame::Skipped("the input ended inside a header".to_string())
            } else {
                Frame::End
            });
        }
        any = true;
        if !line.ends_with(b"\n") {
            // Too long: read past the rest of the line.
            let mut rest = Vec::new();
            input.read_until(b'\n', &mut rest)?;
            bad = Some("a header line too long".to_string());
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
                    Err(_) => bad = Some(format!("Content-Length `{}`", value.trim())),
                }
            }
        }
    }
    let Some(length) = length else {
        return Ok(Frame::Skipped(
            bad.unwrap_or_else(|| "no Content-Length".to_string()),
        ));
    };
    if length > limit {
        io::copy(&mut input.by_ref().take(length), &mut io::sink())?;
        return Ok(Frame::Skipped(format!(
            "a message of {length} bytes, more than {limit}"
        )));
    }
    let mut body = Vec::new();
    input.by_ref().take(length).read_to_end(&mut body)?;
    if let Some(why) = bad {
        return Ok(Frame::Skipped(why));
    }
    if u64::try_from(body.len()).ok() != Some(length) {
        return Ok(Frame::Skipped(
            "the input ended inside a message".to_string(),
        ));
    }
    Ok(Frame::Body(body))
}
