//! Loading a plan with everything it names: reads the files, parses and
//! lowers them, and resolves the rule set a plan is governed by.
//!
//! A `rules NAME` statement resolves to `rules/NAME.rules` in a configured
//! rule directory, or in the plan's directory or one of its ancestors up to
//! the project root (nearest first; see `rule_search_path`). NAME is an identifier, so it can never name a path outside
//! those directories.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::lower;
use crate::model::{Facts, Plan, RuleSet};
use crate::source::{self, FileId, SourceMap, Span};
use crate::syntax::{self, ast, Limits};

/// How files are read: limits and where rule sets live.
#[derive(Debug, Clone)]
pub struct Options {
    pub limits: Limits,
    pub max_file_bytes: u64,
    /// Extra directories searched for `NAME.rules`, before the plan's tree.
    pub rule_dirs: Vec<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            max_file_bytes: source::DEFAULT_MAX_FILE_BYTES,
            rule_dirs: Vec::new(),
        }
    }
}

/// A parsed and lowered file of any kind.
#[derive(Debug, Clone)]
pub enum Loaded {
    Plan(Box<Plan>),
    Rules(RuleSet),
    /// Facts are lowered only against a plan; alone they are just parsed.
    Facts(FileId, ast::FactsAst),
    /// An assessment framework (`*.criteria`).
    Criteria(Box<crate::model::criteria::Criteria>),
}

/// What lets a command evaluate a project that the gate would stop.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Allow {
    /// `--allow-errors`: the money checks' errors (`check::GATES_EVALUATION`).
    pub errors: bool,
    /// `--allow-unpinned`: a rule set that does not match its pin (C901).
    pub unpinned: bool,
}

/// What the gate before an evaluation found.
#[derive(Debug, Default)]
pub struct Gate {
    /// The findings to show: errors that stop the command, or (overridden)
    /// the same as warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the command must stop (exit 1).
    pub stop: bool,
    /// One line per override used, for the first line of the output.
    pub overridden: Vec<String>,
}

impl Gate {
    /// The lines that open an output evaluated despite the gate, each
    /// starting with `prefix` (`// ` in a snapshot, `` in text).
    pub fn notice(&self, prefix: &str) -> String {
        self.overridden
            .iter()
            .map(|l| format!("{prefix}{l}\n"))
            .collect()
    }
}

/// Everything one command works with.
#[derive(Debug, Default)]
pub struct Session {
    pub sources: SourceMap,
    pub diagnostics: Diagnostics,
    pub options: Options,
    /// Texts read instead of the files at these paths: an editor's open
    /// buffers (`lsp`), keyed by canonical path where it exists.
    pub overlay: BTreeMap<PathBuf, String>,
}

/// A plan with its rule set and facts, each lowered.
#[derive(Debug, Clone)]
pub struct Project {
    pub plan: Plan,
    pub rules: Option<RuleSet>,
    pub facts: Vec<Facts>,
}

impl Session {
    pub fn new(options: Options) -> Self {
        Session {
            options,
            ..Default::default()
        }
    }

    /// Reads and parses one file; `None` if it could not be read or parsed.
    pub fn parse_file(
        &mut self,
        path: &Path,
        origin: Option<(FileId, Span)>,
    ) -> Option<(FileId, ast::File)> {
        let id = self.read(path, origin)?;
        self.parse_read(id)
    }

    /// Reads one file into the source map; `None` (reported) if it could
    /// not be read.
    fn read(&mut self, path: &Path, origin: Option<(FileId, Span)>) -> Option<FileId> {
        let loaded = match self.overlaid(path) {
            Some(text) => source::from_text(path, text, self.options.max_file_bytes),
            None => source::load(path, self.options.max_file_bytes, origin),
        };
        match loaded {
            Ok(f) => Some(self.sources.add(f)),
            Err(d) => {
                self.diagnostics.push(d);
                None
            }
        }
    }

    /// Parses a file read by [`Session::read`].
    fn parse_read(&mut self, id: FileId) -> Option<(FileId, ast::File)> {
        let text = self.sources.get(id).map(|f| f.text.as_str()).unwrap_or("");
        let (tree, diags) = syntax::parse(id, text, &self.options.limits);
        self.diagnostics.extend(diags);
        tree.map(|t| (id, t))
    }

