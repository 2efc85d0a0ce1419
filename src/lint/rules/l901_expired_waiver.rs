//! L901: a waiver past its `until` date. Judged in `lint::waivers`, after every rule ran.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "L901",
    name: "expired-waiver",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "a waiver whose `until` date has passed",
        ru: "исключение, дата `until` которого прошла",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Each `[[lint.waive]]` with an `until` date: once the date has passed
(today is the system date, or `REGL_TODAY`), the waiver stops silencing its code, and the
waiver itself is reported.

**Why it matters.** A waiver is a promise to fix something by a date. When the date passes,
the problem is reported again and so is the broken promise, so it cannot hide for ever.

**Example.**

```toml
[[lint.waive]]
code = "C110"
reason = "review moved to the January audit"
until = 2027-01-15
```

**How to fix.** Fix what the waived rule reports and delete the waiver; or, if the delay is
agreed, move `until` and update `reason`."#,
        ru: r#"**Что проверяет.** Каждое `[[lint.waive]]` с датой `until`: когда дата прошла (сегодня —
системная дата или `REGL_TODAY`), исключение перестаёт скрывать свой код, а о самом
исключении сообщается.

**Почему это важно.** Исключение — обещание исправить что-то к сроку. Когда срок прошёл,
снова видна и сама проблема, и нарушенное обещание, так что она не может прятаться вечно.

**Пример.**

```toml
[[lint.waive]]
code = "C110"
reason = "пересмотр перенесён на январский аудит"
until = 2027-01-15
```

**Как исправить.** Исправьте то, о чём сообщает отключённое правило, и удалите исключение;
или, если отсрочка согласована, перенесите `until` и обновите `reason`."#,
    },
    scope: Scope::Waivers,
    check,
};

fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}
