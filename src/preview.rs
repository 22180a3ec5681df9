//! The preview page (its own wasm, `gongkai-preview`): a local report file or pasted text.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::{app::App, report::Report, shared::Shared};

/// A report opened for preview: its name and the parse.
#[derive(Clone, PartialEq)]
struct Opened {
    name: AttrValue,
    report: Shared<Report>,
    /// Each opening mounts a new viewer (its index and figures are made once per report).
    generation: u32,
}

/// 预览 (打开本地报告): the preview page. An editor chooses or drops a report file — text
/// (UTF-8, GBK/GB18030, UTF-16) or a saved portal page (HTML, in the charset it declares) — or
/// pastes its text or markup; it is read in this page, never uploaded, and shown as `gongkai
/// site` would publish it, with `gongkai check`'s warnings.
#[function_component]
pub fn Preview() -> Html {
    let opened = use_state(|| None::<Opened>);
    let problem = use_state(|| None::<String>);
    let pasted = use_node_ref();
    let open_report = {
        let opened = opened.clone();
        let problem = problem.clone();
        Callback::from(move |(name, report): (String, Report)| {
            let generation = opened.as_ref().map_or(0, |o| o.generation + 1);
            problem.set(None);
            opened.set(Some(Opened {
                name: name.into(),
                report: Shared::leak(report),
                generation,
            }));
        })
    };
    let read_file = {
        let open_report = open_report.clone();
        let problem = problem.clone();
        Callback::from(move |file: web_sys::File| {
            let open_report = open_report.clone();
            let problem = problem.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                match crate::local_file::read_report(&file).await {
                    Ok(report) => open_report.emit((name, report)),
                    Err(message) => problem.set(Some(format!("{name}：{message}"))),
                }
            });
        })
    };
    let on_choose = {
        let read_file = read_file.clone();
        Callback::from(move |event: Event| {
            let input = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
                read_file.emit(file);
            }
        })
    };
    let on_drop = {
        let read_file = read_file.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let files = event.data_transfer().and_then(|d| d.files());
            if let Some(file) = files.and_then(|f| f.get(0)) {
                read_file.emit(file);
            }
        })
    };
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_paste = {
        let pasted = pasted.clone();
        let open_report = open_report.clone();
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = pasted.cast::<web_sys::HtmlTextAreaElement>() {
                let text = area.value();
                if !text.trim().is_empty() {
                    match crate::local_file::read_pasted(&text) {
                        Ok(report) => open_report.emit(("粘贴的文本".to_string(), report)),
                        Err(message) => problem.set(Some(format!("粘贴的文本：{message}"))),
                    }
                }
            }
        })
    };
    let close = {
        let opened = opened.clone();
        Callback::from(move |_: MouseEvent| opened.set(None))
    };

    if let Some(open) = &*opened {
        let report = open.report;
        return html! {
            <>
                <section class="gk-root gk-preview-bar" aria-label="预览">
                    <p>
                        { format!("预览：{}（仅在本机浏览器中读取，未上传）", open.name) }
                        <button type="button" class="gk-button" onclick={ close }>{ "打开其他报告" }</button>
                    </p>
                    <Warnings report={ report } />
                </section>
                <App key={ open.generation } report={ report } />
            </>
        };
    }
    html! {
        <div class="gk-root gk-preview">
            <main id="gk-main" class="gk-page">
                <h1 class="gk-title">{ "打开本地报告" }</h1>
                <p>{ "选择或拖入报告文件——文本文件（.txt，UTF-8、GBK 或 UTF-16 编码）或从门户网站保存的网页（.html）——或粘贴报告全文或网页源代码，即可看到发布后的样子和需要修改的问题。文件只在本机浏览器中读取，不会上传。" }</p>
                <div class="gk-drop" ondrop={ on_drop } ondragover={ on_drag_over }>
                    <label class="gk-button" for="gk-preview-file">{ "选择报告文件" }</label>
                    <input id="gk-preview-file" type="file" accept=".txt,.html,.htm,text/plain,text/html" onchange={ on_choose } />
                    <p>{ "或把文件拖到这里" }</p>
                </div>
                <label for="gk-preview-text">{ "粘贴报告全文或网页源代码" }</label>
                <textarea id="gk-preview-text" ref={ pasted } rows="8" />
                <p><button type="button" class="gk-button" onclick={ on_paste }>{ "预览粘贴的文本" }</button></p>
                { for problem.as_ref().map(|p| html! { <p class="gk-notice" role="alert">{ p }</p> }) }
            </main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct WarningsProps {
    report: Shared<Report>,
}

/// What `gongkai check` says of the report: each warning with its line.
#[function_component]
fn Warnings(props: &WarningsProps) -> Html {
    let warnings = &props.report.warnings;
    if warnings.is_empty() {
        return html! { <p class="gk-preview-ok" role="status">{ "检查通过：没有发现问题。" }</p> };
    }
    html! {
        <div class="gk-preview-warnings" role="status">
            <h2>{ format!("检查发现 {} 个问题", warnings.len()) }</h2>
            <ul>
                { for warnings.iter().map(|w| html! { <li>{ format!("第 {} 行：{}", w.line, w.message) }</li> }) }
            </ul>
        </div>
    }
}
