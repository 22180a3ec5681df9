use yew::prelude::*;

use super::{Highlights, ReaderContext, SectionView, TableView, TextBlock};
use crate::shared::Shared;

#[derive(Properties, PartialEq)]
pub struct ReportTextProps {
    #[prop_or_default]
    pub hidden: bool,
    #[prop_or_default]
    pub highlights: Highlights,
}

/// The report's body exactly as published: the preamble, then its sections in outline order.
#[function_component]
pub fn ReportText(props: &ReportTextProps) -> Html {
    let context = use_context::<ReaderContext>().expect("ReaderContext");
    let report = context.report.0;
    let highlights = &props.highlights;
    let front = highlights.front();
    html! {
        <div class={ classes!("gk-text", context.long_text.then_some("gk-text--long")) } id="gk-text" hidden={ props.hidden }>
            { for report.preamble.iter().map(|p| if p.table.is_some() { html! {
                <TableView block={ Shared(p) } marks={ context.marks(&front, &p.id) }
                    current_figure={ front.current_figure.clone() }
                    current_hit={ front.current_hit_in(&p.id) }
                    name={ AttrValue::Static(report.title.as_str()) } />
            } } else { html! {
                <p id={ format!("gk-p-{}", p.id) }>
                    <TextBlock text={ AttrValue::Static(p.text.as_str()) }
                        marks={ context.marks(&front, &p.id) }
                        current_figure={ front.current_figure.clone() }
                        current_hit={ front.current_hit_in(&p.id) } />
                </p>
            } }) }
            { for report.sections.iter().map(|section| html! {
                <SectionView key={ section.id.to_string() } section={ Shared(section) }
                    highlights={ highlights.section(&section.id) } />
            }) }
        </div>
    }
}
