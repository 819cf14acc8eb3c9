//! The report for the council (issue 13, item 3), through the binary: the
//! HTML page of `mijlpaal report` read back as XML (it is well-formed XML by
//! construction) and its figures compared exactly with `evaluate --format
//! json` of the same evaluation: every party's money per stream and in
//! total, every milestone's status and money, every obligation; the
//! checker's findings as `check` gives them; the pictures present and
//! well-formed; the same bytes on two runs; text from the plan escaped;
//! `-o` required and never through a link. Where `chromium` is installed,
//! the page is rendered headless to a PNG.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{mijlpaal, scratch};
use quick_xml::events::Event;
use quick_xml::Reader;
use serde_json::Value;

const AT: &str = "2028-01-31";
const FACTS: &str = "plans/mentaal-gezond-twente/gemiste-resultaten-2026.facts";

/// One element of the page: its name, attributes, the text inside it (all
/// descendants, entities decoded) and its parent.
#[derive(Debug, Clone)]
struct Elem {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    parent: Option<usize>,
}

impl Elem {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs.get(k).map(String::as_str)
    }
}

/// Reads the page as XML; panics on anything not well-formed (unbalanced
/// or mismatched tags, a bad entity).
fn parse(page: &str) -> Vec<Elem> {
    let mut reader = Reader::from_str(page);
    let decoder = reader.decoder();
    let mut elems: Vec<Elem> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut element = |e: &quick_xml::events::BytesStart<'_>, open: &Vec<usize>| {
        let attrs = e
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    a.decode_and_unescape_value(decoder).unwrap().into_owned(),
                )
            })
            .collect();
        elems.push(Elem {
            name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
            attrs,
            text: String::new(),
            parent: open.last().copied(),
        });
        elems.len() - 1
    };
    let mut texts: Vec<(Vec<usize>, String)> = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                let i = element(&e, &open);
                open.push(i);
            }
            Event::Empty(e) => {
                element(&e, &open);
            }
            Event::End(_) => {
                open.pop().expect("an end tag without a start");
            }
            Event::Text(t) => {
                let s = t.decode().unwrap().into_owned();
                texts.push((open.clone(), s));
            }
            Event::GeneralRef(r) => {
                let name = r.decode().unwrap().into_owned();
                let s = match name.as_str() {
                    "amp" => "&".to_string(),
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "quot" => "\"".to_string(),
                    "apos" | "#39" => "'".to_string(),
                    other => panic!("an entity XML does not know: &{other};"),
                };
                texts.push((open.clone(), s));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(open.is_empty(), "unclosed elements: {open:?}");
    for (stack, s) in texts {
        for i in stack {
            elems[i].text.push_str(&s);
        }
    }
    elems
}

fn children(elems: &[Elem], parent: usize) -> impl Iterator<Item = &Elem> {
    elems.iter().filter(move |e| e.parent == Some(parent))
}

/// The element with `id`.
fn by_id(elems: &[Elem], id: &str) -> usize {
    elems
        .iter()
        .position(|e| e.attr("id") == Some(id))
        .unwrap_or_else(|| panic!("no element with id {id}"))
}

/// Whether `i` lies inside `ancestor`.
fn inside(elems: &[Elem], mut i: usize, ancestor: usize) -> bool {
    while let Some(p) = elems[i].parent {
        if p == ancestor {
            return true;
        }
        i = p;
    }
    false
}

/// The rows (`tr` with `data-` attribute `key`) inside the element `id`.
fn rows<'a>(elems: &'a [Elem], id: &str, key: &str) -> Vec<(usize, &'a Elem)> {
    let table = by_id(elems, id);
    elems
        .iter()
        .enumerate()
        .filter(|(i, e)| e.name == "tr" && e.attrs.contains_key(key) && inside(elems, *i, table))
        .collect()
}

/// An amount as the page shows it, from its plain form.
fn shown(plain: &str) -> String {
    common::money(plain).to_string()
}

fn report(dir: &Path, out: &str, extra: &[&str]) -> common::Run {
    let plan = common::root().join(common::TWENTE_PLAN);
    let facts = common::root().join(FACTS);
    let mut args = vec![
        "report",
        plan.to_str().unwrap(),
        "--facts",
        facts.to_str().unwrap(),
        "--at",
        AT,
        "-o",
        out,
    ];
    args.extend_from_slice(extra);
    mijlpaal(dir, &args)
}

