//! The SLA workbook of one location (`sla-response-times-<loc>.xlsx`): response times per
//! channel with document control, the KPI targets and how to measure them in Bitrix24, and
//! the location's working hours with night mode and the duty contact.
//!
//! A spreadsheet rather than a Word document because managers filter and sort it and paste
//! figures next to it; it is still a controlled document, so it carries the same document
//! control as the others and prints on one page wide.

use std::fmt::Write as _;

use anyhow::Context;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};

use super::kind::DocKind;
use super::meta::next_review;
use super::typography::{fmt_date, fmt_duration};
use crate::model::Duration;
use crate::model::business::{Business, Location};
use crate::model::enums::{ChannelKind, Lang, Notify};
use crate::model::hours::{DAYS, WorkingHours};
use crate::model::values::Share;

/// Words of the workbook in one language.
struct Labels {
    sheet_sla: &'static str,
    sheet_kpi: &'static str,
    sheet_hours: &'static str,
    channel: &'static str,
    bot: &'static str,
    ai_first: &'static str,
    human_first: &'static str,
    lead_to_crm: &'static str,
    confirmation: &'static str,
    reminders: &'static str,
    escalation: &'static str,
    yes: &'static str,
    no: &'static str,
    before_visit: &'static str,
    nps: &'static str,
    free_cancel: &'static str,
    /// Prefix of the Meta footnote: the channels go after it.
    meta_note: &'static str,
    meta_note_one: &'static str,
    meta_note_many: &'static str,
    control: &'static str,
    version: &'static str,
    effective: &'static str,
    next_review: &'static str,
    owner: &'static str,
    approver: &'static str,
    revisions: &'static str,
    date: &'static str,
    summary: &'static str,
    metric: &'static str,
    target: &'static str,
    how: &'static str,
    day: &'static str,
    open: &'static str,
    close: &'static str,
    timezone: &'static str,
    closed: &'static str,
    days: [&'static str; 7],
    night_mode: &'static str,
    night_on: &'static str,
    night_off: &'static str,
    duty: &'static str,
    duty_phone: &'static str,
    duty_telegram: &'static str,
    duty_email: &'static str,
    tag: &'static str,
    notify: &'static str,
    address: &'static str,
    phone: &'static str,
    page: &'static str,
    of: &'static str,
    location: &'static str,
}

const RU: Labels = Labels {
    sheet_sla: "SLA",
    sheet_kpi: "KPI",
    sheet_hours: "Часы работы",
    channel: "Канал",
    bot: "ИИ-ассистент",
    ai_first: "Первый ответ ИИ",
    human_first: "Первый ответ сотрудника",
    lead_to_crm: "Лид в CRM",
    confirmation: "Подтверждение записи",
    reminders: "Напоминания",
    escalation: "Ответ на эскалацию",
    yes: "да",
    no: "нет",
    before_visit: "до визита",
    nps: "Опрос NPS — через",
    free_cancel: "Бесплатная отмена — не позднее чем за",
    meta_note: "* ",
    meta_note_one: " принадлежит компании Meta Platforms Inc., деятельность которой признана экстремистской и запрещена в России.",
    meta_note_many: " принадлежат компании Meta Platforms Inc., деятельность которой признана экстремистской и запрещена в России.",
    control: "Управление документом",
    version: "Версия",
    effective: "Дата вступления в силу",
    next_review: "Дата следующего пересмотра",
    owner: "Владелец документа",
    approver: "Утвердил",
    revisions: "Лист регистрации изменений",
    date: "Дата",
    summary: "Описание изменений",
    metric: "Показатель",
    target: "Цель",
    how: "Как измерить в Битрикс24",
    day: "День",
    open: "Открытие",
    close: "Закрытие",
    timezone: "Часовой пояс",
    closed: "выходной",
    days: [
        "Понедельник",
        "Вторник",
        "Среда",
        "Четверг",
        "Пятница",
        "Суббота",
        "Воскресенье",
    ],
    night_mode: "Ночной режим",
    night_on: "включён: вне рабочих часов отвечает ИИ-ассистент, эскалации принимает дежурный",
    night_off: "выключен: вне рабочих часов ИИ-ассистент не отвечает",
    duty: "Дежурный",
    duty_phone: "Телефон дежурного (SMS)",
    duty_telegram: "Telegram дежурного",
    duty_email: "E-mail дежурного",
    tag: "Тег эскалации",
    notify: "Оповещение об эскалации",
    address: "Адрес",
    phone: "Телефон филиала",
    page: "Страница",
    of: "из",
    location: "Город",
};

const EN: Labels = Labels {
    sheet_sla: "SLA",
    sheet_kpi: "KPI",
    sheet_hours: "Working hours",
    channel: "Channel",
    bot: "AI assistant",
    ai_first: "AI first response",
    human_first: "Human first response",
    lead_to_crm: "Lead to CRM",
    confirmation: "Booking confirmation",
    reminders: "Reminders",
    escalation: "Escalation response",
    yes: "yes",
    no: "no",
    before_visit: "before the visit",
    nps: "NPS survey: after",
    free_cancel: "Free cancellation: up to",
    meta_note: "* ",
    meta_note_one: " belongs to Meta Platforms Inc., whose activity is designated extremist and banned in Russia.",
    meta_note_many: " belong to Meta Platforms Inc., whose activity is designated extremist and banned in Russia.",
    control: "Document control",
    version: "Version",
    effective: "Effective date",
    next_review: "Next review",
    owner: "Owner",
    approver: "Approved by",
    revisions: "Revision history",
    date: "Date",
    summary: "Summary",
    metric: "Metric",
    target: "Target",
    how: "How to measure it in Bitrix24",
    day: "Day",
    open: "Opens",
    close: "Closes",
    timezone: "Time zone",
    closed: "closed",
    days: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    night_mode: "Night mode",
    night_on: "on: outside working hours the AI assistant answers and the person on duty takes escalations",
    night_off: "off: the AI assistant does not answer outside working hours",
    duty: "On duty",
    duty_phone: "Duty phone (SMS)",
    duty_telegram: "Duty Telegram",
    duty_email: "Duty e-mail",
    tag: "Escalation tag",
    notify: "Escalation alerts",
    address: "Address",
    phone: "Location phone",
    page: "Page",
    of: "of",
    location: "Location",
};

fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}

