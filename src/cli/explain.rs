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
            let list: String = mijlpaal::codes::list()
                .into_iter()
                .map(|(code, severity, summary)| format!("{code}  {severity:<7}  {summary}\n"))
                .collect();
            super::out(&list)
        }
        Some(code) => match mijlpaal::codes::explain(&code) {
            Some(text) => super::out(&text),
            None => {
                say!("error: unknown code `{code}`\n  help: `mijlpaal explain` lists every code");
                EXIT_USAGE
            }
        },
    }
}
