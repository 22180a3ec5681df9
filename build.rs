//! Picks the report text bundled into the viewer: `GONGKAI_REPORT` (a path) if set, otherwise
//! the first `reports/*.txt` by name. The text is compiled in with `include_str!`, so the app
//! never fetches it. A GBK or UTF-16 file is decoded here, and the report's search tables are
//! cut here, so the app carries no decoder and no pinyin data: both come from `gongkai-core`,
//! so the build reads a report exactly as `gongkai parse` does.

use std::{env, fs, path::PathBuf};

use gongkai_core::{parse::decode, search::tables_for};

fn main() {
    println!("cargo:rerun-if-env-changed=GONGKAI_REPORT");
    println!("cargo:rerun-if-changed=reports");
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let chosen = match env::var_os("GONGKAI_REPORT") {
        Some(path) => root.join(path),
        None => {
            let mut texts: Vec<PathBuf> = fs::read_dir(root.join("reports"))
                .expect("reports/ folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            texts.sort();
            texts
                .into_iter()
                .next()
                .expect("reports/ holds no .txt report to bundle")
        }
    };
    let chosen = chosen
        .canonicalize()
        .unwrap_or_else(|e| panic!("bundled report {}: {e}", chosen.display()));
    println!("cargo:rerun-if-changed={}", chosen.display());
    let name = chosen.file_name().unwrap().to_string_lossy().into_owned();
    let bytes = fs::read(&chosen).unwrap_or_else(|e| panic!("{}: {e}", chosen.display()));
    let text = decode(&bytes).unwrap_or_else(|e| panic!("{}:{e}", chosen.display()));
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    // A UTF-8 copy, so the app can `include_str!` whatever encoding the portal saved.
    let copy = out_dir.join("report.txt");
    fs::write(&copy, text.as_bytes()).unwrap();
    let tables = tables_for(text.chars());
    fs::write(
        out_dir.join("bundled.rs"),
        format!(
            "/// File name of the bundled report.\npub const NAME: &str = {name:?};\n\
             /// Text of the bundled report (UTF-8).\n\
             pub const TEXT: &str = include_str!({path:?});\n\
             /// Traditional → Simplified pairs for the bundled report's characters.\n\
             pub const SIMPLIFIED: &str = {simplified:?};\n\
             /// Pinyin readings of the bundled report's characters, one character a line.\n\
             pub const READINGS: &str = {readings:?};\n",
            path = copy.display().to_string(),
            simplified = tables.simplified,
            readings = tables.readings,
        ),
    )
    .unwrap();
}
