//! The validated model of `business.toml` (SPEC §3): every value already parsed into its
//! domain type, every value kept with its span so findings can point at it.

use chrono::NaiveDate;
use schemars::JsonSchema;

use super::backup::Backup;
use super::duration::Duration;
pub use super::duty::{Duty, DutyRoster};
use super::enums::{
    Branch, ChannelKind, ConsentMoment, CrmMode, CrmSystem, FieldType, Lang, Notify,
    ProcessorBasis, ProcessorRole, Segment, ServiceKind, Slot, StageSemantics,
};
use super::hours::WorkingHours;
use super::id::{Id, RelPath};
use super::phone::Phone;
use super::purposes::Purpose;
use super::read::{Cx, FromToml, Sp, Table, Val, read_uint};
use super::registry_ids::{Inn, Ogrn};
use super::send_window::SendWindow;
use super::training::Training;
use super::values::{Email, Money, Percent, Share, TimeZoneName, Url};
use crate::i18n::{Text, t};

/// The schema version this regl reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A business: its legal identity, channels, service levels, locations, services, bot,
/// escalation, cancellation, personal-data and CRM settings.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Business {
    /// Version of this file's format; 1.
    pub schema_version: Sp<u32>,
    pub business: BusinessInfo,
    pub document: DocumentControl,
    pub channels: Vec<Sp<Channel>>,
    pub sla: Sla,
    pub locations: Vec<Sp<Location>>,
    pub services: Vec<Sp<Service>>,
    pub bot: Bot,
    pub escalation: Escalation,
    pub cancellation: Cancellation,
    pub pd: PersonalData,
    pub crm: Crm,
    /// The pilot before launch: the testers' phones (SPEC §7).
    pub pilot: Option<super::pilot::Pilot>,
    pub lint: Option<LintConfig>,
}

/// The operator: who the business is in law.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BusinessInfo {
    /// The name clients know, e.g. «Студия красоты «Лада»».
    pub name: Sp<String>,
    /// The legal entity, e.g. «ООО «Лада»» or «ИП Иванова А. С.».
    pub legal_name: Sp<String>,
    pub inn: Sp<Inn>,
    pub ogrn: Sp<Ogrn>,
    /// KPP (companies only): 4 digits, 2 digits or capitals, 3 digits.
    pub kpp: Option<Sp<String>>,
    pub legal_address: Sp<String>,
    pub segment: Sp<Segment>,
    /// Language of documents and bot texts; "ru" when left out.
    pub lang: Option<Sp<Lang>>,
    pub website: Option<Sp<Url>>,
    /// The person responsible for personal-data processing (152-FZ art. 22.1).
    pub pd_officer: Contact,
}

/// The person responsible for personal-data processing, as the policy publishes them.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Contact {
    /// Printed in the policy and the consent; leave it out to publish the role and its
    /// contacts only. A name with a personal mobile is dissemination of the employee's data
    /// (ст. 10.1 152-FZ) and needs their consent (P209).
    pub name: Option<Sp<String>>,
    pub email: Sp<Email>,
    /// A work number is best: the policy is public.
    pub phone: Sp<Phone>,
}

/// Document control printed on every document.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DocumentControl {
    pub version: Sp<String>,
    pub effective_date: Sp<NaiveDate>,
    /// How often the documents are reviewed, e.g. "90d".
    pub review_every: Sp<Duration>,
    pub owner: Sp<String>,
    pub approved_by: Sp<String>,
    /// Revision history, oldest first.
    pub changes: Vec<Sp<Change>>,
}

/// One entry of the revision history.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Change {
    pub version: Sp<String>,
    pub date: Sp<NaiveDate>,
    pub summary: Sp<String>,
    /// Who approved this revision; `[document].approved_by` when left out.
    pub approved_by: Option<Sp<String>>,
}

/// Service-level durations that a channel may override.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SlaOverrides {
    pub ai_first_response: Option<Sp<Duration>>,
    pub human_first_response: Option<Sp<Duration>>,
    pub lead_to_crm: Option<Sp<Duration>>,
    pub booking_confirmation: Option<Sp<Duration>>,
    pub escalation_response: Option<Sp<Duration>>,
}

