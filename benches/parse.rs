//! Parsing speed: the real report, and a synthetic report of about 1 MB built from the real
//! one and the test reports (so it has every heading form, chrome and enumerations).

use std::{fs, hint::black_box};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gongkai::parse::{decode, parse};

fn corpus() -> Vec<String> {
    let mut paths: Vec<_> = fs::read_dir("tests/reports")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.insert(0, "reports/bazhou-natural-resources-2023.txt".into());
    paths
        .iter()
        .map(|p| decode(&fs::read(p).unwrap()).unwrap().into_owned())
        .collect()
}

fn bench_parse(c: &mut Criterion) {
    let texts = corpus();
    let real = &texts[0];
    let mut synthetic = String::new();
    while synthetic.len() < 1024 * 1024 {
        for text in &texts {
            synthetic += text;
            synthetic.push('\n');
        }
    }

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(real.len() as u64));
    group.bench_function("real report (12 KB)", |b| b.iter(|| parse(black_box(real))));
    group.throughput(Throughput::Bytes(synthetic.len() as u64));
    group.sample_size(20);
    group.bench_function("synthetic report (1 MB)", |b| {
        b.iter(|| parse(black_box(&synthetic)))
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
