//! Document control for one document of one location: what `[document]`, the business and
//! the location say, in the form the writers print (dates already formatted).
//!
//! Every date comes from the config, never the clock, so a document rendered twice is the
//! same document.

use chrono::NaiveDate;

use super::doc::{self, DocMeta, Revision};
use super::kind::DocKind;
use super::typography::fmt_date;
use crate::model::business::{Business, DocumentControl, Location};
use crate::model::enums::Lang;

/// The writer's language for the business's language.
pub fn doc_lang(lang: Lang) -> doc::Lang {
    match lang {
        Lang::Ru => doc::Lang::Ru,
        Lang::En => doc::Lang::En,
    }
}

/// The day the documents are next reviewed: `effective_date + review_every`.
///
/// A review period that is not whole days counts the started day: "36h" from 1 December is
/// 3 December, never earlier than the period asks.
pub fn next_review(control: &DocumentControl) -> NaiveDate {
    let effective = *control.effective_date;
    let days = control.review_every.secs().div_ceil(86_400);
    effective
        .checked_add_days(chrono::Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// The document control of `kind` for `loc`.
pub fn doc_meta(b: &Business, loc: &Location, kind: DocKind) -> DocMeta {
    let lang = b.lang();
    let control = &b.document;
    let title = kind.title_of(b).to_owned();
    let business = b.business.name.to_string();
    let city = loc.city.to_string();
    let subject = format!("{title}: {business}, {city}");
    let revisions = control
        .changes
        .iter()
        .map(|c| Revision {
            version: c.version.to_string(),
            date: fmt_date(*c.date, lang),
            summary: c.summary.to_string(),
            approved_by: c
                .approved_by
                .as_ref()
                .map_or_else(|| control.approved_by.to_string(), |a| a.to_string()),
        })
        .collect();
    DocMeta {
        title,
        subject,
        business,
        location: city,
        version: control.version.to_string(),
        effective_date: fmt_date(*control.effective_date, lang),
        next_review: fmt_date(next_review(control), lang),
        owner: control.owner.to_string(),
        approver: control.approved_by.to_string(),
        lang: doc_lang(lang),
        revisions,
        keywords: format!("regl; {}; {}", kind.stem(), loc.id.as_str()),
        created: *control.effective_date,
        several_locations: false,
        form: kind.is_form(),
        translation: false,
    }
}

/// The document control of an operator's `kind`, which covers every location.
pub fn operator_meta(b: &Business, kind: DocKind) -> DocMeta {
    let first = &b.locations[0];
    let mut meta = doc_meta(b, first, kind);
    let cities: Vec<&str> = b.locations.iter().map(|l| l.city.as_str()).collect();
    let mut unique: Vec<&str> = Vec::new();
    for c in cities {
        if !unique.contains(&c) {
            unique.push(c);
        }
    }
    meta.several_locations = unique.len() > 1;
    meta.location = unique.join(", ");
    meta.subject = format!("{}: {}", meta.title, meta.business);
    meta.keywords = format!("regl; {}", kind.stem());
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::FileId;
    use crate::model::load::parse;

    fn salon() -> Business {
        let text = include_str!("../../examples/salon-ufa-omsk/business.toml");
        parse(text, FileId(0)).expect("the example loads")
    }

    #[test]
    fn the_next_review_is_the_effective_date_plus_the_period() {
        let mut b = salon();
        assert_eq!(
            next_review(&b.document),
            NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
        );
        // A period that is not whole days counts the day it ends in.
        b.document.review_every.value = crate::model::Duration::from_secs(36 * 3_600);
        assert_eq!(
            next_review(&b.document),
            NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
        );
    }

    #[test]
    fn document_control_comes_from_the_config() {
        let b = salon();
        let omsk = b.location("omsk").unwrap();
        let meta = doc_meta(&b, omsk, DocKind::Cancellation);
        assert_eq!(meta.title, "Правила отмены и переноса записи");
        assert_eq!(meta.location, "Омск");
        assert_eq!(meta.version, "1.0");
        assert_eq!(meta.created, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        assert_eq!(meta.next_review, "1\u{a0}марта\u{a0}2027\u{a0}г.");
        assert_eq!(meta.revisions.len(), 1);
        // The operator's policy names every city.
        let policy = operator_meta(&b, DocKind::PdPolicy);
        assert_eq!(
            policy.title,
            "Политика в отношении обработки персональных данных клиентов"
        );
        assert_eq!(policy.location, "Уфа, Омск");
        assert!(policy.several_locations);
        assert_eq!(
            meta.revisions[0].approved_by,
            "Петрова И. И., генеральный директор"
        );
    }
}
