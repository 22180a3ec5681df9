//! Replays the fuzzing inputs through the fuzz targets' own rules (`gongkai_core::invariants`,
//! and `gongkai::page_check` for the published page) on the stable toolchain, so `cargo test` checks them without nightly: every input that ever
//! broke a rule (`fuzz/regressions/<target>/`) and the seed corpora (`fuzz/corpus/<target>/`).

use std::{collections::BTreeSet, fs, path::Path};

use gongkai_core::invariants::{Target, TARGETS};

/// Every fuzz target: the core's, and `site`, which renders with the viewer's components.
fn targets() -> Vec<(&'static str, Target)> {
    let mut all = TARGETS.to_vec();
    all.push(("site", gongkai::page_check::fuzz_site));
    all
}

fn target(name: &str) -> Target {
    targets()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no fuzz target {name} in invariants::TARGETS or site"))
        .1
}

/// Runs every file under `root/<target>/` through its target; returns how many ran.
fn replay(root: &str) -> usize {
    let mut ran = 0;
    let Ok(dirs) = fs::read_dir(root) else {
        return 0;
    };
    for dir in dirs {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let check = target(&name);
        for file in fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            let bytes = fs::read(&path).unwrap();
            if let Err(broken) = check(&bytes) {
                panic!("{}: {broken}", path.display());
            }
            ran += 1;
        }
    }
    ran
}

#[test]
fn every_input_that_broke_a_rule_keeps_it_now() {
    replay("fuzz/regressions");
}

#[test]
fn every_seed_keeps_the_rules() {
    assert!(replay("fuzz/corpus") >= targets().len());
}

#[test]
fn every_fuzz_target_is_replayed() {
    let files: BTreeSet<String> = fs::read_dir("fuzz/fuzz_targets")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = targets().iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(
        files, listed,
        "fuzz/fuzz_targets and invariants::TARGETS differ"
    );
    for name in &files {
        assert!(
            Path::new("fuzz/corpus").join(name).is_dir(),
            "fuzz target {name} has no seeds in fuzz/corpus/{name}"
        );
    }
}
