//! The template engine: Tera over Markdown, with the built-in templates compiled in and the
//! user's `templates/<lang>/<stem>.md` overriding them by name.
//!
//! Every built-in is registered twice, as `ru/pd-policy.md` and `builtin/ru/pd-policy.md`, so
//! a user's override can `{% extends "builtin/ru/pd-policy.md" %}` and replace one block
//! instead of copying the whole document (the zola/mdBook pattern). Config values are
//! escaped for Markdown on the way in, so a `*` or `|` in a business name can't change the
//! document's structure; templates mark trusted Markdown with `| safe`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tera::{Context, Kwargs, State, Tera, TeraResult};

use super::kind::DocKind;
use super::markdown::escape_inline;
use super::typography::{self, Case};
use crate::model::enums::Lang;

/// Lists the built-in templates, compiled in from `templates/<lang>/<stem>.md`.
macro_rules! builtins {
    ($(($lang:ident, $dir:literal, $stem:literal)),* $(,)?) => {
        &[$((
            Lang::$lang,
            $stem,
            include_str!(concat!("../../templates/", $dir, "/", $stem, ".md")),
        )),*]
    };
}

/// The built-in templates: (language, stem, text).
const BUILTINS: &[(Lang, &str, &str)] = builtins![
    (Ru, "ru", "lead-handling"),
    (Ru, "ru", "pd-policy"),
    (Ru, "ru", "ai-escalation-rules"),
    (Ru, "ru", "pd-consent"),
    (Ru, "ru", "cancellation-policy"),
    (Ru, "ru", "pd-consent-written"),
    (Ru, "ru", "pd-retention"),
    (Ru, "ru", "ai-training-procedure"),
    (En, "en", "lead-handling"),
    (En, "en", "pd-policy"),
    (En, "en", "ai-escalation-rules"),
    (En, "en", "pd-consent"),
    (En, "en", "cancellation-policy"),
    (En, "en", "pd-consent-written"),
    (En, "en", "pd-retention"),
    (En, "en", "ai-training-procedure"),
];

/// Why a template could not be loaded or rendered, pointing at the template's line.
#[derive(Debug, Clone)]
pub struct TemplateError {
    /// The template's name, e.g. `ru/pd-policy.md`.
    pub template: String,
    /// The file it was read from; `None` for a built-in.
    pub path: Option<PathBuf>,
    /// 1-based.
    pub line: Option<usize>,
    /// 1-based.
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}", p.display())?,
            None => write!(f, "{}", self.template)?,
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for TemplateError {}

/// Where a template's text came from.
#[derive(Debug, Clone)]
struct Source {
    text: String,
    path: Option<PathBuf>,
}

/// The loaded templates, ready to render documents.
pub struct Engine {
    tera: Tera,
    sources: BTreeMap<String, Source>,
}

/// The template name of a document: `ru/pd-policy.md`.
pub fn template_name(kind: DocKind, lang: Lang) -> String {
    format!("{}/{}.md", lang.as_str(), kind.stem())
}

fn markdown_escape(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(escape_inline(input).as_bytes())
}

fn lang_of(state: &State) -> Lang {
    match state.get::<String>("lang") {
        Ok(Some(l)) if l == "en" => Lang::En,
        _ => Lang::Ru,
    }
}

// Tera hands filters their keyword arguments by value.
#[allow(clippy::needless_pass_by_value)]
fn dur_filter(secs: u64, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let case = match kwargs.get::<&str>("case")? {
        None => Case::Nom,
        Some(c) => Case::parse(c).ok_or_else(|| {
            tera::Error::message(format!(
                "`dur`: unknown case `{c}` (use \"nom\", \"gen\" or \"acc\")"
            ))
        })?,
    };
    Ok(typography::fmt_duration_case(secs, lang_of(state), case))
}

