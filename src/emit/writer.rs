//! Writing documents into an output directory all-or-nothing.
//!
//! A build never changes the output directory `out` file by file. It builds a complete new
//! directory beside it, `.NAME.isms-new`: a copy of `out` (hard links, or copies where
//! links are impossible, of every file; symlinks recreated as links) with the new
//! documents written over their old versions. Then two renames swap it in:
//! `out` → `.NAME.isms-old`, `.NAME.isms-new` → `out`, and the old tree is removed.
//!
//! INVARIANT: at every instant, `out` is either missing or entirely the old or entirely
//! the new tree; files the build did not write are kept (the copy carries them over).
//! An interrupted build leaves at most:
//! - `.NAME.isms-new` beside an intact `out` (killed while staging): removed by the next
//!   build;
//! - `.NAME.isms-old` and `.NAME.isms-new` without `out` (killed between the renames): the
//!   next build renames the old tree back, then removes the rest;
//! - `.NAME.isms-old` beside the new `out` (killed before the clean-up): removed.
//!
//! Documents are never written through a symbolic link inside `out`: a document whose
//! directory is a link is refused, and a document whose own name is a link replaces the
//! link in the new tree.

mod staging;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::Output;

/// Write `docs` into `out` (created if missing). Returns the paths written, under `out`
/// as given.
pub fn write_all(out: &Path, docs: &[Output]) -> io::Result<Vec<PathBuf>> {
    let target = real_out(out)?;
    let siblings = Siblings::of(&target)?;
    siblings.recover(&target)?;
    staging::create(&target, &siblings.new)?;
    if let Err(e) = staging::write_documents(&siblings.new, docs).and_then(|()| fault("swap")) {
        // Nothing of `out` was touched yet.
        let _ = fs::remove_dir_all(&siblings.new);
        return Err(e);
    }
    siblings.swap(&target)?;
    Ok(docs.iter().map(|d| out.join(&d.path)).collect())
}

/// `out` as an absolute path without symbolic links: a linked `out` is built where it
/// points (the swap replaces the directory, never the user's link).
fn real_out(out: &Path) -> io::Result<PathBuf> {
    match fs::canonicalize(out) {
        Ok(real) => Ok(real),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let name = out.file_name().ok_or_else(|| no_name(out))?;
            let parent = match out.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            fs::create_dir_all(parent)?;
            Ok(fs::canonicalize(parent)?.join(name))
        }
        Err(e) => Err(e),
    }
}

fn no_name(out: &Path) -> io::Error {
    io::Error::other(format!(
        "`{}` names no directory that can be replaced",
        out.display()
    ))
}

/// The staging and the old tree's names, beside `out`.
struct Siblings {
    new: PathBuf,
    old: PathBuf,
}

impl Siblings {
    fn of(out: &Path) -> io::Result<Siblings> {
        let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
            return Err(no_name(out));
        };
        let name = name.to_string_lossy();
        Ok(Siblings {
            new: parent.join(format!(".{name}.isms-new")),
            old: parent.join(format!(".{name}.isms-old")),
        })
    }

    /// Repair what an interrupted build left (see the module comment).
    fn recover(&self, out: &Path) -> io::Result<()> {
        if !exists(out) && exists(&self.old) {
            fs::rename(&self.old, out)?;
        }
        for stale in [&self.old, &self.new] {
            if exists(stale) {
                fs::remove_dir_all(stale)?;
            }
        }
        Ok(())
    }

    fn swap(&self, out: &Path) -> io::Result<()> {
        if !exists(out) {
            return fs::rename(&self.new, out).inspect_err(|_| {
                let _ = fs::remove_dir_all(&self.new);
            });
        }
        if let Err(e) = fs::rename(out, &self.old) {
            let _ = fs::remove_dir_all(&self.new);
            return Err(e);
        }
        crash("between-renames");
        if let Err(e) = fs::rename(&self.new, out) {
            // Put the old tree back; if even that fails, the next build does.
            let _ = fs::rename(&self.old, out);
            return Err(e);
        }
        // The new tree is in place; an old tree left behind is removed by the next build.
        let _ = fs::remove_dir_all(&self.old);
        Ok(())
    }
}

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Test builds only: `ISMS_TEST_FAULT=<point>` makes the build fail at that point, so
/// tests can show that a failure there leaves `out` as it was.
fn fault(point: &str) -> io::Result<()> {
    if cfg!(debug_assertions) && std::env::var("ISMS_TEST_FAULT").is_ok_and(|v| v == point) {
        return Err(io::Error::other(format!("injected failure at {point}")));
    }
    Ok(())
}

