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
mod share_image_dialog;
mod share_panel;
mod shelf_hits;
mod shelf_search;
mod table_view;
mod text_block;
mod toolbar;

pub use cards_view::CardsView;
pub use metric_card::MetricCard;
pub use outline::Outline;
pub use qr_code::QrCode;
pub use read_aloud::ReadAloud;
pub use reader_context::{Highlights, ReaderContext, LONG_TEXT_BYTES};
pub use report_header::ReportHeader;
pub use report_text::ReportText;
pub use search_box::SearchBox;
pub use search_results::SearchResults;
pub use section_view::SectionView;
pub use settings_panel::SettingsPanel;
pub use share_image_dialog::ShareImageDialog;
pub use share_panel::SharePanel;
pub use shelf_hits::{ShelfHits, ShelfHitsProps};
pub use shelf_search::{ShelfSearch, ShelfSearchAction, ShelfSearchProps, ShelfSearchState};
pub use table_view::TableView;
pub use text_block::TextBlock;

pub use crate::shared::Shared;
pub use toolbar::Toolbar;