    /// A plan read by [`Session::read`], parsed and lowered a component at
    /// a time (see [`plan_in_pieces`]); `None`, with nothing reported, where
    /// it is to be parsed whole.
    fn load_plan_in_pieces(&mut self, id: FileId) -> Option<Plan> {
        let text = self.sources.get(id).map(|f| f.text.as_str())?;
        let (plan, diags) = plan_in_pieces(id, text, &self.options.limits)?;
        self.diagnostics.extend(diags);
        Some(plan)
    }

    /// The editor's text for `path`, if it holds one: looked up as given,
    /// then by canonical path.
    fn overlaid(&self, path: &Path) -> Option<&str> {
        if self.overlay.is_empty() {
            return None;
        }
        if let Some(text) = self.overlay.get(path) {
            return Some(text);
        }
        let canonical = std::fs::canonicalize(path).ok()?;
        self.overlay.get(&canonical).map(String::as_str)
    }

    /// Parses and lowers one file on its own.
    pub fn load(&mut self, path: &Path) -> Option<Loaded> {
        let id = self.read(path, None)?;
        if let Some(plan) = self.load_plan_in_pieces(id) {
            return Some(Loaded::Plan(Box::new(plan)));
        }
        let (id, tree) = self.parse_read(id)?;
        Some(match tree {
            ast::File::Plan(p) => {
                let (plan, diags) = lower::lower_plan(&p, id);
                self.diagnostics.extend(diags);
                Loaded::Plan(Box::new(plan))
            }
            ast::File::Rules(r) => {
                let (mut rules, diags) = lower::lower_rules(&r, id);
                rules.hash = Some(rules.content_hash());
                self.diagnostics.extend(diags);
                Loaded::Rules(rules)
            }
            ast::File::Facts(f) => Loaded::Facts(id, f),
            ast::File::Criteria(c) => {
                let (criteria, diags) = lower::lower_criteria(&c, id);
                self.diagnostics.extend(diags);
                Loaded::Criteria(Box::new(criteria))
            }
        })
    }

    /// Loads a plan, the rule set it names and the given facts files.
    pub fn load_project(&mut self, plan_path: &Path, facts_paths: &[PathBuf]) -> Option<Project> {
        let plan = match self.load(plan_path)? {
            Loaded::Plan(p) => *p,
            other => {
                let what = match other {
                    Loaded::Rules(_) => crate::tr!("i005-a-rule-set"),
                    Loaded::Criteria(_) => crate::tr!("i005-a-framework"),
                    _ => crate::tr!("i005-a-facts-file"),
                };
                let file = FileId(self.sources.iter().count().saturating_sub(1));
                self.diagnostics.push(
                    Diagnostic::error(
                        "I005",
                        crate::tr!("i005-plan-message", file = plan_path.display(), what = what),
                    )
                    .in_file(file)
                    .at(Span::new(0, 0), crate::tr!("i005-label"))
                    .with_help(crate::tr!("i005-plan-help")),
                );
                return None;
            }
        };
        let rules = self.load_rules_of(&plan, plan_path);
        let facts = self.load_distinct_facts(facts_paths, &plan);
        Some(Project { plan, rules, facts })
    }

    /// Loads facts files against `plan`, each once: a file given again, by
    /// the same canonical path or with the same content, is refused (I011),
    /// since every payment in it would count twice.
    pub fn load_distinct_facts(&mut self, paths: &[PathBuf], plan: &Plan) -> Vec<Facts> {
        let inputs = paths.iter().map(|p| (p.clone(), None)).collect();
        self.distinct_facts(inputs, plan)
    }

