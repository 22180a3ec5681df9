use yew::prelude::*;

use super::{ReadAloud, SearchBox, SettingsPanel, SharePanel};
use crate::shared::Shared;
use crate::{
    hooks::SearchState,
    id::SectionId,
    report::Report,
    route::Route,
    settings::{FontSize, Theme},
};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub report: Shared<Report>,
    pub search: SearchState,
    /// Whether the cards view (数说) is shown rather than the text.
    pub cards: bool,
    pub outline_open: bool,
    pub on_toggle_outline: Callback<()>,
    /// The section being read, for 朗读本节.
    pub current_section: Option<SectionId>,
    pub font_size: FontSize,
    pub theme: Theme,
    pub on_font_size: Callback<FontSize>,
    pub on_theme: Callback<Theme>,
    /// The address of the place being read, to share.
    pub share_url: AttrValue,
}

/// The reader's tools: search, the outline drawer's switch, the two views, reading aloud,
/// reading settings and sharing.
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let report = props.report;
    let search = &props.search;
    let toggle_outline = props.on_toggle_outline.reform(|_: MouseEvent| ());
    html! {
        <div class="gk-toolbar" role="toolbar" aria-label="阅读工具">
            <SearchBox query={ search.query.clone() } on_query={ search.on_query.clone() }
                on_step={ search.on_step.clone() } on_close={ search.on_close.clone() }
                results_shown={ search.searching } />
            <button type="button" class="gk-button gk-outline-toggle" aria-controls="gk-outline"
                aria-expanded={ props.outline_open.to_string() } onclick={ toggle_outline }>
                { "目录" }
            </button>
            <nav class="gk-views" aria-label="视图">
                <a class="gk-button" href={ Route::Start.href() }
                    aria-current={ (!props.cards).then_some("page") }>{ "全文" }</a>
                <a class="gk-button" href={ Route::Cards { focus: None }.href() }
                    aria-current={ props.cards.then_some("page") }>
                    { format!("数说（{}）", report.metrics.len()) }
                </a>
            </nav>
            <ReadAloud report={ report } section={ props.current_section.clone() } />
            <SettingsPanel font_size={ props.font_size } theme={ props.theme }
                on_font_size={ props.on_font_size.clone() } on_theme={ props.on_theme.clone() } />
            <SharePanel url={ props.share_url.clone() } title={ report.title.clone() } />
        </div>
    }
}
