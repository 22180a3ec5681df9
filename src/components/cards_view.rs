use yew::prelude::*;

use super::{metric_card::rate_bar, MetricCard, ShareImageDialog};
use crate::shared::Shared;
use crate::{
    id::{MetricId, SectionId},
    publish::FigureHistory,
    report::{Metric, Paragraph, Report},
};

/// How many figures lead the 数说 view.
pub const LEAD_FIGURES: usize = 4;

#[derive(Properties, PartialEq)]
pub struct CardsViewProps {
    pub report: Shared<Report>,
    pub focus: Option<MetricId>,
    /// Series over the years of the figures that have one (a site's 历年对比).
    #[prop_or_default]
    pub history: Option<Shared<Vec<FigureHistory>>>,
    /// The address of this view, for the share picture's QR code.
    #[prop_or_default]
    pub share_url: AttrValue,
}

/// 数说: the report's figures as cards, grouped by the section they come from.
#[function_component]
pub fn CardsView(props: &CardsViewProps) -> Html {
    let report = props.report.0;
    let history_of = |id: &MetricId| {
        props
            .history
            .and_then(|h| h.0.iter().find(|f| &f.metric == id))
            .map(Shared)
    };
    // By section, and within a section a table's figures apart, under the table's name.
    type Run<'a> = (Option<&'a Paragraph>, Vec<&'a Metric>);
    let mut groups: Vec<(Option<&SectionId>, Vec<Run<'_>>)> = Vec::new();
    for metric in &report.metrics {
        let table = report
            .paragraph(&metric.paragraph)
            .filter(|p| p.table.is_some());
        if groups
            .last()
            .is_none_or(|(s, _)| *s != metric.section.as_ref())
        {
            groups.push((metric.section.as_ref(), Vec::new()));
        }
        let runs = &mut groups.last_mut().expect("pushed").1;
        match runs.last_mut() {
            Some((t, metrics)) if t.map(|p| &p.id) == table.map(|p| &p.id) => metrics.push(metric),
            _ => runs.push((table, vec![metric])),
        }
    }
    let heading = |section: Option<&SectionId>| match section.and_then(|id| report.section(id)) {
        Some(s) => format!("{}{}", s.number, s.display_title()),
        None => "前言".to_string(),
    };
    // A table without a caption is named by its section, as its `<table>` is.
    let table_name = |block: &Paragraph| {
        let caption = block.table.as_ref().and_then(|t| t.caption.clone());
        let name =
            caption.unwrap_or_else(
                || match block.id.section().and_then(|id| report.section(id)) {
                    Some(s) => s.display_title(),
                    None => report.title.clone(),
                },
            );
        format!("表格：{name}")
    };
    // The few figures that say most (money, cases, people, rates: `metrics::lead`), large, first.
    let lead = crate::metrics::lead::leading(report, LEAD_FIGURES);
    let lead = (!lead.is_empty()).then(|| html! {
        <section class="gk-cards-lead" aria-labelledby="gk-cards-lead-title">
            <h2 id="gk-cards-lead-title" class="gk-card-group-title">{ "要点" }</h2>
            <ul class="gk-lead-list" role="list">
                { for lead.into_iter().map(|metric| {
                    let figure = crate::metrics::display::FigureText::of(metric);
                    html! {
                        <li key={ metric.id.to_string() }>
                            <a class="gk-lead" href={ crate::route::Route::Metric(metric.id.clone()).href() }>
                                <span class="gk-lead-figure">
                                    { for (!figure.prefix.is_empty()).then(|| html! {
                                        <span class="gk-card-prefix">{ figure.prefix.clone() }</span>
                                    }) }
                                    <span class="gk-lead-number">{ figure.number.clone() }</span>
                                    <span class="gk-card-unit">{ figure.rest.clone() }</span>
                                </span>
                                <span class="gk-lead-label">{ &metric.label }</span>
                                { rate_bar(metric) }
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </section>
    });
    html! {
        <div class="gk-cards-view" id="gk-cards">
            <div class="gk-cards-top">
                <p class="gk-cards-intro">
                    { format!("本报告共列出 {} 项数据。点击卡片可跳转到原文所在位置。", report.metrics.len()) }
                </p>
                { for (!report.metrics.is_empty()).then(|| html! {
                    <ShareImageDialog report={ props.report } url={ props.share_url.clone() } />
                }) }
            </div>
            { for lead }
            { for groups.into_iter().map(|(section, runs)| html! {
                <section class="gk-card-group" key={ section.map_or_else(|| "preamble".to_string(), ToString::to_string) }>
                    <h2 class="gk-card-group-title">{ heading(section) }</h2>
                    { for runs.into_iter().map(|(table, metrics)| {
                        let cards = html! {
                            <ul class="gk-cards" role="list">
                                { for metrics.into_iter().map(|metric| html! {
                                    <li key={ metric.id.to_string() }>
                                        <MetricCard metric={ Shared(metric) }
                                            current={ props.focus.as_ref() == Some(&metric.id) }
                                            history={ history_of(&metric.id) } />
                                    </li>
                                }) }
                            </ul>
                        };
                        match table {
                            Some(block) => html! {
                                <section class="gk-card-table" data-block={ block.id.to_string() }>
                                    <h3 class="gk-card-table-title">{ table_name(block) }</h3>
                                    { cards }
                                </section>
                            },
                            None => cards,
                        }
                    }) }
                </section>
            }) }
            { for report.metrics.is_empty().then(|| html! { <p>{ "本报告没有可列出的数据。" }</p> }) }
        </div>
    }
}
