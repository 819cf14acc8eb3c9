//! Rule sets compiled into the binary, so that an installed `mijlpaal`
//! checks and evaluates a plan in any folder. A plan that names one of them
//! uses the project's own copy (`rules/NAME.rules` beside the plan or above
//! it, or in `--rules-dir`) when there is one, else the built-in text; the
//! pin is computed over the clauses either way, so it holds for both.
//! `mijlpaal rules` lists them, `mijlpaal rules show NAME` prints one to
//! copy and adapt.

/// (name, one-line description, the rule set's text).
pub const RULE_SETS: &[(&str, &str, &str)] = &[(
    "overeenkomst-transformatieplan",
    "the national model agreement (Overeenkomst Transformatieplan, IZA/SPUK) with the Twente Financieringsmodel",
    include_str!("../rules/overeenkomst-transformatieplan.rules"),
)];

/// The built-in rule set `name`, if there is one.
pub fn rule_set(name: &str) -> Option<&'static str> {
    RULE_SETS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, _, text)| *text)
}

/// The name under which a built-in rule set appears in diagnostics.
pub fn display_name(name: &str) -> String {
    format!("<built-in>/{name}.rules")
}

/// The assessment frameworks compiled into the binary: (name, description,
/// text). `mijlpaal submission` uses one when the project has no
/// `rules/NAME.criteria` of its own.
pub const CRITERIA: &[(&str, &str, &str)] = &[(
    "beoordelingskader",
    "Beoordelingskader Impactvolle zorgtransformaties en inzet transformatiemiddelen (Bijlage 1)",
    include_str!("../rules/beoordelingskader.criteria"),
)];

/// The built-in framework `name`, if there is one.
pub fn criteria(name: &str) -> Option<&'static str> {
    CRITERIA
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, _, text)| *text)
}
