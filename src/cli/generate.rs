//! `mijlpaal completions SHELL` and `mijlpaal man`: shell completions and a
//! man page, generated from the CLI's own definition so they never drift
//! from the flags the binary accepts.

use clap::CommandFactory;

use super::{Cli, EXIT_USAGE};

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    pub shell: clap_complete::Shell,
}

/// Prints the completion script for a shell, e.g.
/// `mijlpaal completions bash > /etc/bash_completion.d/mijlpaal`.
pub fn completions(args: CompletionsArgs) -> u8 {
    let mut cmd = Cli::command();
    let mut bytes = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "mijlpaal", &mut bytes);
    write(&bytes)
}

/// Prints the man page (roff), e.g. `mijlpaal man > mijlpaal.1`.
pub fn man() -> u8 {
    let mut bytes = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut bytes) {
        Ok(()) => write(&bytes),
        Err(e) => {
            say!("{}", mijlpaal::tr!("cli-man-page-failed", reason = e));
            EXIT_USAGE
        }
    }
}

fn write(bytes: &[u8]) -> u8 {
    match std::str::from_utf8(bytes) {
        Ok(text) => super::out(text),
        Err(_) => {
            say!("{}", mijlpaal::tr!("cli-generated-not-utf8"));
            EXIT_USAGE
        }
    }
}
