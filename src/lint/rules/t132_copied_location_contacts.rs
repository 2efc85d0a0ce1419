//! T132 (to-do): a location still carries another location's address or phone, as
//! `regl init --city` copies them from the first.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "T132",
    name: "copied-location-contacts",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "to-do: a location has the same address or phone as an earlier one",
        ru: "сделать: у филиала тот же адрес или телефон, что у одного из предыдущих",
    },
    explanation: StaticText {
        en: r#"**What it checks.** No location of `business.toml` has the `address` or the `phone` of
a location listed before it.

**Why it matters.** `regl init --city` starts a new location from the first one's values, and
its documents then send clients of Omsk to a street and a phone in Ufa. A shared call-centre
number is possible, but it is a decision to make, not a leftover.

**Example.**

```toml
[[locations]]
id = "omsk"
address = "ул. Пушкина, д. 45"    # Ufa's
phone = "+7 917 246-18-30"        # Ufa's
```

**How to fix.** Write the location's own address and phone. For one number on purpose, waive
the to-do with a reason in `[[lint.waive]]`."#,
        ru: r#"**Что проверяет.** Ни у одного филиала в `business.toml` нет `address` или `phone`
филиала, указанного раньше него.

**Почему это важно.** `regl init --city` заводит новый филиал со значениями первого, и его
документы отправляют клиентов Омска на улицу и телефон в Уфе. Общий номер колл-центра
возможен, но это решение, а не остаток копирования.

**Пример.**

```toml
[[locations]]
id = "omsk"
address = "ул. Пушкина, д. 45"    # уфимский
phone = "+7 917 246-18-30"        # уфимский
```

**Как исправить.** Укажите собственные адрес и телефон филиала. Если номер общий намеренно,
отключите это дело с причиной в `[[lint.waive]]`."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let locations = &cx.business.locations;
    for (i, l) in locations.iter().enumerate() {
        let earlier = &locations[..i];
        let id = l.id.as_str();
        // The marker `regl init` writes for an address to give is T124's.
        if let Some(first) = earlier
            .iter()
            .find(|e| e.address.value == l.address.value && !is_init_marker(&l.address.value))
        {
            let (other, value) = (first.id.as_str(), &l.address.value);
            out.push(copied(
                cx,
                t!(
                    "to-do: location `{id}` has the address of `{other}` («{value}»)",
                    "сделать: у филиала `{id}` адрес филиала `{other}` («{value}»)"
                ),
                l.address.span.clone(),
                first.address.span.clone(),
            ));
        }
        if let Some(first) = earlier.iter().find(|e| e.phone.value == l.phone.value) {
            let (other, value) = (first.id.as_str(), l.phone.value.pretty());
            out.push(copied(
                cx,
                t!(
                    "to-do: location `{id}` has the phone of `{other}` ({value})",
                    "сделать: у филиала `{id}` телефон филиала `{other}` ({value})"
                ),
                l.phone.span.clone(),
                first.phone.span.clone(),
            ));
        }
    }
}

/// The text `regl init` writes for an address still to give (T124 lists it).
fn is_init_marker(address: &str) -> bool {
    address.contains("укажите адрес") || address.contains("give the address")
}

fn copied(
    cx: &Context<'_>,
    message: crate::i18n::Text,
    here: std::ops::Range<usize>,
    there: std::ops::Range<usize>,
) -> Diagnostic {
    Diagnostic::finding("T132", Severity::Warning, message)
        .at(cx.file, here, t!("copied", "скопировано"))
        .also(cx.file, there, t!("from here", "отсюда"))
        .hint(t!(
            "write this location's own address and phone before its documents are published",
            "укажите собственные адрес и телефон филиала до публикации его документов"
        ))
}
