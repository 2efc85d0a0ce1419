//! B316: a figure a bot text states — an amount in ₽, a duration with its unit, a time of
//! day, a percentage, a phone number — is one `business.toml` gives for that location.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::bot::fix_hint;
use crate::lint::bot_texts::{Figure, NOT_TEXT, figures};
use crate::lint::want::Want;
use crate::lint::{Context, Rule, Scope};
use crate::model::business::{Business, Location};

pub const RULE: Rule = Rule {
    code: "B316",
    name: "bot-figures-in-texts",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a bot text states a price, duration, time of day, percentage or phone that business.toml does not give for the location",
        ru: "текст бота называет цену, срок, время, процент или телефон, которых в business.toml для филиала нет",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every figure inside the texts of the bot config — an amount in ₽, a
duration with its unit, a time of day (HH:MM), a percentage, a phone number — is one that
`business.toml` gives for that location: a service's price or duration, the SLA's and the
cancellation policy's durations, the fees and prepayments, the location's hours and the
reminders' send window (a single time inside the hours is an example and allowed; a span
such as `10:00–19:00` or `с 21:00 до 09:00` states hours, and must be one of the hours'
ranges, a break, the night between a close and an opening, or the send window), its phone
and duty phone, the personal-data officer's phone. Figures are compared by kind and value:
`за 12 часов` and `12h` are the same.
A duration in a text regl also writes must be one its own wording states: the reminder's
`за 12 часов` is the free-cancellation window, and `за 2 часа` there is a finding even though
2 hours is a reminder offset.

**Why it matters.** The bot team edits the texts; a price or a promise typed into a text
does not follow `business.toml`. The client reads `бесплатная отмена за 2 часа` in the
greeting while the policy says 12, and the business owes what the bot promised.

**Example.**

```json
"say": "Стрижка всего от 990 ₽, бесплатная отмена за 3 часа!"
```

**How to fix.** Write the figure business.toml gives, or change business.toml (and the
documents) if the figure is what you mean; `regl lint --fix` restores the built-in text."#,
        ru: r#"**Что проверяет.** Каждое число в текстах конфигурации бота — сумма в ₽, срок с единицей,
время суток (ЧЧ:ММ), процент, номер телефона — есть в `business.toml` для этого филиала: цена
или длительность услуги, сроки SLA и политики отмены, штрафы и предоплаты, часы работы
филиала и окно отправки напоминаний (отдельное время внутри часов работы — пример, это
допустимо; промежуток вроде «10:00–19:00» или «с 21:00 до 09:00» называет часы и должен
быть промежутком работы, перерывом, ночью от закрытия до открытия или окном отправки), его
телефон и телефон дежурного, телефон ответственного за персональные данные. Числа
сравниваются по смыслу и значению: «за 12 часов» и «12h» — одно и то же. Срок в тексте,
который пишет и regl, должен быть одним из сроков его собственной формулировки: «за 12
часов» в напоминании — это срок бесплатной отмены, и «за 2 часа» там — нарушение, хотя
2 часа — срок одного из напоминаний.

**Почему это важно.** Команда бота правит тексты; цена или обещание, вписанные в текст, не
следуют за `business.toml`. Клиент читает в приветствии «бесплатная отмена за 2 часа», а в
политике — 12, и бизнес должен то, что пообещал бот.

**Пример.**

```json
"say": "Стрижка всего от 990 ₽, бесплатная отмена за 3 часа!"
```

**Как исправить.** Напишите число из business.toml или измените business.toml (и документы),
если имеется в виду именно это число; `regl lint --fix` вернёт встроенный текст."#,
    },
    scope: Scope::Bot,
    check,
};

/// The figures business.toml gives for `loc`, besides those its exported texts state.
fn given(b: &Business, loc: &Location) -> BTreeSet<Figure> {
    let mut f = BTreeSet::new();
    for s in &b.services {
        f.insert(Figure::Rubles(s.price_from.0));
        f.insert(Figure::Seconds(s.duration.secs()));
        if let Some(p) = &s.prepayment_percent {
            f.insert(Figure::Percent(u64::from(p.0)));
        }
    }
    f.insert(Figure::Rubles(b.escalation.amount_over.0));
    let sla = &b.sla;
    for d in [
        &sla.ai_first_response,
        &sla.human_first_response,
        &sla.lead_to_crm,
        &sla.booking_confirmation,
        &sla.escalation_response,
        &sla.nps_survey_after,
        &b.cancellation.free_until,
        &b.escalation.urgent_cancel_within,
    ] {
        f.insert(Figure::Seconds(d.secs()));
    }
    for r in sla.reminders.iter() {
        f.insert(Figure::Seconds(r.secs()));
    }
    for p in [
        &b.cancellation.late_fee_percent,
        &b.cancellation.no_show_fee_percent,
    ]
    .into_iter()
    .flatten()
    {
        f.insert(Figure::Percent(u64::from(p.0)));
    }
    let digits = |e164: &str| e164.trim_start_matches('+').to_owned();
    f.insert(Figure::Phone(digits(loc.phone.e164())));
    f.insert(Figure::Phone(digits(b.business.pd_officer.phone.e164())));
    for p in loc
        .duty_roster()
        .into_iter()
        .filter_map(|d| d.phone.as_ref())
    {
        f.insert(Figure::Phone(digits(p.e164())));
    }
    // A break's edges are the ranges' own ends and starts.
    for &(start, end) in loc.hours.iter().flat_map(|h| &h.ranges) {
        f.insert(Figure::TimeOfDay(start));
        f.insert(Figure::TimeOfDay(end));
    }
    // The spans a text may state: a range of the hours, a break, the night from a day's
    // close to a day's opening, the reminders' send window.
    for h in loc.hours.iter() {
        f.extend(h.ranges.iter().map(|&(a, b)| Figure::Span(a, b)));
        f.extend(h.ranges.windows(2).map(|w| Figure::Span(w[0].1, w[1].0)));
    }
    let opens: Vec<u16> = loc
        .hours
        .iter()
        .filter_map(|h| h.ranges.first().map(|r| r.0))
        .collect();
    for close in loc.hours.iter().filter_map(|h| h.ranges.last()) {
        f.extend(opens.iter().map(|&open| Figure::Span(close.1, open)));
    }
    let (from, until) = sla.send_window();
    f.insert(Figure::TimeOfDay(from));
    f.insert(Figure::TimeOfDay(until));
    f.insert(Figure::Span(from, until));
    f
}

