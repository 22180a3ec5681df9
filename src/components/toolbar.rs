use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{ReadAloud, SearchBox, SettingsPanel, SharePanel};
use crate::shared::Shared;
use crate::{
    hooks::{use_bar_hiding, SearchState},
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

/// The reader's tools. On a phone, one bar of at most 56 px: the report's short title,
/// search, 目录 and 菜单, whose panel holds the rest; it slides away while the reader reads
/// down and comes back on a small scroll up. On wider screens the same elements lie in one
/// row (the CSS decides; the DOM is the same, so the prerendered page hydrates on any width).
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let report = props.report;
    let search = &props.search;
    let menu_open = use_state_eq(|| false);
    let search_open = use_state_eq(|| false);
    let searching = *search_open || search.searching || !search.query.is_empty();
    let hidden = use_bar_hiding(*menu_open || searching);
    // Opening the search on a phone puts the caret in its field.
    use_effect_with(*search_open, |&open| {
        if open {
            crate::scroll::focus("gk-search-input");
        }
    });
    // A tap anywhere outside the bar and its menu closes the menu, as with any dropdown.
    {
        let menu_open = menu_open.clone();
        use_effect_with(*menu_open, move |&open| {
            let listener = open.then(|| {
                gloo::events::EventListener::new(&gloo::utils::document(), "click", move |event| {
                    let inside = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|e| e.closest(".gk-toolbar").ok().flatten())
                        .is_some();
                    if !inside {
                        menu_open.set(false);
                    }
                })
            });
            move || drop(listener)
        });
    }
    let toggle_outline = props.on_toggle_outline.reform(|_: MouseEvent| ());
    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let toggle_search = {
        let search_open = search_open.clone();
        let on_close = search.on_close.clone();
        Callback::from(move |_: MouseEvent| {
            if searching {
                on_close.emit(());
            }
            search_open.set(!searching);
        })
    };
    let close_search = {
        let search_open = search_open.clone();
        let on_close = search.on_close.clone();
        Callback::from(move |()| {
            search_open.set(false);
            on_close.emit(());
        })
    };
    // Following a view's link or printing is done with the menu; Esc closes it where the
    // keyboard is, and gives focus back to its button.
    let close_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(false))
    };
    let menu_keys = {
        let menu_open = menu_open.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && *menu_open {
                event.prevent_default();
                menu_open.set(false);
                crate::scroll::focus("gk-menu-toggle");
            }
        })
    };
    let print = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| {
            menu_open.set(false);
            let _ = gloo::utils::window().print();
        })
    };
    let class = classes!(
        "gk-toolbar",
        hidden.then_some("gk-toolbar--hidden"),
        searching.then_some("gk-toolbar--searching"),
        menu_open.then_some("gk-toolbar--menu"),
    );
    html! {
        <div class={ class } onkeydown={ menu_keys }>
            <div class="gk-bar" role="group" aria-label="阅读工具">
                <a class="gk-bar-title" href={ Route::Start.href() }><span>{ report.short_title() }</span></a>
                <SearchBox query={ search.query.clone() } on_query={ search.on_query.clone() }
                    on_step={ search.on_step.clone() } on_close={ close_search }
                    results_shown={ search.searching } />
                <button type="button" class="gk-button gk-bar-button gk-search-toggle"
                    aria-controls="gk-search-input" aria-expanded={ searching.to_string() }
                    onclick={ toggle_search }>
                    { if searching { "收起" } else { "搜索" } }
                </button>
                <button type="button" class="gk-button gk-bar-button gk-outline-toggle" aria-controls="gk-outline"
                    aria-expanded={ props.outline_open.to_string() } onclick={ toggle_outline }>
                    { "目录" }
                </button>
                <button type="button" id="gk-menu-toggle" class="gk-button gk-bar-button gk-menu-toggle"
                    aria-controls="gk-tools" aria-expanded={ menu_open.to_string() } onclick={ toggle_menu }>
                    { "菜单" }
                </button>
            </div>
            <div id="gk-tools" class="gk-tools" role="group" aria-label="更多工具">
                <nav class="gk-views" aria-label="视图" onclick={ close_menu }>
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
                <button type="button" class="gk-button" onclick={ print }>{ "打印" }</button>
            </div>
        </div>
    }
}
