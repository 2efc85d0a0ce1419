//! What the SLA asks of a location's line that Open Lines cannot enforce (SPEC §8.1), each
//! with where it is enforced instead: one list, which `regl push` prints (human and json)
//! and the SOP's Bitrix24 section quotes, so the two never disagree.
//!
//! The facts behind it (b24restdocs `imopenlines.config.add`, with the core's sources as read
//! in `reviews/bitrix24-openlines-research.md`): `WORKTIME_FROM`/`TO` is one window for every
//! working day; no key measures a bot's answer time; the first-answer KPI only notifies, and
//! no REST event reports a breach; the agreement keys (`AGREEMENT_MESSAGE`/`_ID`) are not
//! among the documented parameters of `add`/`update`.

use serde::Serialize;

use crate::bottext::words;
use crate::i18n::{Lang, Text, t};
use crate::model::business::Business;
use crate::model::enums::ChannelKind;

/// Who enforces a promise the line cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Enforcer {
    /// The bot runtime that answers the channels (docs/bot-runtime.md).
    BotRuntime,
    /// A Bitrix24 robot on the hand-off task.
    Bitrix24Robot,
    /// The person on duty, by the roster.
    DutyRoster,
    /// The administrators, by the SOP.
    Staff,
}

/// One promise of the SLA the line cannot keep itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotEnforced {
    pub id: &'static str,
    /// The `business.toml` key the promise comes from.
    pub key: &'static str,
    pub enforced_by: Vec<Enforcer>,
    /// What and where, in both languages; printed in the run's.
    #[serde(skip)]
    pub text: Text,
}

