//! `regl explain CODE`: a rule's documentation in the user's language, and the generator of
//! `docs/rules.md` (English) and `docs/rules.ru.md` (Russian).

use super::{Failure, Outcome, print_stdout};
use crate::cli::ExplainArgs;
use crate::diag::Severity;
use crate::i18n::localized::Localized;
use crate::i18n::{self, Lang, StaticText, Text, t};
use crate::lint::{RULES, Rule, rule};

pub fn run(args: &ExplainArgs) -> Outcome {
    // No `-c` here: the business in the current folder, if any, stands for the user's. Its
    // beginning is enough for `lang`, as for `cmd`'s errors.
    let here = crate::model::load::read_at_most("business.toml".as_ref(), 64 * 1024).ok();
    let lang = i18n::choose(here.and_then(|b| i18n::sniff(&String::from_utf8_lossy(&b))));
    if args.code.eq_ignore_ascii_case("all") || args.code == "--markdown" {
        return print_stdout(&catalogue(lang));
    }
    let Some(r) = rule(&args.code) else {
        // `cmd` prints it in the language it chooses from the same `business.toml`.
        return Err(Failure::Other(
            Localized::new(not_a_code(&args.code)).into(),
        ));
    };
    print_stdout(&page(r, "#", lang))
}

/// "`C199` is not a regl rule code; near: C109 (…)".
fn not_a_code(code: &str) -> Text {
    let near = near_codes(code);
    let mut msg = t!(
        "`{code}` is not a regl rule code or name",
        "`{code}` — не код и не название правила regl"
    );
    if !near.is_empty() {
        msg = msg.join(
            "",
            &t!(
                "; near: {near}",
                "; похожие: {near}",
                near = near.join(", ")
            ),
        );
    }
    msg.join(
        " ",
        &t!(
            "(`regl explain all` lists every rule)",
            "(все правила перечисляет `regl explain all`)"
        ),
    )
}

/// Codes that share the letter (the family), or are one edit away.
fn near_codes(code: &str) -> Vec<&'static str> {
    let up = code.to_ascii_uppercase();
    let mut near: Vec<&'static str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| strsim::levenshtein(c, &up) <= 1)
        .collect();
    if near.is_empty()
        && let Some(first) = up.chars().next()
    {
        near = RULES
            .iter()
            .map(|r| r.code)
            .filter(|c| c.starts_with(first))
            .collect();
    }
    near
}

/// "error", "warning" or "error / warning", in `lang`.
fn severities(r: &Rule, lang: Lang) -> String {
    r.severities
        .iter()
        .map(|s| match s {
            Severity::Error => Text::new("error", "ошибка"),
            Severity::Warning => Text::new("warning", "предупреждение"),
        })
        .map(|s| s.get(lang).to_owned())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// One rule's page in Markdown; `h` is the heading marker of its title.
pub fn page(r: &Rule, h: &str, lang: Lang) -> String {
    format!(
        "{h} {code} `{name}` ({sev})\n\n{summary}.\n\n{body}\n",
        code = r.code,
        name = r.name,
        sev = severities(r, lang),
        summary = capitalise(in_lang(r.summary, lang)),
        body = in_lang(r.explanation, lang)
    )
}

/// The text in `lang`, or the English one while a rule has no translation yet (the registry
/// test in `tests/cli/messages_ru.rs` says which).
fn in_lang(s: StaticText, lang: Lang) -> &'static str {
    match s.get(lang) {
        "" => s.en,
        t => t,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The catalogue's opening, up to and including the table's heading row.
fn preamble(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "# regl lint rules\n\n<!-- Generated from the rule metadata by `regl explain all`; do not edit. -->\n\n\
             `regl explain CODE` prints one of these pages. Waive a code on purpose with\n\
             `[[lint.waive]]` (`code`, `reason`, optional `until`).\n\n\
             These pages in Russian: [rules.ru.md](rules.ru.md).\n\n\
             | code | name | severity | fires when |\n| --- | --- | --- | --- |\n"
        }
        Lang::Ru => {
            "# Правила regl lint\n\n<!-- Создано из описаний правил командой `regl explain all`; не редактируйте вручную. -->\n\n\
             `regl explain CODE` печатает одну из этих страниц. Сознательно отключить код можно\n\
             записью `[[lint.waive]]` (`code`, `reason`, необязательная дата `until`).\n\n\
             Эти страницы по-английски: [rules.md](rules.md).\n\n\
             | код | название | уровень | когда срабатывает |\n| --- | --- | --- | --- |\n"
        }
    }
}

/// `docs/rules.md` (or `docs/rules.ru.md`): the table of codes, then every rule's page.
pub fn catalogue(lang: Lang) -> String {
    use std::fmt::Write;

    let mut out = String::from(preamble(lang));
    for r in RULES {
        let _ = writeln!(
            out,
            "| [{c}](#{l}) | `{n}` | {s} | {sum} |",
            c = r.code,
            l = r.code.to_ascii_lowercase(),
            n = r.name,
            s = severities(r, lang),
            sum = in_lang(r.summary, lang).replace('|', "\\|")
        );
    }
    for r in RULES {
        let _ = write!(out, "\n<a id=\"{}\"></a>\n\n", r.code.to_ascii_lowercase());
        out.push_str(&page(r, "##", lang));
    }
    out
}