    /// As [`Session::load_distinct_facts`], for files of which some were
    /// parsed already (by `check`, which parses every file to learn its
    /// kind): those are lowered, not read and parsed a second time.
    fn distinct_facts(
        &mut self,
        inputs: Vec<(PathBuf, Option<(FileId, ast::FactsAst)>)>,
        plan: &Plan,
    ) -> Vec<Facts> {
        let mut facts: Vec<Facts> = Vec::new();
        let mut seen: Vec<(Option<PathBuf>, FileId, PathBuf)> = Vec::new();
        for (p, parsed) in inputs {
            let p = &p;
            let canonical = std::fs::canonicalize(p).ok();
            if let Some((_, _, first)) =
                seen.iter().find(|(c, _, _)| c.is_some() && *c == canonical)
            {
                self.diagnostics
                    .push(facts_twice(p, first, &crate::tr!("i011-same-file")));
                continue;
            }
            let loaded = match parsed {
                Some((id, tree)) => {
                    let (f, diags) = lower::lower_facts(&tree, id, plan);
                    self.diagnostics.extend(diags);
                    Some(f)
                }
                None => self.load_facts(p, plan),
            };
            let Some(f) = loaded else {
                continue;
            };
            if let Some((_, _, first)) = seen
                .iter()
                .find(|(_, earlier, _)| self.same_text(*earlier, f.file))
            {
                self.diagnostics.push(
                    facts_twice(p, first, &crate::tr!("i011-same-content"))
                        .in_file(f.file)
                        .at(Span::new(0, 0), crate::tr!("i005-label")),
                );
                continue;
            }
            seen.push((canonical, f.file, p.clone()));
            facts.push(f);
        }
        facts
    }

    /// Whether two loaded files have the same text. Compared directly, not
    /// by a hash of each: files of different lengths differ at once, and a
    /// single facts file costs nothing (a SHA-256 of it was 2.6% of
    /// `evaluate` at 10 000 milestones).
    fn same_text(&self, a: FileId, b: FileId) -> bool {
        let text = |id| self.sources.get(id).map(|f| f.text.as_str());
        text(a) == text(b)
    }

    pub fn load_facts(&mut self, path: &Path, plan: &Plan) -> Option<Facts> {
        let (id, tree) = self.parse_file(path, None)?;
        let ast::File::Facts(f) = tree else {
            self.diagnostics.push(
                Diagnostic::error(
                    "I005",
                    crate::tr!("i005-facts-message", file = path.display()),
                )
                .in_file(id)
                .at(Span::new(0, 0), crate::tr!("i005-label"))
                .with_help(crate::tr!("i005-facts-help")),
            );
            return None;
        };
        let (facts, diags) = lower::lower_facts(&f, id, plan);
        self.diagnostics.extend(diags);
        Some(facts)
    }

