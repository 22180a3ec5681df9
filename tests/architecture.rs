//! The architecture invariants of ARCHITECTURE.md that a test can hold: the core crate
//! reaches no web crate, the viewer's modules import one another without cycles, and ids are
//! written and read only by their own types.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::Path,
};

/// Crates that exist to reach a browser.
const WEB_CRATES: &[&str] = &[
    "yew",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "gloo",
    "gloo-utils",
    "gloo-events",
];

/// `[[package]]` entries of Cargo.lock: name → names of its dependencies.
fn lock_graph() -> BTreeMap<String, Vec<String>> {
    let lock = fs::read_to_string("Cargo.lock").unwrap();
    let mut graph = BTreeMap::new();
    for package in lock.split("[[package]]").skip(1) {
        let name = package
            .lines()
            .find_map(|l| l.strip_prefix("name = \""))
            .map(|n| n.trim_end_matches('"').to_string())
            .unwrap();
        let deps = package
            .split("dependencies = [")
            .nth(1)
            .map(|list| {
                list.split(']')
                    .next()
                    .unwrap_or("")
                    .lines()
                    .filter_map(|l| l.trim().strip_prefix('"'))
                    .map(|d| d.split([' ', '"']).next().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default();
        graph.insert(name, deps);
    }
    graph
}

#[test]
fn the_core_crate_reaches_no_web_crate() {
    let graph = lock_graph();
    let mut seen = BTreeSet::new();
    let mut stack = vec!["gongkai-core".to_string()];
    while let Some(name) = stack.pop() {
        if seen.insert(name.clone()) {
            stack.extend(graph.get(&name).cloned().unwrap_or_default());
        }
    }
    assert!(seen.len() > 5, "gongkai-core's dependencies were not found");
    for web in WEB_CRATES {
        assert!(!seen.contains(*web), "gongkai-core depends on {web}");
    }
    // And the viewer does reach them, so the check would see one.
    assert!(graph["gongkai"].iter().any(|d| d == "yew"));
}

/// The viewer's modules (`src/*.rs` and `src/*/`), each with the modules it names through
/// `crate::`.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    files(Path::new("src"), &mut paths);
    let modules: BTreeSet<String> = paths.iter().map(|p| module_of(p)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &paths {
        let from = module_of(path);
        let text = fs::read_to_string(path).unwrap();
        // Test modules may reach anywhere; the shipped code may not loop.
        let shipped = text.split("#[cfg(test)]").next().unwrap();
        let mut named = BTreeSet::new();
        for (i, _) in shipped.match_indices("crate::") {
            let rest = &shipped[i + "crate::".len()..];
            if rest.starts_with('{') {
                let group = &rest[1..rest.find('}').unwrap_or(rest.len())];
                named.extend(
                    group
                        .split(',')
                        .map(|p| p.trim().split("::").next().unwrap().to_string()),
                );
            } else {
                named.insert(
                    rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                        .next()
                        .unwrap()
                        .to_string(),
                );
            }
        }
        // `super::` inside a folder module stays in that module.
        let entry = graph.entry(from.clone()).or_default();
        entry.extend(
            named
                .into_iter()
                .filter(|m| modules.contains(m) && *m != from),
        );
    }
    graph
}

/// `src/components/text_block.rs` → `components`; `src/app.rs` → `app`.
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix("src").unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

#[test]
fn the_viewer_modules_import_without_cycles() {
    let graph = module_graph();
    assert!(graph["app"].contains("components"), "{graph:?}");
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn ids_are_written_and_read_only_by_their_types() {
    // What building or splitting an id string by hand looks like.
    let patterns = [
        "split('.')",
        "rsplit_once('.')",
        "split_once('.')",
        "\".t\"",
        ".p{",
        ".m{",
        "{}.t",
        "{}.p",
    ];
    let mut offenders = Vec::new();
    for dir in ["src", "crates/core/src"] {
        let mut stack = vec![Path::new(dir).to_path_buf()];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.ends_with("id.rs") || path.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            let shipped = text.split("#[cfg(test)]").next().unwrap();
            for pattern in patterns {
                if shipped.contains(pattern) {
                    offenders.push(format!("{}: {pattern}", path.display()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "ids handled as strings: {offenders:#?}"
    );
}