/// The cell formats of the workbook.
struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    cell: Format,
    wrap: Format,
    label: Format,
    section: Format,
    note: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new()
            .set_font_name("Arial")
            .set_font_size(10)
            .set_align(FormatAlign::Top);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_border_color("BFBFBF");
        Self {
            title: base.clone().set_bold().set_font_size(14),
            subtitle: base.clone().set_font_color("595959"),
            header: cell
                .clone()
                .set_bold()
                .set_background_color("D9D9D9")
                .set_text_wrap(),
            wrap: cell.clone().set_text_wrap(),
            label: cell.clone().set_bold().set_background_color("F2F2F2"),
            cell,
            section: base.clone().set_bold().set_font_size(11),
            note: base.set_text_wrap().set_font_color("595959"),
        }
    }
}

/// A table laid out row by row: tracks column widths from what is written.
struct Grid<'a> {
    ws: &'a mut Worksheet,
    widths: Vec<usize>,
}

impl<'a> Grid<'a> {
    fn new(ws: &'a mut Worksheet, columns: usize) -> Self {
        Self {
            ws,
            widths: vec![0; columns],
        }
    }

    /// A cell that counts towards its column's width.
    fn put(&mut self, row: u32, col: u16, text: &str, format: &Format) -> anyhow::Result<()> {
        let longest = text
            .lines()
            .map(|line| line.chars().count())
            .max()
            .unwrap_or(0);
        let w = &mut self.widths[usize::from(col)];
        *w = (*w).max(longest);
        self.ws.write_string_with_format(row, col, text, format)?;
        Ok(())
    }

    /// Makes column `col` wide enough for `text` written elsewhere (labels below a table).
    fn fit(&mut self, col: u16, text: &str) {
        let w = &mut self.widths[usize::from(col)];
        *w = (*w).max(text.chars().count());
    }

    /// Gives `row` the height its wrapped `cells` need, as (column, text): `LibreOffice`
    /// does not grow rows with wrapped text on opening a file, and a fixed height reads
    /// the same everywhere.
    fn fit_row(&mut self, row: u32, cells: &[(u16, &str)]) -> anyhow::Result<()> {
        let lines = cells
            .iter()
            .map(|(col, text)| lines_in(text, self.widths[usize::from(*col)]))
            .max()
            .unwrap_or(1);
        if lines > 1 {
            self.ws.set_row_height(row, row_height(lines))?;
        }
        Ok(())
    }

