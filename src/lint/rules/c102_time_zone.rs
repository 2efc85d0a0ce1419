//! C102: every location's time zone is a real IANA zone.

use crate::diag::{Diagnostic, Severity, did_you_mean};
use crate::i18n::{StaticText, phrases, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C102",
    name: "unknown-time-zone",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "unknown IANA time zone",
        ru: "неизвестный часовой пояс IANA",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Each `[[locations]].timezone` is a zone of the IANA database, such as
`Europe/Moscow` or `Asia/Omsk`.

**Why it matters.** Working hours, night mode and reminders are local times: the bot decides
whether a person is on shift, and when to send the reminder two hours before a visit, from
this zone. A zone that does not exist silently becomes UTC in many runtimes, which is 3–7
hours off in Russia.

**Example.**

```toml
timezone = "Asia/Ufa"   # there is no such zone: Ufa is Asia/Yekaterinburg (UTC+5)
```

**How to fix.** Use the zone of the city's region: Moscow and Kazan `Europe/Moscow`, Ufa and
Yekaterinburg `Asia/Yekaterinburg`, Omsk `Asia/Omsk`, Novosibirsk `Asia/Novosibirsk`."#,
        ru: r#"**Что проверяет.** Каждый `[[locations]].timezone` — часовой пояс из базы IANA, например
`Europe/Moscow` или `Asia/Omsk`.

**Почему это важно.** Часы работы, ночной режим и напоминания — это местное время: по этому
поясу бот решает, на смене ли сотрудник и когда отправить напоминание за два часа до
визита. Несуществующий пояс во многих средах молча превращается в UTC, а это в России
ошибка на 3–7 часов.

**Пример.**

```toml
timezone = "Asia/Ufa"   # такого пояса нет: Уфа живёт по Asia/Yekaterinburg (UTC+5)
```

**Как исправить.** Укажите пояс региона, где находится город: Москва и Казань —
`Europe/Moscow`, Уфа и Екатеринбург — `Asia/Yekaterinburg`, Омск — `Asia/Omsk`,
Новосибирск — `Asia/Novosibirsk`."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for loc in &cx.business.locations {
        let tz = &loc.timezone;
        if tz.tz().is_some() {
            continue;
        }
        let name = tz.0.as_str();
        let hint = if name.eq_ignore_ascii_case("Asia/Ufa") {
            t!(
                "Ufa keeps Yekaterinburg time: use \"Asia/Yekaterinburg\"",
                "Уфа живёт по екатеринбургскому времени: укажите \"Asia/Yekaterinburg\""
            )
        } else if let Some(near) =
            did_you_mean(name, chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()))
        {
            phrases::did_you_mean(&format!("\"{near}\""))
        } else {
            t!(
                "use an IANA zone such as \"Europe/Moscow\", \"Asia/Yekaterinburg\" or \"Asia/Omsk\"",
                "укажите пояс IANA, например \"Europe/Moscow\", \"Asia/Yekaterinburg\" или \"Asia/Omsk\""
            )
        };
        out.push(
            Diagnostic::finding(
                "C102",
                Severity::Error,
                t!(
                    "`{name}` is not an IANA time zone {of}",
                    "`{name}` — не часовой пояс IANA {of}",
                    of = phrases::of_location(loc.id.as_str()),
                ),
            )
            .at(
                cx.file,
                tz.span.clone(),
                t!("unknown time zone", "неизвестный часовой пояс"),
            )
            .hint(hint),
        );
    }
}
