//! L902: a waiver that silences nothing. Judged in `lint::waivers`, after every rule ran.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "L902",
    name: "unused-waiver",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "a waiver for a code that no longer fires",
        ru: "исключение для кода, который больше не срабатывает",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Each `[[lint.waive]]` in force silences at least one finding of a full
`regl lint`; a waiver naming a code that is not a regl rule is reported too.

**Why it matters.** A waiver left behind after the fix would silently hide the next,
unrelated problem of the same kind.

**Example.**

```toml
[[lint.waive]]
code = "C107"          # the reminders were fixed last month
reason = "reminders are being reworked"
```

**How to fix.** Delete the waiver."#,
        ru: r#"**Что проверяет.** Каждое действующее `[[lint.waive]]` скрывает хотя бы одно замечание
полного `regl lint`; об исключении с кодом, которого нет среди правил regl, тоже сообщается.

**Почему это важно.** Исключение, забытое после исправления, молча скрыло бы следующую,
не связанную с первой проблему того же рода.

**Пример.**

```toml
[[lint.waive]]
code = "C107"          # напоминания исправили в прошлом месяце
reason = "напоминания переделываются"
```

**Как исправить.** Удалите исключение."#,
    },
    scope: Scope::Waivers,
    check,
};

fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
