//! `mijlpaal check FILE...`

use std::path::PathBuf;

use mijlpaal::project::Session;
use mijlpaal::render;

use super::{exit_code, print_human, Common};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Plan, rule set or facts files. Facts are checked against a plan given alongside.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Treat warnings as errors: `--deny warnings` exits 1 on any warning.
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    Human,
    Json,
    Sarif,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deny {
    Warnings,
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    let projects = session.check_paths(&args.files);
    let diags = session.diagnostics.items.clone();
    let written = match args.format {
        CheckFormat::Human => {
            print_human(session, &diags, common);
            say!("{}", render::human::summary(&diags));
            super::EXIT_OK
        }
        CheckFormat::Json => super::out_json(&format!(
            "{}\n",
            render::json::render(&diags, &session.sources)
        )),
        CheckFormat::Sarif => super::out_json(&format!(
            "{}\n",
            render::sarif::render(&diags, &session.sources)
        )),
    };
    // The process ends with this command, so the checked projects are not
    // taken apart piece by piece: at 100 000 milestones, freeing the model
    // and glibc then merging its millions of small free blocks (on the
    // summary's first larger allocation) were 10% of `check`.
    std::mem::forget(projects);
    exit_code(&diags, args.deny == Some(Deny::Warnings)).max(written)
}