/// A channel leads arrive through.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Channel {
    pub id: Sp<ChannelKind>,
    /// The name of an `other` channel as clients know it («Авито»); the other kinds have
    /// names of their own.
    pub name: Option<Sp<String>>,
    /// The AI assistant answers here.
    pub bot: Option<Sp<bool>>,
    /// Visit reminders are sent here.
    pub reminders: Option<Sp<bool>>,
    /// The messenger's provider transfers data abroad: the PD policy must say so.
    pub cross_border: Option<Sp<bool>>,
    /// Bitrix24 `SOURCE_ID` for leads from this channel.
    pub source_id: Option<Sp<String>>,
    #[serde(flatten)]
    pub sla: SlaOverrides,
}

impl Channel {
    pub fn bot(&self) -> bool {
        self.bot.as_ref().is_some_and(|b| b.value)
    }
    pub fn reminders(&self) -> bool {
        self.reminders.as_ref().is_some_and(|b| b.value)
    }
    pub fn cross_border(&self) -> bool {
        self.cross_border.as_ref().is_some_and(|b| b.value)
    }
}

/// Response times and KPI targets.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Sla {
    pub ai_first_response: Sp<Duration>,
    pub human_first_response: Sp<Duration>,
    pub lead_to_crm: Sp<Duration>,
    pub booking_confirmation: Sp<Duration>,
    pub escalation_response: Sp<Duration>,
    /// Reminder offsets before the visit, e.g. `["24h", "2h", "1h"]`.
    pub reminders: Sp<Vec<Sp<Duration>>>,
    pub nps_survey_after: Sp<Duration>,
    pub targets: Targets,
    /// Local hours in which the bot may write first (reminders, the survey); "08:00-22:00".
    pub reminders_send_between: Option<Sp<SendWindow>>,
    /// A survey score (0–10) at or below this hands the client to a person; 6.
    pub nps_detractor_max: Option<Sp<u8>>,
}

/// KPI targets, as shares from 0 to 1.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Targets {
    pub bot_handled_share: Sp<Share>,
    pub lead_to_booking: Sp<Share>,
    pub confirmed_bookings: Sp<Share>,
    pub no_show_max: Sp<Share>,
}

/// A location (a city) of the business.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Location {
    /// `[a-z0-9-]+`, used in file names and tags.
    pub id: Sp<Id>,
    pub city: Sp<String>,
    pub address: Sp<String>,
    pub timezone: Sp<TimeZoneName>,
    pub phone: Sp<Phone>,
    /// E.g. `["mon-fri 09:00-21:00", "sat-sun 10:00-18:00"]`; days not listed are closed.
    pub hours: Sp<Vec<Sp<WorkingHours>>>,
    /// The bot answers outside working hours.
    pub night_mode: Option<Sp<bool>>,
    /// One contact (always on duty) or a roster of contacts with their shifts.
    pub duty: DutyRoster,
    pub escalation_tag: Sp<String>,
    /// The bot runtime's config for this location, relative to business.toml.
    pub bot_config: Sp<RelPath>,
    /// The day the location opens to clients: the launch checklist's due dates count back
    /// from it, and after it lint reads the working copies' status (SPEC §7, §9).
    pub launch_date: Option<Sp<NaiveDate>>,
}

impl Location {
    pub fn night_mode(&self) -> bool {
        self.night_mode.as_ref().is_some_and(|b| b.value)
    }

    /// Who is on duty, in the order written: one contact, or the roster's lines.
    pub fn duty_roster(&self) -> Vec<&Duty> {
        self.duty.contacts.iter().map(|d| &d.value).collect()
    }
}

