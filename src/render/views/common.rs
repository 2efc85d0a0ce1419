//! What every document of a location prints: the language, who the business is in law, the
//! document control, the location with its hours and duty contact, and where the AI
//! assistant answers. Built once per location and flattened into each document's view, so
//! `{{ business.name }}` or `{{ location.city }}` mean the same in every template.

use chrono::NaiveDate;
use serde::Serialize;

use super::helpers::{DurationWords, channel_names, closed_days, fmt_hours, pick, utc_offset};
pub use crate::model::audience::{ClientWords, OrderWords, VisitWords};
use crate::model::business::{Business, Channel, Duty, Location};
use crate::model::enums::Lang;
use crate::render::meta::next_review;
use crate::words::fmt_date;

/// The part of every document's view that is the same for all of them.
#[derive(Debug, Clone, Serialize)]
pub struct Common<'a> {
    pub lang: Lang,
    pub business: BusinessView<'a>,
    pub document: DocumentView<'a>,
    pub location: LocationView<'a>,
    /// The channels where the AI assistant answers, by name: every document says where it
    /// works.
    pub bot_channels: Vec<String>,
    /// Whom the business serves, in the cases running text needs: «пациент» in a clinic,
    /// «клиент» elsewhere.
    pub client: ClientWords,
    /// What an order is called where its amount decides a hand-off: «план лечения» in a
    /// clinic, «заказ» elsewhere.
    pub order: OrderWords,
    /// What a booked visit is called: «приём» in a clinic, «тренировка» in a fitness club,
    /// «занятие» in a school, «визит» elsewhere.
    pub visit: VisitWords,
    /// The business has more than one location: a location is «филиал» only then.
    pub several_locations: bool,
}

/// The operator, as its documents name it.
#[derive(Debug, Clone, Serialize)]
pub struct BusinessView<'a> {
    pub name: &'a str,
    /// The name in running text: a generic noun before the quoted name in lower case,
    /// «студия красоты «Лада»», a proper name as it is.
    pub name_in_text: String,
    pub legal_name: &'a str,
    pub inn: &'a str,
    pub ogrn: &'a str,
    /// «ОГРН», or «ОГРНИП» for a sole trader.
    pub ogrn_label: String,
    pub sole_trader: bool,
    /// "" for a sole trader, who has none.
    pub kpp: &'a str,
    pub legal_address: &'a str,
    pub segment: &'static str,
    pub website: &'a str,
    pub pd_officer: PdOfficer<'a>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PdOfficer<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub phone: String,
}

/// `[document]`, dates spelt out.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentView<'a> {
    pub version: &'a str,
    pub effective_date: String,
    pub effective_date_iso: String,
    pub review_every: DurationWords,
    pub owner: &'a str,
    pub approved_by: &'a str,
    pub next_review: String,
    /// The revision history, oldest first, each with who approved it.
    pub changes: Vec<Revision<'a>>,
    /// The effective date itself, for writers that store it as a date.
    #[serde(skip)]
    pub effective_on: NaiveDate,
}

/// One entry of the revision history.
#[derive(Debug, Clone, Serialize)]
pub struct Revision<'a> {
    pub version: &'a str,
    pub date: String,
    pub summary: &'a str,
    /// The entry's own approver, or `[document].approved_by`.
    pub approved_by: &'a str,
}

/// One location: address, local time, hours, who is on duty.
#[derive(Debug, Clone, Serialize)]
pub struct LocationView<'a> {
    pub id: &'a str,
    pub city: &'a str,
    pub address: &'a str,
    pub timezone: &'a str,
    /// «UTC+5» on the effective date.
    pub utc_offset: String,
    /// «МСК+2».
    pub msk_offset: String,
    pub phone: String,
    /// One line per `hours` entry: «пн–пт 09:00–21:00».
    pub hours: Vec<String>,
    pub hours_text: String,
    /// The days no entry covers, «вс»; "" when open every day.
    pub closed_days: String,
    pub night_mode: bool,
    /// The first (or only) person on duty.
    pub duty: DutyView<'a>,
    /// Everyone on the duty roster, in the order written; one line for a single `duty`.
    pub roster: Vec<DutyView<'a>>,
    /// The roster has more than one line: the documents list who is on duty when.
    pub several_on_duty: bool,
    pub escalation_tag: &'a str,
}

