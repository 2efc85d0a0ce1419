//! C102: every location's time zone is a real IANA zone.

use crate::diag::{Diagnostic, Severity, did_you_mean};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C102",
    name: "unknown-time-zone",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "unknown IANA time zone",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Each `[[locations]].timezone` is a zone of the IANA database, such as
`Europe/Moscow` or `Asia/Omsk`.

**Why it matters.** Working hours, night mode and reminders are local times: the bot decides
whether a person is on shift, and when to send «напоминание за 2 часа», from this zone. A
zone that does not exist silently becomes UTC in many runtimes, which is 3–7 hours off in
Russia.

**Example.**

```toml
timezone = "Asia/Ufa"   # there is no such zone: Ufa is Asia/Yekaterinburg (UTC+5)
```

**How to fix.** Use the zone of the city's region: Moscow and Kazan `Europe/Moscow`, Ufa and
Yekaterinburg `Asia/Yekaterinburg`, Omsk `Asia/Omsk`, Novosibirsk `Asia/Novosibirsk`."#,
        ru: "",
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
            "Ufa keeps Yekaterinburg time: use \"Asia/Yekaterinburg\"".to_owned()
        } else if let Some(near) =
            did_you_mean(name, chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()))
        {
            format!("did you mean \"{near}\"?")
        } else {
            "use an IANA zone such as \"Europe/Moscow\", \"Asia/Yekaterinburg\" or \"Asia/Omsk\""
                .to_owned()
        };
        out.push(
            Diagnostic::finding(
                "C102",
                Severity::Error,
                format!(
                    "`{name}` is not an IANA time zone (location `{}`)",
                    loc.id.as_str()
                ),
            )
            .at(cx.file, tz.span.clone(), "unknown time zone")
            .hint(hint),
        );
    }
}