/// A service clients book.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Service {
    pub id: Sp<Id>,
    pub name: Sp<String>,
    pub price_from: Sp<Money>,
    pub duration: Sp<Duration>,
    pub prepayment_percent: Option<Sp<Percent>>,
    /// Ids of services the bot may offer on top of this one.
    pub upsell: Option<Sp<Vec<Sp<Id>>>>,
    /// "visit" (the default), "package" of visits or "membership" for a period.
    pub kind: Option<Sp<ServiceKind>>,
    /// How long a membership runs, e.g. "30d", "365d": the refund of its unused part is
    /// counted in days of it.
    pub term: Option<Sp<Duration>>,
    /// What the provider may spend for one client before the visit («изготовление
    /// хирургического шаблона»): kept from a prepayment, when documented, whenever the client
    /// cancels.
    pub advance_costs: Option<Sp<String>>,
}

impl Service {
    pub fn kind(&self) -> ServiceKind {
        self.kind.as_ref().map_or(ServiceKind::Visit, |k| k.value)
    }
}

/// The AI assistant.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Bot {
    pub name: Sp<String>,
    /// All five are required: booking, cancel, price, promo, callback.
    pub branches: Sp<Vec<Sp<Branch>>>,
    /// What the bot asks before booking, in order.
    pub qualification: Sp<Vec<Sp<Slot>>>,
    /// The bot offers `services.upsell` on top of a booking.
    pub upsell: Option<Sp<bool>>,
    /// Overrides of the preset texts.
    pub texts: Option<BotTexts>,
    /// How dialogues are reviewed and changes released (the training procedure).
    pub training: Option<Training>,
    /// The instruction a language model gets before every dialogue: who the assistant is,
    /// what it may do, when it hands over to a person. Written into each location's bot
    /// config (`assistant.system_prompt`) and into every example of `regl export
    /// --dataset`; the segment's built-in prompt in the business's language when left out.
    pub system_prompt: Option<Sp<String>>,
}

/// Bot texts that override the built-in ones.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BotTexts {
    pub greeting: Option<Sp<String>>,
    pub fallback: Option<Sp<String>>,
}

/// When a dialogue goes to a person, and how the person is called.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Escalation {
    pub keywords: Sp<Vec<Sp<String>>>,
    /// Below this model confidence the dialogue goes to a person.
    pub min_confidence: Sp<Share>,
    /// Bot turns without progress before a person takes over.
    pub max_bot_turns: Sp<u32>,
    /// Orders above this sum go to a person.
    pub amount_over: Sp<Money>,
    /// A cancellation this close to the visit goes to a person.
    pub urgent_cancel_within: Sp<Duration>,
    pub notify: Sp<Vec<Sp<Notify>>>,
}

/// Cancellation and rescheduling terms.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Cancellation {
    /// Free cancellation up to this long before the visit.
    pub free_until: Sp<Duration>,
    pub reschedule_max: Sp<u32>,
    pub late_fee_percent: Option<Sp<Percent>>,
    pub no_show_fee_percent: Option<Sp<Percent>>,
    /// How long a membership may be frozen in all, e.g. "30d"; no freeze when left out.
    pub membership_freeze: Option<Sp<Duration>>,
}

/// Personal-data processing (152-FZ).
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PersonalData {
    /// `[[pd.purposes]]`, each with its legal basis, or plain strings (consent-based).
    pub purposes: Sp<Vec<Sp<Purpose>>>,
    /// The data processed; needed with plain-string purposes, else the union of theirs.
    pub categories: Option<Sp<Vec<Sp<String>>>>,
    /// The version of the consent text, apart from `[document].version`: a price change
    /// must not void every client's consent. `[document].version` when left out.
    pub consent_version: Option<Sp<String>>,
    /// Special categories (art. 10), e.g. health data: need written consent.
    pub special_categories: Option<Sp<Vec<Sp<String>>>>,
    /// Written consent is collected for the special categories.
    pub written_consent: Option<Sp<bool>>,
    /// How long client cards are kept.
    pub retention: Option<Sp<Duration>>,
    /// How long chat transcripts are kept; not longer than `retention`.
    pub chat_retention: Sp<Duration>,
    /// ISO country code of the databases where data is first recorded; "RU".
    pub storage_country: Sp<String>,
    /// Notify Roskomnadzor of a breach within this time of detection.
    pub breach_notice: Sp<Duration>,
    pub consent: Sp<ConsentMoment>,
    /// Where the policy is published.
    pub policy_url: Option<Sp<Url>>,
    /// Where the separate consent document is published.
    pub consent_url: Option<Sp<Url>>,
    pub processors: Vec<Sp<Processor>>,
    /// The operator's notice to Roskomnadzor (ст. 22 152-FZ) and its cross-border notice
    /// (ст. 12): a to-do while empty.
    pub notice: Option<Sp<PdNotice>>,
    /// The operator's own copies of client data (the retention document).
    pub backup: Option<Backup>,
}

