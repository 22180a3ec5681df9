//! Packing and unpacking the shelf's search text (`textpack`): the real report alone, and the
//! 100 unrelated reports of `benches/data/work-reports-2026.tar.xz` in one text, as a site's
//! search file holds them (unpacking is what the shelf pays on its box's first use).

use std::{hint::black_box, path::Path, process::Command};

use criterion::{criterion_group, criterion_main, Criterion};
use gongkai::textpack::{pack, unpack};

/// The 100 unrelated reports' text, extracted once into `target/bench-data/`.
fn unrelated() -> String {
    let dir = Path::new("target/bench-data");
    let files = dir.join("unrelated");
    if !files.is_dir() {
        std::fs::create_dir_all(dir).unwrap();
        let status = Command::new("tar")
            .args(["-xJf", "benches/data/work-reports-2026.tar.xz", "-C"])
            .arg(dir)
            .status()
            .expect("tar");
        assert!(
            status.success(),
            "tar -xJf benches/data/work-reports-2026.tar.xz"
        );
    }
    let mut paths: Vec<_> = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn textpack(c: &mut Criterion) {
    let real = std::fs::read_to_string("reports/bazhou-natural-resources-2023.txt").unwrap();
    let shelf = unrelated();
    let mut group = c.benchmark_group("textpack");
    group.sample_size(10);
    for (name, text) in [("real report", &real), ("100 unrelated reports", &shelf)] {
        let packed = pack(text);
        println!(
            "{name}: {} B of UTF-8 → {} B packed",
            text.len(),
            packed.len()
        );
        group.bench_function(format!("pack {name}"), |b| b.iter(|| pack(black_box(text))));
        group.bench_function(format!("unpack {name}"), |b| {
            b.iter(|| unpack(black_box(&packed)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, textpack);
criterion_main!(benches);
