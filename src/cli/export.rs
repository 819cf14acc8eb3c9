//! `mijlpaal export mijlpalenformat PLAN -o SHEET.xlsx`: the workbook is
//! built by `mijlpaal::interop::mijlpalenformat::export`; this file loads
//! the plan, writes the file safely and picks the exit code.

use std::path::PathBuf;

use mijlpaal::diagnostic::Severity;
use mijlpaal::interop::mijlpalenformat::{self as mf, export};
use mijlpaal::project::{self, Session};
use mijlpaal::write;

use super::import::{finish, load_plan, SheetFormat};
use super::{print_human, Common, EXIT_ERRORS, EXIT_USAGE};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The spreadsheet's format.
    #[arg(value_enum)]
    pub format: SheetFormat,
    /// The plan to export.
    pub plan: PathBuf,
    /// The workbook to write (.xlsx).
    #[arg(short = 'o', long, value_name = "SHEET")]
    pub output: PathBuf,
    /// The payee of a stream's columns: `--stream DNR.000041=iza`; repeatable.
    #[arg(long = "stream", value_name = "REF=STREAM", value_parser = mf::parse_stream_arg)]
    pub streams: Vec<(String, String)>,
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    let SheetFormat::Mijlpalenformat = args.format;
    let plan = load_plan(session, &args.plan);
    let has_errors = session
        .diagnostics
        .items
        .iter()
        .any(|d| d.severity == Severity::Error);
    let Some(plan) = plan.filter(|_| !has_errors) else {
        return finish(session, common).max(EXIT_ERRORS);
    };
    let bytes = match export::workbook(&plan, &args.streams) {
        Ok(b) => b,
        Err(diags) => {
            session.diagnostics.extend(diags);
            return finish(session, common).max(EXIT_ERRORS);
        }
    };
    let code = finish(session, common);
    match write::replace(&args.output, &bytes, &project::project_root(&args.output)) {
        Ok(()) => {
            say!(
                "{}",
                mijlpaal::tr!(
                    "cli-wrote-milestones",
                    file = args.output.display(),
                    count = plan.milestones.len()
                )
            );
            code
        }
        Err(d) => {
            print_human(session, &[d], common);
            code.max(EXIT_USAGE)
        }
    }
}
