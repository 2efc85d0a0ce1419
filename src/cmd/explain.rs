//! `regl explain CODE`: a rule's documentation, and the generator of `docs/rules.md`.

use std::fmt::Write;

use super::{Failure, Outcome, print_stdout};
use crate::cli::ExplainArgs;
use crate::i18n::{self, Lang};
use crate::lint::{RULES, Rule, rule};

pub fn run(args: &ExplainArgs) -> Outcome {
    // No `-c` here: the business in the current folder, if any, stands for the user's.
    let here = std::fs::read_to_string("business.toml").ok();
    let lang = i18n::choose(here.as_deref().and_then(i18n::sniff));
    if args.code.eq_ignore_ascii_case("all") || args.code == "--markdown" {
        return print_stdout(&catalogue(lang));
    }
    let Some(r) = rule(&args.code) else {
        let near: Vec<&str> = near_codes(&args.code);
        let mut msg = format!("`{}` is not a regl rule code", args.code);
        if !near.is_empty() {
            let _ = write!(msg, "; near: {}", near.join(", "));
        }
        let _ = write!(msg, " (`regl explain all` lists every rule)");
        return Err(Failure::Other(anyhow::anyhow!(msg)));
    };
    print_stdout(&page(r, "#", lang))
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

/// One rule's page in Markdown; `h` is the heading marker of its title.
pub fn page(r: &Rule, h: &str, lang: Lang) -> String {
    format!(
        "{h} {code} `{name}` ({sev})\n\n{summary}.\n\n{body}\n",
        code = r.code,
        name = r.name,
        sev = r.severity_text(),
        summary = capitalise(r.summary.get(lang)),
        body = r.explanation.get(lang)
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `docs/rules.md`: the table of codes, then every rule's page.
pub fn catalogue(lang: Lang) -> String {
    let mut out = String::from(
        "# regl lint rules\n\n<!-- Generated from the rule metadata by `regl explain all`; do not edit. -->\n\n\
         `regl explain CODE` prints one of these pages. Waive a code on purpose with\n\
         `[[lint.waive]]` (`code`, `reason`, optional `until`).\n\n\
         | code | name | severity | fires when |\n| --- | --- | --- | --- |\n",
    );
    for r in RULES {
        let _ = writeln!(
            out,
            "| [{c}](#{l}) | `{n}` | {s} | {sum} |",
            c = r.code,
            l = r.code.to_ascii_lowercase(),
            n = r.name,
            s = r.severity_text(),
            sum = r.summary.get(lang).replace('|', "\\|")
        );
    }
    for r in RULES {
        let _ = write!(out, "\n<a id=\"{}\"></a>\n\n", r.code.to_ascii_lowercase());
        out.push_str(&page(r, "##", lang));
    }
    out
}
