//! `mijlpaal rules`: the rule sets and assessment frameworks built into the
//! binary. Without a subcommand it lists them; `rules show NAME` prints one,
//! to copy into a project's `rules/` (as `NAME.rules` or `NAME.criteria`)
//! and adapt.

use mijlpaal::builtin;

use super::EXIT_USAGE;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<RulesCommand>,
}

#[derive(clap::Subcommand, Debug)]
pub enum RulesCommand {
    /// Print a built-in rule set or framework, to copy into rules/NAME.rules
    /// (or rules/NAME.criteria) and adapt.
    Show {
        /// The rule set's name, as a plan names it (`rules NAME`).
        name: String,
    },
}

pub fn run(args: Args) -> u8 {
    match args.command {
        None => {
            let list: String = builtin::RULE_SETS
                .iter()
                .map(|(name, about, _)| format!("{name}  {about}\n"))
                .chain(
                    builtin::CRITERIA
                        .iter()
                        .map(|(name, about, _)| format!("{name}  (criteria) {about}\n")),
                )
                .collect();
            super::out(&list)
        }
        Some(RulesCommand::Show { name }) => {
            match builtin::rule_set(&name).or_else(|| builtin::criteria(&name)) {
                Some(text) => super::out(text),
                None => {
                    let known: Vec<&str> = builtin::RULE_SETS
                        .iter()
                        .chain(builtin::CRITERIA)
                        .map(|(n, _, _)| *n)
                        .collect();
                    say!(
                        "error: no built-in rule set `{name}`\n  help: built in are: {}",
                        known.join(", ")
                    );
                    EXIT_USAGE
                }
            }
        }
    }
}