/// Test builds only: `ISMS_TEST_FAULT=<point>` ends the process at that point, as a kill
/// would.
fn crash(point: &str) {
    if cfg!(debug_assertions) && std::env::var("ISMS_TEST_FAULT").is_ok_and(|v| v == point) {
        std::process::abort();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn doc(path: &str, text: &str) -> Output {
        Output {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".isms-"))
            .collect()
    }

    #[test]
    fn writes_and_keeps_foreign_files() -> io::Result<()> {
        let parent = tempfile::tempdir()?;
        let dir = parent.path().join("out");
        fs::create_dir_all(dir.join("sub"))?;
        fs::write(dir.join("mine.txt"), "user file")?;
        fs::write(dir.join("sub/notes.txt"), "user notes")?;
        write_all(&dir, &[doc("sub/soa.json", "{}")])?;
        assert_eq!(fs::read_to_string(dir.join("sub/soa.json"))?, "{}");
        assert_eq!(fs::read_to_string(dir.join("mine.txt"))?, "user file");
        assert_eq!(fs::read_to_string(dir.join("sub/notes.txt"))?, "user notes");
        assert!(leftovers(parent.path()).is_empty());
        Ok(())
    }

    #[test]
    fn replaces_documents_without_touching_the_old_tree_until_the_swap() -> io::Result<()> {
        let parent = tempfile::tempdir()?;
        let dir = parent.path().join("out");
        write_all(&dir, &[doc("a.md", "old"), doc("p/b.md", "old")])?;
        // A hard link to the old document elsewhere must keep the old bytes: documents
        // are replaced, never written into.
        let keep = parent.path().join("keep");
        fs::hard_link(dir.join("a.md"), &keep)?;
        write_all(&dir, &[doc("a.md", "new"), doc("p/b.md", "new")])?;
        assert_eq!(fs::read_to_string(dir.join("a.md"))?, "new");
        assert_eq!(fs::read_to_string(dir.join("p/b.md"))?, "new");
        assert_eq!(fs::read_to_string(&keep)?, "old");
        Ok(())
    }

    #[test]
    fn removes_what_earlier_versions_left_inside_out() -> io::Result<()> {
        let parent = tempfile::tempdir()?;
        let dir = parent.path().join("out");
        fs::create_dir_all(dir.join(".isms-build-4242-0/policies"))?;
        fs::write(dir.join(".isms-build-4242-0/policies/p.md"), "stale")?;
        write_all(&dir, &[doc("a.md", "new")])?;
        assert!(!dir.join(".isms-build-4242-0").exists());
        assert_eq!(fs::read_to_string(dir.join("a.md"))?, "new");
        Ok(())
    }

    #[test]
    fn a_failure_while_staging_leaves_out_as_it_was() -> io::Result<()> {
        let parent = tempfile::tempdir()?;
        let dir = parent.path().join("out");
        write_all(&dir, &[doc("a.md", "old"), doc("b.md", "old")])?;
        // A directory where the second document goes: writing it fails.
        fs::create_dir(dir.join("c.md"))?;
        let docs = [doc("a.md", "new"), doc("b.md", "new"), doc("c.md", "new")];
        assert!(write_all(&dir, &docs).is_err());
        assert_eq!(fs::read_to_string(dir.join("a.md"))?, "old");
        assert_eq!(fs::read_to_string(dir.join("b.md"))?, "old");
        assert!(leftovers(parent.path()).is_empty());
        Ok(())
    }

    #[test]
    fn recovers_from_a_build_killed_between_the_renames() -> io::Result<()> {
        let parent = tempfile::tempdir()?;
        let dir = parent.path().join("out");
        write_all(&dir, &[doc("a.md", "old")])?;
        // What a kill between the two renames leaves.
        fs::rename(&dir, parent.path().join(".out.isms-old"))?;
        fs::create_dir(parent.path().join(".out.isms-new"))?;
        fs::write(parent.path().join(".out.isms-new/a.md"), "half")?;
        write_all(&dir, &[doc("a.md", "new"), doc("b.md", "new")])?;
        assert_eq!(fs::read_to_string(dir.join("a.md"))?, "new");
        assert!(leftovers(parent.path()).is_empty());
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn never_writes_through_a_symlinked_subdirectory() -> io::Result<()> {
        let parent = tempfile::tempdir()?;
        let elsewhere = tempfile::tempdir()?;
        let dir = parent.path().join("out");
        fs::create_dir(&dir)?;
        std::os::unix::fs::symlink(elsewhere.path(), dir.join("policies"))?;
        let e = write_all(&dir, &[doc("policies/p.md", "new")]).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert_eq!(fs::read_dir(elsewhere.path())?.count(), 0);
        assert!(fs::symlink_metadata(dir.join("policies"))?.is_symlink());
        assert!(leftovers(parent.path()).is_empty());
        Ok(())
    }
}
