//! T123 (to-do): client data reach a company abroad, and the day of the cross-border notice
//! is not given.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "T123",
    name: "cross-border-notice-to-fill",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "to-do: data reach a company abroad, and `[pd.notice].cross_border_filed_on` is empty",
        ru: "сделать: данные попадают к компании за рубежом, а `[pd.notice].cross_border_filed_on` не указан",
    },
    explanation: StaticText {
        en: r#"**What it checks.** When a channel has `cross_border = true` or a processor is outside
Russia, `[pd.notice].cross_border_filed_on` gives the day the cross-border notice was filed.

**Why it matters.** A cross-border transfer needs its own notice to Roskomnadzor before it
starts (152-FZ art. 12). Whether a client's own chat in a foreign messenger is such a
transfer is disputed; most operators file the notice to be safe, and the policy states the
day it was filed.

**Example.**

```toml
[[channels]]
id = "whatsapp"
cross_border = true
# no [pd.notice].cross_border_filed_on
```

**How to fix.** File the notice, then write `cross_border_filed_on = 2026-11-20` in
`[pd.notice]`; if you decided no notice is needed, waive the rule with the reason."#,
        ru: r#"**Что проверяет.** Если у канала `cross_border = true` или обработчик находится за
пределами России, в `[pd.notice].cross_border_filed_on` указана дата подачи уведомления о
трансграничной передаче.

**Почему это важно.** Трансграничная передача требует отдельного уведомления Роскомнадзора до
её начала (ст. 12 152-ФЗ). Считается ли передачей переписка клиента в зарубежном мессенджере,
спорно; большинство операторов подают уведомление на всякий случай, и политика называет
дату его подачи.

**Пример.**

```toml
[[channels]]
id = "whatsapp"
cross_border = true
# нет [pd.notice].cross_border_filed_on
```

**Как исправить.** Подайте уведомление и запишите `cross_border_filed_on = 2026-11-20` в
`[pd.notice]`; если вы решили, что уведомление не нужно, отключите правило с указанием
причины."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let pd = &b.pd;
    let abroad = b
        .channels
        .iter()
        .find(|c| c.cross_border())
        .map(|c| c.id.span.clone())
        .or_else(|| {
            pd.processors
                .iter()
                .find(|p| !p.in_russia())
                .map(|p| p.country.span.clone())
        });
    let Some(abroad) = abroad else { return };
    let notice = pd.notice.as_ref();
    if notice.is_some_and(|n| n.cross_border_filed_on.is_some()) {
        return;
    }
    let span = notice.map_or(pd.purposes.span.clone(), |n| n.span.clone());
    out.push(
        Diagnostic::finding(
            "T123",
            Severity::Warning,
            t!(
                "to-do: give the day the cross-border notice was filed with Roskomnadzor",
                "сделать: укажите дату подачи в Роскомнадзор уведомления о трансграничной передаче"
            ),
        )
        .at(
            cx.file,
            span,
            t!("no `cross_border_filed_on`", "нет `cross_border_filed_on`"),
        )
        .also(
            cx.file,
            abroad,
            t!(
                "data reach a company abroad",
                "данные попадают к компании за рубежом"
            ),
        )
        .hint(t!(
            "add `cross_border_filed_on = YYYY-MM-DD` to `[pd.notice]` (152-FZ art. 12)",
            "добавьте `cross_border_filed_on = ГГГГ-ММ-ДД` в `[pd.notice]` (ст. 12 152-ФЗ)"
        )),
    );
}
