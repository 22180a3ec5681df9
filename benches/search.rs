//! Search speed: building the index and answering queries, on the real report and on a
//! synthetic corpus of about 1.2 million characters (the real report and the test reports,
//! repeated and parsed as one report, so one index holds them all).

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use gongkai::{parse::parse, report::Report, search::SearchIndex};

/// About 1.2 million characters of report text in one report.
fn corpus(texts: &[String]) -> Report {
    parse(&common::repeated(texts, |s| s.chars().count() >= 1_200_000))
}

/// What a reader types, keystroke by keystroke, and a few hostile inputs.
const QUERIES: &[&str] = &[
    "罚",
    "罚款",
    "耕地",
    "执法",
    "办结率",
    "法治政府",
    "12345",
    "100%",
    "(一)",
    "執法",
    "g",
    "ge",
    "gen",
    "geng",
    "gengd",
    "gengdi",
    "gd",
    "geng di",
    "法治 执法",
    "行政复议委员会xyz",
];

fn bench_search(c: &mut Criterion) {
    let texts = common::texts();
    let real = parse(&texts[0]);
    let corpus = corpus(&texts);
    let hostile = "<script>.*+?[](){}|^$\\😀\u{0}".repeat(400);

    let mut group = c.benchmark_group("search index");
    group.bench_function("build, real report", |b| {
        b.iter(|| SearchIndex::new(black_box(&real)))
    });
    group.sample_size(10);
    group.bench_function("build, corpus (1.2M chars)", |b| {
        b.iter(|| SearchIndex::new(black_box(&corpus)))
    });
    group.finish();

    for (name, report) in [("real report", &real), ("corpus", &corpus)] {
        let index = SearchIndex::new(report);
        eprintln!("{name}: index holds about {} bytes", index.heap_bytes());
        let mut group = c.benchmark_group(format!("search, {name}"));
        if name == "corpus" {
            group.sample_size(20);
        }
        for query in QUERIES {
            group.bench_function(*query, |b| b.iter(|| index.search(black_box(query))));
        }
        group.bench_function("all queries in turn", |b| {
            b.iter(|| {
                for query in QUERIES {
                    black_box(index.search(black_box(query)));
                }
            })
        });
        group.bench_function("hostile (10,000 chars)", |b| {
            b.iter(|| index.search(black_box(&hostile)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
