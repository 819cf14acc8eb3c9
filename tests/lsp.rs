//! `mijlpaal lsp` through the real binary: a client that starts it as a
//! child process and speaks JSON-RPC with `Content-Length` frames, as an
//! editor does. Each test opens the Twente plan and asserts exact results:
//! the same findings as `check --format json`, hover figures computed by the
//! engine, definitions, completion lists, formatting equal to `fmt`, quick
//! fixes, and that bad input is answered or skipped, never a crash.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

const PLAN: &str = "plans/mentaal-gezond-twente.plan";

/// A language client talking to one `mijlpaal lsp` process.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications received while waiting for a reply.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        Client::start_with(&mut common::bin())
    }

    /// Starts `mijlpaal ... lsp` from `command` (the binary with its
    /// language options or environment already set).
    fn start_with(command: &mut std::process::Command) -> Client {
        let mut child = command
            .arg("lsp")
            .current_dir(common::root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = Some(v.parse::<usize>().unwrap());
                    }
                }
                let mut body = vec![0; length.unwrap()];
                reader.read_exact(&mut body).unwrap();
                if send.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            pending: Vec::new(),
            next_id: 0,
        };
        let reply = client.request("initialize", json!({"capabilities": {}}));
        assert_eq!(reply["result"]["serverInfo"]["name"], "mijlpaal");
        client.notify("initialized", json!({}));
        client
    }

    fn raw(&mut self, body: &[u8]) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        self.raw(message.to_string().as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn receive(&mut self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(30))
            .expect("the server answers within 30 seconds")
    }

    /// Sends a request and returns its reply (the whole response object).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.receive();
            if m["id"] == json!(id) && m.get("method").is_none() {
                return m;
            }
            self.pending.push(m);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        if let Some(i) = self.pending.iter().position(|m| is_diagnostics_for(m, uri)) {
            let m = self.pending.remove(i);
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let m = self.receive();
            if is_diagnostics_for(&m, uri) {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.pending.push(m);
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "mijlpaal-plan", "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
        self.diagnostics(uri)
    }

    fn at(&mut self, method: &str, uri: &str, line: usize, character: usize) -> Value {
        self.request(
            method,
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        )["result"]
            .clone()
    }

    /// shutdown, exit; returns the exit code.
    fn stop(mut self) -> i32 {
        let reply = self.request("shutdown", Value::Null);
        assert_eq!(reply["result"], Value::Null);
        assert!(reply.get("error").is_none());
        self.notify("exit", Value::Null);
        let status = wait(&mut self.child);
        status.code().unwrap()
    }
}

