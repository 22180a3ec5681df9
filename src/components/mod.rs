//! Yew function components. They only render and dispatch: everything they show comes from the
//! [`Report`] model, and they make no browser calls while rendering, so each also renders
//! natively under Yew's `ssr` feature (see `tests/components.rs`).

mod report_header;
mod report_text;

use std::{ops::Deref, rc::Rc};

use crate::report::Report;

pub use report_header::ReportHeader;
pub use report_text::ReportText;

/// A report shared between components; props compare by identity, since a report never changes
/// once parsed and a deep comparison on every render would cost as much as the render.
#[derive(Debug, Clone)]
pub struct SharedReport(Rc<Report>);

impl SharedReport {
    pub fn new(report: Report) -> Self {
        Self(Rc::new(report))
    }
}

impl PartialEq for SharedReport {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedReport {
    type Target = Report;
    fn deref(&self) -> &Report {
        &self.0
    }
}
