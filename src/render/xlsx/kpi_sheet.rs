//! The KPI sheet: each target and how to measure it in Bitrix24 for this location.

use rust_xlsxwriter::{FormatAlign, Worksheet};

use super::grid::{Formats, Grid, write_share};
use super::labels::Labels;
use crate::model::enums::Lang;
use crate::render::views::SlaSheet;

/// A KPI target: a duration in words, or a share a report's figure is compared with.
enum Target {
    Text(String),
    AtLeast(f64),
    AtMost(f64),
}

/// "≤ 3 секунды": a time a response must not exceed.
fn at_most(time: &str) -> Target {
    Target::Text(format!("≤ {time}"))
}

/// Writes the KPI sheet.
pub fn write(
    ws: &mut Worksheet,
    view: &SlaSheet<'_>,
    words: &Labels,
    fmts: &Formats,
) -> anyhow::Result<()> {
    let (common, sla, kpi) = (view.common, view.sla, &view.kpi);
    let lang = common.lang;
    let city = common.location.city;
    ws.set_name(words.sheet_kpi)?;
    let filter = match (kpi.location_field, lang) {
        (Some(label), Lang::Ru) => format!("фильтр: поле «{label}» = «{city}»"),
        (Some(label), Lang::En) => format!("filter: field \"{label}\" = \"{city}\""),
        (None, Lang::Ru) => format!("фильтр по филиалу «{city}»"),
        (None, Lang::En) => format!("filter by the location \"{city}\""),
    };
    let funnel = kpi.funnel.join(" → ");
    let failures = &kpi.failure_stages;
    let failures = if failures.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::Ru => format!("; стадии провала: «{}»", failures.join("», «")),
            Lang::En => format!("; failure stages: \"{}\"", failures.join("\", \"")),
        }
    };
    let tag = common.location.escalation_tag;
    let (booked, no_show, confirm) = (kpi.booked_stage, kpi.no_show_stage, &kpi.confirm_button);
    let first = sla.reminders.first().map_or("", |r| r.accusative.as_str());
    let (day, night) = (
        &sla.human_first_response.nominative,
        &sla.escalation_response.nominative,
    );
    let crm_card = &sla.lead_to_crm.nominative;

    let rows: Vec<(&str, Target, String)> = match lang {
        Lang::Ru => vec![
            (
                "Время первого ответа ИИ-ассистента",
                at_most(&sla.ai_first_response.nominative),
                format!(
                    "Журнал ИИ-ассистента: время от сообщения клиента до ответа бота; выборочно сверить с историей диалога в открытой линии (Контакт-центр → Открытые линии → Статистика), {filter}."
                ),
            ),
            (
                "Время первого ответа сотрудника (в рабочие часы)",
                at_most(&sla.human_first_response.nominative),
                format!(
                    "Контакт-центр → Открытые линии → Статистика: «Время первого ответа» сотрудников; звонки — отчёт телефонии о пропущенных вызовах и перезвонах; {filter}."
                ),
            ),
            (
                "Ответ после эскалации",
                Target::Text(format!("≤ {day} в рабочие часы; ≤ {night} вне их")),
                format!(
                    "Задачи с тегом «{tag}» за месяц: время от создания задачи до первого ответа клиенту в диалоге; {filter}."
                ),
            ),
            (
                "Карточка в Битрикс24",
                at_most(crm_card),
                format!(
                    "CRM → Лиды за месяц, {filter}: время от первого сообщения клиента до создания лида; по звонкам — от окончания разговора."
                ),
            ),
            (
                "Обратный звонок",
                Target::Text(
                    "в выбранное время; без времени — ≤ 1 часа рабочего времени".to_owned(),
                ),
                format!(
                    "Лиды с просьбой перезвонить за месяц, {filter}: время от просьбы (или выбранного времени) до звонка по отчёту телефонии."
                ),
            ),
            (
                "Доля диалогов, закрытых ботом без сотрудника",
                Target::AtLeast(kpi.bot_handled_share),
                format!(
                    "CRM → Лиды за период из каналов с ИИ-ассистентом ({filter}); из них без задачи с тегом «{tag}». Доля = лиды без эскалации / все лиды из каналов с ботом."
                ),
            ),
            (
                "Конверсия «лид → запись»",
                Target::AtLeast(kpi.lead_to_booking),
                format!(
                    "CRM → Аналитика → Воронка лидов за месяц, {filter}: доля лидов, дошедших до стадии «{booked}». Воронка: {funnel}{failures}."
                ),
            ),
            (
                "Доля записей, подтверждённых клиентом",
                Target::AtLeast(kpi.confirmed_bookings),
                format!(
                    "Записи за месяц, по которым клиент ответил «{confirm}» на напоминание за {first} / все записи с наступившей датой визита; {filter}."
                ),
            ),
            (
                "Доля неявок",
                Target::AtMost(kpi.no_show_max),
                format!(
                    "Лиды на стадии «{no_show}» / лиды, дошедшие до стадии «{booked}», с наступившей за месяц датой визита; {filter}. Стадия «Отказ» в расчёт не входит. Сравнить с месяцем до включения напоминаний."
                ),
            ),
        ],
        Lang::En => vec![
            (
                "AI assistant first response time",
                at_most(&sla.ai_first_response.nominative),
                format!(
                    "The AI assistant's log: time from the client's message to the bot's reply; spot-check against the dialogue history in the open channel (Contact Center → Open Channels → Statistics), {filter}."
                ),
            ),
            (
                "Staff first response time (working hours)",
                at_most(&sla.human_first_response.nominative),
                format!(
                    "Contact Center → Open Channels → Statistics: staff \"first response time\"; calls: the telephony report of missed calls and call-backs; {filter}."
                ),
            ),
            (
                "Answer after an escalation",
                Target::Text(format!("≤ {day} in working hours; ≤ {night} outside them")),
                format!(
                    "Tasks tagged \"{tag}\" for the month: time from the task's creation to the first answer to the client in the dialogue; {filter}."
                ),
            ),
            (
                "Card in Bitrix24",
                at_most(crm_card),
                format!(
                    "CRM → Leads for the month, {filter}: time from the client's first message to the lead's creation; for calls, from the end of the call."
                ),
            ),
            (
                "Callback",
                Target::Text("at the chosen time; without one, ≤ 1 working hour".to_owned()),
                format!(
                    "Leads asking for a callback for the month, {filter}: time from the request (or the chosen time) to the call, from the telephony report."
                ),
            ),
            (
                "Share of dialogues the bot handles alone",
                Target::AtLeast(kpi.bot_handled_share),
                format!(
                    "CRM → Leads for the period from channels with the AI assistant ({filter}); of these, those without a task tagged \"{tag}\". Share = leads without escalation / all leads from bot channels."
                ),
            ),
            (
                "Lead → booking conversion",
                Target::AtLeast(kpi.lead_to_booking),
                format!(
                    "CRM → Analytics → lead funnel for the month, {filter}: share of leads that reached the stage \"{booked}\". Funnel: {funnel}{failures}."
                ),
            ),
            (
                "Share of bookings confirmed by the client",
                Target::AtLeast(kpi.confirmed_bookings),
                format!(
                    "Bookings for the month where the client answered \"{confirm}\" to the reminder {first} before / all bookings whose visit date has passed; {filter}."
                ),
            ),
            (
                "No-show rate",
                Target::AtMost(kpi.no_show_max),
                format!(
                    "Leads at the stage \"{no_show}\" / leads that reached \"{booked}\" with a visit date in the month that has passed; {filter}. Refusals are not counted. Compare with the month before reminders were switched on."
                ),
            ),
        ],
    };

    // Besides the targets, the columns a manager fills in each month.
    let columns = [
        words.metric,
        words.target,
        words.how,
        words.period,
        words.actual,
        words.deviation,
        words.measures,
    ];
    let mut g = Grid::new(ws, 7);
    for (col, h) in (0u16..).zip(columns) {
        g.put(0, col, h, &fmts.header)?;
    }
    let target_cell = fmts.cell.clone().set_align(FormatAlign::Left);
    let mut row = 0;
    for (metric, target, how) in &rows {
        row += 1;
        g.put(row, 0, metric, &fmts.wrap)?;
        match target {
            // A target in words may be long: it wraps like the other text.
            Target::Text(s) => g.put(row, 1, s, &fmts.wrap)?,
            Target::AtLeast(s) => {
                write_share(g.ws, row, 1, *s, "≥", &target_cell, lang == Lang::Ru)?;
            }
            Target::AtMost(s) => {
                write_share(g.ws, row, 1, *s, "≤", &target_cell, lang == Lang::Ru)?;
            }
        }
        g.put(row, 2, how, &fmts.wrap)?;
        for col in 3..7 {
            g.put(row, col, "", &fmts.wrap)?;
        }
    }
    g.size_columns(10, 36)?;
    g.set_width(2, 80)?;
    for (i, (metric, target, how)) in (1u32..).zip(&rows) {
        let target = match target {
            Target::Text(s) => s.as_str(),
            _ => "",
        };
        g.fit_row(i, &[(0, metric), (1, target), (2, how)])?;
    }
    let ws = g.ws;
    ws.set_freeze_panes(1, 1)?;
    ws.set_repeat_rows(0, 0)?;
    ws.autofilter(0, 0, row, 6)?;
    ws.set_landscape();
    Ok(())
}
