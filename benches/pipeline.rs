//! Per-stage benchmarks of the pipeline on synthetic projects of 300, 10k and 100k risks,
//! with two baselines measured in the same run: serde_json parsing the equivalent JSON
//! into an equivalent typed model, and a plain byte scan (newline count) as the floor.
//!
//! `cargo bench --bench pipeline` (all sizes; set `ISMS_BENCH_SIZES=300,10000` to choose),
//! `cargo bench --bench pipeline -- --test` runs each once (CI's smoke mode).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../xtask/src/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use isms::check::{self, Context};
use isms::diagnostics::Sink;
use isms::frontend::{lower_all, FrontInput};
use isms::model::graph::Trace;
use isms::model::{lower, resolve, Model};
use isms::source::FileId;
use isms::{compile, compile_lean, Input, Options, Settings};
use serde::Deserialize;

/// The JSON twin of the model, deserialised with serde_json for the baseline.
#[derive(Deserialize)]
#[allow(dead_code)]
struct JsonModel {
    organization: JsonOrg,
    roles: Vec<JsonId>,
    persons: Vec<JsonPerson>,
    assets: Vec<JsonAsset>,
    risks: Vec<JsonRisk>,
    controls: Vec<JsonControl>,
    exclusions: Vec<String>,
    policies: Vec<JsonPolicy>,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct JsonOrg {
    id: String,
    name: String,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct JsonId {
    id: String,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct JsonPerson {
    id: String,
    name: String,
    roles: Vec<String>,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct JsonAsset {
    id: String,
    name: String,
    kind: String,
    owner: String,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct JsonRisk {
    id: String,
    title: String,
    assets: Vec<String>,
    threat: String,
    vulnerability: String,
    likelihood: i64,
    impact: i64,
    owner: Option<String>,
    treatment: Option<JsonTreatment>,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct JsonTreatment {
    kind: String,
    controls: Vec<String>,
    residual: Option<JsonResidual>,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct JsonResidual {
    likelihood: i64,
    impact: i64,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct JsonControl {
    id: String,
    title: Option<String>,
    status: String,
    owner: String,
    evidence: Vec<String>,
}
#[derive(Deserialize)]
#[allow(dead_code)]
struct JsonPolicy {
    id: String,
    title: String,
    owner: String,
    version: String,
    parent: Option<String>,
}

fn sizes() -> Vec<usize> {
    std::env::var("ISMS_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![300, 10_000, 100_000])
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn inputs(p: &generate::Project) -> Vec<Input> {
    p.files
        .iter()
        .map(|(n, t)| Input::new(n.clone(), t.clone()))
        .collect()
}

fn bench(c: &mut Criterion) {
    for n in sizes() {
        let project = generate::generate(n);
        let bytes: usize = project.files.iter().map(|(_, t)| t.len()).sum();
        let mut g = c.benchmark_group(format!("{n} risks"));
        g.throughput(Throughput::Bytes(bytes as u64));
        if n >= 10_000 {
            g.sample_size(10);
        }
        g.bench_function(BenchmarkId::new("floor", "newline count"), |b| {
            b.iter(|| {
                project
                    .files
                    .iter()
                    .map(|(_, t)| t.bytes().filter(|&c| c == b'\n').count())
                    .sum::<usize>()
            })
        });
        g.bench_function(
            BenchmarkId::new("baseline", "serde_json typed model"),
            |b| b.iter(|| serde_json::from_str::<JsonModel>(black_box(&project.json)).unwrap()),
        );
        g.bench_function(BenchmarkId::new("stage", "parse"), |b| {
            b.iter(|| {
                project
                    .files
                    .iter()
                    .enumerate()
                    .map(|(i, (_, t))| isms::syntax::parse(FileId(i as u32), t).decls.len())
                    .sum::<usize>()
            })
        });
        // The front end as `isms check` runs it: parse and lower, no trees kept, in
        // chunks on one thread and on every core.
        let front: Vec<FrontInput<'_>> = project
            .files
            .iter()
            .enumerate()
            .map(|(i, (_, t))| FrontInput {
                id: FileId(i as u32),
                text: t,
            })
            .collect();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        for threads in [1, cores] {
            let name = format!(
                "front end, {threads} thread{}",
                if threads == 1 { "" } else { "s" }
            );
            g.bench_function(BenchmarkId::new("stage", name), |b| {
                b.iter(|| lower_all(black_box(&front), threads).0.risks.len())
            });
            if cores == 1 {
                break;
            }
        }
        let asts: Vec<_> = project
            .files
            .iter()
            .enumerate()
            .map(|(i, (_, t))| isms::syntax::parse(FileId(i as u32), t))
            .collect();
        g.bench_function(BenchmarkId::new("stage", "lower"), |b| {
            b.iter(|| {
                let mut model = Model::default();
                let mut sink = Sink::default();
                for ast in &asts {
                    lower::lower_file(ast, &mut model, &mut sink);
                }
                model
            })
        });
        let stdlib = isms::syntax::parse(FileId(99), isms::stdlib::FILES[0].1);
        let lowered = || {
            let mut model = Model::default();
            let mut sink = Sink::default();
            for ast in asts.iter().chain(std::iter::once(&stdlib)) {
                lower::lower_file(ast, &mut model, &mut sink);
            }
            model
        };
        g.bench_function(BenchmarkId::new("stage", "resolve"), |b| {
            b.iter_batched(
                lowered,
                |mut model| {
                    resolve::resolve(&mut model, &mut Sink::default());
                    model
                },
                criterion::BatchSize::LargeInput,
            )
        });
        let mut model = lowered();
        resolve::resolve(&mut model, &mut Sink::default());
        g.bench_function(BenchmarkId::new("stage", "check"), |b| {
            b.iter(|| {
                let trace = Trace::build(&model);
                let cx = Context::new(&model, &trace, today());
                let mut sink = Sink::default();
                check::run(&cx, &mut sink);
                sink.len()
            })
        });
        let compiled = compile(inputs(&project), &Options { today: today() });
        g.bench_function(BenchmarkId::new("stage", "emit json"), |b| {
            b.iter(|| {
                isms::emit::documents(&compiled, &[isms::emit::Format::Json])
                    .unwrap()
                    .len()
            })
        });
        g.bench_function(BenchmarkId::new("whole", "check (compile_lean)"), |b| {
            b.iter_batched(
                || inputs(&project),
                |i| {
                    let options = Options { today: today() };
                    compile_lean(i, &options, &Settings::default())
                        .diagnostics
                        .len()
                },
                criterion::BatchSize::LargeInput,
            )
        });
        g.bench_function(BenchmarkId::new("whole", "compile (keeping trees)"), |b| {
            b.iter_batched(
                || inputs(&project),
                |i| compile(i, &Options { today: today() }).diagnostics.len(),
                criterion::BatchSize::LargeInput,
            )
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
