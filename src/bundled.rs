//! The report compiled into the viewer (chosen by `build.rs`).

use crate::{parse, report::Report};

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Parses the bundled report; the app does this once at start.
pub fn report() -> Report {
    parse::parse(TEXT)
}
