use yew::prelude::*;

use super::{ReaderContext, Shared, TextBlock};
use crate::{metrics::title_block_id, report::Section, route::Route};

#[derive(Properties, PartialEq)]
pub struct SectionViewProps {
    pub section: Shared<Section>,
}

/// One section of the outline: its heading (a real `<h2>`…`<h6>` whose number links to the
/// section's address), its paragraphs and its subsections.
#[function_component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let context = use_context::<ReaderContext>().expect("ReaderContext");
    let section = props.section.0;
    let block = |id: &str, text: &str| {
        html! {
            <TextBlock text={ AttrValue::from(text.to_string()) } marks={ context.marks(id) }
                current_figure={ context.current_figure.clone().map(AttrValue::from) }
                current_hit={ context.current_hit } />
        }
    };
    let title_block = title_block_id(&section.id);
    let number_len = section.number.chars().count();
    let number = html! {
        <a class="gk-number" href={ Route::Section(section.id.clone()).href() }>
            <TextBlock text={ AttrValue::from(section.number.clone()) }
                marks={ context.hit_marks(&title_block, 0, number_len) }
                current_hit={ context.current_hit } />
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
        html! {
            <@{heading_tag} id={ anchor_id.clone() } class="gk-heading"
                data-section={ section.id.clone() } tabindex="-1">
                { number }
                <TextBlock text={ AttrValue::from(section.title.clone()) }
                    marks={ [context.figure_marks(&title_block), context.hit_marks(&title_block, number_len, usize::MAX)].concat() }
                    current_figure={ context.current_figure.clone().map(AttrValue::from) }
                    current_hit={ context.current_hit } />
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
                <SectionView key={ child.id.clone() } section={ Shared(child) } />
            }) }
        </section>
    }
}
