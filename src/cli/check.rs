//! `mijlpaal check FILE...`

use std::path::PathBuf;

use mijlpaal::project::{Loaded, Session};
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
    let mut plans = Vec::new();
    let mut facts = Vec::new();
    for path in &args.files {
        match session.load(path) {
            Some(Loaded::Plan(plan)) => {
                session.load_rules_of(&plan, path);
                plans.push(plan);
            }
            Some(Loaded::Facts(_)) => facts.push(path.clone()),
            Some(Loaded::Rules(_)) | None => {}
        }
    }
    // Facts were parsed above; with a plan beside them, they are lowered too.
    if let Some(plan) = plans.first() {
        for path in &facts {
            session.load_facts(path, plan);
        }
    }
    session.diagnostics.sort();
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