fn wait(child: &mut Child) -> std::process::ExitStatus {
    for _ in 0..300 {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().unwrap();
    panic!("the server did not exit");
}

fn is_diagnostics_for(m: &Value, uri: &str) -> bool {
    m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
}

fn uri_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn twente() -> (PathBuf, String, String) {
    let path = common::root().join(PLAN);
    let text = common::read(&path);
    (path.clone(), uri_of(&path), text)
}

/// The 0-based line and UTF-16 column of the first `needle` on the first
/// line starting (after indentation) with `line_start`.
fn find(text: &str, line_start: &str, needle: &str) -> (usize, usize) {
    let (n, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with(line_start))
        .unwrap_or_else(|| panic!("no line starts with {line_start:?}"));
    let byte = line.find(needle).unwrap();
    (n, line[..byte].encode_utf16().count())
}

/// (code, 1-based line) of LSP diagnostics, sorted.
fn codes_and_lines(diags: &[Value]) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap() + 1,
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn diagnostics_on_open_are_those_of_check() {
    let (path, uri, text) = twente();
    let mut client = Client::start();
    let diags = client.open(&uri, &text);
    let run = common::mijlpaal(
        common::root(),
        &["check", "--format", "json", path.to_str().unwrap()],
    );
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let mut expected: Vec<(String, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(codes_and_lines(&diags), expected);
    assert_eq!(expected.len(), 14);

    // Severity, code description and the secondary label as related information.
    let c202 = diags.iter().find(|d| d["code"] == "C202").unwrap();
    assert_eq!(c202["severity"], 2);
    assert_eq!(c202["source"], "mijlpaal");
    assert_eq!(c202["codeDescription"]["href"], "mijlpaal-explain:C202");
    let related = c202["relatedInformation"].as_array().unwrap();
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["message"], "same day");
    assert_eq!(related[0]["location"]["uri"], uri);
    assert_eq!(related[0]["location"]["range"]["start"]["line"], 574);
    let c402 = diags.iter().find(|d| d["code"] == "C402").unwrap();
    assert_eq!(c402["severity"], 1);
    let c404 = diags.iter().find(|d| d["code"] == "C404").unwrap();
    assert_eq!(c404["severity"], 3);
    // Closed: its diagnostics are cleared.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    assert_eq!(client.stop(), 0);
}

#[test]
fn hover_on_a_milestone_shows_its_money_per_municipality() {
    let (_, uri, text) = twente();
    let mut client = Client::start();
    client.open(&uri, &text);
    let (line, col) = find(&text, "milestone 11 ", "11");
    let hover = client.at("textDocument/hover", &uri, line, col);
    let value = hover["contents"]["value"].as_str().unwrap();
    assert_eq!(hover["contents"]["kind"], "markdown");
    for piece in [
        "**milestone 11** (component 2)",
        "- obligation: effort",
        "- amount: € 208.000 (iza € 98.500, spuk € 109.500)",
        "- due: 2026-03-31",
        "- assessment deadline: 2026-04-28 (`assessment-window`, art. 3.2.2)",
        "- after: 10",
        "- iza € 98.500 to `zorgaanbieders` (the plan's default)",
        "- spuk € 109.500 to key `inwoners`:",
        "  - `tubbergen` € 3.661,67\n",
        "  - `enschede` € 27.635,28\n",
        "- risk: spuk by `inwoners` (the plan's default)",
        // Its status today under each scenario beside the plan (the facts
        // of these two end in 2026, so the status holds at any later date).
        "\n- status at ",
        " under the scenarios beside the plan:\n",
        "  - `deels-en-uitstel`: **achieved**: assessed achieved on 2026-10-05\n",
        "  - `alles-behaald`: **achieved**: assessed achieved on 2026-04-14\n",
    ] {
        assert!(value.contains(piece), "{piece:?} not in:\n{value}");
    }
    // Tubbergen's share is the engine's own division of € 109.500 over the key.
    let plan = common::plan_from_text(&text);
    let key = plan.key(&mijlpaal::model::KeyId::new("inwoners")).unwrap();
    let weights: Vec<_> = key.members.iter().map(|m| m.weight).collect();
    let parts = mijlpaal::eval::allocate::allocate(common::money("109500"), &weights).unwrap();
    let tubbergen = key
        .members
        .iter()
        .position(|m| m.party.as_str() == "tubbergen")
        .unwrap();
    assert!(value.contains(&format!("  - `tubbergen` {}\n", parts[tubbergen])));
    // Every municipality is listed, once.
    let shares = value
        .lines()
        .filter(|l| l.starts_with("  - `") && l.contains("` € "))
        .count();
    assert_eq!(shares, 14);
    assert_eq!(client.stop(), 0);
}

#[test]
fn hover_on_a_party_and_a_key() {
    let (_, uri, text) = twente();
    let mut client = Client::start();
    client.open(&uri, &text);
    let (line, col) = find(&text, "party tubbergen", "tubbergen");
    let hover = client.at("textDocument/hover", &uri, line, col + 3);
    assert_eq!(
        hover["contents"]["value"],
        "**party `tubbergen`**: Gemeente Tubbergen\n\n- roles: municipality\n- key `inwoners`: 21.507 of 643.153 = 3,34%, declared 3,34%\n"
    );
    assert_eq!(hover["range"]["start"]["line"], line);
    // A party of both keys: its share in each.
    let (line, col) = find(&text, "party hengelo", "hengelo");
    let hover = client.at("textDocument/hover", &uri, line, col);
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("- key `inwoners`: 83.655 of 643.153 = 13,01%, declared 13,01%\n"));
    assert!(value.contains("- key `grote_drie`: 83.655 of 320.748 = 26,08%\n"));

    // A role: the parties holding it.
    let (line, col) = find(&text, "party vgz", "second-insurer");
    let hover = client.at("textDocument/hover", &uri, line, col);
    assert_eq!(
        hover["contents"]["value"],
        "**role `second-insurer`**: `vgz`"
    );

    let (line, col) = find(&text, "key inwoners", "inwoners");
    let hover = client.at("textDocument/hover", &uri, line, col);
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**key `inwoners`**: Inwoners per 1-1-2025 (CBS, voorlopig)\n"));
    assert!(value.contains("| `tubbergen` | 21.507 | 3,34% | 3,34% |\n"));
    assert!(value.contains("| sum | 643.153 | 100% | 654.153 (total) |\n"));
    assert_eq!(client.stop(), 0);
}

