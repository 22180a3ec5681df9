//! `gongkai site`: a static folder any web server can serve under any path — one prerendered
//! page per report (the reader's HTML as the viewer renders it at `#/`, its data as a JSON
//! block), a shelf page listing them, and the built viewer once, shared by every page.

use std::{
    collections::{BTreeSet, HashSet},
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

use yew::ServerRenderer;

use crate::{
    app::{App, AppProps},
    compare::Comparison,
    publish::{description, escape_html, PageData, DATA_ELEMENT_ID, ROOT_ELEMENT_ID},
    report::Report,
    search::{
        shelf::{ShelfReport, ShelfText},
        tables_for,
    },
    shared::Shared,
};

/// Folder of the site that holds the viewer's files.
pub const ASSETS: &str = "assets";

/// Folder of the site (and of the built viewer) holding the preview page.
pub const PREVIEW: &str = "preview";

/// The shelf's own stylesheet: its filter's rules, for this site's offices and years.
pub const SHELF_CSS: &str = "shelf.css";

/// The stylesheet a shelf page loads only without JavaScript: it hides the search box, which
/// needs the app (an inline `<style>` would break the strict Content-Security-Policy).
pub const SHELF_NOSCRIPT_CSS: &str = "shelf-noscript.css";

/// Folder of the built viewer, and of the site's `assets/`, holding the shelf's search (its own
/// wasm: a report page never loads it).
pub const SHELF_SEARCH: &str = "shelf";

/// Folder of the site holding one 历年对比 page per office with figures lined up.
pub const COMPARE: &str = "compare";

/// What `gongkai site` needs besides its reports.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// The built viewer (scripts/build-viewer.sh output). Found as described in
    /// [`find_viewer`] when not given.
    pub viewer: Option<PathBuf>,
    /// The site's public address (`https://portal.example.gov.cn/xxgk/fzbg/`): canonical links,
    /// social previews and printed addresses use it.
    pub base_url: Option<String>,
}

/// One report as published.
#[derive(Debug, Clone)]
pub struct PublishedReport {
    pub source: PathBuf,
    pub slug: String,
    pub report: Report,
}

/// The built viewer's files, by role.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub dir: PathBuf,
    /// Every file to copy (not the viewer's own index.html).
    pub files: Vec<String>,
    pub stylesheets: Vec<String>,
    pub icon: Option<String>,
    pub loader: String,
    /// Whether the viewer was built with the shelf's search (`dist/shelf/`).
    pub shelf_search: bool,
}

/// Where the built viewer is: `--viewer DIR`, else `$GONGKAI_VIEWER`, else `dist/` in the
/// current folder (where the README's setup builds it), else `dist/` beside the project this
/// binary was built from.
pub fn find_viewer(given: Option<&Path>) -> Result<Viewer, String> {
    let candidates: Vec<PathBuf> = match given {
        Some(dir) => vec![dir.to_path_buf()],
        None => std::env::var_os("GONGKAI_VIEWER")
            .map(PathBuf::from)
            .into_iter()
            .chain([
                PathBuf::from("dist"),
                Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"),
            ])
            .collect(),
    };
    let dir = candidates
        .iter()
        .find(|dir| dir.join("gongkai-loader.js").is_file())
        .ok_or_else(|| {
            let tried: Vec<String> = candidates.iter().map(|d| d.display().to_string()).collect();
            format!(
                "找不到已构建的阅读器（gongkai-loader.js），已查找：{}。请先运行 scripts/setup.sh \
                 和 scripts/build-viewer.sh，或用 --viewer 指定目录",
                tried.join("、")
            )
        })?
        .clone();
    let mut files: Vec<String> = fs::read_dir(&dir)
        .map_err(|e| format!("{}: 无法读取：{e}", dir.display()))?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let name = entry.file_name().into_string().ok()?;
            let is_file = entry.file_type().ok()?.is_file();
            (is_file && !name.starts_with("index.html")).then_some(name)
        })
        .collect();
    files.sort();
    // The viewer's stylesheet only: its own page's (gongkai-page-…) would be one more
    // render-blocking request for one rule, which gongkai.css holds for site pages too.
    let stylesheets = files
        .iter()
        .filter(|f| {
            f.starts_with("gongkai") && !f.starts_with("gongkai-page") && f.ends_with(".css")
        })
        .cloned()
        .collect();
    let icon = files
        .iter()
        .find(|f| f.starts_with("favicon") && f.ends_with(".svg"))
        .cloned();
    let shelf_search = dir.join(SHELF_SEARCH).join("gongkai-loader.js").is_file();
    Ok(Viewer {
        dir,
        files,
        stylesheets,
        icon,
        loader: "gongkai-loader.js".to_string(),
        shelf_search,
    })
}

