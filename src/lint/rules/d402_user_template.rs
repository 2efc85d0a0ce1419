//! D402: the business's own templates parse and use only known variables.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "D402",
    name: "user-template",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a user template fails to render or uses an unknown variable",
        ru: "",
    },
    explanation: StaticText {
        en: r"**What it checks.** Each Markdown template under `templates/` next to `business.toml` (a
user override of a built-in template of the same name) is a valid Tera template.

**Why it matters.** A broken override stops `regl render` for every location, on the day a
new city must open; checking it at commit time finds it while the author still remembers
the edit.

**Example.**

```text
templates/ru/pd-policy.md:  {{ business.name }  — the closing brace is missing
```

**How to fix.** Fix the template at the line shown; `regl render --format md` shows what it
produces.",
        ru: "",
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(docs) = cx.documents else { return };
    for (name, file) in &docs.templates {
        let text = &cx.sources.get(*file).text;
        let mut tera = tera::Tera::default();
        if let Err(e) = tera.add_raw_template(name, text) {
            let (message, span) = match e.kind() {
                tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
                    (r.message().to_owned(), r.span().range.clone())
                }
                other => (other.to_string(), 0..0),
            };
            out.push(
                Diagnostic::finding(
                    "D402",
                    Severity::Error,
                    format!("template `{name}` does not parse: {message}"),
                )
                .at(*file, span, message)
                .hint("fix the template; Tera syntax: {{ value }}, {% if … %}…{% endif %}"),
            );
        }
    }
}
