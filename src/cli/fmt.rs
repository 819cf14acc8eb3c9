//! `mijlpaal fmt FILE... [--check]`

use std::path::PathBuf;

use mijlpaal::{project, source, write};

use super::{print_human, Common, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use mijlpaal::project::Session;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Plan, rules and facts files to format in place.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Change nothing: show what would change and exit 1 if anything would.
    #[arg(long)]
    pub check: bool,
}

/// A unified diff of `old` → `new`, with the file name in the header.
pub fn unified(name: &str, old: &str, new: &str, label: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(name, &format!("{name} ({label})"))
        .to_string()
}

pub fn run(session: &mut Session, common: &Common, args: Args) -> u8 {
    let mut code = EXIT_OK;
    for path in &args.files {
        let file = match source::load(path, session.options.max_file_bytes, None) {
            Ok(f) => f,
            Err(d) => {
                session.diagnostics.push(d);
                code = code.max(EXIT_USAGE);
                continue;
            }
        };
        let id = session.sources.add(file.clone());
        let formatted = match mijlpaal::format::format(&file.text) {
            Ok(f) => f,
            Err(diags) => {
                let diags: Vec<_> = diags.into_iter().map(|d| d.in_file(id)).collect();
                print_human(session, &diags, common);
                say!(
                    "{}",
                    mijlpaal::tr!("cli-fmt-does-not-parse", file = file.name)
                );
                code = code.max(EXIT_ERRORS);
                continue;
            }
        };
        // `fmt -` is a filter: the formatted text goes to stdout, always.
        if path.as_path() == std::path::Path::new(source::STDIN) && !args.check {
            code = code.max(super::out(&formatted));
            continue;
        }
        if formatted == file.text {
            continue;
        }
        if args.check {
            let written = super::out(&unified(
                &file.name,
                &file.text,
                &formatted,
                &mijlpaal::tr!("cli-fmt-formatted-label"),
            ));
            code = code.max(EXIT_ERRORS).max(written);
        } else if let Err(d) = write::replace(path, &formatted, &project::project_root(path)) {
            // Never through a link, never outside the file's project.
            session.diagnostics.push(d);
            code = code.max(EXIT_USAGE);
        } else {
            say!("{}", mijlpaal::tr!("cli-fmt-formatted", file = file.name));
        }
    }
    let io: Vec<_> = session.diagnostics.items.clone();
    print_human(session, &io, common);
    code
}