/// A folder name for a report: the file's name, lower case, with only ASCII letters, digits,
/// `-` and `_` (so its address needs no encoding); `report-<n>` when nothing is left; a
/// number added when two reports would share one.
pub fn slug_for(path: &Path, index: usize, taken: &mut HashSet<String>) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut slug: String = stem
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '-' | '_' => c,
            _ => '-',
        })
        .collect();
    while slug.contains("--") {
        slug = slug.replace("--", "-");
    }
    let slug = slug.trim_matches('-').to_string();
    let base = if slug.is_empty() || [ASSETS, PREVIEW, COMPARE].contains(&slug.as_str()) {
        format!("report-{}", index + 1)
    } else {
        slug
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

/// The reader prerendered as the viewer renders it at `#/`, ready to hydrate.
pub fn prerender(report: &'static Report, public_base: Option<String>) -> String {
    let renderer = ServerRenderer::<App>::with_props(move || AppProps {
        report: Shared(report),
        tables: None,
        address: Default::default(),
        address_key: Default::default(),
        public_base: public_base.map(Into::into),
        // Only the cards show it, and `#/` shows the text.
        history: None,
    })
    .hydratable(true);
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime")
        .block_on(renderer.render())
}

/// The whole page of one report.
pub fn report_page(
    published: &PublishedReport,
    body: &str,
    data: &PageData,
    viewer: &Viewer,
    page_url: Option<&str>,
) -> String {
    let report = &published.report;
    let title = if report.title.is_empty() {
        "政务公开报告".to_string()
    } else {
        report.title.clone()
    };
    let description = description(report);
    let mut head = String::new();
    let mut meta = |name: &str, content: &str| {
        if !content.is_empty() {
            let _ = writeln!(
                head,
                "<meta name=\"{name}\" content=\"{}\">",
                escape_html(content)
            );
        }
    };
    meta("description", &description);
    // The tags 政府网站发展指引 asks of an article page.
    meta("ArticleTitle", &report.title);
    meta("PubDate", report.published.as_deref().unwrap_or(""));
    meta("ContentSource", report.source.as_deref().unwrap_or(""));
    meta("twitter:card", "summary");
    if let Some(url) = page_url {
        meta("gongkai:base-url", url);
    }
    let mut property = |name: &str, content: &str| {
        if !content.is_empty() {
            let _ = writeln!(
                head,
                "<meta property=\"{name}\" content=\"{}\">",
                escape_html(content)
            );
        }
    };
    property("og:type", "article");
    property("og:title", &title);
    property("og:description", &description);
    property("og:locale", "zh_CN");
    if let Some(url) = page_url {
        property("og:url", url);
        let _ = writeln!(
            head,
            "<link rel=\"canonical\" href=\"{}\">",
            escape_html(url)
        );
    }
    let assets = format!("../{ASSETS}");
    head.push_str(&head_links(viewer, &assets));
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{title}</title>\n{head}\
         <script type=\"module\" src=\"{assets}/{loader}\"></script>\n</head>\n<body>\n\
         <div id=\"{ROOT_ELEMENT_ID}\">{body}</div>\n\
         <script type=\"application/json\" id=\"{DATA_ELEMENT_ID}\">{data}</script>\n\
         </body>\n</html>\n",
        title = escape_html(&title),
        loader = viewer.loader,
        data = data.to_script_json(),
    )
}

/// The site's root page (报告库): the reports grouped by issuing office, newest year first,
/// each with its date, source, counts and its most telling figures; for an office with several
/// years, its figures lined up year over year. Plain HTML: it reads without JavaScript.
pub fn shelf_page(
    reports: &[PublishedReport],
    comparison: &Comparison,
    viewer: &Viewer,
    search_file: Option<&str>,
) -> String {
    let offices = shelf_offices(reports);

    let mut body = String::new();
    if let Some(file) = search_file {
        body.push_str(&shelf_search_box(file, reports.len()));
    }
    body.push_str(&shelf_filter(&offices));
    let _ = writeln!(
        body,
        "<nav class=\"gk-shelf-offices\" aria-label=\"发布机关\"><ul>"
    );
    for (n, (office, items)) in offices.iter().enumerate() {
        let _ = writeln!(
            body,
            "<li><a href=\"#office-{n}\">{}</a>（{} 篇）</li>",
            escape_html(office),
            items.len()
        );
    }
    let _ = writeln!(body, "</ul></nav>");
    for (n, (office, items)) in offices.iter().enumerate() {
        let _ = writeln!(
            body,
            "<section class=\"gk-shelf-office\" id=\"office-{n}\" data-office=\"{}\" aria-labelledby=\"office-{n}-name\">\n<h2 id=\"office-{n}-name\">{}</h2>\n<ul class=\"gk-shelf-list\">",
            office_slug(office),
            escape_html(office)
        );
        for &(i, year) in items {
            body.push_str(&shelf_item(&reports[i], year));
        }
        body.push_str("</ul>\n");
        if comparison
            .series
            .iter()
            .any(|s| comparison.office_of(s) == office)
        {
            let _ = writeln!(
                body,
                "<p class=\"gk-shelf-compare\"><a href=\"{COMPARE}/{}/\">{}：历年对比图</a></p>",
                office_slug(office),
                escape_html(office)
            );
        }
        body.push_str(&series_table(comparison, reports, office));
        body.push_str("</section>\n");
    }
    let mut stylesheets =
        head_links(viewer, ASSETS) + &format!("<link rel=\"stylesheet\" href=\"{SHELF_CSS}\">\n");
    if search_file.is_some() {
        let _ = writeln!(
            stylesheets,
            "<noscript><link rel=\"stylesheet\" href=\"{SHELF_NOSCRIPT_CSS}\"></noscript>"
        );
        let _ = writeln!(
            stylesheets,
            "<script type=\"module\" src=\"{ASSETS}/{SHELF_SEARCH}/{}\"></script>",
            viewer.loader
        );
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>报告库</title>\n\
         <meta name=\"description\" content=\"本站发布的政务公开报告：{count} 篇，按发布机关和年度排列。\">\n{stylesheets}\
         </head>\n<body>\n<div class=\"gk-root gk-shelf\">\n<main id=\"gk-main\" class=\"gk-page\">\n\
         <h1 class=\"gk-title\">报告库</h1>\n<p>共 {count} 篇报告，按发布机关和年度排列，新的在前。</p>\n{body}\
         </main>\n</div>\n</body>\n</html>\n",
        count = reports.len(),
    )
}

