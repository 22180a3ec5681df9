//! Gongkai (公开): a viewer for Chinese government disclosure reports.
//!
//! The report model ([`report`]) and parser ([`parse`]) are plain Rust, shared by the native CLI
//! and the WebAssembly app; [`components`] and [`app`] only render them.

pub mod app;
pub mod bundled;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod components;
pub mod embed;
pub mod head;
pub mod hooks;
pub mod metrics;
pub mod numerals;
pub mod parse;
pub mod qr;
pub mod report;
pub mod route;
pub mod runs;
pub mod scroll;
pub mod search;
pub mod settings;
