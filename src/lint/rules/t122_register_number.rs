//! T122 (to-do): the operator's number in Roskomnadzor's register is not given.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "T122",
    name: "register-number-to-fill",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "to-do: `[pd.notice].register_number` (the operator's number in Roskomnadzor's register) is empty",
        ru: "сделать: не указан `[pd.notice].register_number` — номер оператора в реестре Роскомнадзора",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `[pd.notice]` gives `register_number`, and `filed_on`.

**Why it matters.** An operator notifies Roskomnadzor before it starts processing (152-FZ
art. 22) and is entered in the register of operators. The policy states the register number
rather than asserting a notice regl cannot know was sent; until it is given, the policy
prints a blank line for it.

**Example.**

```toml
[pd]
# no [pd.notice]
```

**How to fix.** File the notice on Roskomnadzor's portal, then write
`[pd.notice] register_number = "…"` and `filed_on = 2026-11-20`."#,
        ru: r#"**Что проверяет.** В `[pd.notice]` указаны `register_number` и `filed_on`.

**Почему это важно.** Оператор уведомляет Роскомнадзор до начала обработки (ст. 22 152-ФЗ) и
вносится в реестр операторов. Политика называет номер в реестре, а не утверждает, что
уведомление отправлено, — этого regl знать не может; пока номера нет, в политике для него
оставлена пустая строка.

**Пример.**

```toml
[pd]
# нет [pd.notice]
```

**Как исправить.** Подайте уведомление на портале Роскомнадзора и запишите
`[pd.notice] register_number = "…"` и `filed_on = 2026-11-20`."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let pd = &cx.business.pd;
    let notice = pd.notice.as_ref();
    if notice.is_some_and(|n| n.register_number.is_some() && n.filed_on.is_some()) {
        return;
    }
    let span = notice.map_or(pd.purposes.span.clone(), |n| n.span.clone());
    out.push(
        Diagnostic::finding(
            "T122",
            Severity::Warning,
            t!(
                "to-do: give the operator's number in Roskomnadzor's register and the day the notice was filed",
                "сделать: укажите номер оператора в реестре Роскомнадзора и дату подачи уведомления"
            ),
        )
        .at(
            cx.file,
            span,
            t!("`[pd.notice]` incomplete", "`[pd.notice]` не заполнен"),
        )
        .hint(t!(
            "add `[pd.notice] register_number = \"…\"` and `filed_on = YYYY-MM-DD` once Roskomnadzor has entered the operator (152-FZ art. 22)",
            "добавьте `[pd.notice] register_number = \"…\"` и `filed_on = ГГГГ-ММ-ДД`, когда Роскомнадзор внесёт оператора в реестр (ст. 22 152-ФЗ)"
        )),
    );
}
