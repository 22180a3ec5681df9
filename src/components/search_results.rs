use std::rc::Rc;

use yew::prelude::*;

use crate::shared::Shared;
use crate::{
    report::Report,
    route::Route,
    search::{snippet, SearchResults as Results},
};

/// Characters of context on each side of a hit in the results list.
const SNIPPET_CONTEXT: usize = 18;
/// Paragraphs listed at first; a long list grows on request, so a one-character query over a
/// large report stays instant (every hit is still counted).
const FIRST_BLOCKS: usize = 50;
/// Paragraphs drawn with the keystroke (more than a screen holds); the rest of the list
/// follows once the page is idle, unless the next key comes first.
const DRAWN_AT_ONCE: usize = 12;

/// How much of a query's list is drawn.
#[derive(PartialEq)]
struct Drawn {
    query: AttrValue,
    blocks: usize,
}

#[derive(Properties, PartialEq)]
pub struct SearchResultsProps {
    pub report: Shared<Report>,
    pub query: AttrValue,
    pub results: Rc<Results>,
    /// The hit being visited, counted over all hits in document order.
    pub current: Option<usize>,
    /// A result was chosen: go to this hit.
    pub on_choose: Callback<usize>,
    pub on_step: Callback<bool>,
}

/// Search results grouped by section, a snippet per block with its first hit marked, the
/// number of hits announced to screen readers, and previous/next buttons.
#[function_component]
pub fn SearchResults(props: &SearchResultsProps) -> Html {
    let report = props.report.0;
    let results = &props.results;
    let limit = use_state_eq(|| FIRST_BLOCKS);
    {
        let limit = limit.clone();
        use_effect_with(props.query.clone(), move |_| limit.set(FIRST_BLOCKS));
    }
    let listed_blocks: usize = results.groups.iter().map(|g| g.blocks.len()).sum();
    let drawn_state = use_state_eq(|| Drawn {
        query: props.query.clone(),
        blocks: DRAWN_AT_ONCE,
    });
    // A new query starts with what the keystroke draws, in the render itself.
    let drawn = match &*drawn_state {
        Drawn { query, blocks } if *query == props.query => *blocks,
        _ => DRAWN_AT_ONCE,
    };
    {
        let waiting = drawn < *limit && drawn < listed_blocks;
        use_effect_with(
            (props.query.clone(), waiting, *limit),
            move |(query, waiting, limit)| {
                let (query, limit) = (query.clone(), *limit);
                let idle = waiting.then(|| {
                    crate::idle::Idle::later(move || {
                        drawn_state.set(Drawn {
                            query,
                            blocks: limit,
                        })
                    })
                });
                move || drop(idle)
            },
        );
    }
    let query = props.query.trim();
    let count = if query.is_empty() {
        "请输入要查找的字词，也可以输入拼音或拼音首字母。".to_string()
    } else if results.total == 0 {
        format!("没有找到“{query}”。")
    } else {
        format!("共 {} 处", results.total)
    };
    let position = props
        .current
        .map(|n| format!("{} / {}", n + 1, results.total));
    let step = |back: bool| {
        let on_step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(back))
    };
    let mut first_hit = 0;
    let mut listed = 0;
    let shown_limit = (*limit).min(drawn);
    let groups = results.groups.iter().map_while(|group| {
        if listed >= shown_limit {
            return None;
        }
        let heading = match group.section.as_ref().and_then(|id| report.section(id)) {
            Some(section) => format!("{}{}", section.number, section.display_title()),
            None => "标题与前言".to_string(),
        };
        let room = shown_limit - listed;
        listed += group.blocks.len().min(room);
        let items = group.blocks.iter().take(room).map(|block| {
            let n = first_hit;
            first_hit += block.ranges.len();
            let text = report.block_text(&block.block).unwrap_or_default();
            let shown = snippet(&text, block.ranges[0], SNIPPET_CONTEXT);
            let on_choose = props.on_choose.clone();
            let more = block.ranges.len() - 1;
            html! {
                <li key={ block.block.to_string() }>
                    <button type="button" class="gk-result" onclick={ Callback::from(move |_| on_choose.emit(n)) }>
                        { shown.clipped_start.then_some("…") }
                        { shown.before }
                        <mark class="gk-hit">{ shown.hit }</mark>
                        { shown.after }
                        { shown.clipped_end.then_some("…") }
                        { for (more > 0).then(|| html! {
                            <span class="gk-result-more">{ format!("（本段另有 {more} 处）") }</span>
                        }) }
                    </button>
                </li>
            }
        });
        Some(html! {
            <section class="gk-result-group" key={ group.section.as_ref().map(ToString::to_string).unwrap_or_default() }>
                <h3 class="gk-result-heading">{ heading }</h3>
                <ul class="gk-result-list">{ for items }</ul>
            </section>
        })
    });
    let groups: Html = groups.collect();
    let more = listed_blocks.saturating_sub(*limit);
    let show_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + FIRST_BLOCKS * 4))
    };
    html! {
        <section id="gk-results" class="gk-results" aria-labelledby="gk-results-title">
            <h2 id="gk-results-title" class="gk-results-title">{ "搜索结果" }</h2>
            <div class="gk-results-bar">
                <p id="gk-search-count" class="gk-results-count" role="status" aria-live="polite">{ count }</p>
                { for (results.total > 0).then(|| html! {
                    <div class="gk-results-steps">
                        <button type="button" class="gk-button" onclick={ step(true) }>{ "上一处" }</button>
                        <span class="gk-results-position" aria-live="polite">{ position.unwrap_or_default() }</span>
                        <button type="button" class="gk-button" onclick={ step(false) }>{ "下一处" }</button>
                    </div>
                }) }
            </div>
            { for (!results.suggestions.is_empty()).then(|| html! {
                <p class="gk-suggestions">
                    { "您是不是要找：" }
                    { for results.suggestions.iter().map(|s| html! {
                        <a class="gk-suggestion" href={ Route::Search(s.clone()).href() }>{ s }</a>
                    }) }
                </p>
            }) }
            { groups }
            { for (more > 0).then(|| html! {
                <button type="button" class="gk-button gk-results-more" onclick={ show_more }>
                    { format!("还有 {more} 段，继续显示") }
                </button>
            }) }
        </section>
    }
}
