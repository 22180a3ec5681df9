use yew::prelude::*;

use crate::settings::{FontSize, Theme};

#[derive(Properties, PartialEq)]
pub struct SettingsPanelProps {
    pub font_size: FontSize,
    pub theme: Theme,
    pub on_font_size: Callback<FontSize>,
    pub on_theme: Callback<Theme>,
}

/// Type size and colour theme, as two groups of radio buttons in a disclosure: usable by
/// keyboard and screen reader with no script of its own.
#[function_component]
pub fn SettingsPanel(props: &SettingsPanelProps) -> Html {
    let size_options = FontSize::ALL.into_iter().map(|size| {
        let on_font_size = props.on_font_size.clone();
        html! {
            <label class="gk-choice">
                <input type="radio" name="gk-font-size" value={ size.key() }
                    checked={ props.font_size == size }
                    onchange={ Callback::from(move |_| on_font_size.emit(size)) } />
                { size.label() }
            </label>
        }
    });
    let theme_options = Theme::ALL.into_iter().map(|theme| {
        let on_theme = props.on_theme.clone();
        html! {
            <label class="gk-choice">
                <input type="radio" name="gk-theme" value={ theme.key() }
                    checked={ props.theme == theme }
                    onchange={ Callback::from(move |_| on_theme.emit(theme)) } />
                { theme.label() }
            </label>
        }
    });
    html! {
        <details class="gk-settings">
            <summary class="gk-button">{ "阅读设置" }</summary>
            <div class="gk-settings-body">
                <fieldset>
                    <legend>{ "字号" }</legend>
                    { for size_options }
                </fieldset>
                <fieldset>
                    <legend>{ "配色" }</legend>
                    { for theme_options }
                </fieldset>
            </div>
        </details>
    }
}