    /// Sets each column to fit its longest line, within reason: wide text wraps instead.
    fn size_columns(&mut self, min: usize, max: usize) -> anyhow::Result<()> {
        for col in 0..self.widths.len() {
            let w = self.widths[col];
            let chars = w.clamp(min, max) + 2;
            self.widths[col] = chars;
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            self.ws
                .set_column_width(col, f64::from(u16::try_from(chars).unwrap_or(60)))?;
        }
        Ok(())
    }

    /// Sets column `col` to `chars` wide, whatever its content.
    fn set_width(&mut self, col: u16, chars: u16) -> anyhow::Result<()> {
        self.widths[usize::from(col)] = usize::from(chars);
        self.ws.set_column_width(col, f64::from(chars))?;
        Ok(())
    }
}

/// Approximate printed lines of `text` in a merged block `chars` wide: merged cells do not
/// grow with their text in Excel, so their row height is set from this.
fn lines_in(text: &str, chars: usize) -> u32 {
    let lines: usize = text
        .lines()
        .map(|line| line.chars().count().div_ceil(chars.max(1)).max(1))
        .sum();
    u32::try_from(lines.max(1)).unwrap_or(1)
}

/// Row height in points for `lines` lines of 10-point Arial.
fn row_height(lines: u32) -> f64 {
    13.0 * f64::from(lines) + 2.0
}

/// Excel refuses header and footer texts over 255 UTF-16 units; `&` starts a code there.
fn header_text(s: &str, max_chars: usize) -> String {
    let mut out: String = s.chars().take(max_chars).collect();
    if s.chars().count() > max_chars {
        out.push('…');
    }
    out.replace('&', "&&")
}

/// A channel as the documents name it, capitalised for a table cell; Meta's messengers carry
/// the footnote mark that explains their status in Russia.
fn channel_name(kind: ChannelKind, lang: Lang) -> String {
    let name = super::views::helpers::channel_name(kind, lang);
    let mut chars = name.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if kind.is_meta() {
        out.push('*');
    }
    out
}

fn notify_name(n: Notify, lang: Lang) -> &'static str {
    match (n, lang) {
        (Notify::BitrixTask, Lang::Ru) => "задача в Битрикс24",
        (Notify::BitrixTask, Lang::En) => "Bitrix24 task",
        (Notify::Telegram, _) => "Telegram",
        (Notify::Sms, _) => "SMS",
        (Notify::Email, _) => "e-mail",
    }
}

fn dur(d: Duration, lang: Lang) -> String {
    fmt_duration(d.secs(), lang)
}

fn at_most(d: Duration, lang: Lang) -> String {
    format!("≤ {}", dur(d, lang))
}

/// Writes the SLA workbook of `loc`.
pub fn write_sla_sheet(b: &Business, loc: &Location) -> anyhow::Result<Vec<u8>> {
    let lang = b.lang();
    let words = labels(lang);
    let fmts = Formats::new();
    let title = DocKind::SlaSheet.title(lang);
    let created = *b.document.effective_date;
    let date = {
        use chrono::Datelike;
        let year = u16::try_from(created.year()).context("effective_date before year 0")?;
        let month = u8::try_from(created.month()).unwrap_or(1);
        let day = u8::try_from(created.day()).unwrap_or(1);
        ExcelDateTime::from_ymd(year, month, day)
            .context("effective_date is outside what a spreadsheet can hold")?
    };
    let props = DocProperties::new()
        .set_title(title)
        .set_subject(format!("{title}: {}, {}", *b.business.name, *loc.city))
        .set_author(b.document.owner.as_str())
        .set_manager(b.document.approved_by.as_str())
        .set_company(b.business.legal_name.as_str())
        .set_keywords(format!(
            "regl; {}; {}",
            DocKind::SlaSheet.stem(),
            loc.id.as_str()
        ))
        .set_comment(format!("{} {}", words.version, *b.document.version))
        .set_creation_datetime(&date);

    let mut wb = Workbook::new();
    wb.set_properties(&props);

    let header = format!(
        "&L&\"Arial\"&9{}&R&\"Arial\"&9{}",
        header_text(title, 60),
        header_text(&format!("{}, {}", *b.business.name, *loc.city), 100)
    );
    let footer = format!(
        "&L&\"Arial\"&9{}&R&\"Arial\"&9{} &P {} &N",
        header_text(
            &format!(
                "{} {} · {}",
                words.version,
                *b.document.version,
                fmt_date(created, lang)
            ),
            100
        ),
        words.page,
        words.of
    );

    sla_sheet(wb.add_worksheet(), b, loc, words, &fmts)?;
    kpi_sheet(wb.add_worksheet(), b, loc, words, &fmts)?;
    hours_sheet(wb.add_worksheet(), b, loc, words, &fmts)?;
    for ws in wb.worksheets_mut() {
        ws.set_paper_size(9) // A4
            .set_print_fit_to_pages(1, 0)
            .set_header(&header)
            .set_footer(&footer);
    }
    wb.save_to_buffer().context("writing the SLA workbook")
}

