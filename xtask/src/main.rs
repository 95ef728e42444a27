//! `isms-gen N OUT_DIR`: write a synthetic ISMS of N risks to `OUT_DIR/isms/` and the same
//! model as `OUT_DIR/model.json`, and print the seeded defect counts per code.

mod generate;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
