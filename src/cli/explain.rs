//! `mijlpaal explain [CODE]`

use super::EXIT_USAGE;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A code such as C101 or L006, or a check's name such as split-sum.
    pub code: Option<String>,
}

pub fn run(args: Args) -> u8 {
    match args.code {
        None => {
            let list = mijlpaal::codes::list();
            // As wide as the longest severity word of the language.
            let width = list
                .iter()
                .map(|(_, severity, _)| severity.chars().count())
                .max()
                .unwrap_or(0);
            let list: String = list
                .into_iter()
                .map(|(code, severity, summary)| format!("{code}  {severity:<width$}  {summary}\n"))
                .collect();
            super::out(&list)
        }
        Some(code) => match mijlpaal::codes::explain(&code) {
            Some(text) => super::out(&text),
            None => {
                say!("{}", mijlpaal::tr!("cli-explain-unknown-code", code = code));
                EXIT_USAGE
            }
        },
    }
}