/// A list in prose: «`WhatsApp`, Telegram и чат на сайте», "A, B and C".
#[allow(clippy::needless_pass_by_value)]
fn and_join_filter(items: Vec<String>, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let default = match lang_of(state) {
        Lang::Ru => " и ",
        Lang::En => " and ",
    };
    let last = kwargs.get::<&str>("last")?.unwrap_or(default);
    Ok(match items.split_last() {
        None => String::new(),
        Some((only, [])) => only.clone(),
        Some((end, rest)) => format!("{}{last}{end}", rest.join(", ")),
    })
}

fn money_filter(rub: u64, _: Kwargs, state: &State) -> String {
    typography::fmt_money(rub, lang_of(state))
}

fn date_filter(date: &str, _: Kwargs, state: &State) -> TeraResult<String> {
    let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
        tera::Error::message(format!("`date`: `{date}` is not a date written YYYY-MM-DD"))
    })?;
    Ok(typography::fmt_date(d, lang_of(state)))
}

#[allow(clippy::needless_pass_by_value)]
fn plural_filter(n: u64, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    let one = kwargs.must_get::<&str>("one")?;
    let many = kwargs.must_get::<&str>("many")?;
    let few = kwargs.get::<&str>("few")?.unwrap_or(many);
    Ok(match lang_of(state) {
        Lang::Ru => typography::plural_ru(n, one, few, many),
        Lang::En if n == 1 => one,
        Lang::En => many,
    }
    .to_owned())
}

fn io_error(template: &str, path: &Path, e: &std::io::Error) -> TemplateError {
    TemplateError {
        template: template.to_owned(),
        path: Some(path.to_owned()),
        line: None,
        column: None,
        message: format!("cannot read the template: {e}"),
    }
}

/// Reads `user_dir/<lang>/*.md`, sorted by name so loading is deterministic.
fn read_user_templates(dir: &Path) -> Result<Vec<(String, Source)>, TemplateError> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let lang_dir = dir.join(lang.as_str());
        let Ok(entries) = std::fs::read_dir(&lang_dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        for path in files {
            let file = path
                .file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
            let name = format!("{}/{file}", lang.as_str());
            let bytes = std::fs::read(&path).map_err(|e| io_error(&name, &path, &e))?;
            let text = String::from_utf8(bytes).map_err(|_| TemplateError {
                template: name.clone(),
                path: Some(path.clone()),
                line: None,
                column: None,
                message: "the template is not UTF-8 text".into(),
            })?;
            out.push((
                name,
                Source {
                    text,
                    path: Some(path),
                },
            ));
        }
    }
    Ok(out)
}

impl Engine {
    /// Built-ins compiled in (`include_str!`), each registered as `ru/<stem>.md` and also as
    /// `builtin/ru/<stem>.md`; files in `user_dir` (`templates/` next to business.toml, laid
    /// out `<lang>/<stem>.md`) override by name and can
    /// `{% extends "builtin/ru/pd-policy.md" %}`.
    pub fn new(user_dir: Option<&Path>) -> Result<Engine, TemplateError> {
        Self::build(user_dir, None)
    }

    /// [`Engine::new`] for rendering documents in `lang` only. Without user templates,
    /// nothing can refer to a `builtin/…` name or to another language's templates, so only
    /// the built-ins of `lang` are compiled (a quarter of the work, which is paid on every
    /// run); with user templates, everything is, as [`Engine::new`] does.
    pub fn for_lang(user_dir: Option<&Path>, lang: Lang) -> Result<Engine, TemplateError> {
        Self::build(user_dir, Some(lang))
    }