    /// Finds, reads and lowers the rule set a plan names.
    pub fn load_rules_of(&mut self, plan: &Plan, plan_path: &Path) -> Option<RuleSet> {
        let reference = plan.rules.as_ref()?;
        let file_name = format!("{}.rules", reference.name);
        let found = self
            .rule_search_path(plan_path)
            .into_iter()
            .map(|d| (d.join(&file_name), d))
            // A directory, device or pipe by that name is refused by `load`,
            // with its own message; a dangling link is not there at all.
            .find(|(p, _)| p.exists());
        let Some((path, dir)) = found else {
            if let Some(text) = crate::builtin::rule_set(&reference.name) {
                return self.load_builtin_rules(&reference.name, text);
            }
            self.diagnostics.push(
                Diagnostic::error("I006", crate::tr!("i006-message", name = reference.name))
                    .in_file(plan.file)
                    .at(reference.span, crate::tr!("i001-label-named"))
                    .with_help(crate::tr!(
                        "i006-help",
                        file = file_name,
                        builtin = crate::builtin::RULE_SETS
                            .iter()
                            .map(|(n, _, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
            );
            return None;
        };
        if let Err(d) = inside(&path, &dir) {
            self.diagnostics.push(
                d.in_file(plan.file)
                    .at(reference.span, crate::tr!("i001-label-named")),
            );
            return None;
        }
        let before = self.sources.iter().count();
        let Some((id, tree)) = self.parse_file(&path, Some((plan.file, reference.span))) else {
            // Read but not parsed: if it does not even start like a rule
            // set, its syntax errors would quote a stranger's file (with a
            // line of context); say only what it is not.
            let read = self.sources.iter().nth(before);
            if let Some((id, file)) = read.filter(|(_, f)| !starts_as_rules(&f.text)) {
                self.diagnostics.items.retain(|d| d.file != Some(id));
                self.diagnostics.push(
                    Diagnostic::error("I005", crate::tr!("i005-rules-message", file = file_name))
                        .in_file(plan.file)
                        .at(reference.span, crate::tr!("i001-label-named"))
                        .with_help(crate::tr!("i005-rules-start-help", file = file.name)),
                );
            }
            return None;
        };
        match tree {
            ast::File::Rules(r) => {
                let (mut rules, diags) = lower::lower_rules(&r, id);
                rules.hash = Some(rules.content_hash());
                self.diagnostics.extend(diags);
                if rules.id.as_str() != reference.name {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            "L022",
                            crate::tr!("l022-message", file = file_name, name = rules.id),
                        )
                        .in_file(id)
                        .at(r.id.span, crate::tr!("l022-label"))
                        .with_help(crate::tr!("l022-help", name = reference.name)),
                    );
                }
                Some(rules)
            }
            _ => {
                // A file that is not a rule set is not reported line by
                // line: its content is none of the plan's business.
                self.diagnostics.items.retain(|d| d.file != Some(id));
                self.diagnostics.push(
                    Diagnostic::error("I005", crate::tr!("i005-rules-message", file = file_name))
                        .in_file(plan.file)
                        .at(reference.span, crate::tr!("i001-label-named"))
                        .with_help(crate::tr!("i005-rules-help")),
                );
                None
            }
        }
    }

    /// Parses and lowers a rule set compiled into the binary (`builtin`):
    /// used when a plan names it and the project has no copy of its own.
    fn load_builtin_rules(&mut self, name: &str, text: &str) -> Option<RuleSet> {
        let file = source::SourceFile::new(
            crate::builtin::display_name(name),
            crate::builtin::display_name(name),
            text.to_string(),
        );
        let id = self.sources.add(file);
        let (tree, diags) = syntax::parse(id, text, &self.options.limits);
        self.diagnostics.extend(diags);
        match tree? {
            ast::File::Rules(r) => {
                let (mut rules, diags) = lower::lower_rules(&r, id);
                rules.hash = Some(rules.content_hash());
                self.diagnostics.extend(diags);
                Some(rules)
            }
            _ => None,
        }
    }

    /// `mijlpaal check`: loads every file; plans with their rule sets, and
    /// facts against the first plan given. Returns the lowered projects.
    pub fn check_paths(&mut self, paths: &[PathBuf]) -> Vec<Project> {
        let mut projects = Vec::new();
        let mut facts = Vec::new();
        for path in paths {
            match self.load(path) {
                Some(Loaded::Plan(plan)) => {
                    let rules = self.load_rules_of(&plan, path);
                    self.check_pointers(&plan, path);
                    projects.push(Project {
                        plan: *plan,
                        rules,
                        facts: Vec::new(),
                    });
                }
                Some(Loaded::Facts(id, tree)) => facts.push((path.clone(), Some((id, tree)))),
                Some(Loaded::Rules(_) | Loaded::Criteria(_)) | None => {}
            }
        }
        let facts_paths: Vec<PathBuf> = facts.iter().map(|(p, _)| p.clone()).collect();
        if let Some(first) = projects.first_mut() {
            first.facts = self.distinct_facts(facts, &first.plan);
        }
        if facts_paths.is_empty() || projects.is_empty() {
            for path in facts_paths.iter().filter(|_| projects.is_empty()) {
                self.diagnostics.push(
                    Diagnostic::info("I007", crate::tr!("i007-message", file = path.display()))
                        .with_help(crate::tr!("i007-help")),
                );
            }
        }
        for p in &projects {
            self.run_checks(&p.plan, p.rules.as_ref(), &p.facts);
        }
        self.diagnostics.sort();
        projects
    }

    /// L011 for `check`: a plan's `addresses` pointers name criteria of the
    /// framework `submission` would assess it by (the project's or the
    /// built-in one), so that a mistyped pointer is found while drafting,
    /// not only at submission. Plans without pointers do not load it.
    fn check_pointers(&mut self, plan: &Plan, plan_path: &Path) {
        if plan.addresses.is_empty() {
            return;
        }
        let framework = crate::submission::FRAMEWORK;
        if let Some(criteria) = self.load_criteria(plan_path, None, framework) {
            let found = crate::submission::check_pointers(plan, &criteria);
            self.diagnostics.extend(found);
        }
    }

    /// The gate before evaluating, diffing or snapshotting a project: a plan
    /// is evaluated only under the rule set it pinned (C901) and when the
    /// checks find nothing that makes its money wrong
    /// (`check::GATES_EVALUATION`). Other findings are `check`'s business and
    /// are not repeated here. An override turns the findings it covers into
    /// warnings and records a line for the top of the output.
    pub fn gate(&self, project: &Project, allow: Allow) -> Gate {
        let found = crate::check::run_all(&project.plan, project.rules.as_ref(), &project.facts);
        let mut gate = Gate::default();
        let mut overridden = |flag: &str, what: &str, codes: &mut Vec<&'static str>| {
            codes.sort_unstable();
            codes.dedup();
            gate.overridden.push(crate::tr!(
                "gate-overridden",
                flag = flag,
                what = what,
                codes = codes.join(", ")
            ));
        };
        let (mut pin, mut money) = (Vec::new(), Vec::new());
        for mut d in found.into_iter().filter(|d| d.severity == Severity::Error) {
            let allowed = if d.code == "C901" {
                pin.push(d.code);
                allow.unpinned
            } else if crate::check::GATES_EVALUATION.contains(&d.code) {
                money.push(d.code);
                allow.errors
            } else {
                continue;
            };
            if allowed {
                d.severity = Severity::Warning;
                d.notes.push(crate::tr!("gate-evaluated-anyway"));
            } else {
                gate.stop = true;
            }
            gate.diagnostics.push(d);
        }
        if allow.unpinned && !pin.is_empty() {
            overridden("--allow-unpinned", &crate::tr!("gate-unpinned"), &mut pin);
        }
        if allow.errors && !money.is_empty() {
            overridden("--allow-errors", &crate::tr!("gate-errors"), &mut money);
        }
        gate
    }

    /// Runs the checker when the plan and its rules lowered without errors;
    /// on a plan with errors its findings would be noise.
    fn run_checks(&mut self, plan: &Plan, rules: Option<&RuleSet>, facts: &[Facts]) {
        let lowered_cleanly = |file: FileId| {
            !self
                .diagnostics
                .items
                .iter()
                .any(|d| d.file == Some(file) && d.severity == Severity::Error)
        };
        if lowered_cleanly(plan.file) && rules.is_none_or(|r| lowered_cleanly(r.file)) {
            let found = crate::check::run_all(plan, rules, facts);
            self.diagnostics.extend(found);
        }
    }

    /// Finds and loads the assessment framework `name` for a plan: the
    /// project's own `rules/NAME.criteria`, looked for where its rule set
    /// would be (a region's copy, extended or adapted), else the built-in
    /// one, else an explicit file. `None` with a diagnostic when it cannot
    /// be read or is not a framework.
    pub fn load_criteria(
        &mut self,
        plan_path: &Path,
        explicit: Option<&Path>,
        name: &str,
    ) -> Option<crate::model::criteria::Criteria> {
        let file_name = format!("{name}.criteria");
        let found = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => self
                .rule_search_path(plan_path)
                .into_iter()
                .map(|d| (d.join(&file_name), d))
                .find(|(p, _)| p.exists())
                .and_then(|(p, d)| match inside(&p, &d) {
                    Ok(_) => Some(p),
                    Err(e) => {
                        self.diagnostics.push(e);
                        None
                    }
                }),
        };
        let (id, tree) = match found {
            Some(path) => self.parse_file(&path, None)?,
            None => {
                let text = crate::builtin::criteria(name)?;
                let display = format!("<built-in>/{file_name}");
                let file = source::SourceFile::new(display.clone(), display, text.to_string());
                let id = self.sources.add(file);
                let (tree, diags) = syntax::parse(id, text, &self.options.limits);
                self.diagnostics.extend(diags);
                (id, tree?)
            }
        };
        match tree {
            ast::File::Criteria(c) => {
                let (criteria, diags) = lower::lower_criteria(&c, id);
                self.diagnostics.extend(diags);
                Some(criteria)
            }
            _ => {
                self.diagnostics.push(
                    Diagnostic::error("I005", crate::tr!("i005-framework-message"))
                        .in_file(id)
                        .at(Span::new(0, 0), crate::tr!("i005-label"))
                        .with_help(crate::tr!("i005-framework-help")),
                );
                None
            }
        }
    }

