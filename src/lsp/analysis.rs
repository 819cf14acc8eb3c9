//! Checking an open file with what belongs to it, the way `mijlpaal check`
//! does (`Session::check_paths`), with the editor's buffers in place of the
//! files on disk; and the diagnostics turned into LSP diagnostics.
//!
//! A plan is checked with its rule set. A rule set is checked with the
//! plans that name it (so a changed clause shows the plan's C901). A facts
//! file is checked with its plan: the plan beside its directory
//! (the scenario convention, `plans/NAME/x.facts` → `plans/NAME.plan`) or a
//! `.plan` file in the same directory declaring the plan it names.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Range, Uri,
};

use crate::diagnostic::{Diagnostic, Severity};
use crate::project::{Options, Project, Session};
use crate::render::escape;
use crate::source::{FileId, SourceMap};

use super::text::{uri_of, LineIndex};

/// A fix as the editor applies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub title: String,
    pub range: Range,
    pub new_text: String,
}

/// One published diagnostic with the fixes it carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub diagnostic: lsp_types::Diagnostic,
    pub fixes: Vec<Edit>,
}

/// The result of checking one open file.
#[derive(Debug, Default)]
pub struct Analysis {
    pub sources: SourceMap,
    pub projects: Vec<Project>,
    /// Per file (by URI string), its diagnostics in `check`'s order.
    pub diagnostics: BTreeMap<String, Vec<Published>>,
    /// The milestones' statuses today (`status`), on first use; `None`
    /// inside when nothing could be evaluated.
    pub statuses: std::cell::OnceCell<Option<super::status::Statuses>>,
}

impl Analysis {
    /// The plan checked (the document itself, or the plan of a facts
    /// file) with its rule set and facts; `None` for a rule set alone or a
    /// plan that did not parse.
    pub fn project(&self) -> Option<&Project> {
        self.projects.first()
    }
}

/// The files to check for the file at `path`: a facts file with its plan
/// first; a rule set with the plans that name it.
pub fn inputs(path: &Path, overlay: &BTreeMap<PathBuf, String>) -> Vec<PathBuf> {
    if path.extension().is_some_and(|e| e == "facts") {
        if let Some(plan) = plan_of_facts(path, overlay) {
            return vec![plan, path.to_path_buf()];
        }
    }
    let mut files = vec![path.to_path_buf()];
    if path.extension().is_some_and(|e| e == "rules") {
        files.extend(plans_naming(path, overlay));
    }
    files
}

/// Most directories and plans looked at for the plans of a rule set.
const MAX_DIRECTORIES: usize = 200;
const MAX_PLANS: usize = 20;

/// The plans that would find the rule set at `path` (`DIR/rules/NAME.rules`):
/// `.plan` files in `DIR` and up to three levels below it whose `rules`
/// line names `NAME`, sorted, at most [`MAX_PLANS`]. Hidden directories,
/// `target` and `node_modules` are not entered.
fn plans_naming(path: &Path, overlay: &BTreeMap<PathBuf, String>) -> Vec<PathBuf> {
    let (Some(name), Some(dir)) = (
        path.file_stem().and_then(|s| s.to_str()),
        path.parent()
            .filter(|d| d.file_name().is_some_and(|n| n == "rules"))
            .and_then(Path::parent),
    ) else {
        return Vec::new();
    };
    let mut plans = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), 0u8)];
    let mut seen = 0usize;
    while let Some((d, depth)) = pending.pop() {
        seen = seen.saturating_add(1);
        if seen > MAX_DIRECTORIES {
            break;
        }
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            let file_name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if p.is_dir() {
                let skip =
                    file_name.starts_with('.') || matches!(file_name, "target" | "node_modules");
                if depth < 3 && !skip {
                    pending.push((p, depth.saturating_add(1)));
                }
            } else if p.extension().is_some_and(|e| e == "plan") && names_rules(&p, name, overlay) {
                plans.push(p);
            }
        }
    }
    plans.sort();
    plans.truncate(MAX_PLANS);
    plans
}

/// Whether the plan at `path` has a `rules NAME` line.
fn names_rules(path: &Path, name: &str, overlay: &BTreeMap<PathBuf, String>) -> bool {
    let text = overlay
        .get(path)
        .cloned()
        .or_else(|| std::fs::read_to_string(path).ok())
        .unwrap_or_default();
    text.lines().any(|l| {
        let mut words = l.split_whitespace();
        words.next() == Some("rules") && words.next() == Some(name)
    })
}

