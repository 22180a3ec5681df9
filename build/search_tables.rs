//! Build-time half of `gongkai::search`: the pinyin and Traditional → Simplified tables cut
//! down to the characters of the bundled report, written to `$OUT_DIR/search_tables.rs` for the
//! wasm app. Natively the library cuts the same tables at run time, from the same code
//! (`src/search/source.rs`), for whatever report it indexes.

use std::{fs, path::Path};

#[path = "../src/search/source.rs"]
mod source;

/// Writes `search_tables.rs` (two `&str` constants, `SIMPLIFIED` and `READINGS`) into `out_dir`.
pub fn write_tables(report_text: &str, out_dir: &Path) {
    let tables = source::tables_for(report_text.chars());
    let code = format!(
        "/// Traditional, Simplified, … pairs for the bundled report.\n\
         pub const SIMPLIFIED: &str = {:?};\n\
         /// Pinyin readings of the bundled report's characters, one character a line.\n\
         pub const READINGS: &str = {:?};\n",
        tables.simplified, tables.readings
    );
    let path = out_dir.join("search_tables.rs");
    fs::write(&path, code).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
