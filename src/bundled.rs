//! The report compiled into the viewer (chosen by `build.rs`), with its search tables.

use crate::{parse, report::Report, search::TableText};

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Parses the bundled report; the app does this once at start.
pub fn report() -> Report {
    parse::parse(TEXT)
}

/// The search tables `build.rs` cut for the bundled report.
pub fn tables() -> TableText {
    TableText {
        simplified: SIMPLIFIED.to_string(),
        readings: READINGS.to_string(),
    }
}