/// What Roskomnadzor has been told, as the policy states it.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PdNotice {
    /// The number in the register of operators, once Roskomnadzor has entered the operator.
    pub register_number: Option<Sp<String>>,
    /// The day the notice of processing was filed.
    pub filed_on: Option<Sp<NaiveDate>>,
    /// The day the notice of cross-border transfer was filed.
    pub cross_border_filed_on: Option<Sp<NaiveDate>>,
}

impl PersonalData {
    /// Every category of data processed: `categories`, and each purpose's own `data`, once.
    pub fn categories(&self) -> Vec<&Sp<String>> {
        let mut out: Vec<&Sp<String>> = Vec::new();
        let own = self.categories.iter().flat_map(|c| c.iter());
        let of_purposes = self
            .purposes
            .iter()
            .flat_map(|p| p.data.iter().flat_map(|d| d.iter()));
        for c in own.chain(of_purposes) {
            if !out.iter().any(|x| x.value == c.value) {
                out.push(c);
            }
        }
        out
    }

    pub fn special_categories(&self) -> &[Sp<String>] {
        self.special_categories.as_ref().map_or(&[], |s| &s.value)
    }
    pub fn written_consent(&self) -> bool {
        self.written_consent.as_ref().is_some_and(|b| b.value)
    }
}

/// A company that receives client data: a processor under the operator's instruction
/// (ч. 3 ст. 6 152-FZ), or a service the client chooses, an operator in its own right.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Processor {
    /// The product or brand, e.g. «Битрикс24».
    pub name: Sp<String>,
    pub role: Sp<ProcessorRole>,
    pub purpose: Sp<String>,
    /// ISO 3166 alpha-2 country code, e.g. "RU", "US".
    pub country: Sp<String>,
    /// "instruction": the operator instructs it by contract; "independent": an operator in
    /// its own right under terms the client accepted (a messenger). Messengers default to
    /// independent, everything else to instruction.
    pub basis: Option<Sp<ProcessorBasis>>,
    /// The legal entity behind the product, as its contract names it (instruction processors).
    pub legal_name: Option<Sp<String>>,
    pub inn: Option<Sp<Inn>>,
    /// Its legal address (instruction processors: a written consent names it).
    pub address: Option<Sp<String>>,
}

impl Processor {
    /// How the company comes to hold client data; see [`Processor::basis`].
    pub fn basis(&self) -> ProcessorBasis {
        self.basis.as_ref().map_or(
            if *self.role == ProcessorRole::Messenger {
                ProcessorBasis::Independent
            } else {
                ProcessorBasis::Instruction
            },
            |b| b.value,
        )
    }

    pub fn is_instructed(&self) -> bool {
        self.basis() == ProcessorBasis::Instruction
    }

    pub fn in_russia(&self) -> bool {
        self.country.eq_ignore_ascii_case("RU")
    }
}

/// The CRM the bot writes leads to.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Crm {
    pub system: Sp<CrmSystem>,
    /// The portal's domain, e.g. "lada.bitrix24.ru"; never a webhook token.
    pub portal: Sp<String>,
    pub mode: Sp<CrmMode>,
    /// Field codes every lead must have.
    pub required: Sp<Vec<Sp<String>>>,
    pub fields: Vec<Sp<CrmField>>,
    pub stages: Vec<Sp<Stage>>,
    pub tags: Option<Sp<Vec<Sp<String>>>>,
    pub sources: Option<Vec<Sp<Source>>>,
}