#[test]
fn definition_and_references_of_names() {
    let (_, uri, text) = twente();
    let mut client = Client::start();
    client.open(&uri, &text);
    let (decl_line, decl_col) = find(&text, "party hengelo", "hengelo");
    // A key member: `hengelo` in the subset key `grote_drie`.
    let (line, col) = find(&text, "key grote_drie", "hengelo");
    let def = client.at("textDocument/definition", &uri, line, col + 2);
    assert_eq!(def["uri"], uri);
    assert_eq!(
        def["range"],
        json!({"start": {"line": decl_line, "character": decl_col},
               "end": {"line": decl_line, "character": decl_col + 7}})
    );
    // A member of `inwoners`.
    let (line, col) = find(&text, "tubbergen       21.507", "tubbergen");
    let def = client.at("textDocument/definition", &uri, line, col);
    let (decl_line, _) = find(&text, "party tubbergen", "tubbergen");
    assert_eq!(def["range"]["start"]["line"], decl_line);
    // A milestone number in `after`: milestone 10's header.
    let (line, col) = find(&text, "after 10", "10");
    let def = client.at("textDocument/definition", &uri, line, col);
    let (decl_line, decl_col) = find(&text, "milestone 10 ", "10");
    assert_eq!(
        def["range"]["start"],
        json!({"line": decl_line, "character": decl_col})
    );
    // The rule set's name: its `.rules` file.
    let (line, col) = find(&text, "rules overeenkomst", "overeenkomst");
    let def = client.at("textDocument/definition", &uri, line, col);
    let rules = common::root().join("plans/rules/overeenkomst-transformatieplan.rules");
    let rules = if rules.exists() {
        rules
    } else {
        common::root().join("rules/overeenkomst-transformatieplan.rules")
    };
    assert_eq!(def["uri"], uri_of(&rules));
    assert_eq!(def["range"]["start"]["character"], 6);

    // References of `grote_drie`: its declaration and the payout of KPI 47.
    let (line, col) = find(&text, "key grote_drie", "grote_drie");
    let refs = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col},
               "context": {"includeDeclaration": true}}),
    )["result"]
        .clone();
    let lines: Vec<u64> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    let (payout_line, _) = find(&text, "payout spuk to grote_drie", "grote_drie");
    assert_eq!(lines, vec![line as u64, payout_line as u64]);
    assert_eq!(client.stop(), 0);
}

#[test]
fn completion_after_payout_offers_parties_and_keys() {
    let (_, uri, text) = twente();
    let mut client = Client::start();
    client.open(&uri, &text);
    let edited = text.replacen("payout spuk to inwoners", "payout spuk to ", 1);
    client.change(&uri, 2, &edited);
    let (line, col) = find(&edited, "payout spuk to ", "to ");
    let result = client.at("textDocument/completion", &uri, line, col + 3);
    let labels: Vec<&str> = result
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "almelo",
            "borne",
            "dinkelland",
            "enschede",
            "haaksbergen",
            "hellendoorn",
            "hengelo",
            "hof_van_twente",
            "losser",
            "oldenzaal",
            "rijssen_holten",
            "tubbergen",
            "twenterand",
            "wierden",
            "twentse_koers",
            "menzis",
            "vgz",
            "zorgaanbieders",
            "inwoners",
            "grote_drie",
        ]
    );
    // After `payout `: the streams; after `risk spuk by `: the keys.
    let with_payout = text.replacen("payout spuk to inwoners", "payout ", 1);
    client.change(&uri, 3, &with_payout);
    let (line, col) = find(&with_payout, "payout ", "payout");
    let result = client.at("textDocument/completion", &uri, line, col + 7);
    let labels: Vec<&str> = result
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["iza", "spuk"]);
    assert_eq!(client.stop(), 0);
}

#[test]
fn formatting_gives_the_fmt_layout() {
    let dir = common::scratch("lsp", "formatting");
    let (_, _, text) = twente();
    // Unformatted: indentation lost, runs of spaces inside statements.
    let messy: String = text
        .lines()
        .map(|l| l.trim_start().replacen(' ', "   ", 1) + "\n")
        .collect();
    assert_ne!(messy, text);
    let path = dir.join("messy.plan");
    common::write(&path, &messy);
    let uri = uri_of(&path);
    let mut client = Client::start();
    client.open(&uri, &messy);
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    )["result"]
        .clone();
    let edits = edits.as_array().unwrap();
    assert_eq!(edits.len(), 1);
    let end_line = messy.lines().count();
    assert_eq!(
        edits[0]["range"],
        json!({"start": {"line": 0, "character": 0}, "end": {"line": end_line, "character": 0}})
    );
    let run = common::mijlpaal(&dir, &["fmt", "messy.plan"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(edits[0]["newText"].as_str().unwrap(), common::read(&path));
    // Formatted text needs no edit.
    let formatted = common::read(&path);
    client.change(&uri, 2, &formatted);
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    )["result"]
        .clone();
    assert_eq!(edits, json!([]));
    assert_eq!(client.stop(), 0);
}