/// The search across every report (全库检索). A reader without JavaScript never sees it (the
/// `<noscript>` stylesheet hides it) and one without WebAssembly has it hidden by the shelf's
/// search script, so no one meets a box that does nothing; shown from the start otherwise, so
/// it does not move the page when the script runs. The script fills the results in; `data-search` names the
/// site's searchable text, fetched when the box is first used.
fn shelf_search_box(search_file: &str, count: usize) -> String {
    format!(
        "<div class=\"gk-shelf-search\" id=\"gk-shelf-search\" role=\"search\" data-search=\"{file}\">\n\
         <label class=\"gk-shelf-search-label\" for=\"gk-shelf-q\">在全部 {count} 篇报告中检索</label>\n\
         <input type=\"search\" id=\"gk-shelf-q\" class=\"gk-field gk-search-input\" name=\"q\" autocomplete=\"off\" \
         enterkeyhint=\"search\" placeholder=\"字词、数字或拼音，如 行政复议、gengdi\" aria-describedby=\"gk-shelf-search-help\">\n\
         <p id=\"gk-shelf-search-help\" class=\"gk-shelf-search-help\">与报告内检索规则相同：繁简、全半角通用，可输入拼音或首字母。</p>\n\
         <div id=\"gk-shelf-results\" class=\"gk-shelf-results\"></div>\n</div>\n",
        file = escape_html(search_file),
    )
}

/// One report on the shelf: its title, details and leading figures, each figure linking to
/// its sentence.
fn shelf_item(published: &PublishedReport, year: Option<i32>) -> String {
    let report = &published.report;
    let slug = escape_html(&published.slug);
    let title = if report.title.is_empty() {
        published.slug.as_str()
    } else {
        report.title.as_str()
    };
    let details: Vec<String> = [
        year.map(|y| format!("{y} 年度")),
        report.published.as_deref().map(|d| format!("发布时间 {d}")),
        report.source.as_deref().map(|s| format!("来源 {s}")),
        Some(format!(
            "{} 个章节 · {} 项数据",
            report.all_sections().count(),
            report.metrics.len()
        )),
    ]
    .into_iter()
    .flatten()
    .collect();
    let figures: String = crate::metrics::lead::leading(report, 3)
        .into_iter()
        .map(|m| {
            format!(
                "<li><a href=\"{slug}/#/m/{id}\">{label} <strong>{raw}</strong></a></li>",
                id = m.id,
                label = escape_html(&m.label),
                raw = escape_html(&m.raw),
            )
        })
        .collect();
    let figures = if figures.is_empty() {
        String::new()
    } else {
        format!("<ul class=\"gk-shelf-figures\" aria-label=\"主要数据\">{figures}</ul>")
    };
    format!(
        "<li class=\"gk-shelf-item\" data-year=\"{year}\"><a class=\"gk-shelf-title\" href=\"{slug}/\">{title}</a>\
         <p class=\"gk-shelf-meta\">{details}</p>{figures}</li>\n",
        year = year_key(year),
        title = escape_html(title),
        details = escape_html(&details.join(" · ")),
    )
}