/// The person on duty; a contact not given is "".
#[derive(Debug, Clone, Serialize)]
pub struct DutyView<'a> {
    pub name: &'a str,
    /// The name is a role («Дежурный администратор клиники»), not a person's: the
    /// documents then use it as the role's name.
    pub is_role: bool,
    /// The role in running text: «дежурный администратор клиники».
    pub role_in_text: String,
    pub phone: String,
    pub telegram: &'a str,
    pub email: &'a str,
    /// The shift in the documents' words («пн–пт 21:00–09:00»); "" when always on duty.
    pub when: String,
}

impl<'a> DutyView<'a> {
    pub fn new(duty: &'a Duty, lang: Lang) -> Self {
        Self {
            name: duty.name.as_str(),
            is_role: is_role(duty.name.as_str()),
            role_in_text: lower_first(duty.name.as_str()),
            phone: duty.phone.as_ref().map_or(String::new(), |p| p.pretty()),
            telegram: duty.telegram.as_ref().map_or("", |t| t.as_str()),
            email: duty.email.as_ref().map_or("", |e| e.0.as_str()),
            when: duty.when.as_ref().map_or_else(String::new, |s| {
                let lines: Vec<String> = s.lines.iter().map(|h| fmt_hours(h, lang)).collect();
                lines.join("; ")
            }),
        }
    }
}

impl<'a> Common<'a> {
    pub fn new(b: &'a Business, loc: &'a Location) -> Self {
        let lang = b.lang();
        Self {
            lang,
            business: BusinessView::new(b),
            document: DocumentView::new(b),
            location: LocationView::new(b, loc),
            bot_channels: channel_names(b, Channel::bot),
            client: ClientWords::new(b),
            order: OrderWords::new(b),
            visit: VisitWords::new(b),
            several_locations: b.locations.len() > 1,
        }
    }
}

impl<'a> BusinessView<'a> {
    fn new(b: &'a Business) -> Self {
        let lang = b.lang();
        let info = &b.business;
        // OGRNIP has 15 digits: a sole trader, whose documents say so.
        let sole_trader = info.ogrn.0.len() == 15;
        Self {
            name: info.name.as_str(),
            name_in_text: name_in_text(info.name.as_str()),
            legal_name: info.legal_name.as_str(),
            inn: info.inn.0.as_str(),
            ogrn: info.ogrn.0.as_str(),
            ogrn_label: if sole_trader {
                pick(lang, "ОГРНИП", "OGRNIP")
            } else {
                pick(lang, "ОГРН", "OGRN")
            },
            sole_trader,
            kpp: info.kpp.as_ref().map_or("", |k| k.as_str()),
            legal_address: info.legal_address.as_str(),
            segment: info.segment.as_str(),
            website: info.website.as_ref().map_or("", |w| w.0.as_str()),
            pd_officer: PdOfficer {
                name: info.pd_officer.name.as_ref().map_or("", |n| n.as_str()),
                email: info.pd_officer.email.0.as_str(),
                phone: info.pd_officer.phone.pretty(),
            },
        }
    }
}

/// A role rather than a person: its second word, if any, starts in lower case
/// («Дежурный администратор»), where a name's would not («Петрова Анна»).
fn is_role(name: &str) -> bool {
    let mut words = name.split_whitespace();
    words.next();
    words
        .next()
        .is_none_or(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// The first letter in lower case, the rest as written.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
}

/// «Студия красоты «Лада»» → «студия красоты «Лада»»: a Cyrillic common noun that opens
/// a name with a quoted part is written in lower case inside a sentence. Names in Latin
/// letters, acronyms («ООО») and names without a quoted part stay as written.
pub fn name_in_text(name: &str) -> String {
    let Some(quote) = name.find(['«', '"', '“']) else {
        return name.to_owned();
    };
    let head = &name[..quote];
    let mut chars = head.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return name.to_owned();
    };
    let cyrillic = |c: char| ('\u{400}'..='\u{4ff}').contains(&c);
    if !(cyrillic(first) && first.is_uppercase() && second.is_lowercase()) {
        return name.to_owned();
    }
    first
        .to_lowercase()
        .chain(name[first.len_utf8()..].chars())
        .collect()
}

