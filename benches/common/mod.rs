//! Inputs shared by the benchmarks: the real report and the test reports, decoded.

use std::fs;

use gongkai::parse::decode;

/// The real report first, then the test reports (decoded, so the GBK one reads too).
pub fn texts() -> Vec<String> {
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

/// The texts repeated, one after another, until `enough` says the result is long enough.
pub fn repeated(texts: &[String], enough: impl Fn(&str) -> bool) -> String {
    let mut synthetic = String::new();
    while !enough(&synthetic) {
        for text in texts {
            synthetic += text;
            synthetic.push('\n');
        }
    }
    synthetic
}
