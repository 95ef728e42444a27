//! Growth benchmarks: the inputs of issue #16 that once took super-linear time, each at two
//! sizes (n and 4n) in the same run, so that the ratio of the two times shows how the
//! case grows (about 4 when linear, 16 when quadratic). The figures are in
//! `benches/README.md`.
//!
//! `cargo bench --bench scaling` (n = 10,000; set `ISMS_SCALING_N` to choose),
//! `cargo bench --bench scaling -- --test` runs each once (CI's smoke mode).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../xtask/src/growth.rs"]
#[allow(dead_code)] // each target uses some of the cases
mod growth;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use growth::Case;
use isms::emit::{self, Format};
use isms::{compile_lean, Compilation, Input, Options, Settings};

fn check(text: &str) -> Compilation {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    compile_lean(
        vec![Input::new("case.isms", text)],
        &Options { today },
        &Settings::default(),
    )
}

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("ISMS_SCALING_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    // What `isms build` writes without `--format` (PDF is not in every build).
    let formats: Vec<Format> = Format::defaults();
    for case in Case::ALL {
        let mut g = c.benchmark_group(format!("scaling/{}", case.name()));
        g.sample_size(10);
        for size in [n, 4 * n] {
            let text = case.text(size);
            g.throughput(Throughput::Elements(size as u64));
            g.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                if case == Case::Policies {
                    // What `isms build` renders, in every format (not written to disk).
                    b.iter(|| emit::documents(&check(text), &formats).unwrap().len())
                } else {
                    b.iter(|| check(text).diagnostics.len())
                }
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
