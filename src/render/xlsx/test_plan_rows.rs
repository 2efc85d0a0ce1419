//! The pilot plan's rows (SPEC §7): 100 test leads for people to play through the real
//! channels and Bitrix24, drawn from the generated scenarios family by family, each with
//! what to write, what the bot should answer and what the card should hold.

use chrono::Datelike;

use crate::model::Business;
use crate::model::business::Location;
use crate::model::enums::Lang;
use crate::scenario::{Act, Scenario, generate};

/// Rows in a plan.
pub const ROWS: usize = 100;

/// One test lead: regl's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    pub id: String,
    pub channel: String,
    pub branch: String,
    /// positive / negative / boundary, in the business's language.
    pub kind: String,
    pub priority: String,
    pub when: String,
    pub preconditions: String,
    pub client: String,
    /// A phone from `[pilot].phones`, or the to-do that asks for one.
    pub phone: String,
    pub write: String,
    pub reply: String,
    pub card: String,
    pub scenario: String,
}

impl PlanRow {
    /// The columns in order.
    pub fn cells(&self) -> [&str; 13] {
        [
            &self.id,
            &self.channel,
            &self.branch,
            &self.kind,
            &self.priority,
            &self.when,
            &self.preconditions,
            &self.client,
            &self.phone,
            &self.write,
            &self.reply,
            &self.card,
            &self.scenario,
        ]
    }
}

/// The plan's rows for `loc`.
pub fn rows(b: &Business, loc: &Location) -> Vec<PlanRow> {
    rows_of(b, loc, &generate::generate(b, loc))
}

/// The plan's rows for `loc` from its generated `scenarios`, for a caller that needs the
/// scenarios too and generates them once.
pub fn rows_of(b: &Business, loc: &Location, scenarios: &[Scenario]) -> Vec<PlanRow> {
    let ru = b.lang() == Lang::Ru;
    // Family by family, in turn, so the hundred rows cover every family.
    let mut families: Vec<(String, Vec<&Scenario>)> = Vec::new();
    for s in scenarios {
        match families.iter_mut().find(|(f, _)| *f == s.family) {
            Some((_, l)) => l.push(s),
            None => families.push((s.family.clone(), vec![s])),
        }
    }
    let mut picked: Vec<&Scenario> = Vec::new();
    let longest = families.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
    for round in 0..longest {
        for (_, l) in &families {
            if let Some(s) = l.get(round) {
                picked.push(s);
            }
        }
    }
    // Fewer scenarios than rows: the list again, in the next channel.
    let distinct = picked.len();
    let mut i = 0;
    while picked.len() < ROWS && distinct > 0 {
        picked.push(picked[i % distinct]);
        i += 1;
    }
    picked.truncate(ROWS);
    let channels: Vec<String> = b
        .channels
        .iter()
        .filter(|c| c.bot())
        .map(|c| c.id.as_str().to_owned())
        .collect();
    let phones: Vec<String> = b
        .pilot
        .as_ref()
        .map(|p| p.phones.iter().map(|x| x.pretty()).collect())
        .unwrap_or_default();
    picked
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = i + 1;
            PlanRow {
                id: format!("{}-tp-{n:03}", loc.id.as_str()),
                channel: channels
                    .get(i % channels.len().max(1))
                    .cloned()
                    .unwrap_or_default(),
                branch: branch_of(s),
                kind: kind_of(&s.family, ru).to_owned(),
                priority: priority_of(&s.family).to_owned(),
                when: when_of(s, ru),
                preconditions: preconditions(s, ru),
                client: if ru {
                    format!("Тестовый клиент {n}")
                } else {
                    format!("Test client {n}")
                },
                phone: if phones.is_empty() {
                    if ru {
                        "T129: укажите [pilot].phones".into()
                    } else {
                        "T129: list [pilot].phones".into()
                    }
                } else {
                    phones[i % phones.len()].clone()
                },
                write: what_to_write(s, ru),
                reply: reply_of(s, ru),
                card: card_of(s, loc, ru),
                scenario: s.id.clone(),
            }
        })
        .collect()
}

fn last_expect(s: &Scenario) -> crate::scenario::Expect {
    s.steps
        .last()
        .map(|st| st.expect.clone())
        .unwrap_or_default()
}

fn branch_of(s: &Scenario) -> String {
    let e = last_expect(s);
    e.branch
        .or_else(|| match e.action.as_deref() {
            Some("book") => Some("booking".into()),
            Some("cancel") => Some("cancel".into()),
            Some("save_lead") => Some("promo".into()),
            Some("schedule_callback") => Some("callback".into()),
            _ => None,
        })
        .or_else(|| s.covers.first().cloned())
        .unwrap_or_default()
}

fn kind_of(family: &str, ru: bool) -> &'static str {
    let k = match family {
        "happy" | "trigger" | "consent" | "reminders" => 0,
        "keyword" | "no-match" | "invalid" | "turns" => 1,
        _ => 2,
    };
    match (k, ru) {
        (0, true) => "позитивный",
        (0, false) => "positive",
        (1, true) => "негативный",
        (1, false) => "negative",
        (_, true) => "граничный",
        (_, false) => "boundary",
    }
}

