//! Writing files safely: `fmt`, `snapshot`, `import` and `export` replace files that a plan's
//! project (someone else's, perhaps) laid out. A link at the target could
//! send the write anywhere, so the target must be a regular file or absent,
//! lie inside the project, and is replaced by renaming a temporary file from
//! the same directory over it: the write never goes through a link, and an
//! interrupted write never leaves half a file.

// A refused write ends that file's run; the size of its error is irrelevant.
#![allow(clippy::result_large_err)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// Checks that `target` may be written: not a link, not a directory or
/// device, and (its directory followed to its real place) inside `root`.
/// Returns the target's real directory.
pub fn check_target(target: &Path, root: &Path) -> Result<PathBuf, Diagnostic> {
    let shown = target.display();
    let refuse = |why: String| {
        Diagnostic::error("I009", crate::tr!("i009-message", file = shown, why = why))
            .with_help(crate::tr!("i009-help"))
    };
    match std::fs::symlink_metadata(target) {
        Ok(m) if m.file_type().is_symlink() => {
            let to = std::fs::read_link(target)
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            return Err(refuse(crate::tr!("i009-link", to = to)));
        }
        Ok(m) if !m.is_file() => return Err(refuse(crate::tr!("i009-not-regular"))),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(write_error(target, &e)),
    }
    let dir = crate::project::canonical_parent(target);
    if dir.starts_with(root) {
        Ok(dir)
    } else {
        Err(refuse(crate::tr!(
            "i009-outside",
            dir = dir.display(),
            root = root.display()
        )))
    }
}

/// Replaces `target` with `content` after [`check_target`]: writes a
/// temporary file beside it (created new, so never through a link) and
/// renames it over the target.
pub fn replace(target: &Path, content: impl AsRef<[u8]>, root: &Path) -> Result<(), Diagnostic> {
    replace_with(target, root, |f| f.write_all(content.as_ref()))
}

/// [`replace`] with the content written by `write` as it is made (a large
/// output is streamed, never held whole), through a buffer. When `write`
/// fails, the temporary file is removed and the target left as it was.
pub fn replace_with(
    target: &Path,
    root: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> Result<(), Diagnostic> {
    let dir = check_target(target, root)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.mijlpaal-{}.tmp", std::process::id()));
    // The replaced file keeps its permissions; a new one gets the defaults.
    let permissions = std::fs::metadata(target).ok().map(|m| m.permissions());
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|f| {
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &f);
            write(&mut buffered)?;
            buffered.flush()?;
            drop(buffered);
            if let Some(p) = permissions {
                f.set_permissions(p)?;
            }
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, dir.join(&name)));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        write_error(target, &e)
    })
}

/// The directory a file named on the command line (`evaluate -o FILE`) must
/// be written inside. The command line is the user's own (see the trust
/// model): a file named outside the plan's project is written where it was
/// named. But a file named inside the project must stay there: a link that
/// the project's author placed on the way (`out -> /home/...`) cannot carry
/// the write out of it. The target itself is never a link (`check_target`).
pub fn output_root(target: &Path, project_root: &Path) -> PathBuf {
    let as_named = std::env::current_dir()
        .map(|dir| dir.join(target))
        .unwrap_or_else(|_| target.to_path_buf());
    if as_named.starts_with(project_root) {
        project_root.to_path_buf()
    } else {
        crate::project::canonical_parent(target)
    }
}

/// I010: a write that failed (a full disk, no permission).
pub fn write_error(target: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        "I010",
        crate::tr!("i010-message", file = target.display(), error = e),
    )
    .with_help(crate::tr!("i010-help"))
}
