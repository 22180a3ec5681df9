//! The viewer's root component: holds the address and settings, and lays out the page.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::{
    components::{
        CardsView, Highlights, Outline, QrCode, ReadAloud, ReaderContext, ReportHeader, ReportText,
        SearchBox, SearchResults, SettingsPanel, SharePanel, Shared,
    },
    hooks::{use_address, use_embed_height, use_scroll_spy, use_stored},
    report::Report,
    route::{Address, AddressKey, Route},
    runs::{Mark, MarkKind},
    search::{SearchIndex, SearchResults as Results},
    settings::{FontSize, Theme},
};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub report: Shared<Report>,
    /// The address to render before the browser's is read (prerendering, tests).
    #[prop_or_default]
    pub address: Address,
}

/// The viewer as `main` starts it: [`App`] with its address kept under `address_key` (the
/// page's hash, or a parameter of the portal page it is mounted in), which [`App`] reads from
/// context (rendered alone, as in tests, it keeps the hash).
#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    pub report: Shared<Report>,
    #[prop_or_default]
    pub address: Address,
    #[prop_or_default]
    pub address_key: AddressKey,
}

#[function_component]
pub fn Viewer(props: &ViewerProps) -> Html {
    html! {
        <ContextProvider<AddressKey> context={ props.address_key.clone() }>
            <App report={ props.report } address={ props.address.clone() } />
        </ContextProvider<AddressKey>>
    }
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

/// Search hits as marks per block, numbered over all hits in document order.
fn hit_marks(results: &Results) -> Vec<(String, Vec<Mark>)> {
    let mut n = 0;
    results
        .groups
        .iter()
        .flat_map(|group| &group.blocks)
        .map(|block| {
            let marks = block
                .ranges
                .iter()
                .map(|&[start, end]| {
                    n += 1;
                    Mark {
                        start,
                        end,
                        kind: MarkKind::Hit(n - 1),
                    }
                })
                .collect();
            (block.block.clone(), marks)
        })
        .collect()
}

/// Whether a key press is typing into a field (where `/` is just a character).
fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.has_attribute("contenteditable")
}