/// An office's figures lined up year over year, as a table (values link to their sentences).
fn series_table(comparison: &Comparison, reports: &[PublishedReport], office: &str) -> String {
    let series: Vec<_> = comparison
        .series
        .iter()
        .filter(|s| comparison.office_of(s) == office)
        .collect();
    if series.is_empty() {
        return String::new();
    }
    let mut rows = String::new();
    for s in series {
        let changes = s.changes();
        let cells: Vec<String> = s
            .values
            .iter()
            .zip(changes)
            .map(|(v, change)| {
                let year = v
                    .year
                    .map_or_else(|| "年度不详".to_string(), |y| format!("{y}年"));
                let change = change.map(|c| format!("（{c}）")).unwrap_or_default();
                format!(
                    "<a href=\"{slug}/#/m/{id}\">{year} {raw}</a>{change}",
                    slug = escape_html(&reports[v.report].slug),
                    id = v.metric_id,
                    raw = escape_html(&v.raw),
                    change = escape_html(&change),
                )
            })
            .collect();
        let _ = writeln!(
            rows,
            "<tr><th scope=\"row\">{label}</th><td>{values}</td></tr>",
            label = escape_html(&s.label),
            values = cells.join(" · "),
        );
    }
    format!(
        "<table class=\"gk-shelf-series\"><caption>历年对比</caption>\
         <thead><tr><th scope=\"col\">数据</th><th scope=\"col\">各年度（与上一年度相比）</th></tr></thead>\
         <tbody>\n{rows}</tbody></table>\n"
    )
}

/// What a site build wrote.
#[derive(Debug)]
pub struct SiteSummary {
    pub reports: Vec<(PathBuf, String)>,
    pub out: PathBuf,
    /// Offices given a 历年对比 page.
    pub offices: usize,
}

/// Publishes `reports` (already read) into `out`.
pub fn write_site(
    reports: Vec<(PathBuf, Report)>,
    out: &Path,
    options: &SiteOptions,
) -> Result<SiteSummary, String> {
    let viewer = find_viewer(options.viewer.as_deref())?;
    let io = |path: &Path, e: std::io::Error| format!("{}: 无法写入：{e}", path.display());
    let assets = out.join(ASSETS);
    // The folder is the site's own: a new build's hashed files replace the last one's.
    if assets.is_dir() {
        fs::remove_dir_all(&assets).map_err(|e| io(&assets, e))?;
    }
    fs::create_dir_all(&assets).map_err(|e| io(&assets, e))?;
    for file in &viewer.files {
        let to = assets.join(file);
        fs::copy(viewer.dir.join(file), &to).map_err(|e| io(&to, e))?;
    }
    copy_preview(&viewer.dir, out)?;
    if viewer.shelf_search {
        // Its index.html is only Trunk's build target: the shelf page is written here.
        copy_files(
            &viewer.dir.join(SHELF_SEARCH),
            &assets.join(SHELF_SEARCH),
            &["index.html", "index.html.gz"],
        )?;
    }
    let base = options
        .base_url
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(|b| format!("{}/", b.trim_end_matches('/')));
    let mut taken = HashSet::new();
    let published: Vec<PublishedReport> = reports
        .into_iter()
        .enumerate()
        .map(|(i, (source, report))| PublishedReport {
            slug: slug_for(&source, i, &mut taken),
            source,
            report,
        })
        .collect();
    let comparison = compare_site(&published);
    for (index, item) in published.iter().enumerate() {
        let mut data = PageData::new(item.report.clone());
        data.history = figure_histories(&comparison, &published, index);
        // The renderer wants the report for the program's life, as the viewer has it.
        let report: &'static Report = Box::leak(Box::new(item.report.clone()));
        let page_url = base.as_ref().map(|b| format!("{b}{}/", item.slug));
        let body = prerender(report, page_url.clone());
        let html = report_page(item, &body, &data, &viewer, page_url.as_deref());
        let dir = out.join(&item.slug);
        fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
        let path = dir.join("index.html");
        fs::write(&path, html).map_err(|e| io(&path, e))?;
        gzip_beside(&path)?;
    }
    remove_shelf_search(out);
    let search_file = if viewer.shelf_search {
        let css = out.join(SHELF_NOSCRIPT_CSS);
        fs::write(&css, "#gk-shelf-search { display: none; }\n").map_err(|e| io(&css, e))?;
        gzip_beside(&css)?;
        Some(write_search_text(&published, out)?)
    } else {
        None
    };
    let shelf = out.join("index.html");
    let html = shelf_page(&published, &comparison, &viewer, search_file.as_deref());
    fs::write(&shelf, html).map_err(|e| io(&shelf, e))?;
    gzip_beside(&shelf)?;
    let css = out.join(SHELF_CSS);
    fs::write(&css, shelf_css(&published)).map_err(|e| io(&css, e))?;
    gzip_beside(&css)?;
    let compare_dir = out.join(COMPARE);
    if compare_dir.is_dir() {
        fs::remove_dir_all(&compare_dir).map_err(|e| io(&compare_dir, e))?;
    }
    let office_pages = office_pages(&published, &comparison, &viewer);
    let offices = office_pages.len();
    for (slug, html) in office_pages {
        let dir = compare_dir.join(slug);
        fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
        let path = dir.join("index.html");
        fs::write(&path, html).map_err(|e| io(&path, e))?;
        gzip_beside(&path)?;
    }
    Ok(SiteSummary {
        reports: published.into_iter().map(|p| (p.source, p.slug)).collect(),
        out: out.to_path_buf(),
        offices,
    })
}