    /// Where `rules NAME` is looked for: the configured directories, then
    /// `rules/` in the plan's directory and each directory above it up to the
    /// project root (the first directory holding `.git` or `mijlpaal.toml`,
    /// at most eight levels up); without a project root, only the plan's
    /// directory and its parent.
    ///
    /// A rule set found there must lie inside the directory it was found in
    /// after every link is followed (see [`inside`]). The configured
    /// directories are the user's own choice and are canonicalised first, so
    /// they may be links; the `rules/` directories of the plan's tree are
    /// taken literally below the canonical plan directory, so a plan's
    /// project cannot link its `rules/` directory to somewhere else.
    fn rule_search_path(&self, plan_path: &Path) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = self
            .options
            .rule_dirs
            .iter()
            .map(|d| std::fs::canonicalize(d).unwrap_or_else(|_| d.clone()))
            .collect();
        let start = plan_path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let start = if start.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            start
        };
        let start = std::fs::canonicalize(&start).unwrap_or(start);
        // Up to the project root (the first directory holding `.git` or
        // `mijlpaal.toml`); without one, only the plan's directory and its
        // parent, so that a plan from elsewhere never reaches outside its tree.
        let ancestors: Vec<&Path> = start.ancestors().take(8).collect();
        let root = ancestors
            .iter()
            .position(|d| d.join(".git").exists() || d.join("mijlpaal.toml").is_file());
        let reach = root.map_or(2, |r| r.saturating_add(1));
        dirs.extend(ancestors.iter().take(reach).map(|d| d.join("rules")));
        dirs
    }
}