fn evaluate_json(dir: &Path) -> Value {
    let plan = common::root().join(common::TWENTE_PLAN);
    let facts = common::root().join(FACTS);
    let run = mijlpaal(
        dir,
        &[
            "evaluate",
            plan.to_str().unwrap(),
            "--facts",
            facts.to_str().unwrap(),
            "--at",
            AT,
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// The sum of a JSON per-stream object, exactly, in plain form.
fn json_total(v: &Value) -> String {
    let sum = mijlpaal::model::Money::checked_sum(
        v.as_object()
            .unwrap()
            .values()
            .map(|a| common::money(a.as_str().unwrap())),
    )
    .unwrap();
    sum.to_plain()
}

#[test]
fn figures_equal_the_json() {
    let dir = scratch("report", "figures");
    let run = report(&dir, "report.html", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("wrote report.html"), "{}", run.stderr);
    let page = common::read(dir.join("report.html"));
    let json = evaluate_json(&dir);
    let elems = parse(&page);

    // Self-contained: nothing fetched from elsewhere.
    for bad in [
        "<script",
        "<link",
        "src=",
        "@import",
        "url(http",
        "href=\"http",
    ] {
        assert!(
            !page.contains(bad),
            "the page refers to something outside it: {bad}"
        );
    }
    assert_eq!(elems[by_id(&elems, "at")].text, AT);
    assert_eq!(elems[by_id(&elems, "plan-id")].text, "mgt");

    // Every party, every stream, every column: the JSON's amount, shown in Dutch style.
    let streams: Vec<String> = json["milestones"][0]["earned"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(streams, ["iza", "spuk"]);
    let parties = json["parties"].as_array().unwrap();
    let party_rows = rows(&elems, "parties", "data-party");
    assert_eq!(party_rows.len(), parties.len() * (streams.len() + 1));
    let mut compared = 0;
    for p in parties {
        let id = p["id"].as_str().unwrap();
        for (i, row) in party_rows
            .iter()
            .filter(|(_, r)| r.attr("data-party") == Some(id))
        {
            let stream = row.attr("data-stream").unwrap();
            let cells: Vec<&Elem> = children(&elems, *i)
                .filter(|c| c.attrs.contains_key("data-column"))
                .collect();
            assert_eq!(cells.len(), 7, "party {id}: every column of eval::Column");
            for cell in cells {
                let column = cell.attr("data-column").unwrap();
                let want = if stream.is_empty() {
                    json_total(&p[column])
                } else {
                    p[column][stream].as_str().unwrap().to_string()
                };
                assert_eq!(
                    cell.attr("data-amount"),
                    Some(want.as_str()),
                    "{id} {stream} {column}"
                );
                assert_eq!(cell.text, shown(&want), "{id} {stream} {column}");
                compared += 1;
            }
        }
    }
    assert_eq!(compared, parties.len() * 3 * 7);

    // Every milestone: its status and its money per column, in order.
    let milestones = json["milestones"].as_array().unwrap();
    let milestone_rows = rows(&elems, "milestone-table", "data-milestone");
    assert_eq!(milestone_rows.len(), milestones.len());
    for (m, (i, row)) in milestones.iter().zip(&milestone_rows) {
        let n = m["number"].as_u64().unwrap().to_string();
        assert_eq!(row.attr("data-milestone"), Some(n.as_str()));
        assert_eq!(
            row.attr("data-status"),
            m["status"].as_str(),
            "milestone {n}"
        );
        let cells: Vec<&Elem> = children(&elems, *i)
            .filter(|c| c.attrs.contains_key("data-column"))
            .collect();
        assert_eq!(cells.len(), 6);
        for cell in cells {
            let column = cell.attr("data-column").unwrap();
            let want = json_total(&m[column]);
            assert_eq!(
                cell.attr("data-amount"),
                Some(want.as_str()),
                "milestone {n} {column}"
            );
            assert_eq!(cell.text, shown(&want));
        }
        let reason = children(&elems, *i).last().unwrap();
        assert!(
            reason.text.starts_with(m["reason"].as_str().unwrap()),
            "milestone {n}"
        );
    }

    // Every obligation, in order.
    let duties = json["obligations"].as_array().unwrap();
    assert!(!duties.is_empty());
    let duty_rows = rows(&elems, "obligation-table", "data-due");
    assert_eq!(duty_rows.len(), duties.len());
    for (d, (i, row)) in duties.iter().zip(&duty_rows) {
        let plain = |v: &Value| match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        for (attr, key) in [
            ("data-due", "due"),
            ("data-party", "party"),
            ("data-kind", "kind"),
            ("data-milestone", "milestone"),
            ("data-stream", "stream"),
            ("data-overdue", "overdue"),
        ] {
            assert_eq!(row.attr(attr).unwrap(), plain(&d[key]), "{attr} of {d}");
        }
        let amount = children(&elems, *i)
            .find(|c| c.attrs.contains_key("data-amount"))
            .unwrap();
        assert_eq!(amount.attr("data-amount").unwrap(), plain(&d["amount"]));
        if let Some(a) = d["amount"].as_str() {
            assert_eq!(amount.text, shown(a));
        }
    }

    // The findings: what `check` gives for the plan and facts, then the
    // evaluation's (a fact dated after --at: E001), in check's order.
    let plan = common::root().join(common::TWENTE_PLAN);
    let facts = common::root().join(FACTS);
    let check = mijlpaal(
        &dir,
        &[
            "check",
            plan.to_str().unwrap(),
            facts.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let check: Value = serde_json::from_str(&check.stdout).unwrap();
    let want: Vec<(String, String)> = check["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(want.len() > 5, "{want:?}");
    let got: Vec<(String, String)> = rows(&elems, "finding-table", "data-code")
        .iter()
        .map(|(_, r)| (r.attr("data-code").unwrap().to_string(), r.text.clone()))
        .collect();
    let (checked, evaluated) = got.split_at(want.len());
    for ((code, message), (got_code, text)) in want.iter().zip(checked) {
        assert_eq!(code, got_code);
        assert!(
            text.contains(message.as_str()),
            "{code}: {message} not in {text}"
        );
    }
    assert_eq!(
        evaluated
            .iter()
            .map(|(c, _)| c.as_str())
            .collect::<Vec<_>>(),
        ["E001"]
    );

    // The pictures: a chart per stream with three lines, each a point per
    // month end from the period's start (2025-01-31) to --at; the graph with
    // a node per milestone and an edge per `after`.
    let svgs: Vec<&Elem> = elems.iter().filter(|e| e.name == "svg").collect();
    assert_eq!(svgs.len(), 3);
    let lines: Vec<&Elem> = elems.iter().filter(|e| e.name == "polyline").collect();
    assert_eq!(lines.len(), 3 * streams.len());
    for l in &lines {
        assert_eq!(l.attr("points").unwrap().split(' ').count(), 37, "{l:?}");
    }
    // The chart's last point is the evaluation's totals per stream, exactly.
    for stream in &streams {
        let table = elems
            .iter()
            .position(|e| e.name == "table" && e.attr("data-stream") == Some(stream.as_str()))
            .unwrap();
        let last = elems
            .iter()
            .enumerate()
            .rfind(|(i, e)| {
                e.name == "tr" && e.attrs.contains_key("data-date") && inside(&elems, *i, table)
            })
            .unwrap();
        assert_eq!(last.1.attr("data-date"), Some(AT));
        for cell in children(&elems, last.0).filter(|c| c.attrs.contains_key("data-column")) {
            let column = cell.attr("data-column").unwrap();
            let want = json["totals"][column][stream.as_str()].as_str().unwrap();
            assert_eq!(cell.attr("data-amount"), Some(want), "{stream} {column}");
            assert_eq!(cell.text, shown(want));
        }
    }
    let graph = by_id(&elems, "dependency-graph");
    let nodes: Vec<&Elem> = elems
        .iter()
        .enumerate()
        .filter(|(i, e)| e.attr("class") == Some("node") && inside(&elems, *i, graph))
        .map(|(_, e)| e)
        .collect();
    assert_eq!(nodes.len(), milestones.len());
    for m in milestones {
        let n = m["number"].as_u64().unwrap().to_string();
        let node = nodes
            .iter()
            .find(|e| e.attr("data-milestone") == Some(n.as_str()))
            .unwrap();
        assert_eq!(node.attr("data-status"), m["status"].as_str());
    }
    let plan_model = common::plan_from_text(&common::read(&plan));
    let afters: usize = plan_model.milestones.iter().map(|m| m.after.len()).sum();
    assert!(afters > 0);
    let edges = elems
        .iter()
        .filter(|e| e.attr("class") == Some("edge"))
        .count();
    assert_eq!(edges, afters);
}

#[test]
fn same_bytes_twice_and_one_party() {
    let dir = scratch("report", "twice");
    assert_eq!(report(&dir, "a.html", &[]).code, 0);
    assert_eq!(report(&dir, "b.html", &[]).code, 0);
    let a = std::fs::read(dir.join("a.html")).unwrap();
    assert_eq!(a, std::fs::read(dir.join("b.html")).unwrap());

    let run = report(&dir, "enschede.html", &["--party", "enschede"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let elems = parse(&common::read(dir.join("enschede.html")));
    let parties: Vec<&str> = rows(&elems, "parties", "data-party")
        .iter()
        .map(|(_, r)| r.attr("data-party").unwrap())
        .collect();
    assert_eq!(parties, ["enschede"; 3]);
    assert!(rows(&elems, "obligation-table", "data-due")
        .iter()
        .all(|(_, r)| r.attr("data-party") == Some("enschede")));

    let run = report(&dir, "nobody.html", &["--party", "enschde"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("enschede"), "{}", run.stderr);
    assert!(!dir.join("nobody.html").exists());
}

#[test]
fn text_from_the_plan_is_escaped() {
    let dir = scratch("report", "escaped");
    let title = "<script>alert('x & \"y\"')</script> \u{202e}Twente";
    common::twente(
        &dir,
        |p| {
            common::replace_once(
                p,
                "\"Mentaal Gezond Twente\"",
                &format!("\"{}\"", title.replace('"', "\\\"")),
            )
        },
        |r| r.to_string(),
    );
    let run = mijlpaal(
        &dir,
        &[
            "report",
            "mgt.plan",
            "--facts",
            "mgt/gemiste-resultaten-2026.facts",
            "--at",
            AT,
            "-o",
            "r.html",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = common::read(dir.join("r.html"));
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains('\u{202e}'));
    assert!(page.contains(
        "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt; \\u{202e}Twente"
    ));
    let elems = parse(&page);
    assert_eq!(
        elems[by_id(&elems, "title")].text,
        "<script>alert('x & \"y\"')</script> \\u{202e}Twente"
    );
}

#[test]
fn output_is_required_and_never_through_a_link() {
    let dir = scratch("report", "links");
    common::twente(&dir, |p| p.to_string(), |r| r.to_string());
    let args = |o: Option<&'static str>| {
        let mut a = vec![
            "report",
            "mgt.plan",
            "--facts",
            "mgt/gemiste-resultaten-2026.facts",
            "--at",
            AT,
        ];
        if let Some(o) = o {
            a.extend(["-o", o]);
        }
        a
    };
    // HTML for a terminal: a usage error.
    let run = mijlpaal(&dir, &args(None));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("-o REPORT.html"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    // The output would replace an input.
    let run = mijlpaal(&dir, &args(Some("mgt.plan")));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("names an input"), "{}", run.stderr);
    // A link as the target, a linked directory: refused (I009).
    let outside = scratch("report", "links-outside");
    let victim = outside.join("victim.html");
    common::write(&victim, "keep me");
    std::os::unix::fs::symlink(&victim, dir.join("r.html")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("out")).unwrap();
    let run = mijlpaal(&dir, &args(Some("r.html")));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("I009"), "{}", run.stderr);
    assert_eq!(common::read(&victim), "keep me");
    let run = mijlpaal(&dir, &args(Some("out/r.html")));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("I009"), "{}", run.stderr);
    assert!(!outside.join("r.html").exists());
    // A plain file: written, and replaced.
    assert_eq!(mijlpaal(&dir, &args(Some("ok.html"))).code, 0);
    assert_eq!(mijlpaal(&dir, &args(Some("ok.html"))).code, 0);
}

#[test]
fn the_gate_notice_opens_the_page() {
    let dir = scratch("report", "gate");
    // A pin that does not match the rule set: C901.
    common::twente(
        &dir,
        |p| common::replace_once(p, "sha256:919a", "sha256:0000"),
        |r| r.to_string(),
    );
    let args = |extra: &'static str| {
        let mut a = vec![
            "report",
            "mgt.plan",
            "--facts",
            "mgt/gemiste-resultaten-2026.facts",
            "--at",
            AT,
            "-o",
            "r.html",
        ];
        if !extra.is_empty() {
            a.push(extra);
        }
        a
    };
    let run = mijlpaal(&dir, &args(""));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("C901"), "{}", run.stderr);
    assert!(!dir.join("r.html").exists());
    let run = mijlpaal(&dir, &args("--allow-unpinned"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let elems = parse(&common::read(dir.join("r.html")));
    let notice = &elems[by_id(&elems, "notice")];
    assert!(
        notice.text.contains("evaluated with --allow-unpinned"),
        "{}",
        notice.text
    );
}

/// Renders the page in headless Chromium where it is installed; a person can
/// look at `target/report/browser/report.png`.
#[test]
fn renders_in_a_browser() {
    let found = std::process::Command::new("which")
        .arg("chromium")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED renders_in_a_browser: chromium is not installed (Debian: apt-get install chromium)");
        return;
    }
    let dir = scratch("report", "browser");
    assert_eq!(report(&dir, "report.html", &[]).code, 0);
    let png = dir.join("report.png");
    let status = std::process::Command::new("timeout")
        .args([
            "120",
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
        ])
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1200,3000")
        .arg(format!("file://{}", dir.join("report.html").display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "chromium: {status:?}");
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    // A blank page compresses to a few kilobytes; a rendered report does not.
    assert!(
        bytes.len() > 50_000,
        "{} bytes: did the page render?",
        bytes.len()
    );
    // The size in the header is the window's.
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1200, 3000));
}
