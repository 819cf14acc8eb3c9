//! `mijlpaal explain [CODE]`

use super::{EXIT_OK, EXIT_USAGE};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A code such as C101 or L006, or a check's name such as split-sum.
    pub code: Option<String>,
}

pub fn run(args: Args) -> u8 {
    match args.code {
        None => {
            for (code, severity, summary) in mijlpaal::codes::list() {
                super::out(&format!("{code}  {severity:<7}  {summary}\n"));
            }
            EXIT_OK
        }
        Some(code) => match mijlpaal::codes::explain(&code) {
            Some(text) => {
                super::out(&text);
                EXIT_OK
            }
            None => {
                say!("error: unknown code `{code}`\n  help: `mijlpaal explain` lists every code");
                EXIT_USAGE
            }
        },
    }
}
