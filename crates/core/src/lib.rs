//! Gongkai's core: what a disclosure report is and everything computed from it, as plain data.
//!
//! The report model ([`report`]) and its typed addresses ([`id`], [`route`]), the parser
//! ([`parse`]), figure extraction ([`metrics`]), search ([`search`]), the QR matrix ([`qr`])
//! and year-over-year comparison ([`compare`]). [`invariants`] holds the rules every entry
//! point keeps for any input, checked by fuzzing.
//! Nothing here depends on a browser or on Yew: the viewer, the command line and the build
//! script all use this crate, and the compiler keeps browser code out of it.

pub mod compare;
#[cfg(feature = "html")]
pub mod html;
pub mod id;
// Fuzzing and its replay only; searching needs the tables the viewer leaves out.
#[cfg(feature = "tables")]
pub mod invariants;
pub mod limits;
pub mod metrics;
pub mod numerals;
pub mod parse;
pub mod publish;
pub mod qr;
pub mod report;
pub mod route;
pub mod runs;
pub mod search;
pub mod table;
pub mod textpack;
