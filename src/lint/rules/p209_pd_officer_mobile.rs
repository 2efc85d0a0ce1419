//! P209: the policy publishes the person responsible for personal data by name with a
//! mobile number.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "P209",
    name: "pd-officer-personal-mobile",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "the policy would publish the PD officer's name with a mobile number: a personal mobile needs the employee's consent",
        ru: "политика опубликует имя ответственного за ПДн вместе с мобильным номером: личный мобильный можно публиковать только с согласия сотрудника",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `[business].pd_officer` gives a `name` together with a mobile `phone`
(+7 9…).

**Why it matters.** The policy is published. An employee's full name with a personal mobile
number on a public page is dissemination of the employee's personal data, which needs the
employee's separate consent (152-FZ art. 10.1). A work number or the role alone serve the
data subjects just as well.

**Example.**

```toml
pd_officer = { name = "Иванова Анна Сергеевна", email = "pd@lada.example", phone = "+7 917 452-30-18" }
```

**How to fix.** Give a work number (the office's landline), or leave `name` out to publish
the role and its contacts only. If the mobile is a work phone or the employee has signed a
consent to dissemination, waive the rule: `[[lint.waive]] code = "P209"` with the reason."#,
        ru: r#"**Что проверяет.** В `[business].pd_officer` указаны `name` и мобильный `phone` (+7 9…).

**Почему это важно.** Политика публикуется. Фамилия, имя и отчество сотрудника вместе с
личным мобильным номером на общедоступной странице — распространение его персональных
данных, для которого нужно отдельное согласие сотрудника (ст. 10.1 152-ФЗ). Рабочий номер
или одна должность служат субъектам не хуже.

**Пример.**

```toml
pd_officer = { name = "Иванова Анна Сергеевна", email = "pd@lada.example", phone = "+7 917 452-30-18" }
```

**Как исправить.** Укажите рабочий номер (городской телефон офиса) или уберите `name`, чтобы
публиковать только должность и контакты. Если мобильный номер служебный или сотрудник
подписал согласие на распространение, отключите правило: `[[lint.waive]] code = "P209"` с
причиной."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let officer = &cx.business.business.pd_officer;
    let Some(name) = &officer.name else { return };
    if !officer.phone.is_mobile() {
        return;
    }
    out.push(
        Diagnostic::finding(
            "P209",
            Severity::Warning,
            t!(
                "the policy would publish the PD officer's name with a mobile number",
                "политика опубликует имя ответственного за ПДн вместе с мобильным номером"
            ),
        )
        .at(
            cx.file,
            officer.phone.span.clone(),
            t!("a mobile number", "мобильный номер"),
        )
        .also(
            cx.file,
            name.span.clone(),
            t!("the employee's name", "имя сотрудника"),
        )
        .hint(t!(
            "give a work number or leave `name` out; a personal mobile needs the employee's consent to dissemination (152-FZ art. 10.1)",
            "укажите рабочий номер или уберите `name`: личный мобильный можно публиковать только с согласия сотрудника на распространение (ст. 10.1 152-ФЗ)"
        )),
    );
}
