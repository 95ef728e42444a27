//! Writing documents into an output directory atomically: everything is written into a
//! fresh staging directory first and only then moved into place, so a failure leaves no
//! half-written file, and files in the directory that the build did not write are never
//! touched.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::Document;

/// Write `docs` into `out` (created if missing). Returns the paths written.
pub fn write_all(out: &Path, docs: &[Document]) -> io::Result<Vec<PathBuf>> {
    fs::create_dir_all(out)?;
    let staging = staging_dir(out)?;
    let result = stage_and_move(&staging, out, docs);
    // The staging directory is ours alone; a failure to remove it leaves no user data.
    let _ = fs::remove_dir_all(&staging);
    result
}

fn staging_dir(out: &Path) -> io::Result<PathBuf> {
    for n in 0..1000 {
        let dir = out.join(format!(".isms-build-{}-{n}", std::process::id()));
        match fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("could not create a staging directory"))
}

fn stage_and_move(staging: &Path, out: &Path, docs: &[Document]) -> io::Result<Vec<PathBuf>> {
    for doc in docs {
        let path = staging.join(&doc.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &doc.bytes)?;
    }
    let mut written = Vec::new();
    for doc in docs {
        let target = out.join(&doc.path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::rename(staging.join(&doc.path), &target)?;
        written.push(target);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_keeps_foreign_files() -> io::Result<()> {
        let dir = std::env::temp_dir().join(format!("isms-writer-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("mine.txt"), "user file")?;
        let docs = vec![Document {
            path: "sub/soa.json".into(),
            bytes: b"{}".to_vec(),
        }];
        write_all(&dir, &docs)?;
        assert_eq!(fs::read_to_string(dir.join("sub/soa.json"))?, "{}");
        assert_eq!(fs::read_to_string(dir.join("mine.txt"))?, "user file");
        let leftovers: Vec<_> = fs::read_dir(&dir)?
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".isms-build"))
            .collect();
        assert!(leftovers.is_empty());
        fs::remove_dir_all(&dir)
    }
}
