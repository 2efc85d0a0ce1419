//! P205: cancellation terms a consumer court would void.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::law::{self, Act};
use crate::i18n::{StaticText, Text, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "P205",
    name: "cancellation-fee",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "a late-cancellation or no-show fee beyond the provider's actual costs (consumer law)",
        ru: "штраф за позднюю отмену или неявку сверх фактических расходов исполнителя (защита прав потребителей)",
    },
    explanation: StaticText {
        en: r"**What it checks.** `[cancellation].late_fee_percent` and `no_show_fee_percent` are 0.

**Why it matters.** A consumer may refuse a service at any time and pays only the
provider's actual, documented expenses for that booking (ZoZPP art. 32, Civil Code art.
782). A flat percentage fee is such a limit and is void; charging it invites complaints to
Rospotrebnadzor.

**Example.**

```toml
[cancellation]
no_show_fee_percent = 50
```

**How to fix.** Set the fees to 0 and let the cancellation policy say what is lawful:
refund a prepayment minus documented expenses (materials bought for the visit), free
rescheduling, prepayment for future bookings after repeated no-shows.",
        ru: r"**Что проверяет.** `[cancellation].late_fee_percent` и `no_show_fee_percent` равны 0.

**Почему это важно.** Потребитель вправе отказаться от услуги в любое время и оплачивает
только фактически понесённые исполнителем расходы по этой записи, подтверждённые
документами (ст. 32 Закона „О защите прав потребителей“, ст. 782 ГК РФ). Штраф в процентах
ограничивает это право и потому ничтожен, а его взимание ведёт к жалобам в
Роспотребнадзор.

**Пример.**

```toml
[cancellation]
no_show_fee_percent = 50
```

**Как исправить.** Поставьте штрафы в 0, а в правилах отмены опишите то, что законно:
возврат предоплаты за вычетом подтверждённых расходов (материалы, купленные к визиту),
бесплатный перенос, предоплата будущих записей после повторных неявок.",
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let c = &cx.business.cancellation;
    for (fee, what) in [
        (
            &c.late_fee_percent,
            Text::new("late-cancellation", "за позднюю отмену"),
        ),
        (&c.no_show_fee_percent, Text::new("no-show", "за неявку")),
    ] {
        if let Some(f) = fee
            && f.value.0 > 0
        {
            out.push(
                Diagnostic::finding(
                    "P205",
                    Severity::Warning,
                    t!(
                        "a {n}% {what} fee: a consumer pays only the actual costs of the booking",
                        "штраф {n}% {what}: потребитель оплачивает только фактические расходы по записи",
                        n = f.value.0,
                        what = what,
                    ),
                )
                .at(cx.file, f.span.clone(), t!("a flat fee", "фиксированный штраф"))
                .hint(t!(
                    "set it to 0; keep only documented expenses from a prepayment ({zozpp}, {gk})",
                    "поставьте 0; из предоплаты удерживайте только подтверждённые документами расходы ({zozpp}, {gk})",
                    zozpp = law::art(Act::ConsumerRights, "32"),
                    gk = law::art(Act::CivilCode, "782"),
                )),
            );
        }
    }
}
