//! `mijlpaal submission PLAN [--format text|json|markdown|html] [--criteria FILE]`:
//! the assessment framework as a checklist filled in for the plan
//! (`mijlpaal::submission`). Exit 1 when a criterion fails or a pointer
//! names no criterion (L011).

use std::path::PathBuf;

use mijlpaal::check;
use mijlpaal::project::Session;
use mijlpaal::submission::{self, Labels, Status, FRAMEWORK};

use super::{exit_code, print_human, Common, EXIT_ERRORS};

#[derive(clap::Args, Debug)]
pub struct Args {
    pub plan: PathBuf,
    #[arg(long, value_enum, default_value_t = SubmissionFormat::Text)]
    pub format: SubmissionFormat,
    /// The framework to use instead of the project's `rules/beoordelingskader.criteria`
    /// or the built-in one.
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubmissionFormat {
    Text,
    Json,
    Markdown,
    /// One self-contained page in the council report's style.
    Html,
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    let project = session.load_project(&args.plan, &[]);
    let criteria = session.load_criteria(&args.plan, args.criteria.as_deref(), FRAMEWORK);
    session.diagnostics.sort();
    let diags = session.diagnostics.items.clone();
    let code = exit_code(&diags, false);
    // A plan, rule set or framework that does not lower is not assessed:
    // the checks would run on part of it.
    let (Some(project), Some(criteria), 0) = (project, criteria, code) else {
        print_human(session, &diags, common);
        return code.max(EXIT_ERRORS);
    };
    print_human(session, &diags, common);
    let findings = check::run_all(&project.plan, project.rules.as_ref(), &[]);
    let pointers = submission::check_pointers(&project.plan, &criteria);
    print_human(session, &pointers, common);
    let list = submission::decide(
        &project.plan,
        project.rules.as_ref(),
        &findings,
        &criteria,
        &session.sources,
    );
    let written = match args.format {
        SubmissionFormat::Text => super::out(&submission::text(&list, &Labels::current())),
        SubmissionFormat::Markdown => super::out(&submission::markdown(&list, &Labels::current())),
        SubmissionFormat::Html => super::out(&submission::html(&list, &Labels::current())),
        SubmissionFormat::Json => match serde_json::to_string_pretty(&submission::to_json(&list)) {
            Ok(s) => super::out_json(&format!("{s}\n")),
            Err(e) => {
                say!(
                    "{}",
                    mijlpaal::tr!("cli-submission-cannot-print", reason = e)
                );
                super::EXIT_USAGE
            }
        },
    };
    let failed = if list.count(Status::Fails) > 0 || !pointers.is_empty() {
        EXIT_ERRORS
    } else {
        super::EXIT_OK
    };
    failed.max(written)
}
