use yew::prelude::*;

use crate::shared::Shared;
use crate::{
    metrics::display::{spoken, FigureText},
    report::Metric,
    route::Route,
};

#[derive(Properties, PartialEq)]
pub struct MetricCardProps {
    pub metric: Shared<Metric>,
    /// The card the address points at (`#/cards?m=<id>`).
    #[prop_or_default]
    pub current: bool,
}

/// One figure as a card: label, then the figure as written. The card links to the figure in
/// the text and reads as one sentence to a screen reader (`收缴罚款 1230.01 万元`).
#[function_component]
pub fn MetricCard(props: &MetricCardProps) -> Html {
    let metric = props.metric.0;
    let figure = FigureText::of(metric);
    html! {
        <a class={ classes!("gk-card", props.current.then_some("gk-card--current")) }
            id={ format!("gk-card-{}", metric.id) }
            href={ Route::Metric(metric.id.clone()).href() }
            data-metric-id={ metric.id.to_string() }
            aria-label={ spoken(metric) }>
            <span class="gk-card-label">{ &metric.label }</span>
            <span class="gk-card-figure">
                { for (!figure.prefix.is_empty()).then(|| html! {
                    <span class="gk-card-prefix">{ &figure.prefix }</span>
                }) }
                <span class="gk-card-number">{ &figure.number }</span>
                <span class="gk-card-unit">{ &figure.rest }</span>
            </span>
        </a>
    }
}