const SLA_COLUMNS: u16 = 8;

fn sla_sheet(
    ws: &mut Worksheet,
    b: &Business,
    loc: &Location,
    words: &Labels,
    fmts: &Formats,
) -> anyhow::Result<()> {
    let lang = b.lang();
    ws.set_name(words.sheet_sla)?;
    ws.set_landscape();
    let last_col = SLA_COLUMNS - 1;
    let title = DocKind::SlaSheet.title(lang);
    ws.merge_range(0, 0, 0, last_col, title, &fmts.title)?;
    ws.set_row_height(0, 22)?;
    let subtitle = format!(
        "{} · {}: {}, {}",
        *b.business.name, words.location, *loc.city, *loc.address
    );
    ws.merge_range(1, 0, 1, last_col, &subtitle, &fmts.subtitle)?;

    let header_row = 3;
    let mut g = Grid::new(ws, usize::from(SLA_COLUMNS));
    let heads = [
        words.channel,
        words.bot,
        words.ai_first,
        words.human_first,
        words.lead_to_crm,
        words.confirmation,
        words.reminders,
        words.escalation,
    ];
    for (col, h) in (0u16..).zip(heads) {
        // Headers wrap, so they count for their longest word only.
        let word = h.split(' ').map(|w| w.chars().count()).max().unwrap_or(0);
        g.widths[usize::from(col)] = g.widths[usize::from(col)].max(word.min(14));
        g.ws.write_string_with_format(header_row, col, h, &fmts.header)?;
    }
    let reminders = b
        .sla
        .reminders
        .iter()
        .map(|d| dur(**d, lang))
        .collect::<Vec<_>>()
        .join(", ");
    let mut row = header_row;
    let mut meta: Vec<&'static str> = Vec::new();
    for ch in &b.channels {
        row += 1;
        let sla = b.channel_sla(ch);
        if ch.id.is_meta() {
            meta.push(super::views::helpers::channel_name(*ch.id, lang));
        }
        let dash = "—".to_owned();
        let cells = [
            channel_name(*ch.id, lang),
            if ch.bot() { words.yes } else { words.no }.to_owned(),
            if ch.bot() {
                at_most(sla.ai_first_response, lang)
            } else {
                dash.clone()
            },
            at_most(sla.human_first_response, lang),
            at_most(sla.lead_to_crm, lang),
            at_most(sla.booking_confirmation, lang),
            if ch.reminders() && !reminders.is_empty() {
                format!("{reminders} {}", words.before_visit)
            } else {
                dash
            },
            at_most(sla.escalation_response, lang),
        ];
        for (col, text) in (0u16..).zip(&cells) {
            g.put(row, col, text, &fmts.cell)?;
        }
    }
    let last_data = row;
    // The document-control labels below the table sit in the first column too.
    for label in [
        words.version,
        words.effective,
        words.next_review,
        words.owner,
        words.approver,
    ] {
        g.fit(0, label);
    }
    g.size_columns(8, 40)?;
    let head_cells: Vec<(u16, &str)> = (0u16..).zip(heads).collect();
    g.fit_row(header_row, &head_cells)?;
    let ws = g.ws;
    ws.set_freeze_panes(header_row + 1, 1)?;
    ws.set_repeat_rows(header_row, header_row)?;
    if last_data > header_row {
        ws.autofilter(header_row, 0, last_data, last_col)?;
    }

    // Facts that bound the table's figures, and the footnote Russian law asks for.
    row = last_data + 2;
    let mut notes = vec![
        format!("{} {}.", words.nps, dur(*b.sla.nps_survey_after, lang)),
        format!(
            "{} {} {}.",
            words.free_cancel,
            dur(*b.cancellation.free_until, lang),
            words.before_visit
        ),
    ];
    if !meta.is_empty() {
        let (names, verb) = match meta.as_slice() {
            [one] => ((*one).to_owned(), words.meta_note_one),
            many => (
                many.join(if lang == Lang::Ru { " и " } else { " and " }),
                words.meta_note_many,
            ),
        };
        notes.push(format!("{}{names}{verb}", words.meta_note));
    }
    for note in &notes {
        ws.merge_range(row, 0, row, last_col, note, &fmts.note)?;
        ws.set_row_height(row, row_height(lines_in(note, 130)))?;
        row += 1;
    }

    row += 1;
    document_control(ws, row, b, words, fmts)?;
    Ok(())
}