#[test]
fn an_error_appears_on_change_and_clears_with_a_quick_fix() {
    let (_, uri, text) = twente();
    let mut client = Client::start();
    let before = client.open(&uri, &text);
    // A misspelt key: L011 with a did-you-mean fix.
    let broken = text.replacen("payout spuk to inwoners", "payout spuk to inwonrs", 1);
    let diags = client.change(&uri, 2, &broken);
    let (line, col) = find(&broken, "payout spuk to inwonrs", "inwonrs");
    let l011: Vec<&Value> = diags.iter().filter(|d| d["code"] == "L011").collect();
    assert_eq!(l011.len(), 1);
    assert_eq!(
        l011[0]["range"],
        json!({"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 7}})
    );
    assert_eq!(l011[0]["severity"], 1);
    assert!(l011[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("unknown party or key `inwonrs`\nhelp: did you mean `inwoners`?"));
    // With a lowering error the checks do not run: only the error is shown.
    assert_eq!(
        codes_and_lines(&diags),
        vec![("L011".to_string(), line as u64 + 1)]
    );
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}},
               "context": {"diagnostics": []}}),
    )["result"]
        .clone();
    assert_eq!(actions.as_array().unwrap().len(), 1);
    assert_eq!(actions[0]["title"], "write `inwoners`");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(
        actions[0]["edit"]["changes"][&uri],
        json!([{"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 7}},
                "newText": "inwoners"}])
    );
    // Removing the error: the findings of the unchanged plan again.
    let after = client.change(&uri, 3, &text);
    assert_eq!(codes_and_lines(&after), codes_and_lines(&before));

    // C305's fix: the latest due date that can still be paid.
    let (line, _) = find(&text, "milestone 5 ", "5");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": line + 2, "character": 0}, "end": {"line": line + 3, "character": 0}},
               "context": {"diagnostics": []}}),
    )["result"]
        .clone();
    assert_eq!(actions.as_array().unwrap().len(), 1, "{actions:#}");
    assert_eq!(actions[0]["title"], "move the due date to 2027-12-02");
    let edit = &actions[0]["edit"]["changes"][&uri][0];
    assert_eq!(edit["newText"], "2027-12-02");
    assert_eq!(edit["range"]["start"]["line"], line + 2);
    assert_eq!(client.stop(), 0);
}

#[test]
fn rename_and_outline() {
    let (_, uri, text) = twente();
    let mut client = Client::start();
    client.open(&uri, &text);
    let (line, col) = find(&text, "key grote_drie", "grote_drie");
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col},
               "newName": "drie_groten"}),
    )["result"]
        .clone();
    let edits = edit["changes"][&uri].as_array().unwrap();
    assert_eq!(edits.len(), 2);
    assert!(edits.iter().all(|e| e["newText"] == "drie_groten"));
    // Not a name, or a name declared already: refused.
    let refused = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col},
               "newName": "inwoners"}),
    );
    assert_eq!(refused["error"]["code"], -32602);
    // A party is renamed in the plan and in the facts that name it (the
    // scenarios beside the plan, on disk), so they do not break.
    let (line, col) = find(&text, "party twentse_koers", "twentse_koers");
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col},
               "newName": "koers"}),
    )["result"]
        .clone();
    let changes = edit["changes"].as_object().unwrap();
    let scenario =
        uri_of(&common::root().join("plans/mentaal-gezond-twente/deels-en-uitstel.facts"));
    let files: Vec<&String> = changes.keys().collect();
    assert_eq!(files, [&uri, &scenario]);
    assert_eq!(changes[&uri].as_array().unwrap().len(), 2);
    assert_eq!(changes[&scenario].as_array().unwrap().len(), 2);
    // Not to a name another file declares either: `menzis` is a party.
    let refused = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col},
               "newName": "menzis"}),
    );
    assert_eq!(refused["error"]["code"], -32602);

    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    )["result"]
        .clone();
    let plan = &symbols[0];
    assert_eq!(plan["name"], "plan mgt");
    let children = plan["children"].as_array().unwrap();
    let components: Vec<&Value> = children
        .iter()
        .filter(|c| c["name"].as_str().unwrap().starts_with("component "))
        .collect();
    assert_eq!(components.len(), 9);
    let milestones: usize = components
        .iter()
        .map(|c| c["children"].as_array().unwrap().len())
        .sum();
    assert_eq!(milestones, 47);
    assert_eq!(components[0]["children"][0]["name"], "milestone 1");
    assert_eq!(client.stop(), 0);
}

#[test]
fn bad_input_is_answered_or_skipped() {
    let (_, uri, text) = twente();
    let mut client = Client::start();
    // Not JSON, not UTF-8, not a message: skipped.
    client.raw(b"{ this is not json");
    client.raw(&[0xff, 0xfe, 0x00, 0x80]);
    client.raw(b"[1, 2, 3]");
    client
        .stdin
        .write_all(b"Content-Length: nonsense\r\n\r\n")
        .unwrap();
    client.stdin.write_all(b"X-Header-Only: 1\r\n\r\n").unwrap();
    // An unknown method: MethodNotFound.
    let reply = client.request("mijlpaal/unknown", json!({}));
    assert_eq!(reply["error"]["code"], -32601);
    // Bad parameters: InvalidParams.
    let reply = client.request("textDocument/hover", json!({"textDocument": 7}));
    assert_eq!(reply["error"]["code"], -32602);
    // A document that is not open.
    let reply = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.plan"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(reply["error"]["code"], -32602);
    client.open(&uri, &text);
    // Positions out of range are clamped: no answer, no crash.
    assert_eq!(
        client.at("textDocument/hover", &uri, 99_999, 0),
        Value::Null
    );
    assert_eq!(
        client.at("textDocument/hover", &uri, 0, 99_999),
        Value::Null
    );
    let result = client.at(
        "textDocument/completion",
        &uri,
        4_000_000_000,
        4_000_000_000,
    );
    assert!(result.is_array());
    // Text with hidden characters and astral-plane characters: diagnostics, no crash.
    let odd = format!("\u{202e}𝄞\u{0}{text}");
    let diags = client.change(&uri, 2, &odd);
    assert!(diags
        .iter()
        .any(|d| d["code"] == "S009" || d["code"] == "S004"));
    // Hidden characters are shown escaped, never raw.
    assert!(diags.iter().all(|d| !d["message"]
        .as_str()
        .unwrap()
        .contains(['\u{202e}', '\u{0}'])));
    // A party name with a hidden character: the hover escapes it.
    let hidden = text.replacen(
        "\"Gemeente Tubbergen\"",
        "\"Gemeente \u{202e}Tubbergen\"",
        1,
    );
    client.change(&uri, 3, &hidden);
    let (line, col) = find(&hidden, "party tubbergen", "tubbergen");
    let hover = client.at("textDocument/hover", &uri, line, col);
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .starts_with("**party `tubbergen`**: Gemeente \\u{202e}Tubbergen\n"));
    // Still serving.
    let diags = client.change(&uri, 4, &text);
    assert_eq!(diags.len(), 14);
    assert_eq!(client.stop(), 0);
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let mut client = Client::start();
    client.notify("exit", Value::Null);
    assert_eq!(wait(&mut client.child).code(), Some(1));
}

