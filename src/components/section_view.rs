use yew::prelude::*;

use super::{Highlights, ReaderContext, Shared, TextBlock};
use crate::{metrics::title_block_id, report::Section, route::Route};

#[derive(Properties, PartialEq)]
pub struct SectionViewProps {
    pub section: Shared<Section>,
    /// What is highlighted in this section and its subsections only.
    #[prop_or_default]
    pub highlights: Highlights,
}

/// One section of the outline: its heading (a real `<h2>`…`<h6>` whose number links to the
/// section's address), its paragraphs and its subsections.
#[function_component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let context = use_context::<ReaderContext>().expect("ReaderContext");
    let section = props.section.0;
    let highlights = &props.highlights;
    let current_figure = highlights.current_figure.clone().map(AttrValue::from);
    let block = |id: &str, text: &'static str| {
        html! {
            <TextBlock text={ AttrValue::Static(text) } marks={ context.marks(highlights, id) }
                current_figure={ current_figure.clone() } current_hit={ highlights.current_hit } />
        }
    };
    let title_block = title_block_id(&section.id);
    let number_len = section.number.chars().count();
    let number = html! {
        <a class="gk-number" href={ Route::Section(section.id.clone()).href() }>
            <TextBlock text={ AttrValue::Static(section.number.as_str()) }
                marks={ highlights.hit_marks(&title_block, 0, number_len) }
                current_hit={ highlights.current_hit } />
        </a>
    };
    let anchor_id = format!("gk-s-{}", section.id);
    // Depth in the outline, not the form's level, picks the tag: headings never skip a rank
    // even when a report goes from 一、 straight to 1.
    let depth = section.id.matches('.').count();
    let heading_tag = format!("h{}", (depth + 2).min(6));
    let mut paragraphs = section.paragraphs.iter();
    let head = if section.title.is_empty() {
        // A numbered paragraph: the number opens its text, with no heading of its own.
        let first = paragraphs.next();
        html! {
            <p id={ anchor_id.clone() } class="gk-numbered" data-section={ section.id.clone() } tabindex="-1">
                { number }
                { for first.map(|p| html! {
                    <span id={ format!("gk-p-{}", p.id) }>{ block(&p.id, &p.text) }</span>
                }) }
            </p>
        }
    } else {
        let mut title_marks = context.figure_marks(&title_block);
        title_marks.extend(highlights.hit_marks(&title_block, number_len, usize::MAX));
        html! {
            <@{heading_tag} id={ anchor_id.clone() } class="gk-heading"
                data-section={ section.id.clone() } tabindex="-1">
                { number }
                <TextBlock text={ AttrValue::Static(section.title.as_str()) } marks={ title_marks }
                    current_figure={ current_figure.clone() } current_hit={ highlights.current_hit } />
            </@>
        }
    };
    html! {
        <section class={ classes!("gk-section", format!("gk-level-{}", section.level)) }
            aria-labelledby={ anchor_id }>
            { head }
            { for paragraphs.map(|p| html! {
                <p id={ format!("gk-p-{}", p.id) }>{ block(&p.id, &p.text) }</p>
            }) }
            { for section.children.iter().map(|child| html! {
                <SectionView key={ child.id.clone() } section={ Shared(child) }
                    highlights={ highlights.section(&child.id) } />
            }) }
        </section>
    }
}