/// The preview page (打开本地报告, `dist/preview/` from scripts/build-viewer.sh) as the site's
/// `preview/`, where editors check a report before publishing it. Replaced on each build; a
/// viewer built without it leaves the site without one.
fn copy_preview(viewer: &Path, out: &Path) -> Result<(), String> {
    let io = |path: &Path, e: std::io::Error| format!("{}: 无法写入：{e}", path.display());
    let from = viewer.join(PREVIEW);
    let to = out.join(PREVIEW);
    if to.is_dir() {
        fs::remove_dir_all(&to).map_err(|e| io(&to, e))?;
    }
    if !from.join("index.html").is_file() {
        return Ok(());
    }
    copy_files(&from, &to, &[])
}

/// Every file of `from` (not its folders) into `to`, made when missing, but those named in
/// `except`.
fn copy_files(from: &Path, to: &Path, except: &[&str]) -> Result<(), String> {
    let io = |path: &Path, e: std::io::Error| format!("{}: 无法写入：{e}", path.display());
    fs::create_dir_all(to).map_err(|e| io(to, e))?;
    let entries = fs::read_dir(from).map_err(|e| format!("{}: 无法读取：{e}", from.display()))?;
    for entry in entries.flatten() {
        let skip = except.iter().any(|name| entry.file_name() == *name);
        if !skip && entry.file_type().is_ok_and(|t| t.is_file()) {
            let target = to.join(entry.file_name());
            fs::copy(entry.path(), &target).map_err(|e| io(&target, e))?;
        }
    }
    Ok(())
}