#[test]
fn a_facts_file_is_read_with_its_plan() {
    let (plan_path, plan_uri, plan_text) = twente();
    let path = common::root().join("plans/mentaal-gezond-twente/deels-en-uitstel.facts");
    let uri = uri_of(&path);
    let text = common::read(&path);
    let mut client = Client::start();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "mijlpaal-facts", "version": 1, "text": text}}),
    );
    // The facts are clean; the plan's own findings are published for the plan.
    assert_eq!(client.diagnostics(&uri), Vec::<Value>::new());
    assert_eq!(client.diagnostics(&plan_uri).len(), 14);
    let _ = plan_path;
    // A party after `by`: its declaration in the plan.
    let (line, col) = find(&text, "2026-04-15 assessed 11", "menzis");
    let def = client.at("textDocument/definition", &uri, line, col);
    let (decl_line, decl_col) = find(&plan_text, "party menzis", "menzis");
    assert_eq!(
        def,
        json!({"uri": plan_uri, "range": {"start": {"line": decl_line, "character": decl_col},
                                          "end": {"line": decl_line, "character": decl_col + 6}}})
    );
    // References of a party from the facts: the two in the plan (its
    // declaration, `paid-by` of stream iza), the five in these facts, and
    // those in the other scenarios beside the plan.
    let refs = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col},
               "context": {"includeDeclaration": true}}),
    )["result"]
        .clone();
    let mut found: Vec<(String, u64)> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["uri"].as_str().unwrap().to_string(),
                r["range"]["start"]["line"].as_u64().unwrap() + 1,
            )
        })
        .collect();
    found.sort();
    let mut expected: Vec<(String, u64)> = [47, 60]
        .iter()
        .map(|l| (plan_uri.clone(), *l + 1))
        .chain([10, 11, 14, 15, 17].iter().map(|l| (uri.clone(), *l)))
        .collect();
    let scenarios = common::root().join("plans/mentaal-gezond-twente");
    for entry in std::fs::read_dir(&scenarios).unwrap() {
        let other = entry.unwrap().path();
        if other == path || other.extension().is_none_or(|e| e != "facts") {
            continue;
        }
        for (n, l) in common::read(&other).lines().enumerate() {
            let code = l.split("//").next().unwrap();
            if code.split([' ', ',']).any(|w| w == "menzis") {
                expected.push((uri_of(&other), n as u64 + 1));
            }
        }
    }
    expected.sort();
    assert_eq!(found, expected);
    assert!(found.len() > 40);
    // A milestone number: its header in the plan; hover with its status under these facts.
    let (line, col) = find(&text, "2026-10-20 paid spuk for 11", "11");
    let def = client.at("textDocument/definition", &uri, line, col);
    let (decl_line, _) = find(&plan_text, "milestone 11 ", "11");
    assert_eq!(def["range"]["start"]["line"], decl_line);
    let hover = client.at("textDocument/hover", &uri, line, col);
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**milestone 11** (component 2)"));
    assert!(value.contains("\n- status at "), "{value}");
    // Completion takes the plan's names: milestone numbers, then parties after `by`.
    let edited = text.replacen("}", "  2026-11-01 assessed \n}", 1);
    client.change(&uri, 2, &edited);
    let line = edited
        .lines()
        .position(|l| l == "  2026-11-01 assessed ")
        .unwrap();
    let labels = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };
    let numbers = labels(client.at("textDocument/completion", &uri, line, 22));
    let expected: Vec<String> = (1..=47).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);
    let edited = text.replacen("}", "  2026-11-01 assessed 11 achieved by \n}", 1);
    client.change(&uri, 3, &edited);
    let parties = labels(client.at("textDocument/completion", &uri, line, 37));
    assert_eq!(parties.len(), 18);
    assert_eq!(parties[..2], ["almelo", "borne"]);
    assert_eq!(parties[17], "zorgaanbieders");
    assert_eq!(client.stop(), 0);
}

