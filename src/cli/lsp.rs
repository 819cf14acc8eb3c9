//! `mijlpaal lsp`: the language server on stdin/stdout (`mijlpaal::lsp`).

use mijlpaal::project::Session;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Talk over stdin and stdout (the only transport; accepted because
    /// editors' clients pass it).
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(session: &mut Session, _args: Args) -> u8 {
    let stdin = std::io::BufReader::new(std::io::stdin());
    let stdout = std::io::stdout().lock();
    match mijlpaal::lsp::serve(stdin, stdout, session.options.clone()) {
        Ok(0) => super::EXIT_OK,
        Ok(_) => super::EXIT_ERRORS,
        Err(e) => {
            say!("error: the connection to the editor failed: {e}");
            super::EXIT_USAGE
        }
    }
}