/// Removes the last build's search files (`search-*.bin`, or `search-*.json` and its gzip
/// copy; the noscript stylesheet): a new build writes its own, or none when its viewer has
/// no shelf search.
fn remove_shelf_search(out: &Path) {
    let Ok(entries) = fs::read_dir(out) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let search_text = name.starts_with("search-")
            && [".bin", ".json", ".json.gz"]
                .iter()
                .any(|end| name.ends_with(end));
        if search_text || name.starts_with(SHELF_NOSCRIPT_CSS) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The site's searchable text ([`shelf_text`]) at the site's root, in the smaller of two
/// forms: JSON packed by [`textpack`] (`search-<hash>.bin`), or the JSON itself
/// (`search-<hash>.json`) with its gzip copy. Packing wins on reports that share only the
/// genre's wording (57 % of gzip's size); gzip wins on reports that repeat each other word
/// for word, a whole text at a time, which its 32 KB window finds. The shelf tells the two
/// apart by the packed form's first bytes. The name changes with the content, so a browser
/// never uses an old build's text with a new shelf. Returns the file's name.
///
/// [`textpack`]: crate::textpack
fn write_search_text(reports: &[PublishedReport], out: &Path) -> Result<String, String> {
    let io = |path: &Path, e: std::io::Error| format!("{}: 无法写入：{e}", path.display());
    let json = serde_json::to_string(&shelf_text(reports))
        .map_err(|e| format!("{}: 检索数据无法写出：{e}", out.display()))?;
    let packed = crate::textpack::pack(&json);
    let json_path = out.join(format!("search-{:08x}.json", fnv1a(json.as_bytes())));
    fs::write(&json_path, &json).map_err(|e| io(&json_path, e))?;
    gzip_beside(&json_path)?;
    let json_gz = json_path.with_extension("json.gz");
    // Without gzip on this machine the JSON would be sent as it is: pack.
    let gzip_wins = fs::metadata(&json_gz).is_ok_and(|m| m.len() <= packed.len() as u64);
    if gzip_wins {
        return Ok(file_name(&json_path));
    }
    for path in [&json_path, &json_gz] {
        if path.exists() {
            fs::remove_file(path).map_err(|e| io(path, e))?;
        }
    }
    let path = out.join(format!("search-{:08x}.bin", fnv1a(&packed)));
    fs::write(&path, &packed).map_err(|e| io(&path, e))?;
    Ok(file_name(&path))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What the shelf's search reads: every report's text, in the shelf's order (an office's
/// reports side by side), with the search tables cut once for the characters of all of them.
pub fn shelf_text(reports: &[PublishedReport]) -> ShelfText {
    let mut chars = BTreeSet::new();
    for (_, text) in reports.iter().flat_map(|p| p.report.blocks()) {
        chars.extend(text.chars());
    }
    let reports = shelf_offices(reports)
        .iter()
        .flat_map(|(office, items)| {
            items.iter().map(|&(i, year)| {
                ShelfReport::new(&reports[i].slug, office, year, &reports[i].report)
            })
        })
        .collect();
    ShelfText {
        tables: tables_for(chars),
        reports,
    }
}

/// A gzip copy beside a page, for nginx's `gzip_static` (as the viewer's own files have).
fn gzip_beside(path: &Path) -> Result<(), String> {
    let status = std::process::Command::new("gzip")
        .args(["-9", "-k", "-f", "-n"])
        .arg(path)
        .status();
    match status {
        Ok(s) if s.success() => Ok(()),
        // Without gzip the site still works; servers compress on the fly or not at all.
        _ => Ok(()),
    }
}

/// An office's folder under `compare/`: a stable short name made from the office's name (its
/// FNV-1a hash), so its address stays the same from one build to the next.
pub fn office_slug(office: &str) -> String {
    format!("office-{:08x}", fnv1a(office.as_bytes()))
}

/// FNV-1a, 32 bits: short stable names for the site's files and folders.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The site's reports compared (`compare::compare`, named by their folders): what the shelf
/// and the 历年对比 pages show.
pub fn compare_site(reports: &[PublishedReport]) -> Comparison {
    let named: Vec<(String, Report)> = reports
        .iter()
        .map(|p| (p.slug.clone(), p.report.clone()))
        .collect();
    crate::compare::compare(&named)
}

/// One 历年对比 page per office whose figures line up across years: (folder, page).
pub fn office_pages(
    reports: &[PublishedReport],
    comparison: &Comparison,
    viewer: &Viewer,
) -> Vec<(String, String)> {
    let mut offices: Vec<&str> = Vec::new();
    for series in &comparison.series {
        let office = comparison.office_of(series);
        if !offices.contains(&office) {
            offices.push(office);
        }
    }
    offices
        .into_iter()
        .map(|office| {
            (
                office_slug(office),
                office_page(office, comparison, reports, viewer),
            )
        })
        .collect()
}

/// An office's figures, each series as a bar chart (inline SVG, hidden from screen readers)
/// over its table (the text view and the fallback), every value linking to its sentence.
fn office_page(
    office: &str,
    comparison: &Comparison,
    reports: &[PublishedReport],
    viewer: &Viewer,
) -> String {
    let name = if office.is_empty() { "其他" } else { office };
    let series: Vec<&crate::compare::Series> = comparison
        .series
        .iter()
        .filter(|s| comparison.office_of(s) == office)
        .collect();
    let mut members: Vec<usize> = comparison
        .reports
        .iter()
        .enumerate()
        .filter(|(_, r)| r.office == office)
        .map(|(i, _)| i)
        .collect();
    members.sort_by_key(|&i| std::cmp::Reverse(comparison.reports[i].year));
    let year = |y: Option<i32>| y.map_or_else(|| "年度不详".to_string(), |y| format!("{y}年"));

    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p><a href=\"../../\">报告库</a></p>\n<h1 class=\"gk-title\">{}：历年对比</h1>\n\
         <p>本机关的 {} 篇报告中，有 {} 项数据可以逐年对照。同一数据在不同年度的说法可能不同；\
         只有能确定是同一数据的才列在一起。点击数值可跳转到它在报告中的原句。</p>",
        escape_html(name),
        members.len(),
        series.len()
    );
    body.push_str("<ul class=\"gk-compare-reports\">\n");
    for &i in &members {
        let published = &reports[i];
        let title = &published.report.title;
        // The year before the title, unless the title says it.
        let shown = match comparison.reports[i].year {
            Some(y) if title.contains(&y.to_string()) => title.clone(),
            y => format!("{}：{title}", year(y)),
        };
        let _ = writeln!(
            body,
            "<li><a href=\"../../{slug}/\">{shown}</a></li>",
            slug = escape_html(&published.slug),
            shown = escape_html(&shown),
        );
    }
    body.push_str("</ul>\n");
    for (n, s) in series.iter().enumerate() {
        let changes = s.changes();
        let mut rows = String::new();
        for (v, change) in s.values.iter().zip(&changes) {
            let _ = writeln!(
                rows,
                "<tr><th scope=\"row\">{year}</th><td><a href=\"../../{slug}/#/m/{id}\">{raw}</a></td><td>{change}</td></tr>",
                year = year(v.year),
                slug = escape_html(&reports[v.report].slug),
                id = v.metric_id,
                raw = escape_html(&v.raw),
                change = escape_html(change.as_deref().unwrap_or("—")),
            );
        }
        let _ = writeln!(
            body,
            "<section class=\"gk-series\" aria-labelledby=\"series-{n}\">\n\
             <h2 id=\"series-{n}\">{label}</h2>\n{chart}\
             <table class=\"gk-series-table\"><caption>{label}（单位：{unit}）</caption>\
             <thead><tr><th scope=\"col\">年度</th><th scope=\"col\">数值</th><th scope=\"col\">与上一年度相比</th></tr></thead>\
             <tbody>\n{rows}</tbody></table>\n</section>",
            label = escape_html(&s.label),
            unit = escape_html(&s.unit),
            chart = bar_chart(s),
        );
    }
    let stylesheets = head_links(viewer, &format!("../../{ASSETS}"));
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{title}：历年对比</title>\n\
         <meta name=\"description\" content=\"{title}历年政务公开报告中的数据逐年对照：{count} 项。\">\n{stylesheets}\
         </head>\n<body>\n<div class=\"gk-root gk-shelf gk-compare\">\n<main id=\"gk-main\" class=\"gk-page\">\n{body}\
         </main>\n</div>\n</body>\n</html>\n",
        title = escape_html(name),
        count = series.len(),
    )
}

