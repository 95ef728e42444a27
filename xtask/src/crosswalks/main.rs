//! `isms-crosswalks DATA_DIR STDLIB_DIR`: write the shipped framework catalogs and their
//! mappings to ISO/IEC 27001:2022 (`stdlib/nist-*.isms`, `stdlib/cc-by-sa/bsi-gspp.isms`)
//! from the identifier-only crosswalks in DATA_DIR (`shared/data/crosswalks`).
//!
//! The output is a pure function of the CSVs: `tests/regenerate.rs` runs it again and
//! compares the bytes with the committed files.

mod generate;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(data), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: isms-crosswalks DATA_DIR STDLIB_DIR");
        return ExitCode::from(2);
    };
    let files = match generate::all(std::path::Path::new(data)) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("isms-crosswalks: {e}");
            return ExitCode::from(2);
        }
    };
    for (path, text) in files {
        let target = std::path::Path::new(out).join(path);
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&target, text));
        if let Err(e) = written {
            eprintln!("isms-crosswalks: cannot write {}: {e}", target.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