/// The document-control block and revision history, from `row` down.
fn document_control(
    ws: &mut Worksheet,
    mut row: u32,
    b: &Business,
    words: &Labels,
    fmts: &Formats,
) -> anyhow::Result<()> {
    let lang = b.lang();
    let control = &b.document;
    let last_col = SLA_COLUMNS - 1;
    ws.write_string_with_format(row, 0, words.control, &fmts.section)?;
    row += 1;
    let rows = [
        (words.version, control.version.to_string()),
        (words.effective, fmt_date(*control.effective_date, lang)),
        (words.next_review, fmt_date(next_review(control), lang)),
        (words.owner, control.owner.to_string()),
        (words.approver, control.approved_by.to_string()),
    ];
    for (label, value) in &rows {
        ws.write_string_with_format(row, 0, *label, &fmts.label)?;
        ws.merge_range(row, 1, row, last_col, value, &fmts.cell)?;
        row += 1;
    }

    row += 1;
    ws.write_string_with_format(row, 0, words.revisions, &fmts.section)?;
    row += 1;
    ws.write_string_with_format(row, 0, words.version, &fmts.header)?;
    ws.write_string_with_format(row, 1, words.date, &fmts.header)?;
    ws.merge_range(row, 2, row, 4, words.summary, &fmts.header)?;
    ws.merge_range(row, 5, row, last_col, words.approver, &fmts.header)?;
    for change in &control.changes {
        row += 1;
        let approver = change
            .approved_by
            .as_ref()
            .map_or_else(|| control.approved_by.to_string(), |a| a.to_string());
        ws.write_string_with_format(row, 0, change.version.as_str(), &fmts.cell)?;
        ws.write_string_with_format(row, 1, fmt_date(*change.date, lang), &fmts.cell)?;
        ws.merge_range(row, 2, row, 4, change.summary.as_str(), &fmts.wrap)?;
        ws.merge_range(row, 5, row, last_col, &approver, &fmts.wrap)?;
        let lines = lines_in(&change.summary, 45).max(lines_in(&approver, 45));
        if lines > 1 {
            ws.set_row_height(row, row_height(lines))?;
        }
    }
    Ok(())
}

/// "≥ 60 %" as a number, so a manager can compare it with a report's figure.
fn write_share(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    share: Share,
    sign: &str,
    cell: &Format,
    space_before_percent: bool,
) -> anyhow::Result<()> {
    let percent = share.0 * 100.0;
    // A target such as 0.285 keeps its tenth of a percent.
    let digits = if (percent - percent.round()).abs() < 1e-9 {
        "0%"
    } else {
        "0.0%"
    };
    let format = cell.clone().set_num_format(format!("\"{sign} \"{digits}"));
    // Russian typography puts a non-breaking space before the percent sign; the sign itself
    // stays outside the quotes so the cell keeps scaling the share to a percentage.
    let format = if space_before_percent {
        cell.clone().set_num_format(format!(
            "\"{sign} \"{}\"\u{a0}\"%",
            digits.trim_end_matches('%')
        ))
    } else {
        format
    };
    ws.write_number_with_format(row, col, share.0, &format)?;
    Ok(())
}

