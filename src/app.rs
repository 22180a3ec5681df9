//! The viewer's root component: holds the address and settings, and lays out the page.

use yew::prelude::*;

use crate::{
    components::{
        CardsView, Outline, ReadAloud, ReaderContext, ReportHeader, ReportText, SettingsPanel,
        Shared,
    },
    hooks::{use_address, use_scroll_spy, use_stored},
    report::Report,
    route::{Address, Route},
    settings::{FontSize, Theme},
};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub report: Shared<Report>,
    /// The address to render before the browser's is read (prerendering, tests).
    #[prop_or_default]
    pub address: Address,
}

/// Whether `route` names something this report has.
fn resolves(report: &Report, route: &Route) -> bool {
    match route {
        Route::Section(id) => report.section(id).is_some(),
        Route::Metric(id) | Route::Cards { focus: Some(id) } => {
            report.metrics.iter().any(|m| &m.id == id)
        }
        Route::Unknown(_) => false,
        Route::Start | Route::Cards { focus: None } | Route::Search(_) => true,
    }
}

/// The whole page for one report.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let report = props.report;
    let address = use_address(props.address.clone());
    let route = address.get().route.clone();
    let known = resolves(&report, &route);
    let current_section = use_scroll_spy();
    let (font_size, set_font_size) =
        use_stored(FontSize::STORAGE_KEY, FontSize::from_key, FontSize::key);
    let (theme, set_theme) = use_stored(Theme::STORAGE_KEY, Theme::from_key, Theme::key);
    let outline_open = use_state(|| false);
    let page_address = use_state(String::new);

    // Head: the title and the meta tags inspectors and search engines read.
    use_effect_with(report, |report| crate::head::describe(report));
    // Move to what the address names, once it is rendered.
    {
        let page_address = page_address.clone();
        use_effect_with((route.clone(), known), move |(route, known)| {
            crate::scroll::reveal(route, *known);
            page_address.set(gloo::utils::window().location().href().unwrap_or_default());
        });
    }

    let cards = matches!(route, Route::Cards { .. }) && known;
    let context = ReaderContext {
        current_figure: match &route {
            Route::Metric(id) if known => Some(id.clone()),
            _ => None,
        },
        ..ReaderContext::new(report)
    };
    let toggle_outline = {
        let outline_open = outline_open.clone();
        Callback::from(move |_: MouseEvent| outline_open.set(!*outline_open))
    };
    let close_outline = {
        let outline_open = outline_open.clone();
        Callback::from(move |()| outline_open.set(false))
    };
    let skip_to_text = Callback::from(|event: MouseEvent| {
        // The skip link moves focus without touching the address.
        event.prevent_default();
        crate::scroll::focus("gk-main");
    });
    let root_class = classes!(
        "gk-root",
        format!("gk-size-{}", font_size.key()),
        format!("gk-theme-{}", theme.key()),
        address.get().embed.then_some("gk-embed"),
    );
    let focus = match &route {
        Route::Cards { focus } => focus.clone().map(AttrValue::from),
        _ => None,
    };
    html! {
        <ContextProvider<ReaderContext> context={ context }>
        <div class={ root_class }>
            <a class="gk-skip" href="#gk-main" onclick={ skip_to_text }>{ "跳到正文" }</a>
            <div class="gk-toolbar" role="toolbar" aria-label="阅读工具">
                <button type="button" class="gk-button gk-outline-toggle" aria-controls="gk-outline"
                    aria-expanded={ outline_open.to_string() } onclick={ toggle_outline }>
                    { "目录" }
                </button>
                <nav class="gk-views" aria-label="视图">
                    <a class="gk-button" href={ Route::Start.href() }
                        aria-current={ (!cards).then_some("page") }>{ "全文" }</a>
                    <a class="gk-button" href={ Route::Cards { focus: None }.href() }
                        aria-current={ cards.then_some("page") }>
                        { format!("数说（{}）", report.metrics.len()) }
                    </a>
                </nav>
                <ReadAloud report={ report } section={ current_section.clone().map(AttrValue::from) } />
                <SettingsPanel font_size={ font_size } theme={ theme }
                    on_font_size={ set_font_size } on_theme={ set_theme } />
            </div>
            <div class="gk-layout">
                <Outline report={ report } current={ current_section.map(AttrValue::from) }
                    open={ *outline_open } on_navigate={ close_outline } />
                <main id="gk-main" class="gk-page" tabindex="-1">
                    { for (!known).then(|| html! {
                        <p class="gk-notice" role="status">
                            { "没有找到这个地址对应的内容，已为您显示报告开头。" }
                        </p>
                    }) }
                    <ReportHeader report={ report } />
                    <ReportText hidden={ cards } />
                    <CardsView report={ report } focus={ focus } hidden={ !cards } />
                    <p class="gk-print-address">{ "本页地址：" }{ (*page_address).clone() }</p>
                </main>
            </div>
        </div>
        </ContextProvider<ReaderContext>>
    }
}
