//! Gongkai (公开): a viewer for Chinese government disclosure reports.
//!
//! Everything about a report itself — model, ids, parser, figures, search, addresses — lives in
//! the `gongkai-core` crate, re-exported here under the same paths; this crate renders it
//! ([`components`], [`app`]) and, natively, is the command line ([`cli`]).

pub use gongkai_core::html;
pub use gongkai_core::{
    compare, id, limits, metrics, numerals, parse, publish, qr, report, route, runs, search, table,
    textpack,
};

pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod boot;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod components;
pub mod embed;
pub mod head;
pub mod hooks;
pub mod idle;
#[cfg(target_arch = "wasm32")]
pub mod local_file;
#[cfg(not(target_arch = "wasm32"))]
pub mod page_check;
#[cfg(target_arch = "wasm32")]
pub mod page_data;
#[cfg(target_arch = "wasm32")]
pub mod preview;
pub mod scroll;
pub mod settings;
pub mod share_image;
pub mod shared;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
