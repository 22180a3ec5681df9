//! Yew function components, one per file. They only render and dispatch: everything they show
//! comes from the [`Report`](crate::report::Report) model, and they make no browser calls while
//! rendering (only in effects and event handlers), so each also renders natively under Yew's
//! `ssr` feature (see `tests/components.rs`).

mod cards_view;
mod metric_card;
mod outline;
mod qr_code;
mod read_aloud;
mod reader_context;
mod report_header;
mod report_text;
mod search_box;
mod search_results;
mod section_view;
mod settings_panel;
mod share_panel;
mod table_view;
mod text_block;
mod toolbar;

use std::{fmt, ops::Deref};

pub use cards_view::CardsView;
pub use metric_card::MetricCard;
pub use outline::Outline;
pub use qr_code::QrCode;
pub use read_aloud::ReadAloud;
pub use reader_context::{Highlights, ReaderContext};
pub use report_header::ReportHeader;
pub use report_text::ReportText;
pub use search_box::SearchBox;
pub use search_results::SearchResults;
pub use section_view::SectionView;
pub use settings_panel::SettingsPanel;
pub use share_panel::SharePanel;
pub use table_view::TableView;
pub use text_block::TextBlock;
pub use toolbar::Toolbar;

/// A part of the report handed to components. The report is parsed once and lives as long as
/// the page, so components hold `'static` references to it; props compare them by address,
/// since nothing in a report changes once parsed and a deep comparison on every render would
/// cost as much as the render.
pub struct Shared<T: 'static>(pub &'static T);

impl<T> Shared<T> {
    /// Keeps `value` for the rest of the program (one report per page).
    pub fn leak(value: T) -> Self {
        Self(Box::leak(Box::new(value)))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Shared<T> {}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
