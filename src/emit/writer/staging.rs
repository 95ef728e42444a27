//! The new output tree, built beside `out`: a copy of `out` as it is, then the documents
//! written over it. Nothing here writes into `out` or into a file `out` shares.

use std::fs;
use std::io;
use std::path::{Component, Path};

use super::super::Output;

/// Create `new` (which must not exist) as a copy of `out`, or empty if `out` is missing.
pub fn create(out: &Path, new: &Path) -> io::Result<()> {
    fs::create_dir(new)?;
    match fs::symlink_metadata(out) {
        Ok(meta) if meta.is_dir() => {
            fs::set_permissions(new, meta.permissions())?;
            copy_tree(out, new)
        }
        Ok(_) => Err(io::Error::other(format!(
            "`{}` is not a directory",
            out.display()
        ))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Copy what is in `from` into the existing directory `to`: directories are created,
/// files hard-linked (copied where a link is impossible), symbolic links recreated as links
/// (never followed).
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        if is_legacy_staging(&entry) {
            continue;
        }
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        let meta = fs::symlink_metadata(&source)?;
        if meta.is_dir() {
            fs::create_dir(&target)?;
            fs::set_permissions(&target, meta.permissions())?;
            copy_tree(&source, &target)?;
        } else if meta.is_symlink() {
            copy_link(&source, &target)?;
        } else if fs::hard_link(&source, &target).is_err() {
            fs::copy(&source, &target)?;
        }
    }
    Ok(())
}

/// `.isms-build-PID-N`: the staging directory that builds before the all-or-nothing swap
/// made inside the output directory, and left behind when killed. Not carried over, so the
/// next build removes it with the old tree.
fn is_legacy_staging(entry: &fs::DirEntry) -> bool {
    entry
        .file_name()
        .to_string_lossy()
        .starts_with(".isms-build-")
        && entry.file_type().is_ok_and(|t| t.is_dir())
}

#[cfg(unix)]
fn copy_link(source: &Path, target: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(fs::read_link(source)?, target)
}

#[cfg(not(unix))]
fn copy_link(source: &Path, _target: &Path) -> io::Result<()> {
    Err(io::Error::other(format!(
        "`{}` is a symbolic link, which this platform's build cannot carry over",
        source.display()
    )))
}

/// Write each document into `new`, replacing what the copy put at its path.
pub fn write_documents(new: &Path, docs: &[Output]) -> io::Result<()> {
    for doc in docs {
        let relative = Path::new(&doc.path);
        let Some(parent) = relative.parent() else {
            return Err(io::Error::other(format!(
                "bad document path `{}`",
                doc.path
            )));
        };
        let dir = real_directory(new, parent)?;
        let Some(name) = relative.file_name() else {
            return Err(io::Error::other(format!(
                "bad document path `{}`",
                doc.path
            )));
        };
        let path = dir.join(name);
        match fs::symlink_metadata(&path) {
            // A hard link into the old tree or a user's link: replaced, never written into.
            Ok(meta) if !meta.is_dir() => fs::remove_file(&path)?,
            Ok(_) => {
                return Err(io::Error::other(format!(
                    "`{}` is a directory where a document goes",
                    doc.path
                )))
            }
            Err(_) => {}
        }
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
        io::Write::write_all(&mut file, &doc.bytes)?;
    }
    Ok(())
}

/// `root/relative` as a directory, creating what is missing; a component that is a
/// symbolic link (or anything but a directory) is refused.
fn real_directory(root: &Path, relative: &Path) -> io::Result<std::path::PathBuf> {
    let mut dir = root.to_path_buf();
    for component in relative.components() {
        let Component::Normal(part) = component else {
            return Err(io::Error::other(format!(
                "bad document directory `{}`",
                relative.display()
            )));
        };
        dir.push(part);
        match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_symlink() => {
                return Err(io::Error::other(format!(
                    "`{}` in the output directory is a symbolic link; documents are never \
                     written through one",
                    relative.display()
                )))
            }
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(io::Error::other(format!(
                    "`{}` in the output directory is a file where a directory of documents goes",
                    relative.display()
                )))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir(&dir)?,
            Err(e) => return Err(e),
        }
    }
    Ok(dir)
}
