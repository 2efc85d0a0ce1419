//! The launch checklist of one location (`launch-checklist-<loc>.xlsx`, SPEC §9): every step
//! before the city opens, worded from `business.toml` with its own figures, what verifies
//! it (the lint codes and commands that do, or a person), its owner (a role), its due date
//! counted back from `launch_date` (or in days before the opening while there is none),
//! and people's columns: a status drop-down, a date, a comment. A working copy (SPEC §7):
//! written again, it keeps what people entered, rows matched by the step's id.

use anyhow::Context;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use super::grid::Formats;
use super::working_copy::{self, Table};
use crate::model::business::{Business, Location};
use crate::model::enums::Lang;
use crate::render::views::helpers::{channel_names, notify_name, utc_offset};
use crate::words::{fmt_date, fmt_duration, fmt_money, fmt_share};
use crate::working_copy::Kept;
use crate::working_copy::checklist::{LAYOUT, STATUS_COLUMN, STEPS, Step, sheet_name};
use crate::working_copy::status::StepStatus;

/// The file's name for a location.
pub fn file_name(location: &str) -> String {
    format!("launch-checklist-{location}.xlsx")
}

/// The checklist's title.
pub fn title(lang: Lang, city: &str) -> String {
    match lang {
        Lang::Ru => format!("Чек-лист запуска филиала: {city}"),
        Lang::En => format!("Launch checklist: {city}"),
    }
}

fn headers(lang: Lang) -> [&'static str; 10] {
    match lang {
        Lang::Ru => [
            "ID",
            "Блок",
            "Шаг",
            "Критичность",
            "Как проверяется",
            "Ответственный (роль)",
            "Срок",
            "Статус",
            "Дата",
            "Комментарий, подтверждение",
        ],
        Lang::En => [
            "ID",
            "Block",
            "Step",
            "Criticality",
            "How it is verified",
            "Owner (role)",
            "Due",
            "Status",
            "Date",
            "Comment, evidence",
        ],
    }
}

/// regl's columns of every step, in order: what a re-render compares and writes.
pub fn rows(b: &Business, loc: &Location) -> Vec<Vec<String>> {
    let lang = b.lang();
    STEPS
        .iter()
        .map(|s| {
            let (block, text, person) = wording(s, b, loc);
            vec![
                s.id.to_owned(),
                block.to_owned(),
                text,
                criticality(s, lang).to_owned(),
                verification(s, person, lang),
                s.owner.word(lang).to_owned(),
                due(s, loc.launch_date.as_ref().map(|d| d.value), lang),
            ]
        })
        .collect()
}

fn criticality(s: &Step, lang: Lang) -> &'static str {
    match (s.blocker, lang) {
        (true, Lang::Ru) => "блокирует запуск",
        (false, Lang::Ru) => "важно",
        (true, Lang::En) => "blocks the launch",
        (false, Lang::En) => "important",
    }
}

/// «regl lint: B3xx; regl test; человек: …».
fn verification(s: &Step, person: &str, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !s.codes.is_empty() {
        parts.push(format!("regl lint: {}", s.codes.join(", ")));
    }
    if let Some(c) = s.command {
        parts.push(c.to_owned());
    }
    if !person.is_empty() {
        let who = match lang {
            Lang::Ru => "проверяет человек",
            Lang::En => "checked by a person",
        };
        parts.push(format!("{who}: {person}"));
    }
    parts.join("; ")
}

/// The due date: the launch date less the step's days, or those days in words.
fn due(s: &Step, launch: Option<NaiveDate>, lang: Lang) -> String {
    let days = s.days_before;
    match launch {
        Some(d) => {
            let on = d - chrono::Days::new(u64::from(days));
            match lang {
                Lang::Ru => on.format("%d.%m.%Y").to_string(),
                Lang::En => on.format("%Y-%m-%d").to_string(),
            }
        }
        None => match (days, lang) {
            (0, Lang::Ru) => "в день открытия".to_owned(),
            (0, Lang::En) => "on the opening day".to_owned(),
            (n, Lang::Ru) => format!("за {n}\u{a0}дн. до открытия"),
            (1, Lang::En) => "1 day before the opening".to_owned(),
            (n, Lang::En) => format!("{n} days before the opening"),
        },
    }
}

