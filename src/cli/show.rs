//! `mijlpaal show PLAN --format json`

use std::path::PathBuf;

use mijlpaal::project::Session;
use mijlpaal::render;

use super::{exit_code, print_human, Common, EXIT_ERRORS};

#[derive(clap::Args, Debug)]
pub struct Args {
    pub plan: PathBuf,
    /// Output format; the model is printed as JSON.
    #[arg(long, value_enum, default_value_t = ShowFormat::Json)]
    pub format: ShowFormat,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum ShowFormat {
    Json,
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    let project = session.load_project(&args.plan, &[]);
    session.diagnostics.sort();
    let diags = session.diagnostics.items.clone();
    let code = exit_code(&diags, false);
    print_human(session, &diags, common);
    let Some(project) = project else {
        return code.max(EXIT_ERRORS);
    };
    if code != 0 {
        return code;
    }
    code.max(super::out_with(|out| {
        render::show::write_json(&project.plan, out)
    }))
}
