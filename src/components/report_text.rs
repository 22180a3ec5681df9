use yew::prelude::*;

use super::{ReaderContext, SectionView, Shared, TextBlock};

#[derive(Properties, PartialEq)]
pub struct ReportTextProps {
    #[prop_or_default]
    pub hidden: bool,
}

/// The report's body exactly as published: the preamble, then its sections in outline order.
#[function_component]
pub fn ReportText(props: &ReportTextProps) -> Html {
    let context = use_context::<ReaderContext>().expect("ReaderContext");
    let report = context.report.0;
    html! {
        <div class="gk-text" id="gk-text" hidden={ props.hidden }>
            { for report.preamble.iter().map(|p| html! {
                <p id={ format!("gk-p-{}", p.id) }>
                    <TextBlock text={ AttrValue::from(p.text.clone()) } marks={ context.marks(&p.id) }
                        current_figure={ context.current_figure.clone().map(AttrValue::from) }
                        current_hit={ context.current_hit } />
                </p>
            }) }
            { for report.sections.iter().map(|section| html! {
                <SectionView key={ section.id.clone() } section={ Shared(section) } />
            }) }
        </div>
    }
}
