//! The hours sheet: the week's opening hours in local time, then who answers when the
//! location is closed and how the person on duty is alerted.

use std::fmt::Write as _;

use rust_xlsxwriter::Worksheet;

use super::grid::{Formats, Grid, lines_in, row_height};
use super::labels::Labels;
use crate::render::views::SlaSheet;

/// Writes the hours sheet.
pub fn write(
    ws: &mut Worksheet,
    view: &SlaSheet<'_>,
    words: &Labels,
    fmts: &Formats,
) -> anyhow::Result<()> {
    let loc = &view.common.location;
    ws.set_name(words.sheet_hours)?;
    let tz_shown = &view.timezone_shown;
    let mut g = Grid::new(ws, 4);
    for (col, h) in (0u16..).zip([words.day, words.open, words.close, words.timezone]) {
        g.put(0, col, h, &fmts.header)?;
    }
    let mut row = 0;
    debug_assert_eq!(view.week.len(), words.days.len());
    for (day, ranges) in words.days.iter().zip(&view.week) {
        if ranges.is_empty() {
            row += 1;
            g.put(row, 0, day, &fmts.cell)?;
            g.put(row, 1, words.closed, &fmts.cell)?;
            g.put(row, 2, "", &fmts.cell)?;
            g.put(row, 3, tz_shown, &fmts.cell)?;
        }
        for (i, h) in ranges.iter().enumerate() {
            // A break gets a row of its own between the ranges around it, so the sheet
            // names it rather than showing two shifts.
            if let Some(before) = i.checked_sub(1).map(|j| &ranges[j])
                && before.closes < h.opens
            {
                row += 1;
                g.put(row, 0, day, &fmts.cell)?;
                let shown = format!("{} {}–{}", words.break_, before.closes, h.opens);
                g.put(row, 1, &shown, &fmts.cell)?;
                g.put(row, 2, "", &fmts.cell)?;
                g.put(row, 3, tz_shown, &fmts.cell)?;
            }
            row += 1;
            g.put(row, 0, day, &fmts.cell)?;
            g.put(row, 1, &h.opens, &fmts.cell)?;
            g.put(row, 2, &h.closes, &fmts.cell)?;
            g.put(row, 3, tz_shown, &fmts.cell)?;
        }
    }
    let last = row;

    // Who answers when the location is closed.
    let mut facts: Vec<(&str, String)> = vec![
        (words.address, format!("{}, {}", loc.city, loc.address)),
        (words.phone, loc.phone.clone()),
        (
            words.night_mode,
            if loc.night_mode {
                words.night_on
            } else {
                words.night_off
            }
            .to_owned(),
        ),
    ];
    for duty in &view.duty {
        let who = match &duty.when {
            Some(when) => format!("{} — {when}", duty.name),
            None => duty.name.to_owned(),
        };
        facts.push((words.duty, who));
        if let Some(p) = &duty.phone {
            facts.push((words.duty_phone, p.clone()));
        }
        if let Some(t) = duty.telegram {
            facts.push((words.duty_telegram, t.to_owned()));
        }
        if let Some(e) = duty.email {
            facts.push((words.duty_email, e.to_owned()));
        }
    }
    facts.push((words.tag, loc.escalation_tag.to_owned()));
    let mut notify = view.alerts.join(", ");
    let _ = write!(
        notify,
        "; {} ≤ {}",
        words.escalation.to_lowercase(),
        view.sla.escalation_response.nominative
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
