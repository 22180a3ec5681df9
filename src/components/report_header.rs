use yew::prelude::*;

use super::{Highlights, TextBlock};
use crate::shared::Shared;
use crate::{id::BlockId, report::Report};

#[derive(Properties, PartialEq)]
pub struct ReportHeaderProps {
    pub report: Shared<Report>,
    /// Search hits in the title.
    #[prop_or_default]
    pub highlights: Highlights,
}

/// Breadcrumb, the report's title as the page's only `<h1>`, and its publication details
/// (time as `YYYY-MM-DD HH:MM`, per 政府网站发展指引).
#[function_component]
pub fn ReportHeader(props: &ReportHeaderProps) -> Html {
    let report = props.report.0;
    let marks = props.highlights.hit_marks(&BlockId::Title);
    let current_hit = props.highlights.current_hit_in(&BlockId::Title);
    let breadcrumb = (!report.breadcrumb.is_empty()).then(|| {
        html! {
            <nav class="gk-breadcrumb" aria-label="当前位置">
                <ol>
                    { for report.breadcrumb.iter().map(|crumb| html! { <li>{ crumb }</li> }) }
                </ol>
            </nav>
        }
    });
    let details = [
        ("发布时间", report.published.as_deref()),
        ("来源", report.source.as_deref()),
        ("作者", report.author.as_deref()),
        ("索引号", report.index_number.as_deref()),
    ];
    html! {
        <header class="gk-header">
            { breadcrumb }
            <h1 class="gk-title">
                <TextBlock text={ AttrValue::Static(report.title.as_str()) } marks={ marks } current_hit={ current_hit } />
            </h1>
            <dl class="gk-meta">
                { for details.into_iter().filter_map(|(term, value)| value.map(|value| html! {
                    <div>
                        <dt>{ term }</dt>
                        <dd>{ value }</dd>
                    </div>
                })) }
            </dl>
        </header>
    }
}
