//! The viewer's root component: composes the hooks that own the page's state and lays out the
//! page. Nothing here decides anything on its own.

use yew::prelude::*;

use crate::{
    components::{
        CardsView, Highlights, Outline, QrCode, ReaderContext, ReportHeader, ReportText,
        SearchResults, Shared, Toolbar,
    },
    hooks::{
        use_address, use_embed_height, use_link_following, use_place, use_scroll_spy, use_search,
        use_sections_in_view, use_slash_shortcut, use_stored,
    },
    report::Report,
    route::{Address, AddressKey, Route},
    search::TableText,
    settings::{FontSize, Theme},
};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub report: Shared<Report>,
    /// Search tables cut for this report (from the page); natively they are cut when missing.
    #[prop_or_default]
    pub tables: Option<Shared<TableText>>,
    /// The address to render before the browser's is read (prerendering, tests).
    #[prop_or_default]
    pub address: Address,
    /// Where the address lives: the page's hash, or a parameter of the portal page the viewer
    /// is mounted in.
    #[prop_or_default]
    pub address_key: AddressKey,
    /// The page's public address, when it was published with one (`gongkai site --base-url`).
    #[prop_or_default]
    pub public_base: Option<AttrValue>,
    /// Series over the years of this report's figures (`gongkai site`'s 历年对比), for the cards.
    #[prop_or_default]
    pub history: Option<Shared<Vec<crate::publish::FigureHistory>>>,
}

/// The whole page for one report.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let report = props.report;
    // Mounted in a portal's page, the page, its title, its keys and its scrolling are the
    // portal's; the viewer keeps to its element.
    let mounted = props.address_key.is_mounted();
    let address = use_address(props.address.clone(), props.address_key.clone());
    let (route, embed) = (address.get().route.clone(), address.get().embed);
    let known = route.resolves_in(&report);
    let root = use_node_ref();
    use_embed_height(root.clone(), embed);
    use_slash_shortcut(!mounted);
    let follow_link = use_link_following(address.clone(), mounted);
    let addresses = use_place(
        report,
        &route,
        known,
        &props.address_key,
        root.clone(),
        props.public_base.clone(),
    );
    let share_url = AttrValue::from(addresses.share);
    let print_url = AttrValue::from(addresses.print);
    // Prerendered pages read without the app; the controls that need it show once it runs.
    let live = use_state_eq(|| false);
    {
        let live = live.clone();
        use_effect_with((), move |_| live.set(true));
    }
    let search = use_search(report, props.tables, address);
    let current_section = use_scroll_spy();
    let (font_size, on_font_size) =
        use_stored(FontSize::STORAGE_KEY, FontSize::from_key, FontSize::key);
    let (theme, on_theme) = use_stored(Theme::STORAGE_KEY, Theme::from_key, Theme::key);
    let outline_open = use_state_eq(|| false);
    let context = (*use_memo((), move |_| ReaderContext::new(report))).clone();

    let cards = known && matches!(route, Route::Cards { .. });
    let (focus, figure) = match &route {
        Route::Cards { focus } if known => (focus.clone(), None),
        Route::Metric(id) if known => (None, Some(id.clone())),
        _ => (None, None),
    };
    let in_view = use_sections_in_view(search.results.total > 0);
    let highlights = Highlights::new(
        search.results.clone(),
        search.current_place.clone(),
        figure,
        &in_view.borrow(),
    );
    // Kept the same from render to render, so a keystroke does not draw the outline again.
    let on_toggle_outline =
        use_callback((*outline_open, outline_open.setter()), |(), (open, set)| {
            set.set(!open)
        });
    let close_outline = use_callback(outline_open.setter(), |(), set| set.set(false));
    let skip_to_text = Callback::from(|event: MouseEvent| {
        // The skip link moves focus without touching the address.
        event.prevent_default();
        crate::scroll::focus("gk-main");
    });
    let root_class = classes!(
        "gk-root",
        format!("gk-size-{}", font_size.key()),
        format!("gk-theme-{}", theme.key()),
        embed.then_some("gk-embed"),
        mounted.then_some("gk-mounted"),
        live.then_some("gk-live"),
    );
    html! {
        <ContextProvider<ReaderContext> context={ context }>
        <div class={ root_class } ref={ root } onclick={ follow_link }>
            <a class="gk-skip" href="#gk-main" onclick={ skip_to_text }>{ "跳到正文" }</a>
            <Toolbar report={ report } search={ search.clone() } cards={ cards }
                outline_open={ *outline_open } on_toggle_outline={ on_toggle_outline }
                current_section={ current_section.clone() } font_size={ font_size } theme={ theme }
                on_font_size={ on_font_size } on_theme={ on_theme } share_url={ share_url.clone() } />
            <div class="gk-layout">
                <Outline report={ report } current={ current_section } open={ *outline_open }
                    on_navigate={ close_outline } />
                <main id="gk-main" class="gk-page" tabindex="-1">
                    { for (!known).then(|| html! {
                        <p class="gk-notice" role="status">
                            { "没有找到这个地址对应的内容，已为您显示报告开头。" }
                        </p>
                    }) }
                    { for search.searching.then(|| html! {
                        <SearchResults report={ report } query={ search.query.clone() }
                            results={ search.results.clone() } current={ search.current }
                            on_choose={ search.on_choose.clone() } on_step={ search.on_step.clone() } />
                    }) }
                    <ReportHeader report={ report } highlights={ highlights.front() } />
                    <ReportText hidden={ cards } highlights={ highlights } />
                    { for cards.then(|| html! { <CardsView report={ report } focus={ focus } history={ props.history } share_url={ share_url.clone() } /> }) }
                    // A page prerendered without its public address (gongkai site without
                    // --base-url) cannot know it: it prints none rather than a bare "#/".
                    // Hidden, not left out, so hydration finds the same elements whatever
                    // base address the page's head gives the app.
                    <div class="gk-print-address" hidden={ !*live && props.public_base.is_none() }>
                        <QrCode text={ print_url.clone() } size={ 120 } />
                        <p>{ "本页地址：" }{ print_url }</p>
                    </div>
                </main>
            </div>
        </div>
        </ContextProvider<ReaderContext>>
    }
}
