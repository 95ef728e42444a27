//! Parsing is linear in its input, whatever the braces, quotes and comments: each case
//! below once took time exponential in the number of unclosed `{` (each one doubled it), or
//! quadratic in the length of a line of quotes. Each is timed at two sizes in the same run
//! and the ratio is bounded; an absolute time is never asserted. Every case with 64 nested
//! braces must also finish, with diagnostics, in a thread that is given 10 s.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use isms::source::FileId;

/// How deep each case nests: the most the parser accepts.
const DEPTH: usize = 64;

/// A context in which `{` can pile up, as a function of how many braces and how much
/// following text (`lines`) the input has.
struct Case {
    name: &'static str,
    make: fn(braces: usize, lines: usize) -> String,
}

fn fields(lines: usize) -> String {
    "  likelihood 2\n".repeat(lines)
}

const CASES: &[Case] = &[
    Case {
        name: "top level",
        make: |b, l| format!("{}\n{}", "{".repeat(b), fields(l)),
    },
    Case {
        name: "in a block",
        make: |b, l| format!("risk r \"R\" {{\n  {}\n{}}}\n", "{".repeat(b), fields(l)),
    },
    Case {
        name: "in a field's tail after values",
        make: |b, l| {
            format!(
                "risk r \"R\" {{\n  impact 2 {}\n{}}}\n",
                "{".repeat(b),
                fields(l)
            )
        },
    },
    Case {
        name: "in an attribute",
        make: |b, l| {
            format!(
                "@allow({}\nrisk r \"R\" {{\n{}}}\n",
                "{".repeat(b),
                fields(l)
            )
        },
    },
    Case {
        name: "after a string",
        make: |b, l| format!("risk r \"R\" \"x\" {}\n{}}}\n", "{".repeat(b), fields(l)),
    },
    Case {
        name: "after a string ended by a lone CR",
        make: |b, l| format!("role r \"a\r{}\n{}", "{".repeat(b), fields(l)),
    },
    Case {
        name: "inside an error line",
        make: |b, l| format!("= x {} y\n{}", "{ a ".repeat(b), fields(l)),
    },
    Case {
        name: "typo in a treatment",
        make: |b, l| {
            format!(
                "risk r \"R\" {{\n  treatment accept{} {{\n{}  }}\n}}\n",
                "{".repeat(b.saturating_sub(2)),
                fields(l)
            )
        },
    },
    Case {
        name: "after an unterminated string in a block",
        make: |b, l| {
            format!(
                "risk r \"R\" {{\n  threat \"x {}\n{}}}\n",
                "{".repeat(b),
                fields(l)
            )
        },
    },
    Case {
        name: "after an unclosed text block",
        make: |b, l| {
            format!(
                "policy p \"P\" {{\n  section \"s\" \"\"\"\n    x\n  {}\n{}}}\n",
                "{".repeat(b),
                fields(l)
            )
        },
    },
];

/// Parse `text` in a thread; fail if it takes more than `limit`. Returns the number of
/// syntax errors.
fn parse_within(name: &str, text: String, limit: Duration) -> usize {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let ast = isms::syntax::parse(FileId(0), &text);
        let _ = tx.send(ast.errors.len());
    });
    match rx.recv_timeout(limit) {
        Ok(n) => n,
        Err(_) => panic!("{name}: parsing did not finish within {limit:?}"),
    }
}

/// The median of five timings of parsing `text`.
fn median_time(text: &str) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let ast = isms::syntax::parse(FileId(0), text);
            std::hint::black_box(ast);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

#[test]
fn sixty_four_nested_braces_in_any_context_finish_with_diagnostics() {
    for case in CASES {
        let text = (case.make)(DEPTH, 4);
        let errors = parse_within(case.name, text, Duration::from_secs(10));
        assert!(errors > 0, "{}: no diagnostic", case.name);
    }
}

#[test]
fn parse_time_grows_linearly_with_the_text_after_nested_braces() {
    // 60 braces: the old recovery took 2^60 steps here. The text after them is what grows.
    const N: usize = 2_000;
    for case in CASES {
        let small = (case.make)(60, N);
        let large = (case.make)(60, 4 * N);
        // Warm up (allocator, caches), then compare medians.
        median_time(&small);
        let ratio = median_time(&large).as_secs_f64() / median_time(&small).as_secs_f64();
        assert!(
            ratio < 8.0,
            "{}: 4x the input took {ratio:.1}x the time",
            case.name
        );
    }
}

#[test]
fn parse_time_grows_linearly_with_repeated_deep_nesting() {
    // 64-deep closed groups, repeated k and 4k times, in the contexts that close them.
    let unit = |body: &str| format!("{}{}\n", body, "{".repeat(DEPTH) + &"}".repeat(DEPTH));
    let make = |k: usize| {
        let mut s = String::new();
        for _ in 0..k {
            s.push_str(&unit("= x "));
            s.push_str("risk r \"R\" {\n  impact 2 ");
            s.push_str(&unit(""));
            s.push_str("}\n");
        }
        s
    };
    let (small, large) = (make(50), make(200));
    median_time(&small);
    let ratio = median_time(&large).as_secs_f64() / median_time(&small).as_secs_f64();
    assert!(ratio < 8.0, "4x the input took {ratio:.1}x the time");
}

#[test]
fn parse_time_grows_linearly_with_lines_ending_in_two_quotes() {
    // Each `""` ending a line may open a text block meant to have three quotes; that try
    // stops at the next such line, so the lines are not read once per try.
    let make = |n: usize| {
        format!(
            "risk r \"R\" {{\n  a \"\"\n{}}}\n",
            "    b \"\"\n".repeat(n)
        )
    };
    let (small, large) = (make(2_000), make(8_000));
    median_time(&small);
    let ratio = median_time(&large).as_secs_f64() / median_time(&small).as_secs_f64();
    assert!(ratio < 8.0, "4x the input took {ratio:.1}x the time");
}

#[test]
fn parse_time_grows_linearly_with_a_line_of_quotes() {
    // `"\"` repeated: each `"` once started a string that ran to the end of the line and
    // failed, so the line was read once per quote.
    let make = |n: usize| format!("risk r \"R\" {{\n  threat {}\n}}\n", "\"\\".repeat(n));
    let (small, large) = (make(4_000), make(16_000));
    median_time(&small);
    let ratio = median_time(&large).as_secs_f64() / median_time(&small).as_secs_f64();
    assert!(ratio < 8.0, "4x the input took {ratio:.1}x the time");
}

#[test]
fn parse_time_grows_linearly_with_attributes_that_no_declaration_follows() {
    // Found by isms-fuzz (seed 2, input 58679): a declaration failed after its attributes
    // when no keyword followed, so each later item read the whole run of `@allow` lines
    // again.
    let make = |n: usize| {
        format!(
            "{}2026-09\"\n}}\n\ncontrol A.8.24 {{\n  status planned\n}}\n",
            "@allow(risk/no-assets, reason = \"r\", until = 2027-01-31)\n".repeat(n)
        )
    };
    let errors = parse_within("attributes", make(100), Duration::from_secs(10));
    assert!(errors >= 1, "no error for attributes without a declaration");
    let (small, large) = (make(1_000), make(4_000));
    median_time(&small);
    let ratio = median_time(&large).as_secs_f64() / median_time(&small).as_secs_f64();
    assert!(ratio < 8.0, "4x the input took {ratio:.1}x the time");
}
