//! `mijlpaal check FILE...`

use std::path::PathBuf;

use mijlpaal::project::Session;
use mijlpaal::render;

use super::{exit_code, print_human, Common, Format};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Plan, rule set or facts files. Facts are checked against a plan given alongside.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    session.check_paths(&args.files);
    let diags = session.diagnostics.items.clone();
    match args.format {
        Format::Human => {
            print_human(session, &diags, common);
            eprintln!("{}", render::human::summary(&diags));
        }
        Format::Json => println!("{}", render::json::render(&diags, &session.sources)),
    }
    exit_code(&diags, false)
}