/// A Bitrix24 user field the bot writes.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct CrmField {
    /// `UF_CRM_` + `[A-Z0-9_]`, 20 characters at most.
    pub code: Sp<String>,
    pub label: Sp<String>,
    #[serde(rename = "type")]
    pub kind: Sp<FieldType>,
    /// The bot slot written to this field.
    pub slot: Sp<Slot>,
    /// The list items of an enumeration.
    pub values: Option<Sp<Vec<Sp<String>>>>,
}

/// A lead funnel stage.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Stage {
    /// Up to 21 characters `[A-Za-z0-9_-]`.
    pub id: Sp<String>,
    pub name: Sp<String>,
    pub semantics: Option<Sp<StageSemantics>>,
}

/// A lead source (`SOURCE_ID`).
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Source {
    pub id: Sp<String>,
    pub name: Sp<String>,
}

/// Lint settings.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LintConfig {
    pub waive: Vec<Sp<Waiver>>,
}

/// A lint rule switched off on purpose, for a while.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Waiver {
    pub code: Sp<String>,
    /// Why: required.
    pub reason: Sp<String>,
    /// After this date the waiver itself is reported (L901).
    pub until: Option<Sp<NaiveDate>>,
}

impl Business {
    pub fn lang(&self) -> Lang {
        self.business.lang.as_ref().map_or(Lang::Ru, |l| l.value)
    }

    pub fn location(&self, id: &str) -> Option<&Sp<Location>> {
        self.locations.iter().find(|l| l.id.as_str() == id)
    }

    /// Where the policy and the consent document are published: `[pd].policy_url` and
    /// `[pd].consent_url`, or else the website's `/privacy` and `/consent`.
    pub fn published_urls(&self) -> (Option<String>, Option<String>) {
        let site = self
            .business
            .website
            .as_ref()
            .map(|w| w.0.trim_end_matches('/').to_owned());
        let pick = |own: &Option<Sp<Url>>, page: &str| {
            own.as_ref()
                .map(|u| u.0.clone())
                .or_else(|| site.as_ref().map(|s| format!("{s}/{page}")))
        };
        (
            pick(&self.pd.policy_url, "privacy"),
            pick(&self.pd.consent_url, "consent"),
        )
    }

    /// The SLA duration for a channel, with the channel's override applied.
    pub fn channel_sla(&self, channel: &Channel) -> SlaFor {
        let pick =
            |o: &Option<Sp<Duration>>, d: &Sp<Duration>| o.as_ref().map_or(d.value, |v| v.value);
        let (o, s) = (&channel.sla, &self.sla);
        SlaFor {
            ai_first_response: pick(&o.ai_first_response, &s.ai_first_response),
            human_first_response: pick(&o.human_first_response, &s.human_first_response),
            lead_to_crm: pick(&o.lead_to_crm, &s.lead_to_crm),
            booking_confirmation: pick(&o.booking_confirmation, &s.booking_confirmation),
            escalation_response: pick(&o.escalation_response, &s.escalation_response),
        }
    }
}

/// The effective SLA of one channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlaFor {
    pub ai_first_response: Duration,
    pub human_first_response: Duration,
    pub lead_to_crm: Duration,
    pub booking_confirmation: Duration,
    pub escalation_response: Duration,
}

// ---- reading -------------------------------------------------------------------------------

/// Implements [`FromToml`] for a struct read from a table, field by field.
macro_rules! read_table {
    ($t:ty, $what:literal, |$tb:ident| $body:block) => {
        impl FromToml for $t {
            fn expected() -> Text {
                super::read::table_expected($what)
            }
            fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
                let mut tb = Table::open(v, cx, $what)?;
                let out = Self::read_fields(&mut tb);
                tb.finish();
                out
            }
        }

        impl $t {
            fn read_fields($tb: &mut Table<'_, '_>) -> Option<Self> $body
        }
    };
}

