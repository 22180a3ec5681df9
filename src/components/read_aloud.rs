use std::{cell::Cell, rc::Rc};

use wasm_bindgen::{closure::Closure, JsCast};
use yew::prelude::*;

use crate::shared::Shared;
use crate::{id::SectionId, report::Report};

#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    pub report: Shared<Report>,
    /// The section being read on screen; "朗读本节" reads it.
    pub section: Option<SectionId>,
}

#[derive(Clone, Copy, PartialEq)]
enum Scope {
    Section,
    Whole,
}

/// Read-aloud with the browser's `speechSynthesis` in zh-CN: two switches (pressed while speaking), one for the
/// current section and one for the whole report. Hidden where the browser cannot speak.
#[function_component]
pub fn ReadAloud(props: &ReadAloudProps) -> Html {
    // Unknown until mounted: the switches are drawn (and prerendered) so that nothing moves when
    // the app starts; only where the browser cannot speak are they removed.
    let supported = use_state(|| None::<bool>);
    let speaking = use_state(|| None::<Scope>);
    // Each reading gets a number, so the end of a cancelled one cannot switch off the next.
    let generation = use_memo((), |_| Rc::new(Cell::new(0u32)));
    {
        let supported = supported.clone();
        use_effect_with((), move |_| {
            supported.set(Some(gloo::utils::window().speech_synthesis().is_ok()));
            // Leaving the page stops the voice.
            || {
                if let Ok(synth) = gloo::utils::window().speech_synthesis() {
                    synth.cancel();
                }
            }
        });
    }
    if *supported == Some(false) {
        return Html::default();
    }
    let toggle = |scope: Scope| {
        let speaking = speaking.clone();
        let generation = (*generation).clone();
        let report = props.report.0;
        let section = props.section.clone();
        Callback::from(move |_: MouseEvent| {
            let Ok(synth) = gloo::utils::window().speech_synthesis() else {
                return;
            };
            synth.cancel();
            generation.set(generation.get().wrapping_add(1));
            if *speaking == Some(scope) {
                speaking.set(None);
                return;
            }
            let texts = match (scope, section.as_ref().and_then(|id| report.section(id))) {
                (Scope::Section, Some(s)) => {
                    let mut texts = Vec::new();
                    s.reading_texts(&mut texts);
                    texts
                }
                _ => report.reading_texts(),
            };
            let voice = synth
                .get_voices()
                .iter()
                .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
                .find(|v| v.lang().replace('_', "-").starts_with("zh-CN"));
            let count = texts.len();
            for (i, text) in texts.into_iter().enumerate() {
                let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&text) else {
                    continue;
                };
                utterance.set_lang("zh-CN");
                utterance.set_voice(voice.as_ref());
                if i + 1 == count {
                    let speaking = speaking.clone();
                    let generation = generation.clone();
                    let mine = generation.get();
                    let on_end = Closure::once_into_js(move || {
                        if generation.get() == mine {
                            speaking.set(None);
                        }
                    });
                    utterance.set_onend(Some(on_end.unchecked_ref()));
                }
                synth.speak(&utterance);
            }
            speaking.set(Some(scope));
        })
    };
    let button = |scope: Scope, label: &str| {
        let on = *speaking == Some(scope);
        html! {
            <button type="button" class="gk-button gk-switch" aria-pressed={ on.to_string() }
                onclick={ toggle(scope) }>
                // The state is the button's pressed look and its icon (▶ to start, ■ to stop),
                // and aria-pressed for screen readers: no 开/关 badge to decode.
                <span class="gk-switch-icon" aria-hidden="true">{ if on { "■" } else { "▶" } }</span>
                { label }
            </button>
        }
    };
    html! {
        <div class="gk-read-aloud" role="group" aria-label="朗读">
            { button(Scope::Section, "朗读本节") }
            { button(Scope::Whole, "朗读全文") }
        </div>
    }
}