    fn build(user_dir: Option<&Path>, lang: Option<Lang>) -> Result<Engine, TemplateError> {
        let mut sources: BTreeMap<String, Source> = BTreeMap::new();
        for (lang, stem, text) in BUILTINS {
            let name = format!("{}/{stem}.md", lang.as_str());
            let source = Source {
                text: (*text).to_owned(),
                path: None,
            };
            sources.insert(format!("builtin/{name}"), source.clone());
            sources.insert(name, source);
        }
        let mut has_user_templates = false;
        if let Some(dir) = user_dir {
            for (name, source) in read_user_templates(dir)? {
                sources.insert(name, source);
                has_user_templates = true;
            }
        }
        // The names to compile; `sources` keeps every built-in for the manifest's digests.
        let prefix = lang.map(|l| format!("{}/", l.as_str()));
        // A business in English also gets its consumer documents in Russian, the original.
        let also_russian = lang == Some(Lang::En);
        let compiled = |name: &str| match &prefix {
            Some(prefix) if !has_user_templates => {
                name.starts_with(prefix.as_str()) || (also_russian && name.starts_with("ru/"))
            }
            _ => true,
        };

        let mut tera = Tera::new();
        tera.set_escape_fn(markdown_escape);
        tera.autoescape_on([".md"]);
        tera.register_filter("dur", dur_filter);
        tera.register_filter("money", money_filter);
        tera.register_filter("date", date_filter);
        tera.register_filter("plural", plural_filter);
        tera.register_filter("and_join", and_join_filter);
        tera.add_raw_templates(
            sources
                .iter()
                .filter(|(n, _)| compiled(n))
                .map(|(n, s)| (n.as_str(), s.text.as_str())),
        )
        .map_err(|e| convert_error(&e, &sources, None))?;
        Ok(Engine { tera, sources })
    }

    /// The Markdown of one document, with the typography of its language applied.
    /// An unknown variable is an error naming the template and line.
    pub fn render(
        &self,
        kind: DocKind,
        lang: Lang,
        ctx: &Context,
    ) -> Result<String, TemplateError> {
        let name = template_name(kind, lang);
        if !self.tera.contains_template(&name) {
            return Err(TemplateError {
                template: name,
                path: None,
                line: None,
                column: None,
                message: format!(
                    "there is no template for the {} in `{}`",
                    kind.title(Lang::En),
                    lang.as_str()
                ),
            });
        }
        let mut ctx = ctx.clone();
        ctx.insert("lang", lang.as_str());
        let md = self
            .tera
            .render(&name, &ctx)
            .map_err(|e| convert_error(&e, &self.sources, Some(&name)))?;
        Ok(tidy(&typography::typograph(&md, lang)))
    }

    /// (name, text) of each template the document is made from (the override and the
    /// built-in it extends, and what they include), in a stable order: the render manifest
    /// digests them.
    pub fn sources(&self, kind: DocKind, lang: Lang) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut queue = vec![template_name(kind, lang)];
        while let Some(name) = queue.pop() {
            if out.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let Some(source) = self.sources.get(&name) else {
                continue;
            };
            let mut refs = referenced_templates(&source.text);
            refs.reverse();
            queue.extend(refs);
            out.push((name, source.text.clone()));
        }
        out
    }
}

/// Names in `{% extends "…" %}`, `{% include "…" %}` and `{% import "…" %}`, in order.
fn referenced_templates(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{%") {
        rest = &rest[start + 2..];
        let body = rest.trim_start_matches(['-', ' ', '\t', '\n', '\r']);
        let is_ref = ["extends", "include", "import"]
            .iter()
            .any(|kw| body.starts_with(kw));
        if !is_ref {
            continue;
        }
        let end = body.find("%}").unwrap_or(body.len());
        let tag = &body[..end];
        for quote in ['"', '\''] {
            if let Some(open) = tag.find(quote)
                && let Some(len) = tag[open + 1..].find(quote)
            {
                out.push(tag[open + 1..open + 1 + len].to_owned());
                break;
            }
        }
    }
    out
}