/// A KPI target: a duration in words, or a share a report's figure is compared with.
enum Target {
    Text(String),
    AtLeast(Share),
    AtMost(Share),
}

fn kpi_sheet(
    ws: &mut Worksheet,
    b: &Business,
    loc: &Location,
    words: &Labels,
    fmts: &Formats,
) -> anyhow::Result<()> {
    let lang = b.lang();
    ws.set_name(words.sheet_kpi)?;
    let targets = &b.sla.targets;
    let location_field = b
        .crm
        .fields
        .iter()
        .find(|fl| *fl.slot == crate::model::enums::Slot::Location)
        .map(|fl| fl.label.to_string());
    let filter = match (&location_field, lang) {
        (Some(label), Lang::Ru) => format!("фильтр: поле «{label}» = «{}»", *loc.city),
        (Some(label), Lang::En) => format!("filter: field \"{label}\" = \"{}\"", *loc.city),
        (None, Lang::Ru) => format!("фильтр по филиалу «{}»", *loc.city),
        (None, Lang::En) => format!("filter by the location \"{}\"", *loc.city),
    };
    let funnel = b
        .crm
        .stages
        .iter()
        .map(|s| s.name.to_string())
        .collect::<Vec<_>>()
        .join(" → ");
    let failures = b
        .crm
        .stages
        .iter()
        .filter(|s| {
            s.semantics
                .as_ref()
                .is_some_and(|m| **m == crate::model::enums::StageSemantics::Failure)
        })
        .map(|s| s.name.to_string())
        .collect::<Vec<_>>();
    let failures = if failures.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::Ru => format!(" (стадии провала: «{}»)", failures.join("», «")),
            Lang::En => format!(" (failure stages: \"{}\")", failures.join("\", \"")),
        }
    };
    let tag = loc.escalation_tag.as_str();
    let conf = dur(*b.sla.booking_confirmation, lang);

    let rows: Vec<(&str, Target, String)> = match lang {
        Lang::Ru => vec![
            (
                "Время первого ответа ИИ-ассистента",
                Target::Text(at_most(*b.sla.ai_first_response, lang)),
                format!(
                    "Журнал ИИ-ассистента: время от сообщения клиента до ответа бота; выборочно сверить с историей диалога в открытой линии (Контакт-центр → Открытые линии → Статистика), {filter}."
                ),
            ),
            (
                "Время первого ответа сотрудника (в рабочие часы)",
                Target::Text(at_most(*b.sla.human_first_response, lang)),
                format!(
                    "Контакт-центр → Открытые линии → Статистика: «Время первого ответа» сотрудников филиала; звонки — отчёт телефонии о пропущенных вызовах и перезвонах; {filter}."
                ),
            ),
            (
                "Доля диалогов, закрытых ботом без сотрудника",
                Target::AtLeast(*targets.bot_handled_share),
                format!(
                    "CRM → Лиды за период из каналов с ИИ-ассистентом ({filter}); из них без задачи с тегом «{tag}». Доля = лиды без эскалации / все лиды из каналов с ботом."
                ),
            ),
            (
                "Конверсия «лид → запись»",
                Target::AtLeast(*targets.lead_to_booking),
                format!(
                    "CRM → Аналитика → Воронка лидов за месяц, {filter}: доля лидов, дошедших до стадии записи. Воронка: {funnel}."
                ),
            ),
            (
                "Доля подтверждённых записей",
                Target::AtLeast(*targets.confirmed_bookings),
                format!(
                    "Записи за период, подтверждённые клиентом в течение {conf} (стадия подтверждения или дальше) / все записи; {filter}."
                ),
            ),
            (
                "Доля неявок",
                Target::AtMost(*targets.no_show_max),
                format!(
                    "Лиды на стадии неявки{failures} / все записи с наступившей датой визита, за месяц; {filter}. Сравнить с месяцем до включения напоминаний."
                ),
            ),
        ],
        Lang::En => vec![
            (
                "AI assistant first response time",
                Target::Text(at_most(*b.sla.ai_first_response, lang)),
                format!(
                    "The AI assistant's log: time from the client's message to the bot's reply; spot-check against the dialogue history in the open channel (Contact Center → Open Channels → Statistics), {filter}."
                ),
            ),
            (
                "Staff first response time (working hours)",
                Target::Text(at_most(*b.sla.human_first_response, lang)),
                format!(
                    "Contact Center → Open Channels → Statistics: staff \"first response time\" for the location; calls: the telephony report of missed calls and call-backs; {filter}."
                ),
            ),
            (
                "Share of dialogues the bot handles alone",
                Target::AtLeast(*targets.bot_handled_share),
                format!(
                    "CRM → Leads for the period from channels with the AI assistant ({filter}); of these, those without a task tagged \"{tag}\". Share = leads without escalation / all leads from bot channels."
                ),
            ),
            (
                "Lead → booking conversion",
                Target::AtLeast(*targets.lead_to_booking),
                format!(
                    "CRM → Analytics → lead funnel for the month, {filter}: share of leads that reached the booking stage. Funnel: {funnel}."
                ),
            ),
            (
                "Share of confirmed bookings",
                Target::AtLeast(*targets.confirmed_bookings),
                format!(
                    "Bookings for the period confirmed by the client within {conf} (confirmation stage or later) / all bookings; {filter}."
                ),
            ),
            (
                "No-show rate",
                Target::AtMost(*targets.no_show_max),
                format!(
                    "Leads at the no-show stage{failures} / all bookings whose visit date has passed, for the month; {filter}. Compare with the month before reminders were switched on."
                ),
            ),
        ],
    };

    let mut g = Grid::new(ws, 3);
    for (col, h) in (0u16..).zip([words.metric, words.target, words.how]) {
        g.put(0, col, h, &fmts.header)?;
    }
    let target_cell = fmts.cell.clone().set_align(FormatAlign::Left);
    let mut row = 0;
    for (metric, target, how) in &rows {
        row += 1;
        g.put(row, 0, metric, &fmts.wrap)?;
        match target {
            Target::Text(s) => g.put(row, 1, s, &target_cell)?,
            Target::AtLeast(s) => {
                write_share(g.ws, row, 1, *s, "≥", &target_cell, lang == Lang::Ru)?;
            }
            Target::AtMost(s) => {
                write_share(g.ws, row, 1, *s, "≤", &target_cell, lang == Lang::Ru)?;
            }
        }
        g.put(row, 2, how, &fmts.wrap)?;
    }
    g.size_columns(10, 36)?;
    g.set_width(2, 80)?;
    for (i, (metric, _, how)) in (1u32..).zip(&rows) {
        g.fit_row(i, &[(0, metric), (2, how)])?;
    }
    let ws = g.ws;
    ws.set_freeze_panes(1, 1)?;
    ws.set_repeat_rows(0, 0)?;
    ws.autofilter(0, 0, row, 2)?;
    ws.set_landscape();
    Ok(())
}

