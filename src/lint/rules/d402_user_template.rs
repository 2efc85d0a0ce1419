//! D402: the business's own templates parse and use only known variables.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "D402",
    name: "user-template",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a user template fails to render or uses an unknown variable",
        ru: "пользовательский шаблон не разбирается или использует неизвестную переменную",
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
        ru: r"**Что проверяет.** Каждый Markdown-шаблон в `templates/` рядом с `business.toml`
(пользовательская замена встроенного шаблона с тем же именем) — правильный шаблон Tera.

**Почему это важно.** Сломанная замена останавливает `regl render` для всех филиалов — в тот
день, когда пора открывать новый город; проверка при коммите находит ошибку, пока автор ещё
помнит правку.

**Пример.**

```text
templates/ru/pd-policy.md:  {{ business.name }  — нет закрывающей скобки
```

**Как исправить.** Исправьте шаблон в указанной строке; `regl render --format md` покажет,
что он выдаёт.",
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(docs) = cx.documents else { return };
    for (name, file) in &docs.templates {
        let text = &cx.sources.get(*file).text;
        // The built-ins under both their names, as render loads them, so an override that
        // extends `builtin/ru/…` finds its parent; then this template over its built-in.
        let mut tera = tera::Tera::default();
        for &filter in crate::templates::FILTERS {
            tera.register_filter(filter, |v: &str, _: tera::Kwargs, _: &tera::State| {
                v.to_owned()
            });
        }
        let builtins: Vec<(String, &str)> = crate::templates::named()
            .filter(|(n, _)| n != name)
            .collect();
        let all = builtins
            .iter()
            .map(|(n, t)| (n.as_str(), *t))
            .chain([(name.as_str(), text.as_str())]);
        if let Err(e) = tera.add_raw_templates(all) {
            let (message, span) = match e.kind() {
                tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
                    (r.message().to_owned(), r.span().range.clone())
                }
                _ => match crate::templates::reported_at(&e.to_string()) {
                    Some(at) => {
                        let start = crate::templates::offset_of(text, at.line, at.column);
                        let end = text[start..]
                            .find(|c: char| c.is_whitespace())
                            .map_or(text.len(), |n| start + n);
                        (at.message, start..end)
                    }
                    None => (e.to_string(), 0..0),
                },
            };
            // Tera's own words are quoted as they come.
            out.push(
                Diagnostic::finding(
                    "D402",
                    Severity::Error,
                    t!(
                        "template `{name}` does not parse: {message}",
                        "шаблон `{name}` не разбирается: {message}"
                    ),
                )
                .at(*file, span, Text::same(message))
                .hint(t!(
                    "fix the template; Tera syntax: {{{{ value }}}}, {{% if … %}}…{{% endif %}}",
                    "исправьте шаблон; синтаксис Tera: {{{{ value }}}}, {{% if … %}}…{{% endif %}}"
                )),
            );
        }
    }
}