impl<'a> DocumentView<'a> {
    fn new(b: &'a Business) -> Self {
        let lang = b.lang();
        let doc = &b.document;
        let approved_by = doc.approved_by.as_str();
        Self {
            version: doc.version.as_str(),
            effective_date: fmt_date(*doc.effective_date, lang),
            effective_date_iso: doc.effective_date.to_string(),
            review_every: DurationWords::new(*doc.review_every, lang),
            owner: doc.owner.as_str(),
            approved_by,
            next_review: fmt_date(next_review(doc), lang),
            changes: doc
                .changes
                .iter()
                .map(|c| Revision {
                    version: c.version.as_str(),
                    date: fmt_date(*c.date, lang),
                    summary: c.summary.as_str(),
                    approved_by: c.approved_by.as_ref().map_or(approved_by, |a| a.as_str()),
                })
                .collect(),
            effective_on: *doc.effective_date,
        }
    }
}

impl<'a> LocationView<'a> {
    pub fn new(b: &Business, loc: &'a Location) -> Self {
        let lang = b.lang();
        let hours: Vec<String> = loc.hours.iter().map(|h| fmt_hours(h, lang)).collect();
        let (utc, msk) = utc_offset(loc, *b.document.effective_date, lang);
        let roster: Vec<DutyView<'a>> = loc
            .duty_roster()
            .into_iter()
            .map(|d| DutyView::new(d, lang))
            .collect();
        Self {
            id: loc.id.as_str(),
            city: loc.city.as_str(),
            address: loc.address.as_str(),
            timezone: loc.timezone.0.as_str(),
            utc_offset: utc,
            msk_offset: msk,
            phone: loc.phone.pretty(),
            hours_text: hours.join("; "),
            hours,
            closed_days: closed_days(&loc.hours, lang),
            night_mode: loc.night_mode(),
            duty: DutyView::new(loc.duty.first(), lang),
            several_on_duty: roster.len() > 1,
            roster,
            escalation_tag: loc.escalation_tag.as_str(),
        }
    }
}

/// Every location of the operator, for the documents written once for all of them.
#[derive(Debug, Clone, Serialize)]
pub struct Places<'a> {
    pub locations: Vec<LocationView<'a>>,
    /// More than one location: «филиалы», a list.
    pub several: bool,
    /// Each location's phone, once.
    pub phones: Vec<String>,
}

impl<'a> Places<'a> {
    pub fn new(b: &'a Business) -> Self {
        let locations: Vec<LocationView<'a>> = b
            .locations
            .iter()
            .map(|l| LocationView::new(b, l))
            .collect();
        let mut phones: Vec<String> = Vec::new();
        for l in &locations {
            if !phones.contains(&l.phone) {
                phones.push(l.phone.clone());
            }
        }
        Self {
            several: locations.len() > 1,
            locations,
            phones,
        }
    }
}

/// The assistant by its name alone: what the policies and the consent say of it.
#[derive(Debug, Clone, Serialize)]
pub struct BotName<'a> {
    pub name: &'a str,
}

impl<'a> BotName<'a> {
    pub fn new(b: &'a Business) -> Self {
        Self {
            name: b.bot.name.as_str(),
        }
    }
}

/// The CRM by its name alone: «Битрикс24».
#[derive(Debug, Clone, Serialize)]
pub struct CrmName {
    pub system: &'static str,
}

impl CrmName {
    pub fn new(b: &Business) -> Self {
        Self {
            system: super::helpers::crm_system(b.lang()),
        }
    }
}
