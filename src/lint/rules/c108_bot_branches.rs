//! C108: the bot has all five main branches.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::enums::Branch;

pub const RULE: Rule = Rule {
    code: "C108",
    name: "bot-branch-missing",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "one of the five bot branches is missing",
        ru: "у бота нет одной из пяти основных веток",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `[bot].branches` lists all five main branches: `booking`, `cancel`,
`price`, `promo`, `callback`.

**Why it matters.** These are what clients actually write about. A bot without `cancel`
cannot release a slot at night; one without `callback` loses clients who would rather
talk. The lead-handling SOP and the escalation rules describe all five.

**Example.**

```toml
[bot]
branches = ["booking", "price", "promo", "callback"]   # no "cancel"
```

**How to fix.** List all five; turn a branch's texts down in the bot config rather than
removing the branch."#,
        ru: r#"**Что проверяет.** В `[bot].branches` перечислены все пять основных веток: `booking`,
`cancel`, `price`, `promo`, `callback`.

**Почему это важно.** Именно об этом клиенты и пишут. Бот без `cancel` не может ночью
освободить время записи; бот без `callback` теряет клиентов, которым удобнее поговорить.
Регламент обработки лидов и правила эскалации описывают все пять веток.

**Пример.**

```toml
[bot]
branches = ["booking", "price", "promo", "callback"]   # нет "cancel"
```

**Как исправить.** Перечислите все пять; если ветка не нужна, сократите её тексты в
конфигурации бота, а не удаляйте саму ветку."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let branches = &cx.business.bot.branches;
    let missing: Vec<&str> = Branch::ALL
        .iter()
        .filter(|b| !branches.iter().any(|x| x.value == **b))
        .map(|b| b.as_str())
        .collect();
    if !missing.is_empty() {
        out.push(
            Diagnostic::finding(
                "C108",
                Severity::Error,
                t!(
                    "the bot lacks the {word} {list}",
                    "у бота нет {word} {list}",
                    word = if missing.len() > 1 {
                        Text::new("branches", "веток")
                    } else {
                        Text::new("branch", "ветки")
                    },
                    list = missing.join(", "),
                ),
            )
            .at(
                cx.file,
                branches.span.clone(),
                t!(
                    "missing: {list}",
                    "не хватает: {list}",
                    list = missing.join(", "),
                ),
            )
            .hint(t!(
                "list all five: branches = [\"booking\", \"cancel\", \"price\", \"promo\", \"callback\"]",
                "перечислите все пять: branches = [\"booking\", \"cancel\", \"price\", \"promo\", \"callback\"]"
            )),
        );
    }
}