/// Trailing spaces dropped, runs of blank lines left by template tags collapsed to one,
/// one final newline: stable bytes whatever the template's whitespace control.
fn tidy(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut blank = 0;
    for line in md.lines() {
        let line = line.trim_end_matches([' ', '\t']);
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() && blank > 0 {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn convert_error(
    e: &tera::Error,
    sources: &BTreeMap<String, Source>,
    rendering: Option<&str>,
) -> TemplateError {
    use tera::ErrorKind;
    let located = |template: &str, message: String, line, column| {
        let path = sources.get(template).and_then(|s| s.path.clone());
        TemplateError {
            template: template.to_owned(),
            path,
            line,
            column,
            message,
        }
    };
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let span = r.span();
            let template = if r.filename().is_empty() {
                rendering.unwrap_or_default()
            } else {
                r.filename()
            };
            located(
                template,
                lowercase_first(r.message()),
                Some(span.start_line),
                Some(span.start_col + 1),
            )
        }
        ErrorKind::MissingParent { current, parent } => located(
            current,
            format!("extends `{parent}`, which is not a template regl knows"),
            None,
            None,
        ),
        ErrorKind::CircularExtend { tpl, .. } => {
            located(tpl, "extends itself through a loop".into(), None, None)
        }
        ErrorKind::CircularInclude { tpl, .. } => {
            located(tpl, "includes itself through a loop".into(), None, None)
        }
        _ => located(
            rendering.unwrap_or("templates"),
            lowercase_first(&e.to_string()),
            None,
            None,
        ),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::business::Business;
    use crate::render::views::{self, Shared};

    /// The examples shipped with regl, as the documents are rendered from them.
    pub(crate) fn example(name: &str) -> Business {
        let path = format!(
            "{}/examples/{name}/business.toml",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        crate::model::load::parse(&text, crate::diag::FileId(0)).unwrap()
    }

    fn parse(path: &str) -> Business {
        let text =
            std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        crate::model::load::parse(&text, crate::diag::FileId(0)).unwrap()
    }

    /// The shipped examples and every segment's preset in both languages.
    fn businesses() -> Vec<(String, Business)> {
        let mut out: Vec<(String, Business)> =
            ["salon-ufa-omsk", "clinic-omsk", "fitness-novosibirsk"]
                .iter()
                .map(|n| ((*n).to_owned(), example(n)))
                .collect();
        for seg in ["salon", "clinic", "fitness", "education", "other"] {
            for lang in ["ru", "en"] {
                let name = format!("{seg}.{lang}");
                out.push((name.clone(), parse(&format!("presets/{name}.toml"))));
            }
        }
        out
    }

    #[test]
    fn an_engine_for_one_language_renders_and_digests_as_the_full_one() {
        let full = Engine::new(None).unwrap();
        for (name, b) in businesses() {
            let lang = b.lang();
            let one = Engine::for_lang(None, lang).unwrap();
            let shared = Shared::new(&b, &b.locations[0]);
            for kind in DocKind::ALL.into_iter().filter(|k| k.is_docx()) {
                let ctx = views::context(kind, &shared);
                assert_eq!(
                    one.render(kind, lang, &ctx).unwrap(),
                    full.render(kind, lang, &ctx).unwrap(),
                    "{name}"
                );
                assert_eq!(one.sources(kind, lang), full.sources(kind, lang), "{name}");
            }
        }
    }

    #[test]
    fn every_builtin_renders_for_every_example_and_preset() {
        let engine = Engine::new(None).unwrap();
        let dump = std::env::var("REGL_DUMP").ok();
        for (name, b) in businesses() {
            let lang = b.lang();
            for loc in &b.locations {
                let shared = Shared::new(&b, loc);
                for kind in DocKind::ALL.into_iter().filter(|k| k.is_docx()) {
                    let ctx = views::context(kind, &shared);
                    let md = engine
                        .render(kind, lang, &ctx)
                        .unwrap_or_else(|e| panic!("{name}/{}: {e}", loc.id.as_str()));
                    // A form opens with how to fill it in; a document with its first section.
                    assert!(
                        kind.is_form() || md.starts_with("## 1. "),
                        "{name} {kind:?}: {md}"
                    );
                    assert!(!md.contains("{{") && !md.contains("{%"), "{name} {kind:?}");
                    assert!(!crate::render::markdown::parse(&md).is_empty());
                    if let Some(dir) = &dump {
                        let file = format!("{dir}/{name}-{}-{}.md", loc.id.as_str(), kind.stem());
                        std::fs::write(file, &md).unwrap();
                    }
                }
            }
        }
    }

    #[test]
    fn an_override_extends_the_builtin_and_replaces_one_block() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("ru")).unwrap();
        let override_text = "{% extends \"builtin/ru/cancellation-policy.md\" %}\n{% block reminders %}\n## 6. Напоминания\n\nНаш собственный текст для {{ location.city }}.\n{% endblock reminders %}\n";
        std::fs::write(dir.path().join("ru/cancellation-policy.md"), override_text).unwrap();
        let engine = Engine::new(Some(dir.path())).unwrap();
        let b = example("salon-ufa-omsk");
        let ctx = views::context(DocKind::Cancellation, &Shared::new(&b, &b.locations[0]));
        let md = engine
            .render(DocKind::Cancellation, Lang::Ru, &ctx)
            .unwrap();
        assert!(md.contains("Наш собственный текст для Уфа."), "{md}");
        assert!(
            md.contains("фактически понесённые"),
            "the built-in's other blocks stay"
        );
        assert!(
            !md.contains("Что можно сделать"),
            "the replaced block is gone"
        );
        let names: Vec<String> = engine
            .sources(DocKind::Cancellation, Lang::Ru)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            names,
            [
                "ru/cancellation-policy.md",
                "builtin/ru/cancellation-policy.md"
            ]
        );
        // Other documents still come from the built-ins alone.
        assert_eq!(engine.sources(DocKind::PdPolicy, Lang::Ru).len(), 1);
    }

    #[test]
    fn hostile_config_values_cannot_change_the_structure() {
        let mut b = example("salon-ufa-omsk");
        b.business.legal_name.value = "1. *ООО* | «Лада» _x_ <b>".into();
        b.locations[0].value.escalation_tag.value = "# тег | [x](y)".into();
        let engine = Engine::new(None).unwrap();
        let shared = Shared::new(&b, &b.locations[0]);
        let ctx = views::context(DocKind::PdPolicy, &shared);
        let md = engine.render(DocKind::PdPolicy, Lang::Ru, &ctx).unwrap();
        let blocks = crate::render::markdown::parse(&md);
        let table = blocks
            .iter()
            .find_map(|bl| match bl {
                crate::render::doc::Block::Table { rows, .. } => Some(rows),
                _ => None,
            })
            .unwrap();
        // The operator table keeps two columns, and the name reads back as written.
        assert!(table.iter().all(|r| r.len() == 2));
        let name = crate::render::doc::plain_text(&table[0][1]);
        assert_eq!(name, "1. *ООО* | «Лада» _x_ <b>");
        let ctx = views::context(DocKind::AiEscalation, &shared);
        let md = engine
            .render(DocKind::AiEscalation, Lang::Ru, &ctx)
            .unwrap();
        assert!(md.contains("\\# тег \\| \\[x\\](y)"), "{md}");
    }

    #[test]
    fn unknown_variable_names_template_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("ru")).unwrap();
        let path = dir.path().join("ru/pd-consent.md");
        std::fs::write(&path, "# Заголовок\n\nТекст\n\nОператор: {{ nope }}\n").unwrap();
        let engine = Engine::new(Some(dir.path())).unwrap();
        let err = engine
            .render(DocKind::PdConsent, Lang::Ru, &Context::new())
            .unwrap_err();
        assert_eq!(err.template, "ru/pd-consent.md");
        assert_eq!(err.path.as_deref(), Some(path.as_path()));
        assert_eq!(err.line, Some(5));
        assert_eq!(err.column, Some(14));
        assert!(err.message.contains("nope"), "{err}");
        let shown = err.to_string();
        assert!(
            shown.starts_with(&format!("{}:5:14: ", path.display())),
            "{shown}"
        );
    }
}
