//! The first sheet: response times per channel, the facts that bound them, the Meta
//! footnote, and the document control with the revision history.

use rust_xlsxwriter::Worksheet;

use super::grid::{Formats, Grid, cell_name, lines_in, row_height};
use super::labels::Labels;
use crate::model::enums::Lang;
use crate::render::views::SlaSheet;

const SLA_COLUMNS: u16 = 8;

/// "≤ 30 минут": a time a channel must not exceed.
fn at_most(time: &str) -> String {
    format!("≤ {time}")
}

/// Writes the SLA sheet.
pub fn write(
    ws: &mut Worksheet,
    view: &SlaSheet<'_>,
    words: &Labels,
    fmts: &Formats,
) -> anyhow::Result<()> {
    let (common, sla) = (view.common, view.sla);
    let lang = common.lang;
    let loc = &common.location;
    ws.set_name(words.sheet_sla)?;
    ws.set_landscape();
    let last_col = SLA_COLUMNS - 1;
    ws.merge_range(0, 0, 0, last_col, view.title, &fmts.title)?;
    ws.set_row_height(0, 22)?;
    let subtitle = format!(
        "{} · {}: {}, {}",
        common.business.name, words.location, loc.city, loc.address
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
    let reminders = sla
        .reminders
        .iter()
        .map(|d| d.nominative.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut row = header_row;
    for ch in view.channels {
        row += 1;
        let times = &ch.sla;
        let dash = "—".to_owned();
        let cells = [
            cell_name(ch),
            if ch.bot { words.yes } else { words.no }.to_owned(),
            if ch.bot {
                at_most(&times.ai_first_response.nominative)
            } else {
                dash.clone()
            },
            at_most(&times.human_first_response.nominative),
            at_most(&times.lead_to_crm.nominative),
            at_most(&times.booking_confirmation.nominative),
            if ch.reminders && !reminders.is_empty() {
                format!("{reminders} {}", words.before_visit)
            } else {
                dash
            },
            at_most(&times.escalation_response.nominative),
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
        format!("{} {}.", words.nps, sla.nps_survey_after.nominative),
        format!(
            "{} {} {}.",
            words.free_cancel, view.cancellation.free_until.nominative, words.before_visit
        ),
    ];
    if !view.meta_channels.is_empty() {
        let (names, verb) = match view.meta_channels.as_slice() {
            [one] => (one.clone(), words.meta_note_one),
            many => (
                many.join(if lang == Lang::Ru { " и " } else { " and " }),
                words.meta_note_many,
            ),
        };
        let whatsapp = view.meta_channels.iter().any(|c| c == "WhatsApp");
        let ban = if whatsapp { words.meta_whatsapp } else { "" };
        notes.push(format!("{verb}{names}{}{ban}.", words.meta_banned));
    }
    for note in &notes {
        ws.merge_range(row, 0, row, last_col, note, &fmts.note)?;
        ws.set_row_height(row, row_height(lines_in(note, 130)))?;
        row += 1;
    }

    row += 1;
    document_control(ws, row, view, words, fmts)?;
    Ok(())
}

/// The document-control block and revision history, from `row` down.
fn document_control(
    ws: &mut Worksheet,
    mut row: u32,
    view: &SlaSheet<'_>,
    words: &Labels,
    fmts: &Formats,
) -> anyhow::Result<()> {
    let control = &view.common.document;
    let last_col = SLA_COLUMNS - 1;
    ws.write_string_with_format(row, 0, words.control, &fmts.section)?;
    row += 1;
    let rows = [
        (words.version, control.version),
        (words.effective, control.effective_date.as_str()),
        (words.next_review, control.next_review.as_str()),
        (words.owner, control.owner),
        (words.approver, control.approved_by),
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
        let approver = change.approved_by;
        ws.write_string_with_format(row, 0, change.version, &fmts.cell)?;
        ws.write_string_with_format(row, 1, &change.date, &fmts.cell)?;
        ws.merge_range(row, 2, row, 4, change.summary, &fmts.wrap)?;
        ws.merge_range(row, 5, row, last_col, approver, &fmts.wrap)?;
        let lines = lines_in(change.summary, 45).max(lines_in(approver, 45));
        if lines > 1 {
            ws.set_row_height(row, row_height(lines))?;
        }
    }
    Ok(())
}
