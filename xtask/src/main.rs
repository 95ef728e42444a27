//! `isms-gen N OUT_DIR`: write a synthetic ISMS of N risks to `OUT_DIR/isms/` and the same
//! model as `OUT_DIR/model.json`, and print the seeded defect counts per code.
//!
//! `isms-gen CASE N OUT_DIR`: write the growth case CASE (`unknown-references`, `allows`,
//! `long-list`, `roles-of-one-person`, `policies`, `depends-on-chain`, `parent-chain`) of
//! size N to `OUT_DIR/isms/case.isms`, for profiling one of them.

mod generate;
mod growth;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(case) = args.first().and_then(|a| growth::Case::from_name(a)) {
        return write_case(case, &args[1..]);
    }
    let (Some(n), Some(out)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: isms-gen N OUT_DIR");
        return ExitCode::from(2);
    };
    let project = generate::generate(n);
    let dir = std::path::Path::new(out);
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(dir.join("isms"))?;
        for (name, text) in &project.files {
            std::fs::write(dir.join("isms").join(name), text)?;
        }
        std::fs::write(dir.join("model.json"), &project.json)
    };
    if let Err(e) = write() {
        eprintln!("isms-gen: cannot write into {out}: {e}");
        return ExitCode::from(2);
    }
    let mut counts = std::collections::BTreeMap::new();
    for i in 0..n {
        if let Some(d) = generate::defect_of(i) {
            *counts.entry(d.code()).or_insert(0usize) += 1;
        }
    }
    for (code, count) in counts {
        println!("{code} {count}");
    }
    ExitCode::SUCCESS
}

fn write_case(case: growth::Case, args: &[String]) -> ExitCode {
    let (Some(n), Some(out)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: isms-gen CASE N OUT_DIR");
        return ExitCode::from(2);
    };
    let dir = std::path::Path::new(out).join("isms");
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("case.isms"), case.text(n)));
    if let Err(e) = written {
        eprintln!("isms-gen: cannot write into {out}: {e}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