// The body reads every field into locals first (recording every error) and only then
// assembles the struct with `?`, so one bad value never hides the next.
macro_rules! fields {
    ($tb:ident, $t:ident { $($f:ident : $how:ident $(($key:literal))?),* $(,)? } $(, $extra:ident = $e:expr)*) => {{
        $( let $f = fields!(@read $tb, $f, $how $(, $key)?); )*
        $( let $extra = $e; )*
        Some($t { $($f: fields!(@take $f, $how)),* $(, $extra)* })
    }};
    (@read $tb:ident, $f:ident, req) => { $tb.req(stringify!($f)) };
    (@read $tb:ident, $f:ident, opt) => { $tb.opt(stringify!($f)) };
    (@read $tb:ident, $f:ident, req, $key:literal) => { $tb.req($key) };
    (@read $tb:ident, $f:ident, opt, $key:literal) => { $tb.opt($key) };
    (@take $f:ident, req) => { $f? };
    (@take $f:ident, opt) => { $f };
}

read_table!(Contact, "pd_officer", |tb| {
    fields!(
        tb,
        Contact {
            name: opt,
            email: req,
            phone: req
        }
    )
});

read_table!(BusinessInfo, "[business]", |tb| {
    fields!(
        tb,
        BusinessInfo {
            name: req,
            legal_name: req,
            inn: req,
            ogrn: req,
            kpp: opt,
            legal_address: req,
            segment: req,
            lang: opt,
            website: opt,
            pd_officer: req,
        }
    )
});

read_table!(Change, "[document].changes", |tb| {
    fields!(
        tb,
        Change {
            version: req,
            date: req,
            summary: req,
            approved_by: opt
        }
    )
});

read_table!(DocumentControl, "[document]", |tb| {
    fields!(
        tb,
        DocumentControl {
            version: req,
            effective_date: req,
            review_every: req,
            owner: req,
            approved_by: req,
            changes: req,
        }
    )
});

fn read_overrides(tb: &mut Table<'_, '_>) -> SlaOverrides {
    SlaOverrides {
        ai_first_response: tb.opt("ai_first_response"),
        human_first_response: tb.opt("human_first_response"),
        lead_to_crm: tb.opt("lead_to_crm"),
        booking_confirmation: tb.opt("booking_confirmation"),
        escalation_response: tb.opt("escalation_response"),
    }
}

read_table!(Channel, "[[channels]]", |tb| {
    let c = fields!(
        tb,
        Channel {
            id: req,
            name: opt,
            bot: opt,
            reminders: opt,
            cross_border: opt,
            source_id: opt
        },
        sla = read_overrides(tb)
    )?;
    super::channel_name::checked(c, tb.cx())
});

read_table!(Targets, "[sla].targets", |tb| {
    fields!(
        tb,
        Targets {
            bot_handled_share: req,
            lead_to_booking: req,
            confirmed_bookings: req,
            no_show_max: req
        }
    )
});

read_table!(Sla, "[sla]", |tb| {
    fields!(
        tb,
        Sla {
            ai_first_response: req,
            human_first_response: req,
            lead_to_crm: req,
            booking_confirmation: req,
            escalation_response: req,
            reminders: req,
            nps_survey_after: req,
            targets: req,
            reminders_send_between: opt,
        },
        nps_detractor_max = tb.with("nps_detractor_max", false, |v, cx| {
            let what = Text::new("a survey score", "оценка по шкале опроса");
            read_uint(v, cx, &what, 100).and_then(|n| u8::try_from(n).ok())
        })
    )
});

read_table!(Location, "[[locations]]", |tb| {
    fields!(
        tb,
        Location {
            id: req,
            city: req,
            address: req,
            timezone: req,
            phone: req,
            hours: req,
            night_mode: opt,
            duty: req,
            escalation_tag: req,
            bot_config: req,
            launch_date: opt,
        }
    )
});

read_table!(Service, "[[services]]", |tb| {
    fields!(
        tb,
        Service {
            id: req,
            name: req,
            price_from: req,
            duration: req,
            prepayment_percent: opt,
            upsell: opt,
            kind: opt,
            term: opt,
            advance_costs: opt
        }
    )
});

read_table!(BotTexts, "[bot].texts", |tb| {
    fields!(
        tb,
        BotTexts {
            greeting: opt,
            fallback: opt
        }
    )
});

