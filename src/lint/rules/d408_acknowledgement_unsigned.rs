//! D408: the location has opened and a role has no signed line for the current version in
//! `acknowledgement-<loc>.xlsx`.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::working_copies;
use crate::lint::{Context, Rule, Scope};
use crate::working_copy::acknowledgement::{DATE, LAYOUT, NAME, Role, VERSION_COLUMN, sheet_name};

pub const RULE: Rule = Rule {
    code: "D408",
    name: "acknowledgement-unsigned",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the location has opened, and a role has not signed the acknowledgement for the current version",
        ru: "филиал открылся, а сотрудники какой-то роли не расписались в ознакомлении с текущей версией",
    },
    explanation: StaticText {
        en: r"**What it checks.** For each location whose `launch_date` is before today, the
signature sheet of `acknowledgement-<loc>.xlsx` has, for every role, at least one line of the
current `[document].version` with a full name and a date.

**Why it matters.** The employer must acquaint employees with the local acts that concern
their work against signature (Labour Code art. 22, 68), and staff who process personal data
with the policy (152-FZ art. 18.1). Without the signature the SOP and the escalation rules
cannot be enforced, and an inspection finds the measure missing. regl never writes a name:
the lines are blank until people sign.

**Example.** Version 1.1 changed the cancellation policy; the location opened on
2027-01-15, and no administrator's line of 1.1 is filled in.

**How to fix.** Have each employee fill in a line of their role (name, position, date,
signature, how) and save the sheet; `regl render` keeps the lines.",
        ru: r"**Что проверяет.** Для каждого филиала, у которого `launch_date` раньше сегодняшнего
дня, на листе подписей `acknowledgement-<loc>.xlsx` для каждой роли есть хотя бы одна строка
текущей `[document].version` с ФИО и датой.

**Почему это важно.** Работодатель обязан знакомить работников под подпись с локальными
актами, связанными с их работой (ст. 22, 68 ТК РФ), а работников, обрабатывающих ПДн, — с
политикой (ст. 18.1 152-ФЗ). Без подписи регламент и правила эскалации нельзя требовать
исполнять, а проверка найдёт, что мера не принята. regl никогда не вписывает имена: строки
пусты, пока люди не распишутся.

**Пример.** Версия 1.1 изменила правила отмены; филиал открылся 2027-01-15, и ни одна строка
администраторов версии 1.1 не заполнена.

**Как исправить.** Пусть каждый сотрудник заполнит строку своей роли (ФИО, должность, дата,
подпись, способ) и сохранит таблицу; `regl render` строки сохраняет.",
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let lang = cx.business.lang();
    let version = cx.business.document.version.as_str();
    for loc in &cx.business.locations {
        let (Some(opened), Some(date)) =
            (working_copies::opened(cx, loc), loc.launch_date.as_ref())
        else {
            continue;
        };
        let id = loc.id.as_str();
        let Some(sheet) = working_copies::read(cx, "acknowledgement", id, LAYOUT) else {
            continue;
        };
        let of_version = |role: Role| {
            sheet.rows.iter().filter(move |(k, r)| {
                Role::of_id(k) == Some(role)
                    && r.regl.get(VERSION_COLUMN).is_some_and(|v| v == version)
            })
        };
        let missing: Vec<(Role, u32)> = Role::ALL
            .into_iter()
            .filter(|role| {
                !of_version(*role).any(|(_, r)| {
                    let filled = |i: usize| r.people.get(i).is_some_and(|v| !v.trim().is_empty());
                    filled(NAME) && filled(DATE)
                })
            })
            .filter_map(|role| {
                let first = of_version(role).map(|(_, r)| r.row).min()?;
                Some((role, first))
            })
            .collect();
        let Some(&(_, first)) = missing.first() else {
            continue;
        };
        let cell = format!(
            "{}!{}",
            sheet_name(lang),
            LAYOUT.cell(u16::try_from(NAME).unwrap_or(0), first)
        );
        let roles = missing
            .iter()
            .map(|(r, _)| r.word(lang))
            .collect::<Vec<_>>()
            .join(", ");
        let path = &sheet.path;
        out.push(
            Diagnostic::finding(
                "D408",
                Severity::Error,
                t!(
                    "location `{id}` opened on {opened}, but nobody signed `{path}` for version {version} in these roles: {roles} (first line at {cell})",
                    "филиал `{id}` открылся {opened}, но в `{path}` никто не расписался за версию {version} в ролях: {roles} (первая строка — {cell})"
                ),
            )
            .at(cx.file, date.span.clone(), t!("the opening day", "день открытия"))
            .also(sheet.manifest, sheet.span.clone(), t!("the acknowledgement", "лист ознакомления"))
            .hint(t!(
                "have each employee fill in a line of their role (name, position, date, signature) and save the sheet: `regl render` keeps the lines",
                "пусть каждый сотрудник заполнит строку своей роли (ФИО, должность, дата, подпись) и сохранит таблицу: `regl render` строки сохраняет"
            )),
        );
    }
}
