//! T129 (to-do): `[pilot].phones` lists none of the testers' own numbers, so the pilot
//! plan's test leads have no phone to write from.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "T129",
    name: "pilot-phones-to-fill",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "to-do: `[pilot].phones` (the testers' own numbers for the pilot plan) is empty",
        ru: "сделать: не заполнен `[pilot].phones` — собственные номера тестировщиков для плана пилота",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `[pilot].phones` lists at least one phone.

**Why it matters.** The pilot plan (`test-plan-<loc>.xlsx`) gives each test lead a phone
to write from and to receive the reminders on. regl never invents one: any Russian mobile
number may belong to someone, and a reminder is a real SMS to that person. Until the
business lists its own test SIMs, the plan's phone column says what to fill in.

**Example.**

```toml
[pilot]
phones = []
```

**How to fix.** List the business-owned SIMs the testers use:
`[pilot] phones = ["+7 913 000-00-11"]` — numbers only, never a tester's name."#,
        ru: r#"**Что проверяет.** В `[pilot].phones` указан хотя бы один номер.

**Почему это важно.** План пилота (`test-plan-<loc>.xlsx`) даёт каждой тестовой заявке
номер, с которого пишет тестировщик и на который приходят напоминания. regl никогда не
придумывает номер: любой российский мобильный номер может принадлежать человеку, а
напоминание — это настоящее SMS ему. Пока бизнес не указал свои тестовые SIM-карты, в
колонке телефона плана написано, что нужно заполнить.

**Пример.**

```toml
[pilot]
phones = []
```

**Как исправить.** Перечислите SIM-карты бизнеса, с которых пишут тестировщики:
`[pilot] phones = ["+7 913 000-00-11"]` — только номера, без имён тестировщиков."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let pilot = cx.business.pilot.as_ref();
    if pilot.is_some_and(|p| !p.phones.is_empty()) {
        return;
    }
    let span = pilot.map_or(cx.business.schema_version.span.clone(), |p| p.span.clone());
    out.push(
        Diagnostic::finding(
            "T129",
            Severity::Warning,
            t!(
                "to-do: list the testers' own phones for the pilot plan",
                "сделать: укажите собственные номера тестировщиков для плана пилота"
            ),
        )
        .at(
            cx.file,
            span,
            t!("`[pilot].phones` is empty", "`[pilot].phones` пуст"),
        )
        .hint(t!(
            "add `[pilot] phones = [\"+7 …\"]` with the business's test SIMs; regl never invents a number",
            "добавьте `[pilot] phones = [\"+7 …\"]` с тестовыми SIM-картами бизнеса; regl не придумывает номера"
        )),
    );
}