/// The Twente plan's findings as `check --format json` gives them, with
/// the help and notes below the message as the server writes them
/// (`help`/`note` become `help_word`/`note_word`): (code, 1-based line,
/// message), sorted.
fn check_findings(args: &[&str], help_word: &str, note_word: &str) -> Vec<(String, u64, String)> {
    let path = common::root().join(PLAN);
    let mut all = args.to_vec();
    all.extend(["check", "--format", "json", path.to_str().unwrap()]);
    let run = common::mijlpaal(common::root(), &all);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    let mut v: Vec<(String, u64, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut message = d["message"].as_str().unwrap().to_string();
            if let Some(help) = d["help"].as_str() {
                message.push_str(&format!("\n{help_word}: {help}"));
            }
            for note in d["notes"].as_array().unwrap() {
                message.push_str(&format!("\n{note_word}: {}", note.as_str().unwrap()));
            }
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                message,
            )
        })
        .collect();
    v.sort();
    v
}

/// (code, 1-based line, message) of LSP diagnostics, sorted.
fn findings(diags: &[Value]) -> Vec<(String, u64, String)> {
    let mut v: Vec<(String, u64, String)> = diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap() + 1,
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

const TUBBERGEN_NL: &str = "**partij `tubbergen`**: Gemeente Tubbergen\n\n- rollen: municipality\n- verdeelsleutel `inwoners`: 21.507 van 643.153 = 3,34%, vermeld 3,34%\n";

/// Milestone 11 in Dutch, up to its status (whose date is today).
const MILESTONE_11_NL: &str = "\
**mijlpaal 11** (onderdeel 2)

In samenwerking met gemeenten, zorgaanbieders en welzijnspartijen zijn lokale kaders vastgesteld, waarin  de lokale werkwijze van het verkennend gesprek is uitgewerkt voor de 14 gemeenten. Die werkafspraken zijn gekaderd door de landelijke kaders en baseren zich op criteria voor doelgroepselectie, betrokken professionals, timing van het gesprek en randvoorwaarden voor lokale implementatie.

- verplichting: inspanningsverplichting
- bedrag: € 208.000 (iza € 98.500, spuk € 109.500)
- geplande datum: 2026-03-31
- einde beoordelingstermijn: 2026-04-28 (`assessment-window`, art. 3.2.2)
- na mijlpalen: 10
- iza € 98.500 aan `zorgaanbieders` (standaard van het plan)
- spuk € 109.500 aan verdeelsleutel `inwoners`:
  - `almelo` € 12.730,99
  - `borne` € 4.212,28
  - `dinkelland` € 4.473,96
  - `enschede` € 27.635,28
  - `haaksbergen` € 4.124,43
  - `hellendoorn` € 6.165,44
  - `hengelo` € 14.242,68
  - `hof_van_twente` € 6.071,29
  - `losser` € 3.995,71
  - `oldenzaal` € 5.451,74
  - `rijssen_holten` € 6.612,02
  - `tubbergen` € 3.661,67
  - `twenterand` € 5.807,91
  - `wierden` € 4.314,60
- risico: spuk verdeeld volgens `inwoners` (standaard van het plan)
- beoordeling: Stuurgroep (Twentse Koers) samen met de zorgverzekeraar: ondertekende lokale werkwijze verkennend gesprek voor alle 14 gemeenten
";

/// Its status under each scenario (the facts of these end in 2026, so the
/// statuses hold at any later date), after `- status op DATE`.
const MILESTONE_11_STATUS_NL: &str = " in de scenario's naast het plan:
  - `alles-behaald`: **behaald**: beoordeeld als behaald op 2026-04-14
  - `deels-en-uitstel`: **behaald**: beoordeeld als behaald op 2026-10-05
  - `gemiste-resultaten-2026`: **behaald**: beoordeeld als behaald op 2026-04-14
  - `ontbinding`: **vervallen**: geacht behaald op 2026-04-29; nog niet betaalde aanspraken vervallen door de ontbinding van de overeenkomst op 2026-05-01 (gedane betalingen blijven in stand)
  - `stille-beoordelaar`: **geacht behaald**: niet uiterlijk 2026-04-28 beoordeeld; geacht behaald (administratie op orde)
";

#[test]
fn in_dutch_the_hover_and_the_findings_are_dutch() {
    let (_, uri, text) = twente();
    let mut client = Client::start_with(common::bin().args(["--lang", "nl"]));
    let diags = client.open(&uri, &text);
    // The published findings are those of `check --lang nl`, in Dutch, with
    // the help (`hulp`) and notes (`let op`) below the message.
    let dutch = check_findings(&["--lang", "nl"], "hulp", "let op");
    assert_eq!(dutch.len(), 14);
    assert_eq!(findings(&diags), dutch);
    assert_ne!(dutch, check_findings(&[], "help", "note"));
    let c402 = diags.iter().find(|d| d["code"] == "C402").unwrap();
    assert_eq!(
        c402["message"],
        "de gewichten van verdeelsleutel `inwoners` tellen op tot 643.153, maar het vermelde totaal is 654.153\n\
         hulp: corrigeer het vermelde totaal of de deelnemer die niet klopt; mijlpaal deelt door de werkelijke som\n\
         let op: de vermelde percentages zijn de aandelen van 643.153, niet van 654.153: het vermelde totaal is het getal dat niet klopt"
    );

    let (line, col) = find(&text, "milestone 11 ", "11");
    let hover = client.at("textDocument/hover", &uri, line, col);
    let value = hover["contents"]["value"].as_str().unwrap();
    let (head, status) = value.split_once("\n- status op ").unwrap();
    assert_eq!(head, MILESTONE_11_NL);
    // `2026-11-30 in de scenario's …`: today's date, then the statuses.
    assert_eq!(status.get(10..), Some(MILESTONE_11_STATUS_NL), "{status}");

    let (line, col) = find(&text, "party tubbergen", "tubbergen");
    let hover = client.at("textDocument/hover", &uri, line, col + 3);
    assert_eq!(hover["contents"]["value"], TUBBERGEN_NL);
    let (line, col) = find(&text, "key inwoners", "inwoners");
    let hover = client.at("textDocument/hover", &uri, line, col);
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("| deelnemer | gewicht | aandeel | vermeld |\n|---|---:|---:|---:|\n"));
    assert!(value.contains("| som | 643.153 | 100% | 654.153 (totaal) |\n"));
    insta::assert_snapshot!("hover_key_inwoners_nl", value);

    // A clause: its meaning in Dutch; keyword, citation and form as written.
    let path = common::root().join("rules/overeenkomst-transformatieplan.rules");
    let rules_uri = uri_of(&path);
    let rules = common::read(&path);
    client.open(&rules_uri, &rules);
    let (line, col) = find(
        &rules,
        "clause \"art. 3.2.2\" assessment-window",
        "assessment-window",
    );
    let hover = client.at("textDocument/hover", &rules_uri, line, col);
    assert_eq!(
        hover["contents"]["value"],
        "**bepaling `assessment-window`** (art. 3.2.2)\n\nDe termijn na de geplande datum waarbinnen de beoordelaars hun oordeel geven\n\nvorm: `assessment-window N days|weeks`"
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn the_server_speaks_the_language_of_the_locale_unless_told() {
    let (_, uri, text) = twente();
    let (line, col) = find(&text, "party tubbergen", "tubbergen");
    // LANG=nl_NL.UTF-8 alone: Dutch.
    let mut client = Client::start_with(common::bin().env("LANG", "nl_NL.UTF-8"));
    client.open(&uri, &text);
    let hover = client.at("textDocument/hover", &uri, line, col);
    assert_eq!(hover["contents"]["value"], TUBBERGEN_NL);
    assert_eq!(client.stop(), 0);
    // `--lang en` wins over a Dutch locale.
    let mut client = Client::start_with(
        common::bin()
            .env("LANG", "nl_NL.UTF-8")
            .args(["--lang", "en"]),
    );
    let diags = client.open(&uri, &text);
    assert_eq!(findings(&diags), check_findings(&[], "help", "note"));
    let hover = client.at("textDocument/hover", &uri, line, col);
    assert_eq!(
        hover["contents"]["value"],
        "**party `tubbergen`**: Gemeente Tubbergen\n\n- roles: municipality\n- key `inwoners`: 21.507 of 643.153 = 3,34%, declared 3,34%\n"
    );
    assert_eq!(client.stop(), 0);
}

#[test]
fn hover_on_a_clause_gives_its_citation_and_meaning() {
    let path = common::root().join("rules/overeenkomst-transformatieplan.rules");
    let uri = uri_of(&path);
    let text = common::read(&path);
    let (_, plan_uri, _) = twente();
    let mut client = Client::start();
    assert_eq!(client.open(&uri, &text), Vec::<Value>::new());
    // The plans that name the rule set are checked with it: the Twente
    // plan's findings, published for the plan.
    assert_eq!(client.diagnostics(&plan_uri).len(), 14);
    let (line, col) = find(
        &text,
        "clause \"art. 3.2.2\" assessment-window",
        "assessment-window",
    );
    let hover = client.at("textDocument/hover", &uri, line, col);
    assert_eq!(
        hover["contents"]["value"],
        "**clause `assessment-window`** (art. 3.2.2)\n\nThe time after the due date within which the assessors give their verdict\n\nform: `assessment-window N days|weeks`"
    );
    // Completion after the citation: the clause kinds.
    let edited = text.replacen("assessment-window 4 weeks", "", 1);
    // A clause changed: the plan's pin no longer matches (C901, in the plan).
    let changed = text.replacen("assessment-window 4 weeks", "assessment-window 5 weeks", 1);
    client.change(&uri, 2, &changed);
    let plan_diags = client.diagnostics(&plan_uri);
    assert!(
        plan_diags.iter().any(|d| d["code"] == "C901"),
        "{plan_diags:#?}"
    );
    // A clause line broken: the plan is not checked (its rule set has
    // errors), so its findings clear; the error is the rule set's.
    client.change(&uri, 3, &edited);
    assert_eq!(client.diagnostics(&plan_uri), Vec::<Value>::new());
    let line = edited
        .lines()
        .position(|l| l == "  clause \"art. 3.2.2\" ")
        .unwrap();
    let col = "  clause \"art. 3.2.2\" ".len();
    let items = client.at("textDocument/completion", &uri, line, col);
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels.len(), 18);
    assert_eq!(
        labels[..3],
        ["entitlement", "assessors", "assessment-window"]
    );
    assert_eq!(client.stop(), 0);
}

mod robustness {
    //! The server in process (`Server::handle`) on edited copies of the
    //! project's files and positions anywhere: every request is answered
    //! once, every change publishes, nothing panics.

    use super::*;
    use lsp_server::{Message, Notification, Request, RequestId};
    use mijlpaal::lsp::Server;
    use proptest::prelude::*;

    const INSERTS: &[&str] = &[
        "{",
        "}",
        "\"",
        "€",
        "𝄞",
        "\u{202e}",
        "\u{0}",
        "\r\n",
        "\n",
        "payout spuk to ",
        "after ",
        "milestone 99 \"x\" {",
        "// ",
        "tubbergen",
        "1.2,3%",
        "2026-99-99",
        "key k \"t\" = ",
        "\u{feff}",
        "é",
    ];

    fn edit(text: &str, at: usize, delete: usize, insert: &str) -> String {
        let mut start = at % (text.len() + 1);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + delete).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        format!("{}{insert}{}", &text[..start], &text[end..])
    }

    fn requests(uri: &str, line: u32, character: u32) -> Vec<(&'static str, Value)> {
        let doc = json!({"uri": uri});
        let pos = json!({"line": line, "character": character});
        let at = json!({"textDocument": doc, "position": pos});
        vec![
            ("textDocument/hover", at.clone()),
            ("textDocument/definition", at.clone()),
            ("textDocument/completion", at.clone()),
            ("textDocument/prepareRename", at.clone()),
            (
                "textDocument/references",
                json!({"textDocument": doc, "position": pos, "context": {"includeDeclaration": true}}),
            ),
            (
                "textDocument/rename",
                json!({"textDocument": doc, "position": pos, "newName": "nieuw"}),
            ),
            ("textDocument/documentSymbol", json!({"textDocument": doc})),
            (
                "textDocument/formatting",
                json!({"textDocument": doc, "options": {"tabSize": 2, "insertSpaces": true}}),
            ),
            (
                "textDocument/codeAction",
                json!({"textDocument": doc, "range": {"start": pos, "end": pos}, "context": {"diagnostics": []}}),
            ),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn every_request_is_answered_on_any_text(
            which in 0usize..3,
            edits in proptest::collection::vec((any::<usize>(), 0usize..200, 0usize..INSERTS.len()), 1..6),
            positions in proptest::collection::vec((0u32..800, 0u32..300), 1..4),
            far in any::<bool>(),
        ) {
            let files = [
                PLAN,
                "rules/overeenkomst-transformatieplan.rules",
                "plans/mentaal-gezond-twente/deels-en-uitstel.facts",
            ];
            let path = common::root().join(files[which]);
            let uri = uri_of(&path);
            let mut text = common::read(&path);
            for (at, delete, insert) in edits {
                text = edit(&text, at, delete, INSERTS[insert]);
            }
            let mut server = Server::new(mijlpaal::project::Options::default());
            server.handle(Request::new(RequestId::from(0), "initialize".to_string(), json!({"capabilities": {}})).into());
            let published = server.handle(Notification::new(
                "textDocument/didOpen".to_string(),
                json!({"textDocument": {"uri": uri, "languageId": "x", "version": 1, "text": text}}),
            ).into());
            prop_assert!(published.iter().any(|m| matches!(m, Message::Notification(n)
                if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri.as_str())));
            let mut id = 0;
            for (line, character) in positions {
                let (line, character) = if far { (line * 5_000_000, character * 10_000_000) } else { (line, character) };
                for (method, params) in requests(&uri, line, character) {
                    id += 1;
                    let replies = server.handle(Request::new(RequestId::from(id), method.to_string(), params).into());
                    prop_assert_eq!(replies.len(), 1, "{} gave {:?}", method, replies);
                    let Message::Response(r) = &replies[0] else { panic!("{method}: not a response") };
                    prop_assert_eq!(&r.id, &RequestId::from(id));
                    // Only refusals a client can expect.
                    if let Err(e) = &r.response_result {
                        prop_assert!(e.code == -32600 || e.code == -32602, "{}: {:?}", method, e);
                    }
                }
            }
        }
    }
}
