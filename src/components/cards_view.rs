use yew::prelude::*;

use super::MetricCard;
use crate::shared::Shared;
use crate::{
    id::{MetricId, SectionId},
    report::{Metric, Report},
};

#[derive(Properties, PartialEq)]
pub struct CardsViewProps {
    pub report: Shared<Report>,
    pub focus: Option<MetricId>,
}

/// 数说: the report's figures as cards, grouped by the section they come from.
#[function_component]
pub fn CardsView(props: &CardsViewProps) -> Html {
    let report = props.report.0;
    let mut groups: Vec<(Option<&SectionId>, Vec<&Metric>)> = Vec::new();
    for metric in &report.metrics {
        match groups.last_mut() {
            Some((section, metrics)) if *section == metric.section.as_ref() => metrics.push(metric),
            _ => groups.push((metric.section.as_ref(), vec![metric])),
        }
    }
    let heading = |section: Option<&SectionId>| match section.and_then(|id| report.section(id)) {
        Some(s) => format!("{}{}", s.number, s.display_title()),
        None => "前言".to_string(),
    };
    html! {
        <div class="gk-cards-view" id="gk-cards">
            <p class="gk-cards-intro">
                { format!("本报告共列出 {} 项数据。点击卡片可跳转到原文所在位置。", report.metrics.len()) }
            </p>
            { for groups.into_iter().map(|(section, metrics)| html! {
                <section class="gk-card-group" key={ section.map_or_else(|| "preamble".to_string(), ToString::to_string) }>
                    <h2 class="gk-card-group-title">{ heading(section) }</h2>
                    <ul class="gk-cards" role="list">
                        { for metrics.into_iter().map(|metric| html! {
                            <li key={ metric.id.to_string() }>
                                <MetricCard metric={ Shared(metric) }
                                    current={ props.focus.as_ref() == Some(&metric.id) } />
                            </li>
                        }) }
                    </ul>
                </section>
            }) }
            { for report.metrics.is_empty().then(|| html! { <p>{ "本报告没有可列出的数据。" }</p> }) }
        </div>
    }
}