/// A plan parsed and lowered a component at a time, each component's tree
/// dropped once lowered, so that the whole file's tree and the model are
/// never alive together (`syntax::PlanInPieces`): the syntax diagnostics,
/// then the lowering's, exactly as `syntax::parse` and `lower::lower_plan`
/// of the whole tree give them. `None` where the file is to be parsed whole
/// (not a plan of two or more components, or a mistake in its syntax).
pub fn plan_in_pieces(
    file: FileId,
    text: &str,
    limits: &Limits,
) -> Option<(Plan, Vec<Diagnostic>)> {
    let syntax::PlanInPieces {
        outline,
        mut diagnostics,
        components,
    } = syntax::parse_plan_in_pieces(file, text, limits)?;
    let milestones = components.milestones();
    let (plan, lowered) = lower::lower_plan_in_pieces(&outline, components, milestones, file)?;
    diagnostics.extend(lowered);
    Some((plan, diagnostics))
}

/// Whether a text starts (after blank lines and `//` comments) with the
/// keyword `rules`, as every rule set does.
fn starts_as_rules(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with("//"))
        .is_some_and(|l| l.starts_with("rules ") || l == "rules")
}

/// Refuses a file whose canonical path lies outside `dir` (a link inside a
/// project pointing at `/etc/passwd`, say), naming both paths. The file is
/// never opened, so nothing of it can be shown.
// A refusal ends the rule set's load; the size of its error is irrelevant.
#[allow(clippy::result_large_err)]
pub fn inside(path: &Path, dir: &Path) -> Result<PathBuf, Diagnostic> {
    let refuse = |target: &Path| {
        Diagnostic::error(
            "I008",
            crate::tr!(
                "i008-message",
                file = path.display(),
                target = target.display(),
                dir = dir.display()
            ),
        )
        .with_help(crate::tr!("i008-help"))
    };
    let real = std::fs::canonicalize(path).map_err(|_| refuse(path))?;
    if real.starts_with(dir) {
        Ok(real)
    } else {
        Err(refuse(&real))
    }
}

/// The project a plan belongs to: the nearest directory above it holding
/// `.git` or `mijlpaal.toml` (at most eight levels up), else the plan's own
/// directory. Canonical, so that `starts_with` compares real locations.
pub fn project_root(plan_path: &Path) -> PathBuf {
    let start = canonical_parent(plan_path);
    let root = start
        .ancestors()
        .take(8)
        .find(|d| d.join(".git").exists() || d.join("mijlpaal.toml").is_file())
        .map(Path::to_path_buf);
    root.unwrap_or(start)
}

