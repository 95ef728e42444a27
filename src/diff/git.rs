//! Running `git` on the PATH, in the project's directory. Only plumbing commands that
//! read (`rev-parse`, `merge-base`, `ls-tree`, `cat-file`): nothing is checked out and
//! nothing in the repository changes.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::error::DiffError;

/// A git repository seen from the project directory inside it.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
}

impl Git {
    pub fn new(dir: &Path) -> Git {
        Git {
            dir: dir.to_path_buf(),
        }
    }

    /// Run `git ARGS`; its standard output when it succeeded, else its error output.
    pub fn run(&self, args: &[&str]) -> Result<Result<Vec<u8>, String>, DiffError> {
        let output = self.command(args).output().map_err(spawn_error)?;
        Ok(outcome(output))
    }

    /// `git ARGS` whose success is expected: a failure is a [`DiffError::Git`].
    pub fn text(&self, args: &[&str]) -> Result<String, DiffError> {
        match self.run(args)? {
            Ok(out) => Ok(String::from_utf8_lossy(&out).trim_end().to_string()),
            Err(message) => Err(DiffError::Git {
                command: args.join(" "),
                message,
            }),
        }
    }

    /// `git cat-file --batch` over `ids`: each object's bytes, in order. The request is
    /// written from a thread so that a large answer cannot fill the pipe while git waits
    /// for the rest of the request.
    pub fn blobs(&self, ids: &[String]) -> Result<Vec<Vec<u8>>, DiffError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = self
            .command(&["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(spawn_error)?;
        let request: String = ids.iter().map(|id| format!("{id}\n")).collect();
        let stdin = child.stdin.take();
        let writer = std::thread::spawn(move || {
            if let Some(mut stdin) = stdin {
                // A write error shows as a short answer below.
                let _ = stdin.write_all(request.as_bytes());
            }
        });
        let mut answer = Vec::new();
        if let Some(mut stdout) = child.stdout.take() {
            stdout
                .read_to_end(&mut answer)
                .map_err(|e| batch_error(e.to_string()))?;
        }
        let _ = writer.join();
        let output = child
            .wait_with_output()
            .map_err(|e| batch_error(e.to_string()))?;
        if !output.status.success() {
            return Err(batch_error(
                String::from_utf8_lossy(&output.stderr).trim().to_string(),
            ));
        }
        parse_batch(&answer, ids.len())
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("git");
        command
            .arg("-C")
            .arg(&self.dir)
            .args(args)
            // The answers are parsed: no pager, no translations, no prompts.
            .env("GIT_PAGER", "cat")
            .env("LC_ALL", "C")
            .env("GIT_TERMINAL_PROMPT", "0")
            .stdin(Stdio::null());
        command
    }
}

fn outcome(output: Output) -> Result<Vec<u8>, String> {
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_string())
    }
}

fn spawn_error(e: std::io::Error) -> DiffError {
    DiffError::GitMissing(e.to_string())
}

fn batch_error(message: String) -> DiffError {
    DiffError::Git {
        command: "cat-file --batch".to_string(),
        message,
    }
}

/// `<id> <type> <size>\n<bytes>\n` per object, in request order.
fn parse_batch(mut answer: &[u8], count: usize) -> Result<Vec<Vec<u8>>, DiffError> {
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let end = answer
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| batch_error("the answer ended early".to_string()))?;
        let header = String::from_utf8_lossy(answer.get(..end).unwrap_or_default()).to_string();
        let size: usize = header
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| batch_error(format!("unexpected answer `{header}`")))?;
        let body = answer
            .get(end + 1..end + 1 + size)
            .ok_or_else(|| batch_error("the answer ended early".to_string()))?;
        out.push(body.to_vec());
        answer = answer.get(end + 2 + size..).unwrap_or_default();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_answers_are_split_by_their_sizes() {
        let answer = b"a blob 3\nabc\nb blob 0\n\nc blob 2\n\n\n\n";
        let blobs = parse_batch(answer, 3).unwrap();
        assert_eq!(blobs, vec![b"abc".to_vec(), b"".to_vec(), b"\n\n".to_vec()]);
    }

    #[test]
    fn a_missing_object_is_an_error_not_a_panic() {
        assert!(parse_batch(b"a missing\n", 1).is_err());
        assert!(parse_batch(b"a blob 10\nabc\n", 1).is_err());
    }
}
