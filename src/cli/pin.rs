//! `mijlpaal pin RULES`: prints the content hash that pins a rule set.

use std::path::PathBuf;

use mijlpaal::project::{Loaded, Session};

use super::{print_human, Common, EXIT_ERRORS, EXIT_USAGE};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The rule set to pin.
    pub rules: PathBuf,
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    match session.load(&args.rules) {
        Some(Loaded::Rules(rules)) if !session.diagnostics.has_errors() => {
            super::out(&format!("{}\n", rules.content_hash()))
        }
        Some(Loaded::Rules(_)) => {
            let diags = session.diagnostics.items.clone();
            print_human(session, &diags, common);
            say!(
                "{}",
                mijlpaal::tr!("cli-pin-has-errors", file = args.rules.display())
            );
            EXIT_ERRORS
        }
        Some(_) => {
            say!(
                "{}",
                mijlpaal::tr!("cli-pin-not-rules", file = args.rules.display())
            );
            EXIT_USAGE
        }
        None => {
            let diags = session.diagnostics.items.clone();
            print_human(session, &diags, common);
            super::exit_code(&diags, false).max(EXIT_ERRORS)
        }
    }
}
