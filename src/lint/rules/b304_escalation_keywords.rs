//! B304: the bot escalates on the keywords the escalation rules list, and says so if it
//! escalates on more.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::bot::strings;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B304",
    name: "bot-escalation-keywords",
    severities: &[Severity::Error, Severity::Warning],
    summary: StaticText {
        en: "an escalation keyword missing from the bot (error) or one the rules don't list (warning)",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every keyword of `[escalation].keywords` is in `escalation.keywords` of
the bot config (an error when one is missing), and the bot has no keyword the rules do not
list (a warning). Comparison ignores case.

**Why it matters.** A complaint («жалоба», «претензия») must reach a person: the escalation
rules promise it. A keyword lost from the bot leaves an angry client talking to the bot. An
extra keyword is harmless to the client but undocumented: the escalation rules no longer
describe what the bot does.

**Example.**

```json
"escalation": { "keywords": ["жалоба", "возврат"] }
// [escalation].keywords also lists «претензия» and «срочно»
```

**How to fix.** Add the keyword to `business.toml` and regenerate the bot config with
`regl export`: the rules and the bot then say the same."#,
        ru: "",
    },
    scope: Scope::Bot,
    check,
};

fn norm(s: &str) -> String {
    s.trim().to_lowercase()
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let rules = &cx.business.escalation.keywords;
    for doc in cx.bot_docs() {
        let v = match doc.need(
            "B304",
            &["escalation", "keywords"],
            "a list of keywords",
            |v| v.as_array().is_some(),
        ) {
            Ok(v) => v,
            Err(d) => {
                out.push(d);
                continue;
            }
        };
        let have = strings(v);
        for k in rules.iter() {
            if !have.iter().any(|(h, _)| norm(h) == norm(k)) {
                out.push(doc.drift(
                    "B304",
                    format!(
                        "the bot of `{}` does not escalate on «{}»",
                        doc.location.id.as_str(),
                        k.value
                    ),
                    v.span.clone(),
                    format!("«{}» missing", k.value),
                    (cx.file, k.span.clone(), "an escalation keyword".into()),
                    format!(
                        "add \"{}\" to escalation.keywords (or regenerate with `regl export`)",
                        k.value
                    ),
                ));
            }
        }
        for (h, span) in &have {
            if !rules.iter().any(|k| norm(k) == norm(h)) {
                out.push(
                    Diagnostic::finding(
                        "B304",
                        Severity::Warning,
                        format!("the bot of `{}` escalates on «{h}», which the escalation rules do not list", doc.location.id.as_str()),
                    )
                    .at(doc.file, span.clone(), "not in [escalation].keywords")
                    .also(cx.file, rules.span.clone(), "the documented keywords")
                    .hint(format!("add \"{h}\" to [escalation].keywords so the documents say so, or remove it from the bot")),
                );
            }
        }
    }
}