fn list(items: &[String], lang: Lang) -> String {
    match (items.len(), lang) {
        (0, Lang::Ru) => "—".to_owned(),
        (0, Lang::En) => "none".to_owned(),
        _ => items.join(", "),
    }
}

/// (block, step, what a person checks) of a step, in the business's language.
#[allow(clippy::too_many_lines)]
fn wording(s: &Step, b: &Business, loc: &Location) -> (&'static str, String, &'static str) {
    let lang = b.lang();
    let ru = lang == Lang::Ru;
    let (id, city) = (loc.id.as_str(), loc.city.as_str());
    let pick = |r: &'static str, e: &'static str| if ru { r } else { e };
    let dur = |d: &crate::model::duration::Duration| fmt_duration(d.secs(), lang);
    let version = b.document.version.as_str();
    match s.id {
        "L01" => (
            pick("Документы", "Documents"),
            if ru {
                format!("Документы филиала «{city}» сформированы и актуальны: регламент обработки лидов, SLA, правила эскалации, правила отмены, регламент хранения ПДн, процедура обучения ИИ-ассистента; политика, согласие и реестр оператора")
            } else {
                format!("The documents of {city} are rendered and current: lead handling, SLA, escalation rules, cancellation policy, PD retention, AI training procedure; the operator's policy, consent and register")
            },
            "",
        ),
        "L02" => (
            pick("Документы", "Documents"),
            pick(
                "business.toml не противоречит себе и закону; в нём нет секретов",
                "business.toml contradicts neither itself nor the law and holds no secret",
            )
            .to_owned(),
            "",
        ),
        "L03" => {
            let (policy, consent) = b.published_urls();
            let none = pick("адрес не задан", "no address given");
            let (p, c) = (
                policy.unwrap_or_else(|| none.to_owned()),
                consent.unwrap_or_else(|| none.to_owned()),
            );
            (
                pick("ПДн", "PD"),
                if ru {
                    format!("Политика обработки ПДн и отдельное согласие опубликованы ({p}; {c}), бот ссылается на них до сбора данных")
                } else {
                    format!("The PD policy and the separate consent are published ({p}; {c}), and the bot links to them before it collects data")
                },
                pick("страницы открываются", "the pages open"),
            )
        }
        "L04" => {
            let number = b
                .pd
                .notice
                .as_ref()
                .and_then(|n| n.register_number.as_ref())
                .map(|n| n.value.clone());
            let number = number.map_or_else(String::new, |n| {
                if ru {
                    format!(" (номер в реестре {n})")
                } else {
                    format!(" (register number {n})")
                }
            });
            (
                pick("ПДн", "PD"),
                if ru {
                    format!("Уведомление об обработке ПДн в Роскомнадзор{number} изменено: в нём указан город {city}; уведомление об изменении сведений подаётся не позднее 15-го числа месяца, следующего за изменением")
                } else {
                    format!("The notice to Roskomnadzor{number} is amended for {city}; a notice of changed details is filed by the 15th of the month after the change")
                },
                pick("поданное уведомление", "the filed notice"),
            )
        }
        "L05" => {
            let names: Vec<String> = b.pd.processors.iter().map(|p| p.name.value.clone()).collect();
            let names = list(&names, lang);
            (
                pick("ПДн", "PD"),
                if ru {
                    format!("Для каждого обработчика проверено поручение или оферта по ч. 3 ст. 6 152-ФЗ (лист обработчиков в pd-register.xlsx): {names}")
                } else {
                    format!("Each processor's instruction or offer is checked against 152-FZ art. 6 part 3 (the processors sheet of pd-register.xlsx): {names}")
                },
                pick("договоры и оферты", "the contracts and offers"),
            )
        }
        "L06" => (
            pick("ПДн", "PD"),
            match (ru, b.special_regime()) {
                (true, true) => "Согласие запрашивается до сбора данных; на данные о здоровье — письменное согласие по отдельной форме".to_owned(),
                (true, false) => "Согласие запрашивается до сбора данных, отдельно от оферты и рассылок".to_owned(),
                (false, true) => "Consent is asked before data is collected; health data takes a written consent on its own form".to_owned(),
                (false, false) => "Consent is asked before data is collected, apart from the offer and marketing".to_owned(),
            },
            "",
        ),
        "L07" => (
            pick("ПДн", "PD"),
            if ru {
                format!("Регламент хранения и уничтожения ПДн (pd-retention-{id}.docx) введён в действие; первое восстановление из резервной копии проверено и записано")
            } else {
                format!("The retention and destruction regulation (pd-retention-{id}.docx) is in force; a first restore from a backup is tested and recorded")
            },
            pick("запись о проверке восстановления", "the restore test's record"),
        ),
        "L10" => {
            let names: Vec<String> = channel_names(b, crate::model::business::Channel::bot);
            let names = list(&names, lang);
            (
                pick("Каналы", "Channels"),
                if ru {
                    format!("Каналы подключены, ИИ-ассистент отвечает в каждом: {names}")
                } else {
                    format!("The channels are connected and the AI assistant answers in each: {names}")
                },
                pick("тестовое сообщение в каждый канал", "a test message in each channel"),
            )
        }
        "L11" => {
            let portal = b.crm.portal.as_str();
            (
                pick("CRM", "CRM"),
                if ru {
                    format!("Вебхук портала {portal} работает от технического пользователя с правами crm и task; токен хранится только в переменной окружения")
                } else {
                    format!("The webhook of {portal} works as a technical user with the crm and task scopes; the token lives only in the environment")
                },
                "",
            )
        }
        "L12" => {
            let (f, st) = (b.crm.fields.len(), b.crm.stages.len());
            let src = b.crm.sources.as_ref().map_or(0, Vec::len);
            (
                pick("CRM", "CRM"),
                if ru {
                    format!("Поля, стадии и источники выгружены на портал: полей {f}, стадий {st}, источников {src}")
                } else {
                    format!("The fields, stages and sources are pushed to the portal: {f} fields, {st} stages, {src} sources")
                },
                "",
            )
        }
        "L13" => {
            let human = dur(&b.sla.human_first_response.value);
            (
                pick("CRM", "CRM"),
                if ru {
                    format!("Открытая линия филиала настроена по SLA: ответ сотрудника за {human}, часы работы филиала")
                } else {
                    format!("The location's Open Line follows the SLA: a person answers within {human}, in the location's working hours")
                },
                "",
            )
        }
        "L15" => {
            let file = loc.bot_config.as_str();
            (
                pick("Бот", "Bot"),
                if ru {
                    format!("Настройки бота филиала ({file}) совпадают с business.toml; все сценарии regl test проходят")
                } else {
                    format!("The location's bot config ({file}) is in step with business.toml; every regl test scenario passes")
                },
                "",
            )
        }
        "L17" => {
            let notify: Vec<String> = b
                .escalation
                .notify
                .iter()
                .map(|n| notify_name(n.value, lang).to_owned())
                .collect();
            let notify = list(&notify, lang);
            let night = match (ru, loc.night_mode()) {
                (true, true) => ", включая ночной режим",
                (false, true) => ", night mode included",
                _ => "",
            };
            (
                pick("Эскалация", "Escalation"),
                if ru {
                    format!("График дежурств филиала утверждён{night}; у дежурного есть контакт в каждом канале оповещения: {notify}")
                } else {
                    format!("The location's duty roster is approved{night}; the person on duty has a contact on every notify channel: {notify}")
                },
                pick("утверждённый график", "the approved roster"),
            )
        }
        "L18" => {
            let (amount, tag) = (
                fmt_money(b.escalation.amount_over.value.0, lang),
                loc.escalation_tag.as_str(),
            );
            let answer = dur(&b.sla.escalation_response.value);
            (
                pick("Эскалация", "Escalation"),
                if ru {
                    format!("Эскалация проверена тремя поводами (ключевое слово, низкая уверенность, сумма свыше {amount}): задача с тегом «{tag}», оповещение дежурного, ответ в пределах {answer}")
                } else {
                    format!("Escalation is tried with three triggers (a keyword, low confidence, an amount over {amount}): a task tagged \u{201c}{tag}\u{201d}, the duty alerted, an answer within {answer}")
                },
                pick("три тестовых диалога", "three test dialogues"),
            )
        }
        "L19" => {
            let offsets: Vec<String> = b.sla.reminders.iter().map(|r| dur(&r.value)).collect();
            let offsets = list(&offsets, lang);
            let (utc, _) = utc_offset(loc, *b.document.effective_date, lang);
            let (tz, free) = (loc.timezone.0.as_str(), dur(&b.cancellation.free_until.value));
            (
                pick("Напоминания", "Reminders"),
                if ru {
                    format!("Напоминания проверены по местному времени ({tz}, {utc}): за {offsets} до визита; первое приходит до конца бесплатной отмены (за {free})")
                } else {
                    format!("Reminders are tried in local time ({tz}, {utc}): {offsets} before the visit; the first comes before free cancellation ends ({free} before)")
                },
                pick("тестовая запись с напоминаниями", "a test booking with its reminders"),
            )
        }
        "L20" => (
            pick("Пилот", "Pilot"),
            if ru {
                format!("Пилот: 100 тестовых заявок из test-plan-{id}.xlsx сыграны, не пройденные строки исправлены, тестовые записи удалены с портала")
            } else {
                format!("The pilot: the 100 test leads of test-plan-{id}.xlsx are played, failed rows fixed, the test records removed from the portal")
            },
            pick("итоги плана пилота", "the pilot plan's summary"),
        ),
        "L21" => {
            let answer = dur(&b.sla.escalation_response.value);
            (
                pick("Мониторинг", "Monitoring"),
                if ru {
                    format!("Мониторинг ошибок включён: ошибки и fallback бота, ошибки REST Битрикс24 (QUERY_LIMIT_EXCEEDED), отказы авторизации вебхука, эскалации без ответа дольше {answer}")
                } else {
                    format!("Error monitoring is live: the bot's errors and fallbacks, Bitrix24 REST errors (QUERY_LIMIT_EXCEEDED), webhook authorisation failures, escalations unanswered for over {answer}")
                },
                pick("тестовая ошибка дошла до ответственного", "a test error reached its owner"),
            )
        }
        "L22" => {
            let targets = &b.sla.targets;
            let share = |v: &crate::model::values::Share| fmt_share(v.0, lang);
            let (handled, conversion, confirmed, no_show) = (
                share(&targets.bot_handled_share.value),
                share(&targets.lead_to_booking.value),
                share(&targets.confirmed_bookings.value),
                share(&targets.no_show_max.value),
            );
            (
                pick("Мониторинг", "Monitoring"),
                if ru {
                    format!("Базовые KPI выведены на панель: диалоги, закрытые ботом, ≥\u{a0}{handled}; конверсия лид → запись ≥\u{a0}{conversion}; подтверждённые записи ≥\u{a0}{confirmed}; неявки ≤\u{a0}{no_show}")
                } else {
                    format!("The baseline KPIs are on a dashboard: bot-handled dialogues ≥ {handled}; lead to booking ≥ {conversion}; confirmed bookings ≥ {confirmed}; no-shows ≤ {no_show}")
                },
                pick("панель KPI", "the KPI dashboard"),
            )
        }
        "L23" => (
            pick("Сотрудники", "Staff"),
            if ru {
                format!("Сотрудники ознакомлены с документами версии {version} под подпись до начала работы (acknowledgement-{id}.xlsx; ст. 68 ТК РФ)")
            } else {
                format!("Staff have read the documents of version {version} and signed for it before starting work (acknowledgement-{id}.xlsx; Labour Code art. 68)")
            },
            pick("подписанный лист ознакомления", "the signed acknowledgement sheet"),
        ),
        "L24" => (
            pick("Запуск", "Release"),
            pick(
                "План отката: как отключить бота в филиале и передать диалоги сотрудникам; кто принимает решение",
                "Rollback plan: how to switch the bot off at the location and hand dialogues to people; who decides",
            )
            .to_owned(),
            pick("утверждённый план", "the approved plan"),
        ),
        _ => {
            let date = fmt_date(*b.document.effective_date, lang);
            (
                pick("Запуск", "Release"),
                if ru {
                    format!("Решение о запуске: все блокирующие шаги выполнены; версия {version} от {date} записана в [document].changes")
                } else {
                    format!("Go/no-go: every blocking step is done; version {version} of {date} is recorded in [document].changes")
                },
                pick("подписи руководителя запуска и утверждающего", "the launch owner's and the approver's signatures"),
            )
        }
    }
}

