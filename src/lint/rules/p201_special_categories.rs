//! P201: health data is declared as a special category with written consent.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::law::{self, Act};
use crate::i18n::{StaticText, Text, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::enums::Segment;

pub const RULE: Rule = Rule {
    code: "P201",
    name: "special-categories",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "clinic segment, or health data processed, without special categories and written consent",
        ru: "сегмент «клиника» или обработка данных о здоровье без специальных категорий и письменного согласия",
    },
    explanation: StaticText {
        en: r#"**What it checks.** A business with `segment = "clinic"`, or whose `[pd].categories` mention
health (`здоровье`, `диагноз`, `симптомы`, `медицин…`, `health`, `medical`, `diagnosis`),
declares the special category in `[pd].special_categories` and sets `written_consent = true`.

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
        ru: r#"**Что проверяет.** Бизнес с `segment = "clinic"` или с упоминанием здоровья в
`[pd].categories` (`здоровье`, `диагноз`, `симптомы`, `медицин…`, `health`, `medical`,
`diagnosis`) указывает специальную категорию в `[pd].special_categories` и ставит
`written_consent = true`.

**Почему это важно.** Сведения о состоянии здоровья — специальная категория персональных
данных (ст. 10 152‑ФЗ): обрабатывать их можно только с письменного согласия субъекта. Бот
клиники, который до записи спрашивает о симптомах, такие данные обрабатывает. Обработка без
обязательного письменного согласия — штраф от 300 до 700 тысяч рублей (ст. 13.11 КоАП РФ),
а в документе согласия для неё нужен отдельный раздел.

**Пример.**

```toml
[business]
segment = "clinic"
[pd]
special_categories = []   # клиника всегда обрабатывает данные о здоровье
```

**Как исправить.** `special_categories = ["здоровье"]` и `written_consent = true`; сформируйте
документ согласия и получите его в письменной форме до первого визита."#,
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
    let health_category = pd.categories().into_iter().find(|c| is_health(c));
    if !clinic && health_category.is_none() {
        return;
    }
    let (why_span, why) = if let Some(c) = health_category {
        (
            c.span.clone(),
            Text::new(
                "health data is processed",
                "обрабатываются данные о здоровье",
            ),
        )
    } else {
        (
            b.business.segment.span.clone(),
            Text::new(
                "a clinic processes health data",
                "клиника обрабатывает данные о здоровье",
            ),
        )
    };
    let art10 = law::art(Act::PersonalData, "10");
    if pd.special_categories().is_empty() {
        let span = pd
            .special_categories
            .as_ref()
            .map_or(why_span.clone(), |s| s.span.clone());
        let mut d = Diagnostic::finding(
            "P201",
            Severity::Error,
            t!(
                "{why}, but `[pd].special_categories` does not declare it",
                "{why}, но в `[pd].special_categories` это не указано",
                why = why,
            ),
        )
        .at(
            cx.file,
            span,
            t!(
                "no special category declared",
                "специальная категория не указана"
            ),
        );
        if pd.special_categories.is_some() {
            d = d.also(cx.file, why_span.clone(), why.clone());
        }
        out.push(d.hint(t!(
            "declare special_categories = [\"здоровье\"] and written_consent = true ({art10})",
            "укажите special_categories = [\"здоровье\"] и written_consent = true ({art10})",
            art10 = art10,
        )));
    }
    if !pd.written_consent() {
        let span = pd
            .written_consent
            .as_ref()
            .map_or(why_span.clone(), |w| w.span.clone());
        let mut d = Diagnostic::finding(
            "P201",
            Severity::Error,
            t!(
                "{why}, but written consent is not collected",
                "{why}, но письменное согласие не собирается",
                why = why,
            ),
        )
        .at(
            cx.file,
            span,
            t!(
                "written consent is required for health data",
                "для данных о здоровье нужно письменное согласие"
            ),
        );
        if pd.written_consent.is_some() {
            d = d.also(cx.file, why_span, why);
        }
        out.push(d.hint(t!(
            "set `written_consent = true` in [pd]: special categories need written consent ({art10})",
            "поставьте `written_consent = true` в [pd]: для специальных категорий нужно письменное согласие ({art10})",
            art10 = art10,
        )));
    }
}
