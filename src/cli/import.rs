//! `mijlpaal import mijlpalenformat SHEET.xlsx [-o PLAN] [--compare PLAN]`:
//! reading, mapping, writing and comparing live in
//! `mijlpaal::interop::mijlpalenformat`; this file parses the arguments,
//! prints and picks the exit code.

use std::path::{Path, PathBuf};

use mijlpaal::diagnostic::{Diagnostic, Severity};
use mijlpaal::interop::mijlpalenformat::{self as mf, compare, import, read, StreamMap};
use mijlpaal::model::Plan;
use mijlpaal::project::{Loaded, Session};
use mijlpaal::source::SourceFile;
use mijlpaal::{lower, project, syntax, write};

use super::{exit_code, print_human, Common, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum SheetFormat {
    /// The national Mijlpalenformat (Bijlage 3 of the agreement).
    Mijlpalenformat,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The spreadsheet's format.
    #[arg(value_enum)]
    pub format: SheetFormat,
    /// The workbook (.xlsx).
    pub workbook: PathBuf,
    /// The sheet to read (default: `Mijlpalen`, else the first).
    #[arg(long = "sheet", value_name = "NAME")]
    pub sheet: Option<String>,
    /// The stream of a payee's columns: `--stream DNR.000041=iza`; repeatable.
    #[arg(long = "stream", value_name = "REF=STREAM", value_parser = mf::parse_stream_arg)]
    pub streams: Vec<(String, String)>,
    /// Take the payee → stream mapping from this plan (the `ref` of each stream's paying party).
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<PathBuf>,
    /// Compare the sheet with this plan, milestone by milestone, instead of importing.
    #[arg(long, value_name = "PLAN")]
    pub compare: Option<PathBuf>,
    /// Write the plan here (default: standard output).
    #[arg(short = 'o', long, value_name = "PLAN")]
    pub output: Option<PathBuf>,
    /// Write what could be read even when the sheet has errors.
    #[arg(long)]
    pub force: bool,
    /// The plan's id (default: from the output file's name).
    #[arg(long)]
    pub id: Option<String>,
    /// The plan's title (default: the sheet's title row).
    #[arg(long)]
    pub title: Option<String>,
}

/// Loads a plan on its own (no rule set): for its refs or for a comparison.
pub fn load_plan(session: &mut Session, path: &Path) -> Option<Plan> {
    match session.load(path)? {
        Loaded::Plan(p) => Some(*p),
        _ => {
            session.diagnostics.push(
                Diagnostic::error(
                    "I005",
                    mijlpaal::tr!("cli-not-a-plan", file = path.display()),
                )
                .with_help(mijlpaal::tr!("cli-import-give-plan")),
            );
            None
        }
    }
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    let SheetFormat::Mijlpalenformat = args.format;
    let (sheet, diags) = read::read(
        &args.workbook,
        session.options.max_file_bytes,
        args.sheet.as_deref(),
    );
    session.diagnostics.extend(diags);
    let mut map: StreamMap = args.streams.clone();
    let with = args.compare.as_ref().or(args.plan.as_ref());
    let plan = with.and_then(|p| load_plan(session, p));
    if let Some(p) = &plan {
        for (r, s) in mf::stream_map_of(p) {
            if !map.iter().any(|(q, _)| *q == r) {
                map.push((r, s));
            }
        }
    }
    let Some(sheet) = sheet else {
        return finish(session, common);
    };
    if args.compare.is_some() {
        if let Some(plan) = &plan {
            let found = compare::compare(&sheet, plan, &map);
            session.diagnostics.extend(found);
        }
        let code = finish(session, common);
        if code == EXIT_OK {
            say!(
                "{}",
                mijlpaal::tr!("cli-import-sheet-agrees", sheet = sheet.name)
            );
        }
        return code;
    }
    let stem = args
        .output
        .as_ref()
        .and_then(|o| o.file_stem())
        .map(|s| s.to_string_lossy().into_owned());
    let options = import::Options {
        id: args
            .id
            .clone()
            .or(stem)
            .unwrap_or_else(|| "plan".to_string()),
        title: args.title.clone(),
        streams: map,
        source_name: args
            .workbook
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let mut found = Vec::new();
    let text = import::plan_text(&sheet, &options, &mut found);
    session.diagnostics.extend(found);
    // The plan as the pipeline reads it: parse and lower the text, so that a
    // finding the data causes (L codes) is reported now.
    let name = args
        .output
        .as_ref()
        .map(|o| o.display().to_string())
        .unwrap_or_else(|| "imported.plan".to_string());
    let id = session.sources.add(SourceFile::new(
        name.clone(),
        PathBuf::from(&name),
        text.clone(),
    ));
    let (tree, parse_diags) = syntax::parse(id, &text, &session.options.limits);
    session.diagnostics.extend(parse_diags);
    if let Some(syntax::ast::File::Plan(p)) = tree {
        let (_, lower_diags) = lower::lower_plan(&p, id);
        session.diagnostics.extend(lower_diags);
    }
    let errors = session
        .diagnostics
        .items
        .iter()
        .any(|d| d.severity == Severity::Error);
    let mut code = finish(session, common);
    if errors && !args.force {
        say!("{}", mijlpaal::tr!("cli-import-not-written"));
        return code.max(EXIT_ERRORS);
    }
    match &args.output {
        None => code = code.max(super::out(&text)),
        Some(path) => match write::replace(path, &text, &project::project_root(path)) {
            Ok(()) => say!(
                "{}",
                mijlpaal::tr!(
                    "cli-wrote-milestones",
                    file = path.display(),
                    count = sheet.rows.len()
                )
            ),
            Err(d) => {
                print_human(session, &[d], common);
                code = code.max(EXIT_USAGE);
            }
        },
    }
    code
}

/// Prints the diagnostics gathered and returns their exit code.
pub fn finish(session: &mut Session, common: &Common) -> u8 {
    session.diagnostics.sort();
    let diags = session.diagnostics.items.clone();
    print_human(session, &diags, common);
    exit_code(&diags, false)
}