/// The checklist's workbook for `loc`, keeping what people entered in `kept`.
pub fn write(b: &Business, loc: &Location, kept: &Kept) -> anyhow::Result<Vec<u8>> {
    let lang = b.lang();
    let fmts = Formats::new();
    let city = loc.city.as_str();
    let title = title(lang, city);
    let created = *b.document.effective_date;
    let date = ExcelDateTime::from_ymd(
        u16::try_from(created.year()).unwrap_or(2026),
        u8::try_from(created.month()).unwrap_or(1),
        u8::try_from(created.day()).unwrap_or(1),
    )
    .context("effective_date is outside what a spreadsheet can hold")?;
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_company(b.business.legal_name.as_str())
            .set_keywords(format!("regl; launch-checklist; {}", loc.id.as_str()))
            .set_creation_datetime(&date),
    );
    let launch = loc.launch_date.as_ref().map(|d| fmt_date(d.value, lang));
    let name = b.business.name.as_str();
    let version = b.document.version.as_str();
    let place = match (lang, launch) {
        (Lang::Ru, Some(d)) => {
            format!("{name}, {city}. Открытие — {d}; версия документов {version}")
        }
        (Lang::Ru, None) => format!(
            "{name}, {city}. Дата открытия не задана ([[locations]].launch_date): сроки — в днях до открытия. Версия документов {version}."
        ),
        (Lang::En, Some(d)) => {
            format!("{name}, {city}. Opening on {d}; documents version {version}")
        }
        (Lang::En, None) => format!(
            "{name}, {city}. No opening date yet ([[locations]].launch_date): due dates count days before the opening. Documents version {version}."
        ),
    };
    let note = match lang {
        Lang::Ru => {
            "Колонки A–G заполняет regl; H–J — ответственные. Шаги с кодами проверяет regl lint: выполненный шаг, коды которого срабатывают, — находка D405; незакрытые шаги после даты открытия — D406. При повторном regl render заполненное сохраняется (строки сопоставляются по ID)."
        }
        Lang::En => {
            "regl fills columns A–G; the owners fill H–J. regl lint checks the steps with codes: a step marked done whose codes fire is D405; steps still open after the opening date are D406. A re-render by regl render keeps what was entered (rows matched by ID)."
        }
    };
    let heads = headers(lang);
    let status = StepStatus::words(lang);
    let footer = working_copy::version_footer(lang, version, created);
    let table = Table {
        layout: LAYOUT,
        sheet_name: sheet_name(lang),
        title: &title,
        lines: &[place, note.to_owned()],
        headers: &heads,
        widths: &[6, 12, 46, 12, 30, 18, 13, 13, 11, 28],
        status: Some((STATUS_COLUMN, &status)),
        footer: &footer,
        min_lines: 1,
    };
    working_copy::write(wb.add_worksheet(), &fmts, &table, &rows(b, loc), kept)?;
    wb.save_to_buffer().context("writing the launch checklist")
}