fn priority_of(family: &str) -> &'static str {
    match family {
        "happy" | "keyword" | "consent" | "cancel-window" | "amount" => "P1",
        _ => "P2",
    }
}

const WEEKDAYS_RU: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn when_of(s: &Scenario, ru: bool) -> String {
    let Some(now) = s.now else {
        return String::new();
    };
    let d = now.weekday().num_days_from_monday() as usize;
    let day = if ru { WEEKDAYS_RU[d] } else { WEEKDAYS_EN[d] };
    format!("{day} {}", now.format("%H:%M"))
}

fn preconditions(s: &Scenario, ru: bool) -> String {
    let mut out = Vec::new();
    let g = &s.given;
    match g.consent {
        Some(true) => out.push(
            if ru {
                "согласие уже дано"
            } else {
                "consent already given"
            }
            .to_owned(),
        ),
        Some(false) => out.push(
            if ru {
                "согласие отклонено ранее"
            } else {
                "consent refused before"
            }
            .to_owned(),
        ),
        None => {}
    }
    if let (Some((service, at)), Some(now)) = (&g.visit, s.now) {
        let secs = (*at - now).num_seconds();
        let left = crate::model::Duration::from_secs(secs.unsigned_abs());
        out.push(if ru {
            format!("есть запись на «{service}» через {left} от момента отправки")
        } else {
            format!("a booking for «{service}» {left} after the message is sent")
        });
    }
    if out.is_empty() {
        return if ru {
            "новый клиент, без записи"
        } else {
            "a new client, no booking"
        }
        .into();
    }
    out.join("; ")
}

fn what_to_write(s: &Scenario, ru: bool) -> String {
    s.steps
        .iter()
        .map(|st| match &st.act {
            Act::User(u) => format!("«{u}»"),
            Act::Button(b) => format!("[{b}]"),
            Act::Advance(secs) => {
                let d = crate::model::Duration::from_secs(*secs);
                if ru {
                    format!("(подождать {d})")
                } else {
                    format!("(wait {d})")
                }
            }
            Act::Play(_) => if ru {
                "(отвечать на вопросы бота: имя, телефон, первая услуга, время)"
            } else {
                "(answer the bot's questions: name, phone, the first service, a time)"
            }
            .to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

fn reply_of(s: &Scenario, ru: bool) -> String {
    let e = last_expect(s);
    if let Some(say) = &e.say {
        return say.clone();
    }
    if e.no_reply == Some(true) {
        return if ru {
            "бот не отвечает до открытия"
        } else {
            "no reply until opening"
        }
        .into();
    }
    let mut parts: Vec<String> = Vec::new();
    if let Some(r) = &e.reason {
        parts.push(if ru {
            format!("передаёт диалог сотруднику (причина {r})")
        } else {
            format!("hands the dialogue to a person (reason {r})")
        });
    }
    if let Some(w) = &e.when {
        parts.push(if ru {
            format!("условие {w}")
        } else {
            format!("condition {w}")
        });
    }
    if let Some(a) = &e.action {
        parts.push(if ru {
            format!("действие {a}")
        } else {
            format!("action {a}")
        });
    }
    if let Some(b) = &e.branch {
        parts.push(if ru {
            format!("ветка {b}")
        } else {
            format!("branch {b}")
        });
    }
    if let Some(a) = &e.asked {
        parts.push(if ru {
            format!("спрашивает {a}")
        } else {
            format!("asks {a}")
        });
    }
    if e.handoff == Some(false) && e.reason.is_none() {
        parts.push(
            if ru {
                "без передачи сотруднику"
            } else {
                "no hand-off"
            }
            .into(),
        );
    }
    if let Some(r) = &e.reminders {
        parts.push(if ru {
            format!("напоминаний запланировано: {}", r.len())
        } else {
            format!("{} reminders planned", r.len())
        });
    }
    parts.extend(e.say_contains.iter().map(|c| format!("«{c}»")));
    parts.join("; ")
}

fn card_of(s: &Scenario, loc: &Location, ru: bool) -> String {
    let e = last_expect(s);
    let mut parts: Vec<String> = Vec::new();
    match e.action.as_deref() {
        Some("book") => parts.push(
            if ru {
                "лид: стадия «записан», имя, телефон, услуга, время"
            } else {
                "lead: stage booked, name, phone, service, time"
            }
            .into(),
        ),
        Some("cancel") => parts.push(
            if ru {
                "лид: стадия «отменено»"
            } else {
                "lead: stage cancelled"
            }
            .into(),
        ),
        Some("save_lead") => parts.push(
            if ru {
                "лид: стадия «новый», имя, телефон"
            } else {
                "lead: stage new, name, phone"
            }
            .into(),
        ),
        Some("schedule_callback") => parts.push(
            if ru {
                "лид: стадия «новый»; дело «перезвонить» на выбранное время"
            } else {
                "lead: stage new; a to-do to call back at the chosen time"
            }
            .into(),
        ),
        _ => {}
    }
    if e.reason.is_some() {
        let tag = loc.escalation_tag.as_str();
        parts.push(if ru {
            format!("задача эскалации с тегом «{tag}», без текста клиента")
        } else {
            format!("an escalation task tagged «{tag}», without the client's text")
        });
    }
    if parts.is_empty() {
        return "—".into();
    }
    parts.join("; ")
}
