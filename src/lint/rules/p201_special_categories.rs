//! P201: health data is declared as a special category with written consent.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};
use crate::model::enums::Segment;

pub const RULE: Rule = Rule {
    code: "P201",
    name: "special-categories",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "clinic segment, or health data processed, without special categories and written consent",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** A business with `segment = "clinic"`, or whose `[pd].categories` mention
health (здоровье, диагноз, симптомы, медицин…, health, medical, diagnosis), declares the
special category in `[pd].special_categories` and sets `written_consent = true`.

**Why it matters.** Health data is a special category (152-FZ art. 10): it may be processed
only with the subject's written consent. A clinic's bot that asks about symptoms before a
booking processes it. Processing without the required written consent is fined 300–700
thousand rubles (KoAP 13.11), and the consent document must carry its own section for it.

**Example.**

```toml
[business]
segment = "clinic"
[pd]
special_categories = []   # a clinic always processes health data
```

**How to fix.** `special_categories = ["здоровье"]` and `written_consent = true`; render the
consent document and collect it in writing before the first visit."#,
        ru: "",
    },
    scope: Scope::Config,
    check,
};

const HEALTH: &[&str] = &[
    "здоров",
    "диагноз",
    "симптом",
    "медицин",
    "анамнез",
    "заболеван",
    "health",
    "medical",
    "diagnos",
    "symptom",
];

fn is_health(s: &str) -> bool {
    let s = s.to_lowercase();
    HEALTH.iter().any(|w| s.contains(w))
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let pd = &b.pd;
    let clinic = b.business.segment.value == Segment::Clinic;
    let health_category = pd.categories.iter().find(|c| is_health(c));
    if !clinic && health_category.is_none() {
        return;
    }
    let (why_span, why) = if let Some(c) = health_category {
        (c.span.clone(), "health data is processed".to_owned())
    } else {
        (
            b.business.segment.span.clone(),
            "a clinic processes health data".to_owned(),
        )
    };
    if pd.special_categories().is_empty() {
        let span = pd
            .special_categories
            .as_ref()
            .map_or(why_span.clone(), |s| s.span.clone());
        let mut d = Diagnostic::finding(
            "P201",
            Severity::Error,
            format!("{why}, but `[pd].special_categories` does not declare it"),
        )
        .at(cx.file, span, "no special category declared");
        if pd.special_categories.is_some() {
            d = d.also(cx.file, why_span.clone(), why.clone());
        }
        out.push(d.hint("declare special_categories = [\"здоровье\"] and written_consent = true (152-FZ art. 10)"));
    }
    if !pd.written_consent() {
        let span = pd
            .written_consent
            .as_ref()
            .map_or(why_span.clone(), |w| w.span.clone());
        let mut d = Diagnostic::finding(
            "P201",
            Severity::Error,
            format!("{why}, but written consent is not collected"),
        )
        .at(cx.file, span, "written consent is required for health data");
        if pd.written_consent.is_some() {
            d = d.also(cx.file, why_span, why);
        }
        out.push(d.hint("set `written_consent = true` in [pd]: special categories need written consent (152-FZ art. 10)"));
    }
}