/// The list for `b`, in a fixed order.
pub fn not_enforced(b: &Business) -> Vec<NotEnforced> {
    let sla = &b.sla;
    let words_of = |f: &dyn Fn(Lang) -> String| Text::new(f(Lang::En), f(Lang::Ru));
    let ai = words_of(&|l| words::duration(l, sla.ai_first_response.value));
    let esc = words_of(&|l| words::duration(l, sla.escalation_response.value));
    let kpi = words_of(&|l| words::duration(l, sla.human_first_response.value));
    // The segment's word in the business's language, the plain one in the other.
    let visit = crate::model::audience::VisitWords::new(b);
    let (visit_en, visit_ru) = match b.lang() {
        Lang::En => (visit.nom, "визита"),
        Lang::Ru => ("visit", visit.genitive),
    };
    let offsets = words_of(&|l| {
        let all: Vec<String> = sla
            .reminders
            .iter()
            .map(|d| words::duration(l, d.value))
            .collect();
        words::list(l, &all)
    });
    let has_break = b
        .locations
        .iter()
        .any(|l| l.hours.iter().any(|h| !h.breaks().is_empty()));
    let mut out = vec![
        NotEnforced {
            id: "hours_per_day",
            key: "locations.hours",
            enforced_by: vec![Enforcer::BotRuntime],
            text: t!(
                "different hours on different days: a line has one working window for every \
                 working day (the first range of the opening hours, set when Bitrix24 is \
                 connected); the bot answers by the full opening hours",
                "разные часы по дням: у линии одно рабочее окно на все рабочие дни (первый \
                 интервал графика работы, он настраивается при подключении Битрикс24); по \
                 полному графику отвечает бот"
            ),
        },
        NotEnforced {
            id: "ai_first_response",
            key: "sla.ai_first_response",
            enforced_by: vec![Enforcer::BotRuntime],
            text: t!(
                "the assistant's first answer within {ai}: Open Lines do not measure a bot's \
                 answer time; the bot keeps to it and logs it",
                "первый ответ ассистента за {ai}: открытые линии не измеряют время ответа \
                 бота; его соблюдает и записывает в журнал сам бот",
                ai = ai
            ),
        },
    ];
    if has_break {
        out.insert(
            1,
            NotEnforced {
                id: "hours_breaks",
                key: "locations.hours",
                enforced_by: vec![Enforcer::BotRuntime, Enforcer::Staff],
                text: t!(
                    "a break in the opening hours: a line's working window has none, so push \
                     sets it from the first opening to the last closing and the line stays open \
                     through the break (a break is not night mode); the bot runtime takes no \
                     booking inside it and offers the next open time, and a hand-off in it is \
                     answered in the working-hours time, by the SOP",
                    "перерыв в графике работы: в рабочем окне линии перерывов нет, поэтому push \
                     задаёт окно от первого открытия до последнего закрытия, и линия работает \
                     и в перерыв (перерыв — не ночной режим); среда выполнения бота не \
                     записывает на время перерыва и предлагает ближайшее свободное время, а на \
                     переданный в перерыв диалог отвечают в срок рабочего времени, по регламенту"
                ),
            },
        );
    }
    // The connectors the research found (whatsappbyedna, telegrambot, vkgroup, …) include
    // none for MAX, and an owner's own channel has none by definition.
    let unconnected: Vec<&str> = b
        .channels
        .iter()
        .filter_map(|c| match c.id.value {
            ChannelKind::Max => Some("MAX"),
            ChannelKind::Other => c.own_name(),
            _ => None,
        })
        .collect();
    if !unconnected.is_empty() {
        let names = words_of(&|l| {
            let quoted: Vec<String> = unconnected
                .iter()
                .map(|n| match l {
                    Lang::Ru => format!("«{n}»"),
                    Lang::En => format!("“{n}”"),
                })
                .collect();
            words::list(l, &quoted)
        });
        out.push(NotEnforced {
            id: "channel_connector",
            key: "channels.id",
            enforced_by: vec![Enforcer::BotRuntime, Enforcer::Staff],
            text: t!(
                "messages from {names}: Bitrix24 documents no Open Lines connector for them, so \
                 no line receives them; the bot runtime answers there itself (or an app's own \
                 connector brings them into a line), makes the card with the channel's source, \
                 and administrators take what it hands over",
                "сообщения из {names}: для них в Битрикс24 нет документированного коннектора \
                 открытых линий, и ни одна линия их не получает; там отвечает сама среда \
                 выполнения бота (или их заводит в линию собственный коннектор приложения), она \
                 создаёт карточку с источником канала, а переданное ею берут администраторы",
                names = names
            ),
        });
    }
    if !sla.reminders.is_empty() {
        out.push(NotEnforced {
            id: "reminders",
            key: "sla.reminders",
            enforced_by: vec![Enforcer::BotRuntime],
            text: Text::new(
                format!(
                    "reminders {} before a {visit_en}: Open Lines send none; the bot sends them",
                    offsets.get(Lang::En)
                ),
                format!(
                    "напоминания за {} до {visit_ru}: открытые линии их не отправляют; их \
                     отправляет бот",
                    offsets.get(Lang::Ru)
                ),
            ),
        });
    }
    out.extend([
        NotEnforced {
            id: "escalation_response",
            key: "sla.escalation_response",
            enforced_by: vec![Enforcer::Bitrix24Robot, Enforcer::DutyRoster],
            text: t!(
                "the answer to an escalation within {esc}: the line's KPI only notifies \
                 after {kpi} and reassigns nothing; the hand-off task's deadline with a \
                 Bitrix24 robot on it, and the duty roster, enforce it",
                "ответ на эскалацию за {esc}: KPI линии только оповещает через {kpi} и \
                 никого не назначает; это обеспечивают срок задачи о передаче с роботом \
                 Битрикс24 на ней и график дежурств",
                esc = esc,
                kpi = kpi
            ),
        },
        NotEnforced {
            id: "crm_card",
            key: "channels.source_id",
            enforced_by: vec![Enforcer::BotRuntime, Enforcer::Staff],
            text: t!(
                "the card and its source: the line makes no card (one it made would hold no \
                 phone, and the bot, which looks a card up by phone, would make a second); \
                 the bot makes it with the channel's source, and administrators card calls \
                 and the channels without the bot",
                "карточка и её источник: линия карточку не создаёт (в созданной ею не было бы \
                 телефона, и бот, который ищет карточку по телефону, создал бы вторую); её \
                 создаёт бот с источником канала, а по звонкам и каналам без бота — \
                 администраторы"
            ),
        },
        NotEnforced {
            id: "consent_notice",
            key: "pd.consent",
            enforced_by: vec![Enforcer::BotRuntime, Enforcer::Staff],
            text: t!(
                "the consent notice: it is not set on the line when Bitrix24 is connected, and \
                 a notice proves no consent; the bot asks for consent with the versioned text \
                 before it collects data, administrators do so by the SOP",
                "уведомление о согласии: при подключении Битрикс24 оно линии не задаётся, а \
                 уведомление согласия не доказывает; согласие по тексту нужной версии \
                 запрашивает бот до сбора данных, администраторы — по регламенту"
            ),
        },
    ]);
    out
}