/// The plan a facts file belongs to: `DIR.plan` beside its directory, else
/// the one `.plan` in its directory whose header names the plan the facts
/// name.
fn plan_of_facts(path: &Path, overlay: &BTreeMap<PathBuf, String>) -> Option<PathBuf> {
    let dir = path.parent()?;
    let beside = dir.with_extension("plan");
    if beside.is_file() || overlay.contains_key(&beside) {
        return Some(beside);
    }
    let text = overlay
        .get(path)
        .cloned()
        .or_else(|| std::fs::read_to_string(path).ok())?;
    let name = header_name(&text, "facts")?;
    let entries = std::fs::read_dir(dir).ok()?;
    let mut plans: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .collect();
    plans.sort();
    plans.into_iter().find(|p| {
        let text = overlay
            .get(p)
            .cloned()
            .or_else(|| std::fs::read_to_string(p).ok());
        text.and_then(|t| header_name(&t, "plan").map(|n| n == name))
            .unwrap_or(false)
    })
}

/// `NAME` of the first `KEYWORD NAME` line (after comments).
fn header_name(text: &str, keyword: &str) -> Option<String> {
    let line = text
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with("//"))?;
    let mut words = line.split_whitespace();
    (words.next()? == keyword).then_some(())?;
    words.next().map(str::to_string)
}

/// Checks the file at `path` (its text in `overlay`, with any other open
/// buffers) as `mijlpaal check` would, and converts the findings.
pub fn analyse(path: &Path, overlay: &BTreeMap<PathBuf, String>, options: &Options) -> Analysis {
    let mut session = Session::new(options.clone());
    session.overlay = overlay.clone();
    let projects = session.check_paths(&inputs(path, overlay));
    let fallback = uri_of(path);
    let diagnostics = publishable(&session.diagnostics.items, &session.sources, fallback);
    Analysis {
        sources: session.sources,
        projects,
        diagnostics,
        statuses: std::cell::OnceCell::new(),
    }
}

/// The diagnostics per file URI; a diagnostic of no file (or of a built-in
/// rule set, which has no file) is shown at the start of `fallback`.
pub fn publishable(
    diags: &[Diagnostic],
    sources: &SourceMap,
    fallback: Option<Uri>,
) -> BTreeMap<String, Vec<Published>> {
    let mut lines: BTreeMap<FileId, LineIndex> = BTreeMap::new();
    let mut out: BTreeMap<String, Vec<Published>> = BTreeMap::new();
    for d in diags {
        let file = d.file.and_then(|f| sources.get(f).map(|s| (f, s)));
        let located = file.and_then(|(id, f)| {
            let uri = file_uri(&f.path)?;
            let index = lines.entry(id).or_insert_with(|| LineIndex::new(&f.text));
            Some((uri, index.clone(), f.text.as_str()))
        });
        let (uri, published) = match located {
            Some((uri, index, text)) => {
                let range = |span| index.range(text, span);
                (uri.clone(), convert(d, &uri, range))
            }
            None => {
                let Some(uri) = fallback.clone() else {
                    continue;
                };
                (uri.clone(), convert(d, &uri, |_| Range::default()))
            }
        };
        out.entry(uri.as_str().to_string())
            .or_default()
            .push(published);
    }
    out
}

/// The URI of a loaded file; `None` for a built-in rule set
/// (`<built-in>/NAME.rules`), which exists only in the binary.
fn file_uri(path: &Path) -> Option<Uri> {
    if path.starts_with("<built-in>") {
        return None;
    }
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    uri_of(&absolute)
}

/// One diagnostic in LSP terms: the primary label's range, the code with a
/// link to its explanation, the help and notes below the message, and the
/// secondary labels as related locations.
fn convert(d: &Diagnostic, uri: &Uri, range: impl Fn(crate::source::Span) -> Range) -> Published {
    let primary = d.labels.iter().find(|l| l.primary).or(d.labels.first());
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(&crate::tr!("lsp-diagnostic-help", text = help));
    }
    for note in &d.notes {
        message.push('\n');
        message.push_str(&crate::tr!("diagnostic-note", text = note));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter(|l| !l.primary)
        .map(|l| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: range(l.span),
            },
            message: escape::text(&l.message).into_owned(),
        })
        .collect();
    let diagnostic = lsp_types::Diagnostic {
        range: primary.map(|l| range(l.span)).unwrap_or_default(),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: explain_uri(d.code).map(|href| CodeDescription { href }),
        source: Some("mijlpaal".to_string()),
        // Hidden characters of the file (a U+202E in a name) are shown
        // escaped, as in every other output.
        message: escape::text(&message).into_owned(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    };
    let fixes = d
        .fixes
        .iter()
        .map(|f| Edit {
            title: f.title.clone(),
            range: range(f.span),
            new_text: f.replacement.clone(),
        })
        .collect();
    Published { diagnostic, fixes }
}

/// `mijlpaal-explain:C305`: what `mijlpaal explain C305` prints; the VS Code
/// extension opens it as a read-only document.
pub fn explain_uri(code: &str) -> Option<Uri> {
    Uri::from_str(&format!("mijlpaal-explain:{code}")).ok()
}