/// The figures of each text, scanned once per distinct text a thread meets: a text of the
/// file that the export also writes (most of them) reads the figures its exported twin
/// was scanned for, and a text every location shares (the price list, the consent) is
/// scanned once per thread, not once per location. Up to [`SCANNED_KEPT`] texts are kept.
fn scan(text: &str) -> Found {
    thread_local! {
        static SCANNED: RefCell<crate::workers::Kept<String, Found>> = RefCell::default();
    }
    SCANNED.with_borrow_mut(|kept| kept.get_or_make(text, SCANNED_KEPT, || figures(text).into()))
}

/// A text's figures, each with the words that state it.
type Found = Rc<[(Figure, String)]>;

/// How many texts' figures a thread keeps: a business's texts many times over, and a few
/// megabytes at most.
const SCANNED_KEPT: usize = 4096;

/// The figures of every text of the exported config.
fn exported(v: &Want, out: &mut BTreeSet<Figure>) {
    match v {
        Want::String(s) => out.extend(scan(s).iter().map(|(f, _)| f.clone())),
        Want::Array(a) => a.iter().for_each(|x| exported(x, out)),
        Want::Object(m) => m
            .iter()
            .filter(|(k, _)| !NOT_TEXT.contains(k))
            .for_each(|(_, x)| exported(x, out)),
        _ => {}
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in cx.bot_docs() {
        let loc = doc.location;
        let given = given(cx.business, loc);
        // The figures of the exported texts, gathered only when a text states one that
        // business.toml does not give outright (in a kept config, seldom).
        let mut in_export: Option<BTreeSet<Figure>> = None;
        // An example time inside working hours is allowed («например, завтра в 14:00»).
        let inside = |m: u16| {
            loc.hours
                .iter()
                .flat_map(|h| &h.ranges)
                .any(|&(start, end)| start <= m && m <= end)
        };
        let id = loc.id.as_str();
        for text in doc.texts() {
            // A duration means something only where it stands: a text the export also
            // writes keeps the durations of its own exported wording («за 12 часов» in a
            // reminder is the free-cancellation window, not any duration of the SLA).
            // Most texts are their exported twin word for word (told when the texts were
            // gathered): its durations are the text's own, and it is not looked up again.
            let (verbatim, own) = if text.verbatim {
                (true, None)
            } else {
                let path: Vec<&str> = text.path.split('.').collect();
                let twin = doc.expected_at(&path).and_then(Want::as_str);
                let verbatim = twin == Some(text.text.as_str());
                let own: Option<Vec<Figure>> = twin
                    .filter(|_| !verbatim)
                    .map(|s| scan(s).iter().map(|(f, _)| f.clone()).collect());
                (verbatim, own)
            };
            let stated = scan(&text.text);
            // A time that ends a span («сб–вс 10:00–19:00») states hours, not an example:
            // the span is judged whole, as one of the spans business.toml gives.
            let span_end = |m: u16| {
                stated
                    .iter()
                    .any(|(f, _)| matches!(*f, Figure::Span(a, b) if a == m || b == m))
            };
            for (figure, words) in stated.iter() {
                let mut allowed = |f: &Figure| {
                    given.contains(f)
                        || in_export
                            .get_or_insert_with(|| {
                                let mut all = BTreeSet::new();
                                exported(doc.expected(), &mut all);
                                all
                            })
                            .contains(f)
                };
                let fits = match (figure, &own) {
                    (Figure::Seconds(_), _) if verbatim => true,
                    (Figure::Seconds(_), Some(own)) => own.contains(figure),
                    // The example time first: it needs no gathering.
                    (&Figure::TimeOfDay(m), _) => inside(m) || span_end(m) || allowed(figure),
                    _ => allowed(figure),
                };
                if fits {
                    continue;
                }
                out.push(finding(&doc, text.span.clone(), &text.path, id, words));
            }
        }
    }
}

fn finding(
    doc: &crate::lint::bot::BotDoc<'_>,
    span: std::ops::Range<usize>,
    path: &str,
    id: &str,
    words: &str,
) -> Diagnostic {
    Diagnostic::finding(
        "B316",
        Severity::Error,
        t!(
            "`{path}` of the bot of `{id}` says «{words}», which business.toml does not give for this location",
            "`{path}` бота филиала `{id}` говорит «{words}», а в business.toml для этого филиала такого нет"
        ),
    )
    .at(
        doc.file,
        span,
        t!("«{words}» here", "здесь «{words}»"),
    )
    .hint(t!(
        "write the figure business.toml gives, or change business.toml if this one is meant ({fix})",
        "напишите число из business.toml или измените business.toml, если имеется в виду это число ({fix})",
        fix = fix_hint(),
    ))
}