fn hours_sheet(
    ws: &mut Worksheet,
    b: &Business,
    loc: &Location,
    words: &Labels,
    fmts: &Formats,
) -> anyhow::Result<()> {
    let lang = b.lang();
    ws.set_name(words.sheet_hours)?;
    let tz = loc.timezone.0.as_str();
    let tz_shown = match utc_offset(tz) {
        Some(off) => format!("{tz} ({off})"),
        None => tz.to_owned(),
    };
    let mut g = Grid::new(ws, 4);
    for (col, h) in (0u16..).zip([words.day, words.open, words.close, words.timezone]) {
        g.put(0, col, h, &fmts.header)?;
    }
    let mut row = 0;
    for (i, day) in words.days.iter().enumerate() {
        let mut ranges: Vec<&WorkingHours> = loc.hours.iter().map(|h| &**h).collect();
        ranges.retain(|h| h.covers(i));
        ranges.sort_by_key(|h| h.start);
        if ranges.is_empty() {
            row += 1;
            g.put(row, 0, day, &fmts.cell)?;
            g.put(row, 1, words.closed, &fmts.cell)?;
            g.put(row, 2, "", &fmts.cell)?;
            g.put(row, 3, &tz_shown, &fmts.cell)?;
        }
        for h in ranges {
            row += 1;
            g.put(row, 0, day, &fmts.cell)?;
            g.put(row, 1, &WorkingHours::fmt_time(h.start), &fmts.cell)?;
            g.put(row, 2, &WorkingHours::fmt_time(h.end), &fmts.cell)?;
            g.put(row, 3, &tz_shown, &fmts.cell)?;
        }
    }
    debug_assert_eq!(DAYS.len(), words.days.len());
    let last = row;

    // Who answers when the location is closed.
    let duty = &loc.duty;
    let mut facts: Vec<(&str, String)> = vec![
        (words.address, format!("{}, {}", *loc.city, *loc.address)),
        (words.phone, loc.phone.pretty()),
        (
            words.night_mode,
            if loc.night_mode() {
                words.night_on
            } else {
                words.night_off
            }
            .to_owned(),
        ),
        (words.duty, duty.name.to_string()),
    ];
    if let Some(p) = &duty.phone {
        facts.push((words.duty_phone, p.pretty()));
    }
    if let Some(t) = &duty.telegram {
        facts.push((words.duty_telegram, t.to_string()));
    }
    if let Some(e) = &duty.email {
        facts.push((words.duty_email, e.0.clone()));
    }
    facts.push((words.tag, loc.escalation_tag.to_string()));
    let mut notify = String::new();
    for (i, n) in b.escalation.notify.iter().enumerate() {
        if i > 0 {
            notify.push_str(", ");
        }
        notify.push_str(notify_name(**n, lang));
    }
    let _ = write!(
        notify,
        "; {} {}",
        words.escalation.to_lowercase(),
        at_most(*b.sla.escalation_response, lang)
    );
    facts.push((words.notify, notify));

    for (label, _) in &facts {
        g.fit(0, label);
    }
    g.size_columns(10, 40)?;
    let merged = g.widths[1] + g.widths[2] + g.widths[3];
    let ws = g.ws;
    ws.set_freeze_panes(1, 0)?;
    ws.set_repeat_rows(0, 0)?;
    ws.autofilter(0, 0, last, 3)?;
    for (row, (label, value)) in (last + 2..).zip(&facts) {
        ws.write_string_with_format(row, 0, *label, &fmts.label)?;
        ws.merge_range(row, 1, row, 3, value, &fmts.wrap)?;
        let lines = lines_in(value, merged);
        if lines > 1 {
            ws.set_row_height(row, row_height(lines))?;
        }
    }
    Ok(())
}

