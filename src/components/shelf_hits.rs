use std::rc::Rc;

use yew::prelude::*;

use crate::{
    route::{Address, Route},
    search::{
        shelf::{ShelfIndex, ShelfReport, ShelfResults},
        snippet, SectionHits,
    },
    shared::Shared,
};

/// Characters of context on each side of a hit.
const SNIPPET_CONTEXT: usize = 16;
/// Reports listed at first; the rest on request, so a one-character query over a large shelf
/// answers each keystroke at once (every report's count is still in the total).
pub const FIRST_REPORTS: usize = 20;
/// Sections with hits shown per report; the report's own search lists them all.
pub const SECTIONS_PER_REPORT: usize = 3;

#[derive(Properties, PartialEq)]
pub struct ShelfHitsProps {
    pub index: Shared<ShelfIndex>,
    pub query: AttrValue,
    pub results: Rc<ShelfResults>,
    /// A suggestion was chosen: search for it.
    pub on_suggest: Callback<String>,
}

/// Results of the search across every report: the count, then each report with hits (title,
/// office, year, its count) and its first sections with a hit marked in context. A report's
/// title opens its own search for the query; a snippet opens it at that hit. Nothing here
/// touches the browser.
#[function_component]
pub fn ShelfHits(props: &ShelfHitsProps) -> Html {
    let limit = use_state_eq(|| FIRST_REPORTS);
    {
        let limit = limit.clone();
        use_effect_with(props.query.clone(), move |_| limit.set(FIRST_REPORTS));
    }
    let results = &props.results;
    let query = props.query.trim();
    let count = if query.is_empty() {
        String::new()
    } else if results.total == 0 {
        format!("没有找到“{query}”。")
    } else {
        format!(
            "在 {} 篇报告中找到 {} 处",
            results.reports.len(),
            results.total
        )
    };
    let reports = props.index.reports();
    let items = results.reports.iter().take(*limit).map(|hits| {
        let report = &reports[hits.report];
        report_item(
            report,
            &hits.results.groups,
            hits.results.total,
            &props.query,
        )
    });
    let more = results.reports.len().saturating_sub(*limit);
    let show_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + FIRST_REPORTS * 4))
    };
    html! {
        <>
            <p id="gk-shelf-count" class="gk-results-count" role="status" aria-live="polite">{ count }</p>
            { for (!results.suggestions.is_empty()).then(|| html! {
                <p class="gk-suggestions">
                    { "您是不是要找：" }
                    { for results.suggestions.iter().map(|s| {
                        let on_suggest = props.on_suggest.clone();
                        let chosen = s.clone();
                        html! {
                            <button type="button" class="gk-suggestion gk-link-button"
                                onclick={ Callback::from(move |_| on_suggest.emit(chosen.clone())) }>{ s }</button>
                        }
                    }) }
                </p>
            }) }
            { for (!results.reports.is_empty()).then(|| html! {
                <ol class="gk-shelf-hits" aria-label="检索结果">{ for items }</ol>
            }) }
            { for (more > 0).then(|| html! {
                <button type="button" class="gk-button gk-results-more" onclick={ show_more }>
                    { format!("还有 {more} 篇报告，继续显示") }
                </button>
            }) }
        </>
    }
}

/// One report's entry: its title linking to its own search, its details, and a snippet from
/// each of its first sections with hits.
fn report_item(report: &ShelfReport, groups: &[SectionHits], total: usize, query: &str) -> Html {
    let href = format!(
        "{}/{}",
        report.slug,
        Route::Search(query.to_string()).href()
    );
    let mut details = vec![report.office.clone()];
    if let Some(year) = report.year {
        details.push(format!("{year}年"));
    }
    details.push(format!("{total} 处"));
    let sections = groups.iter().take(SECTIONS_PER_REPORT).map(|group| {
        let heading = match &group.section {
            Some(id) => report.heading(id).unwrap_or_default().to_string(),
            None => "标题与前言".to_string(),
        };
        let first = &group.blocks[0];
        let text = report.block_text(&first.block).unwrap_or_default();
        let shown = snippet(text, first.ranges[0], SNIPPET_CONTEXT);
        // The report's search, at this section's first hit.
        let at = Address {
            route: Route::Search(query.to_string()),
            embed: false,
            at: Some(first.block.clone()),
        };
        let at = format!("{}/{}", report.slug, at.to_hash());
        let in_section: usize = group.blocks.iter().map(|b| b.ranges.len()).sum();
        html! {
            <li key={ first.block.to_string() }>
                <a class="gk-result" href={ at }>
                    <span class="gk-shelf-hit-section">{ heading }</span>
                    { shown.clipped_start.then_some("…") }
                    { shown.before }
                    <mark class="gk-hit">{ shown.hit }</mark>
                    { shown.after }
                    { shown.clipped_end.then_some("…") }
                    { for (in_section > 1).then(|| html! {
                        <span class="gk-result-more">{ format!("（本节共 {in_section} 处）") }</span>
                    }) }
                </a>
            </li>
        }
    });
    let hidden_sections = groups.len().saturating_sub(SECTIONS_PER_REPORT);
    html! {
        <li class="gk-shelf-hit" key={ report.slug.clone() }>
            <h3 class="gk-shelf-hit-title"><a href={ href.clone() }>{ &report.title }</a></h3>
            <p class="gk-shelf-meta">{ details.join(" · ") }</p>
            <ul class="gk-result-list">{ for sections }</ul>
            { for (hidden_sections > 0).then(|| html! {
                <a class="gk-shelf-hit-all" href={ href.clone() }>
                    { format!("另有 {hidden_sections} 节有结果，查看本报告全部 {total} 处") }
                </a>
            }) }
        </li>
    }
}
