//! Gongkai (公开): a viewer for Chinese government disclosure reports.
//!
//! Everything about a report itself — model, ids, parser, figures, search, addresses — lives in
//! the `gongkai-core` crate, re-exported here under the same paths; this crate renders it
//! ([`components`], [`app`]) and, natively, is the command line ([`cli`]).

#[cfg(not(target_arch = "wasm32"))]
pub use gongkai_core::html;
pub use gongkai_core::{id, metrics, numerals, parse, qr, report, route, runs, search, table};

pub mod app;
pub mod bundled;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod components;
pub mod embed;
pub mod head;
pub mod hooks;
pub mod scroll;
pub mod settings;