read_table!(Bot, "[bot]", |tb| {
    fields!(
        tb,
        Bot {
            name: req,
            branches: req,
            qualification: req,
            upsell: opt,
            texts: opt,
            training: opt,
            system_prompt: opt
        }
    )
});

read_table!(Escalation, "[escalation]", |tb| {
    fields!(
        tb,
        Escalation {
            keywords: req,
            min_confidence: req,
            amount_over: req,
            urgent_cancel_within: req,
            notify: req
        },
        max_bot_turns = tb.with("max_bot_turns", true, |v, cx| {
            let what = Text::new("a number of turns", "число реплик бота");
            read_uint(v, cx, &what, 100).and_then(|n| u32::try_from(n).ok())
        })?
    )
});

read_table!(Cancellation, "[cancellation]", |tb| {
    fields!(
        tb,
        Cancellation {
            free_until: req,
            late_fee_percent: opt,
            no_show_fee_percent: opt,
            membership_freeze: opt
        },
        reschedule_max = tb.with("reschedule_max", true, |v, cx| {
            let what = Text::new("a number of reschedules", "число переносов");
            read_uint(v, cx, &what, 100).and_then(|n| u32::try_from(n).ok())
        })?
    )
});

read_table!(Processor, "pd.processors", |tb| {
    fields!(
        tb,
        Processor {
            name: req,
            role: req,
            purpose: req,
            country: req,
            basis: opt,
            legal_name: opt,
            inn: opt,
            address: opt
        }
    )
});

read_table!(PersonalData, "[pd]", |tb| {
    fields!(
        tb,
        PersonalData {
            purposes: req,
            categories: opt,
            consent_version: opt,
            special_categories: opt,
            written_consent: opt,
            retention: opt,
            chat_retention: req,
            storage_country: req,
            breach_notice: req,
            consent: req,
            policy_url: opt,
            consent_url: opt,
            processors: req,
            notice: opt,
            backup: opt,
        }
    )
});

read_table!(PdNotice, "[pd.notice]", |tb| {
    fields!(
        tb,
        PdNotice {
            register_number: opt,
            filed_on: opt,
            cross_border_filed_on: opt
        }
    )
});

read_table!(CrmField, "crm.fields", |tb| {
    fields!(
        tb,
        CrmField {
            code: req,
            label: req,
            kind: req("type"),
            slot: req,
            values: opt
        }
    )
});

read_table!(Stage, "crm.stages", |tb| {
    fields!(
        tb,
        Stage {
            id: req,
            name: req,
            semantics: opt
        }
    )
});

read_table!(Source, "crm.sources", |tb| {
    fields!(tb, Source { id: req, name: req })
});

read_table!(Crm, "[crm]", |tb| {
    fields!(
        tb,
        Crm {
            system: req,
            portal: req,
            mode: req,
            required: req,
            fields: req,
            stages: req,
            tags: opt,
            sources: opt
        }
    )
});

read_table!(Waiver, "[[lint.waive]]", |tb| {
    fields!(
        tb,
        Waiver {
            code: req,
            reason: req,
            until: opt
        }
    )
});

read_table!(LintConfig, "[lint]", |tb| {
    fields!(tb, LintConfig { waive: req })
});

read_table!(Business, "business.toml", |tb| {
    let schema_version = tb.with("schema_version", true, |v, cx| {
        let n = read_uint(v, cx, &Text::new("a schema version", "версия схемы"), 1_000)?;
        if n == u64::from(SCHEMA_VERSION) {
            Some(SCHEMA_VERSION)
        } else {
            cx.error(
                v.span(),
                t!(
                    "schema_version {n} is not supported: this regl reads schema_version = {SCHEMA_VERSION}",
                    "schema_version {n} не поддерживается: эта версия regl читает schema_version = {SCHEMA_VERSION}"
                ),
                None,
            );
            None
        }
    });
    fields!(
        tb,
        Business {
            business: req,
            document: req,
            channels: req,
            sla: req,
            locations: req,
            services: req,
            bot: req,
            escalation: req,
            cancellation: req,
            pd: req,
            crm: req,
            pilot: opt,
            lint: opt,
        },
        schema_version = schema_version?
    )
});