/// The whole page for one report.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let report = props.report;
    let address_key = use_context::<AddressKey>().unwrap_or_default();
    // Mounted in a portal's page: the page, its title, its keys and its scrolling are the
    // portal's; the viewer keeps to its element.
    let mounted = address_key.is_mounted();
    let address = use_address(props.address.clone(), address_key.clone());
    let embed = address.get().embed;
    let root = use_node_ref();
    use_embed_height(root.clone(), embed);
    let route = address.get().route.clone();
    let known = resolves(&report, &route);
    let current_section = use_scroll_spy();
    let (font_size, set_font_size) =
        use_stored(FontSize::STORAGE_KEY, FontSize::from_key, FontSize::key);
    let (theme, set_theme) = use_stored(Theme::STORAGE_KEY, Theme::from_key, Theme::key);
    let outline_open = use_state(|| false);
    // The page's own address and the portal's public one, known once mounted.
    let page_address = use_state_eq(String::new);
    let public_base = use_state_eq(|| None::<String>);
    {
        let public_base = public_base.clone();
        use_effect_with((), move |_| public_base.set(crate::head::public_base()));
    }

    // Head: the title and the meta tags inspectors and search engines read.
    use_effect_with((report, mounted), |(report, mounted)| {
        if !mounted {
            crate::head::describe(report);
        }
    });
    // Move to what the address names, once it is rendered. Refining a search is not a move:
    // the page stays where it is while the reader types.
    {
        let page_address = page_address.clone();
        let place = match &route {
            Route::Search(_) => Route::Search(String::new()),
            other => other.clone(),
        };
        let root = root.clone();
        let address_key = address_key.clone();
        use_effect_with((place, known), move |(route, known)| {
            let within = mounted.then(|| root.cast::<web_sys::Element>()).flatten();
            crate::scroll::reveal(route, *known, within.as_ref());
            // Without the viewer's address (its hash, or its parameter in a portal's page), so
            // refining a search does not re-render the page for nothing.
            let href = gloo::utils::window().location().href().unwrap_or_default();
            page_address.set(address_key.write(&href, &Address::default()));
        });
    }

    // Search: the index is built once; results follow the query in the address.
    let index = use_memo((), move |_| SearchIndex::new(&report));
    let query = match &route {
        Route::Search(query) => query.clone(),
        _ => String::new(),
    };
    let searching = matches!(route, Route::Search(_));
    let results = use_memo(query.clone(), |query| index.search(query));
    // Hit marks by block and section, made once per result, not on every render (outside a
    // search the query is empty and so are the results).
    let highlights_base = use_memo(results.clone(), |results| {
        Highlights::new(hit_marks(results))
    });
    let current_hit = use_state_eq(|| None::<usize>);
    {
        let current_hit = current_hit.clone();
        use_effect_with(query.clone(), move |_| current_hit.set(None));
    }
    // `/` anywhere but in a field focuses the search box (not in a portal's page: its keys
    // are the portal's).
    use_effect_with(mounted, |&mounted| {
        let listener = (!mounted).then(|| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&gloo::utils::document(), "keydown", options, |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if event.key() == "/"
                    && !event.ctrl_key()
                    && !event.meta_key()
                    && !typing_in_field(event)
                {
                    event.prevent_default();
                    crate::scroll::focus("gk-search-input");
                }
            })
        });
        move || drop(listener)
    });
    let on_query = {
        let address = address.clone();
        Callback::from(move |query: String| {
            let route = if query.trim().is_empty() {
                Route::Start
            } else {
                Route::Search(query)
            };
            // The first keystroke makes a history entry; refining the query replaces it.
            let replace = matches!(address.get().route, Route::Search(_));
            let embed = address.get().embed;
            address.go(Address { route, embed }, replace);
        })
    };
    let on_close = {
        let address = address.clone();
        Callback::from(move |()| {
            let embed = address.get().embed;
            address.go(
                Address {
                    route: Route::Start,
                    embed,
                },
                true,
            );
        })
    };
    let go_to_hit = {
        let current_hit = current_hit.clone();
        Callback::from(move |n: usize| {
            current_hit.set(Some(n));
            crate::scroll::reveal_hit(n);
        })
    };
    let on_step = {
        let current_hit = current_hit.clone();
        let go_to_hit = go_to_hit.clone();
        let total = results.total;
        Callback::from(move |back: bool| {
            if total == 0 {
                return;
            }
            let next = match (*current_hit, back) {
                (None, false) => 0,
                (None, true) => total - 1,
                (Some(n), false) => (n + 1) % total,
                (Some(n), true) => (n + total - 1) % total,
            };
            go_to_hit.emit(next);
        })
    };

    let cards = matches!(route, Route::Cards { .. }) && known;
    // The context never changes; what is highlighted goes down as props, section by section.
    let context = (*use_memo((), move |_| ReaderContext::new(report))).clone();
    let highlights = highlights_base.with_current(
        *current_hit,
        match &route {
            Route::Metric(id) if known => Some(id.clone()),
            _ => None,
        },
    );
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
        embed.then_some("gk-embed"),
        mounted.then_some("gk-mounted"),
    );
    // Mounted, the viewer's links (`#/s/2`) would change the portal's hash: a plain click is
    // followed here instead, into the viewer's own parameter. (Opened in a new tab, such a link
    // still works: a mounted viewer also reads an address from the hash.)
    let follow_link = mounted.then(|| {
        let address = address.clone();
        Callback::from(move |event: MouseEvent| {
            if event.default_prevented()
                || event.button() != 0
                || event.ctrl_key()
                || event.meta_key()
                || event.shift_key()
                || event.alt_key()
            {
                return;
            }
            let Some(target) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href^=\"#/\"]").ok().flatten())
                .and_then(|link| link.get_attribute("href"))
                .and_then(|href| Address::from_hash(&href))
            else {
                return;
            };
            event.prevent_default();
            if *address.get() != target {
                address.go(target, false);
            }
        })
    });
    let place = if known { route.clone() } else { Route::Start };
    let share_url =
        crate::qr::share_url_in(&page_address, public_base.as_deref(), &address_key, &place);
    let focus = match &route {
        Route::Cards { focus } => focus.clone().map(AttrValue::from),
        _ => None,
    };
    html! {
        <ContextProvider<ReaderContext> context={ context }>
        <div class={ root_class } ref={ root } onclick={ follow_link }>
            <a class="gk-skip" href="#gk-main" onclick={ skip_to_text }>{ "跳到正文" }</a>
            <div class="gk-toolbar" role="toolbar" aria-label="阅读工具">
                <SearchBox query={ query.clone() } on_query={ on_query } on_step={ on_step.clone() }
                    on_close={ on_close } results_shown={ searching } />
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
                <SharePanel url={ share_url.clone() } title={ report.title.clone() } />
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
                    { for searching.then(|| html! {
                        <SearchResults report={ report } query={ query.clone() } results={ results.clone() }
                            current={ *current_hit } on_choose={ go_to_hit.clone() } on_step={ on_step.clone() } />
                    }) }
                    <ReportHeader report={ report } highlights={ highlights.title() } />
                    <ReportText hidden={ cards } highlights={ highlights } />
                    <CardsView report={ report } focus={ focus } hidden={ !cards } />
                    <div class="gk-print-address">
                        <QrCode text={ share_url.clone() } size={ 120 } />
                        <p>{ "本页地址：" }{ share_url }</p>
                    </div>
                </main>
            </div>
        </div>
        </ContextProvider<ReaderContext>>
    }
}
