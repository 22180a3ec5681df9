use yew::prelude::*;

use super::Shared;
use crate::report::Section;

#[derive(Properties, PartialEq)]
pub struct SectionViewProps {
    pub section: Shared<Section>,
}

/// One section of the outline: its heading (a real `<h2>`…`<h5>`), paragraphs and subsections.
#[function_component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let section = props.section.0;
    // Depth in the outline, not the form's level, picks the tag: headings never skip a rank
    // even when a report goes from 一、 straight to 1.
    let depth = section.id.matches('.').count();
    let heading_tag = format!("h{}", (depth + 2).min(6));
    html! {
        <section class={ classes!("gk-section", format!("gk-level-{}", section.level)) }
            aria-labelledby={ format!("s-{}", section.id) }>
            <@{heading_tag} id={ format!("s-{}", section.id) } class="gk-heading">
                <span class="gk-number">{ &section.number }</span>
                { &section.title }
            </@>
            { for section.paragraphs.iter().map(|paragraph| html! {
                <p id={ paragraph.id.clone() }>{ &paragraph.text }</p>
            }) }
            { for section.children.iter().map(|child| html! {
                <SectionView key={ child.id.clone() } section={ Shared(child) } />
            }) }
        </section>
    }
}
