//! T141 (to-do): a location has no `launch_date`, so its launch checklist can only say how
//! many days before the opening each step is due.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "T141",
    name: "launch-date-to-fill",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "to-do: a location has no `launch_date`: its launch checklist gives due dates only relative to the opening",
        ru: "сделать: у филиала не указан `launch_date` — сроки в чек-листе запуска только относительные",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every `[[locations]]` entry gives `launch_date`, the day the
location opens to clients.

**Why it matters.** The launch checklist (`launch-checklist-<loc>.xlsx`) counts each step's
due date back from the opening: the Roskomnadzor change notice, the pilot's test leads, the
staff's acknowledgement. Without the date the sheet can only say "7 days before the
opening", nobody sees a deadline in a calendar, and lint cannot tell that the location opened
with steps still open (D406) or unsigned (D408).

**Example.**

```toml
[[locations]]
id = "omsk"
# no launch_date
```

**How to fix.** Write the planned day, e.g. `launch_date = 2027-02-01`, and render again;
move it when the plan moves."#,
        ru: r#"**Что проверяет.** В каждом `[[locations]]` указан `launch_date` — день, когда
филиал начинает принимать клиентов.

**Почему это важно.** Чек-лист запуска (`launch-checklist-<loc>.xlsx`) отсчитывает срок
каждого шага от дня открытия: уведомление Роскомнадзора об изменениях, тестовые заявки
пилота, ознакомление сотрудников. Без даты в таблице остаётся только «за 7 дней до открытия»,
срока в календаре никто не видит, а lint не может заметить, что филиал открылся с
незакрытыми шагами (D406) или без подписей (D408).

**Пример.**

```toml
[[locations]]
id = "omsk"
# нет launch_date
```

**Как исправить.** Укажите плановый день, например `launch_date = 2027-02-01`, и сформируйте
документы заново; если план сдвинулся — перенесите дату."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in &cx.business.locations {
        if l.launch_date.is_some() {
            continue;
        }
        let id = l.id.as_str();
        out.push(
            Diagnostic::finding(
                "T141",
                Severity::Warning,
                t!(
                    "to-do: location `{id}` has no `launch_date`: its launch checklist counts days before an opening with no date",
                    "сделать: у филиала `{id}` не указан `launch_date` — чек-лист запуска отсчитывает дни до открытия без даты"
                ),
            )
            .at(
                cx.file,
                l.id.span.clone(),
                t!("no `launch_date`", "нет `launch_date`"),
            )
            .hint(t!(
                "add `launch_date = YYYY-MM-DD` (the day the location opens) to this `[[locations]]` entry and run `regl render`",
                "добавьте в этот `[[locations]]` строку `launch_date = ГГГГ-ММ-ДД` (день открытия филиала) и запустите `regl render`"
            )),
        );
    }
}
