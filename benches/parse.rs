//! Parsing speed: the real report, and a synthetic report of about 1 MB built from the real
//! one and the test reports (so it has every heading form, chrome and enumerations).

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gongkai::parse::parse;

fn bench_parse(c: &mut Criterion) {
    let texts = common::texts();
    let real = &texts[0];
    let synthetic = common::repeated(&texts, |s| s.len() >= 1024 * 1024);

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
