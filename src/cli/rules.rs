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
                .map(|(name, about, _)| format!("{name}  {}\n", described(name, about)))
                .chain(builtin::CRITERIA.iter().map(|(name, about, _)| {
                    let about = described(name, about);
                    format!(
                        "{name}  {}\n",
                        mijlpaal::tr!("cli-rules-criteria", about = about)
                    )
                }))
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
                        "{}",
                        mijlpaal::tr!("cli-rules-unknown", name = name, known = known.join(", "))
                    );
                    EXIT_USAGE
                }
            }
        }
    }
}

/// A built-in rule set's or framework's one-line description, in the
/// current language (`builtin.rs` keeps the English one).
fn described(name: &str, english: &str) -> String {
    match name {
        "overeenkomst-transformatieplan" => mijlpaal::tr!("cli-rules-about-model-agreement"),
        "beoordelingskader" => mijlpaal::tr!("cli-rules-about-framework"),
        _ => english.to_string(),
    }
}
