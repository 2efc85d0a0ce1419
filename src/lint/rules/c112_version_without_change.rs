//! C112: `[document].version` has no entry in the revision history.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C112",
    name: "version-without-change",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "`[document].version` has no entry in `[document].changes`",
        ru: "для `[document].version` нет записи в `[document].changes`",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `[document].changes` has an entry whose `version` is the current
`[document].version`.

**Why it matters.** Every document prints its revision history from `changes`. A version bumped without its entry publishes documents whose
history stops at the previous version: nobody can tell what changed, when, or who approved
it, and the staff acknowledgement has nothing to list.

**Example.**

```toml
[document]
version = "1.1"
changes = [ { version = "1.0", date = 2026-12-01, summary = "Первая редакция" } ]
```

**How to fix.** Add the entry for the new version: its date, what changed and, when it is
not `[document].approved_by`, who approved it."#,
        ru: r#"**Что проверяет.** В `[document].changes` есть запись, чья `version` совпадает с
текущей `[document].version`.

**Почему это важно.** Каждый документ печатает «Лист регистрации изменений» из `changes`.
Если версию повысили без записи, документы выходят с историей, которая обрывается на
предыдущей версии: не видно, что изменилось, когда и кто утвердил, а листу ознакомления
сотрудников нечего перечислить.

**Пример.**

```toml
[document]
version = "1.1"
changes = [ { version = "1.0", date = 2026-12-01, summary = "Первая редакция" } ]
```

**Как исправить.** Добавьте запись для новой версии: дату, что изменилось и, если утверждал
не `[document].approved_by`, кто утвердил."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let d = &cx.business.document;
    let version = d.version.value.as_str();
    if d.changes.iter().any(|c| c.value.version.value == version) {
        return;
    }
    let last = d
        .changes
        .last()
        .map_or_else(String::new, |c| c.value.version.value.clone());
    let mut finding = Diagnostic::finding(
        "C112",
        Severity::Warning,
        t!(
            "version {version} has no entry in `[document].changes`",
            "для версии {version} нет записи в `[document].changes`"
        ),
    )
    .at(
        cx.file,
        d.version.span.clone(),
        t!("bumped here", "версия повышена здесь"),
    );
    if let Some(c) = d.changes.last() {
        finding = finding.also(
            cx.file,
            c.span.clone(),
            t!(
                "the history ends at {last}",
                "история изменений заканчивается на {last}"
            ),
        );
    }
    out.push(finding.hint(t!(
        "add `{{ version = \"{version}\", date = YYYY-MM-DD, summary = \"…\" }}` to `[document].changes`",
        "добавьте `{{ version = \"{version}\", date = ГГГГ-ММ-ДД, summary = \"…\" }}` в `[document].changes`"
    )));
}