/// A series as bars, oldest year first: each bar's height is its value in the series' unit
/// against the largest, the figure as written above it and the year below. Drawn for the eye
/// only (`aria-hidden`): the table after it says the same in text.
fn bar_chart(series: &crate::compare::Series) -> String {
    const WIDTH: f64 = 320.0;
    const HEIGHT: f64 = 168.0;
    const TOP: f64 = 22.0;
    const BOTTOM: f64 = 24.0;
    let n = series.values.len().max(1) as f64;
    let slot = WIDTH / n;
    let bar = (slot * 0.56).min(56.0);
    let largest = series
        .values
        .iter()
        .map(|v| v.value)
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let plot = HEIGHT - TOP - BOTTOM;
    let mut svg = format!(
        "<svg class=\"gk-chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" aria-hidden=\"true\" focusable=\"false\">\n\
         <line class=\"gk-chart-base\" x1=\"0\" y1=\"{base}\" x2=\"{WIDTH}\" y2=\"{base}\"/>\n",
        base = HEIGHT - BOTTOM,
    );
    for (k, v) in series.values.iter().enumerate() {
        let share = if largest > 0.0 && v.value.is_finite() {
            (v.value / largest).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let h = (share * plot).max(1.0);
        let center = slot * (k as f64 + 0.5);
        let x = center - bar / 2.0;
        let y = HEIGHT - BOTTOM - h;
        let _ = writeln!(
            svg,
            "<rect class=\"gk-bar\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\"/>\n\
             <text class=\"gk-chart-value\" x=\"{center:.1}\" y=\"{label_y:.1}\" text-anchor=\"middle\">{raw}</text>\n\
             <text class=\"gk-chart-year\" x=\"{center:.1}\" y=\"{year_y:.1}\" text-anchor=\"middle\">{year}</text>",
            label_y = y - 6.0,
            year_y = HEIGHT - 6.0,
            raw = escape_html(&v.raw),
            year = v.year.map_or_else(|| "?".to_string(), |y| y.to_string()),
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// The series of report `index`'s figures that line up with other reports of the site, for
/// its cards: every value, oldest first, with its change, linking to the others' sentences.
pub fn figure_histories(
    comparison: &Comparison,
    reports: &[PublishedReport],
    index: usize,
) -> Vec<crate::publish::FigureHistory> {
    use crate::publish::{FigureHistory, HistoryValue};
    comparison
        .series
        .iter()
        .filter_map(|series| {
            let own = series.values.iter().find(|v| v.report == index)?;
            let values = series
                .values
                .iter()
                .zip(series.changes())
                .map(|(v, change)| HistoryValue {
                    year: v.year,
                    raw: v.raw.clone(),
                    change,
                    href: (v.report != index)
                        .then(|| format!("../{}/#/m/{}", reports[v.report].slug, v.metric_id)),
                })
                .collect();
            Some(FigureHistory {
                metric: own.metric_id.clone(),
                values,
            })
        })
        .collect()
}

/// The icon and stylesheet links of a page whose viewer files are at `assets` (relative): with
/// an icon named, a browser does not ask for a missing `/favicon.ico`.
fn head_links(viewer: &Viewer, assets: &str) -> String {
    let mut links = String::new();
    if let Some(icon) = &viewer.icon {
        let _ = writeln!(
            links,
            "<link rel=\"icon\" type=\"image/svg+xml\" href=\"{assets}/{icon}\">"
        );
    }
    for css in &viewer.stylesheets {
        let _ = writeln!(links, "<link rel=\"stylesheet\" href=\"{assets}/{css}\">");
    }
    links
}

/// An office on the shelf: its name and its reports (index, year), newest first.
type ShelfOffice = (String, Vec<(usize, Option<i32>)>);

/// A report's year as the shelf's filter names it: the year, or `unknown`.
fn year_key(year: Option<i32>) -> String {
    year.map_or_else(|| "unknown".to_string(), |y| y.to_string())
}

/// The shelf's filter: by office and by year, as radio buttons that work without any script.
/// `shelf.css` ([`shelf_css`]) hides what a checked button leaves out; a browser without `:has()`
/// never shows the filter (the full list stays, with its links to each office).
fn shelf_filter(offices: &[ShelfOffice]) -> String {
    let mut years: Vec<Option<i32>> = offices
        .iter()
        .flat_map(|(_, items)| items.iter().map(|&(_, y)| y))
        .collect();
    years.sort_by(|a, b| b.cmp(a));
    years.dedup();
    if offices.len() < 2 && years.len() < 2 {
        return String::new();
    }
    let count = |office: Option<&str>, year: Option<Option<i32>>| {
        offices
            .iter()
            .filter(|(name, _)| office.is_none_or(|o| o == name))
            .flat_map(|(_, items)| items)
            .filter(|(_, y)| year.is_none_or(|year| year == *y))
            .count()
    };
    let mut html = String::from("<div class=\"gk-shelf-filter\">\n");
    let _ = writeln!(
        html,
        "<fieldset><legend>发布机关</legend>\n<label><input type=\"radio\" name=\"gk-office\" id=\"gk-filter-office-all\" checked> 全部（{}）</label>",
        count(None, None)
    );
    for (office, _) in offices {
        let _ = writeln!(
            html,
            "<label><input type=\"radio\" name=\"gk-office\" id=\"gk-filter-{slug}\"> {name}（{n}）</label>",
            slug = office_slug(office),
            name = escape_html(office),
            n = count(Some(office), None),
        );
    }
    html.push_str("</fieldset>\n");
    let _ = writeln!(
        html,
        "<fieldset><legend>年度</legend>\n<label><input type=\"radio\" name=\"gk-year\" id=\"gk-filter-year-all\" checked> 全部</label>"
    );
    for year in years {
        let _ = writeln!(
            html,
            "<label><input type=\"radio\" name=\"gk-year\" id=\"gk-filter-year-{key}\"> {name}（{n}）</label>",
            key = year_key(year),
            name = year.map_or_else(|| "年度不详".to_string(), |y| format!("{y}年")),
            n = count(None, Some(year)),
        );
    }
    html.push_str("</fieldset>\n</div>\n");
    html
}

/// The rules of the shelf's filter for these offices and years: a checked office hides the
/// other offices' sections; a checked year hides other years' reports and the offices with
/// none that year.
pub fn shelf_css(reports: &[PublishedReport]) -> String {
    let offices = shelf_offices(reports);
    let mut years: Vec<String> = offices
        .iter()
        .flat_map(|(_, items)| items.iter().map(|&(_, y)| year_key(y)))
        .collect();
    years.sort();
    years.dedup();
    let mut css = String::from(include_str!("../static/shelf-search.css"));
    css.push_str(
        "/* Written by gongkai site for this site's offices and years: the shelf's filter. */\n",
    );
    for slug in offices.iter().map(|(office, _)| office_slug(office)) {
        let _ = writeln!(
            css,
            ".gk-shelf:has(#gk-filter-{slug}:checked) .gk-shelf-office:not([data-office=\"{slug}\"]) {{ display: none; }}"
        );
    }
    for year in years {
        let _ = writeln!(
            css,
            ".gk-shelf:has(#gk-filter-year-{year}:checked) .gk-shelf-item:not([data-year=\"{year}\"]),\n\
             .gk-shelf:has(#gk-filter-year-{year}:checked) .gk-shelf-office:not(:has([data-year=\"{year}\"])) {{ display: none; }}"
        );
    }
    css
}

/// The site's reports by issuing office (`其他` when none is named), offices in order of their
/// newest report, reports newest first within each: the shelf's order and its filter's choices.
fn shelf_offices(reports: &[PublishedReport]) -> Vec<ShelfOffice> {
    use crate::compare::{report_office, report_year};
    let mut offices: Vec<ShelfOffice> = Vec::new();
    for (i, published) in reports.iter().enumerate() {
        let office = report_office(&published.report);
        let office = if office.is_empty() {
            "其他".to_string()
        } else {
            office
        };
        let year = report_year(&published.report);
        match offices.iter_mut().find(|(name, _)| *name == office) {
            Some((_, items)) => items.push((i, year)),
            None => offices.push((office, vec![(i, year)])),
        }
    }
    for (_, items) in &mut offices {
        items.sort_by(|a, b| {
            b.1.cmp(&a.1).then_with(|| {
                reports[b.0]
                    .report
                    .published
                    .cmp(&reports[a.0].report.published)
            })
        });
    }
    offices.sort_by(|a, b| b.1[0].1.cmp(&a.1[0].1).then_with(|| a.0.cmp(&b.0)));
    offices
}