/// The canonical directory a file lies in (`.` for a bare file name).
pub fn canonical_parent(path: &Path) -> PathBuf {
    let parent = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let parent = if parent.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        parent
    };
    std::fs::canonicalize(&parent).unwrap_or(parent)
}

/// I011: a facts file given twice would count every fact twice (every
/// payment doubled), so the second is refused.
fn facts_twice(path: &Path, first: &Path, how: &str) -> Diagnostic {
    Diagnostic::error(
        "I011",
        crate::tr!(
            "i011-message",
            file = path.display(),
            how = how,
            first = first.display()
        ),
    )
    .with_help(crate::tr!("i011-help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan and diagnostics of the whole-file parse and lowering.
    fn whole(text: &str) -> (Option<Plan>, Vec<Diagnostic>) {
        let (tree, mut diags) = syntax::parse(FileId(0), text, &Limits::default());
        match tree {
            Some(ast::File::Plan(p)) => {
                let (plan, lowered) = lower::lower_plan(&p, FileId(0));
                diags.extend(lowered);
                (Some(plan), diags)
            }
            _ => (None, diags),
        }
    }

    /// Mistakes for lowering across components: a milestone number given
    /// again in a later component, `after` and `baseline` naming milestones
    /// of later components or none, a component number given twice, names
    /// and literals that do not lower; and a syntax mistake in a component
    /// (parsed whole) and in the outline (not in pieces).
    fn variants(text: &str) -> Vec<String> {
        let edits: [(&str, &str); 12] = [
            ("milestone 10 ", "milestone 3 "),
            ("milestone 40 ", "milestone 12 "),
            ("after 3\n", "after 40\n"),
            ("after 10\n", "after 999\n"),
            ("baseline 3 - 155", "baseline 44 - 155"),
            ("component 4 ", "component 2 "),
            ("due 2025-", "due 31-12-"),
            ("payout iza to", "payout izaa to"),
            ("effort\n", "efort\n"),
            ("\u{20ac} ", "\u{20ac}"),
            (
                "component 5 \"",
                "component 5 \"x\" {\n  }\n  component 9 \"",
            ),
            ("metric ", "metrc "),
        ];
        let mut out = vec![text.to_string()];
        for (from, to) in edits {
            if text.contains(from) {
                out.push(text.replacen(from, to, 1));
                out.push(text.replace(from, to));
            }
        }
        out
    }

    #[test]
    fn a_plan_in_pieces_is_the_whole_plan() {
        let mut paths = crate::test_files::repository_files("plan");
        paths.sort();
        // Comments, CRLF, tabs, braces in strings, an item between components.
        let written = "plan p \"x\" {\n  // c\n  component 1 \"a\" { // x\n    milestone 1 \"m\" {\n      effort\r\n      due 2025-01-01\n    }\n  }\r\n\tcomponent 2 \"b {\" {\n    milestone 1 \"n\" {\n      after 2\n    }\n  }\n  metric m \"m\" count\n  component 3 \"c\" {\n    milestone 2 \"o\" {\n      result\n      target count m >= 1,5\n    }\n  } // end\n}\n";
        let texts = paths
            .iter()
            .map(|p| (p.display().to_string(), std::fs::read_to_string(p).ok()))
            .chain([("written".to_string(), Some(written.to_string()))]);
        let (mut pieced, mut whole_only, mut with_findings) = (0, 0, 0);
        for (path, text) in texts {
            let Some(text) = text else {
                continue;
            };
            for text in variants(&text) {
                let Some((plan, diags)) = plan_in_pieces(FileId(0), &text, &Limits::default())
                else {
                    whole_only += 1;
                    continue;
                };
                pieced += 1;
                with_findings += usize::from(!diags.is_empty());
                let (w_plan, w_diags) = whole(&text);
                assert_eq!(Some(plan), w_plan, "{path}");
                assert_eq!(diags, w_diags, "{path}\n{text}");
            }
        }
        assert!(
            pieced > 20 && whole_only > 20 && with_findings > 10,
            "{pieced} {whole_only} {with_findings}"
        );
    }
}