/// "UTC+5" for Asia/Yekaterinburg, at the zone's offset today's rules give (Russia keeps no
/// daylight saving); `None` for a zone chrono-tz does not know.
fn utc_offset(tz: &str) -> Option<String> {
    use chrono::{Offset, TimeZone};
    let zone: chrono_tz::Tz = tz.parse().ok()?;
    // A fixed instant, not the clock: the same file on every run.
    let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)?.and_hms_opt(12, 0, 0)?;
    let secs = zone.offset_from_utc_datetime(&at).fix().local_minus_utc();
    let (sign, secs) = if secs < 0 {
        ('−', -secs)
    } else {
        ('+', secs)
    };
    let (h, m) = (secs / 3600, secs % 3600 / 60);
    Some(if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::FileId;
    use crate::model::load::parse;

    #[test]
    fn offsets_are_read_from_the_zone_not_the_clock() {
        assert_eq!(utc_offset("Asia/Yekaterinburg").as_deref(), Some("UTC+5"));
        assert_eq!(utc_offset("Asia/Kolkata").as_deref(), Some("UTC+5:30"));
        assert_eq!(utc_offset("America/New_York").as_deref(), Some("UTC−5"));
        assert_eq!(utc_offset("Mars/Olympus"), None);
    }

    #[test]
    fn header_texts_escape_ampersands_and_stay_short() {
        assert_eq!(header_text("A & B", 60), "A && B");
        assert_eq!(header_text(&"я".repeat(300), 100).chars().count(), 101);
    }

    #[test]
    fn the_same_business_gives_the_same_bytes() {
        let text = include_str!("../../examples/salon-ufa-omsk/business.toml");
        let b = parse(text, FileId(0)).expect("the example loads");
        let ufa = b.location("ufa").unwrap();
        let first = write_sla_sheet(&b, ufa).unwrap();
        assert_eq!(first, write_sla_sheet(&b, ufa).unwrap());
        assert_ne!(
            first,
            write_sla_sheet(&b, b.location("omsk").unwrap()).unwrap()
        );
    }
}
