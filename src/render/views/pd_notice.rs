//! The notice to Roskomnadzor as the register drafts it: each item ч. 3 ст. 22 152-FZ asks
//! for, with the text filled from `business.toml` and the key it comes from, and what a new
//! city changes in it (ч. 7 ст. 22: a change notice by the 15th of the next month).
//!
//! The draft is not filed by regl: it is filed on the Roskomnadzor portal. What the config
//! does not hold (the regions, the start date, the encryption used, the security level) is
//! written as a to-do with what decides it.

use super::helpers::pick;
use super::pd::PdView;
use super::pd_register::{NoticeItem, actions_text};
use crate::model::business::Business;
use crate::model::enums::Lang;

fn item(item: &'static str, asks: String, value: String, source: &'static str) -> NoticeItem {
    NoticeItem {
        item,
        asks,
        value,
        source,
        todo: false,
    }
}

fn todo(item: &'static str, asks: String, value: String, source: &'static str) -> NoticeItem {
    NoticeItem {
        item,
        asks,
        value,
        source,
        todo: true,
    }
}

/// The notice's items, in the order of ч. 3 ст. 22.
pub fn items(b: &Business, pd: &PdView<'_>, storage: &str, lang: Lang) -> Vec<NoticeItem> {
    let ru = lang == Lang::Ru;
    let w = |r: &str, e: &str| pick(lang, r, e);
    let info = &b.business;
    let ogrn = if info.ogrn.0.len() == 15 {
        w("ОГРНИП", "OGRNIP")
    } else {
        w("ОГРН", "OGRN")
    };
    let inn = w("ИНН", "INN");
    let mut out = vec![item(
        "п. 1",
        w(
            "Наименование и адрес оператора, ИНН, ОГРН",
            "The operator's name and address, INN, OGRN",
        ),
        format!(
            "{}, {}; {inn} {}; {ogrn} {}",
            info.legal_name.as_str(),
            info.legal_address.as_str(),
            info.inn.0,
            info.ogrn.0
        ),
        "[business]",
    )];
    let cities: Vec<String> = b
        .locations
        .iter()
        .map(|l| {
            if ru {
                format!("г. {}", l.city.as_str())
            } else {
                l.city.to_string()
            }
        })
        .collect();
    out.push(todo(
        "—",
        w(
            "Субъекты Российской Федерации, где обрабатываются данные",
            "The regions of the Russian Federation where data are processed",
        ),
        match lang {
            Lang::Ru => format!(
                "укажите субъект Российской Федерации каждого города: {}",
                cities.join(", ")
            ),
            Lang::En => format!(
                "give the region of the Russian Federation of each city: {}",
                cities.join(", ")
            ),
        },
        "[[locations]].city",
    ));
    let purposes: Vec<&str> = pd.purposes.iter().map(|p| p.name).collect();
    out.push(item(
        "п. 2",
        w("Цели обработки", "The purposes of processing"),
        purposes.join("; "),
        "[[pd.purposes]].name",
    ));
    let mut categories = pd.categories.join(", ");
    if !pd.special_categories.is_empty() {
        let extra = match lang {
            Lang::Ru => format!(
                "; специальные категории (сведения о состоянии здоровья): {}",
                pd.special_categories.join(", ")
            ),
            Lang::En => format!(
                "; special categories (health data): {}",
                pd.special_categories.join(", ")
            ),
        };
        categories.push_str(&extra);
    }
    out.push(item(
        "п. 3",
        w(
            "Категории персональных данных (по каждой цели — лист «Реестр»)",
            "Categories of personal data (per purpose: the Register sheet)",
        ),
        categories,
        "[[pd.purposes]].data, [pd].special_categories",
    ));
    let mut subjects: Vec<&str> = Vec::new();
    for p in &pd.purposes {
        for s in &p.subjects {
            if !subjects.contains(&s.as_str()) {
                subjects.push(s);
            }
        }
    }
    out.push(item(
        "п. 4",
        w("Категории субъектов", "Categories of data subjects"),
        subjects.join("; "),
        "[[pd.purposes]].subjects",
    ));
    let mut bases: Vec<String> = pd
        .purposes
        .iter()
        .map(|p| format!("{} — {}", p.title, p.basis_text))
        .collect();
    if pd.has_special && pd.written_consent {
        bases.push(w(
            "сведения о состоянии здоровья — письменное согласие субъекта (п. 1 ч. 2 ст. 10 Федерального закона № 152-ФЗ)",
            "health data — the data subject's written consent (152-FZ art. 10 part 2 item 1)",
        ));
    }
    out.push(item(
        "п. 5",
        w(
            "Правовое основание обработки",
            "The legal basis of processing",
        ),
        bases.join("; "),
        "[[pd.purposes]].basis",
    ));
    out.push(item(
        "п. 6",
        w(
            "Действия с данными и способы обработки",
            "Actions with the data and methods of processing",
        ),
        format!(
            "{}; {}",
            actions_text(lang),
            w(
                "смешанная обработка, с передачей по внутренней сети и по сети Интернет",
                "mixed processing, with transfer over the internal network and the Internet",
            )
        ),
        "—",
    ));
    out.push(todo(
        "п. 7",
        w(
            "Меры по ст. 18.1 и 19, в том числе шифровальные (криптографические) средства",
            "Measures under arts 18.1 and 19, including encryption (cryptographic) tools",
        ),
        w(
            "назначен ответственный за организацию обработки; опубликованы политика и согласие; сотрудники ознакомлены с документами; проводится внутренний контроль; оценен вред субъектам; доступ к данным по ролям, журнал действий, резервное копирование в Российской Федерации. Укажите, используются ли шифровальные (криптографические) средства и какие",
            "a person responsible for processing is appointed; the policy and the consent are published; staff have read the documents; internal control is carried out; the harm to data subjects is assessed; role-based access, an action log, backups in the Russian Federation. State whether encryption (cryptographic) tools are used, and which",
        ),
        "[business].pd_officer, [pd.backup]",
    ));
    let officer = &info.pd_officer;
    let officer_name = officer.name.as_ref().map_or_else(
        || w("ФИО — укажите", "full name — give it"),
        |n| n.value.clone(),
    );
    let officer_item = format!(
        "{officer_name}; {}; {}; {}",
        officer.phone.pretty(),
        officer.email.0,
        info.legal_address.as_str()
    );
    let officer_asks = w(
        "Ответственный за организацию обработки: ФИО, телефоны, почтовый адрес, электронная почта",
        "The person responsible for processing: full name, phones, postal address, e-mail",
    );
    out.push(if officer.name.is_some() {
        item(
            "п. 7.1",
            officer_asks,
            officer_item,
            "[business].pd_officer",
        )
    } else {
        todo(
            "п. 7.1",
            officer_asks,
            officer_item,
            "[business].pd_officer",
        )
    });
    out.push(todo(
        "п. 8",
        w("Дата начала обработки", "The date processing starts"),
        w(
            "укажите: уведомление подаётся до начала обработки (ч. 1 ст. 22)",
            "give it: the notice is filed before processing starts (art. 22 part 1)",
        ),
        "—",
    ));
    out.push(item(
        "п. 9",
        w(
            "Срок или условие прекращения обработки",
            "The term or condition of ending processing",
        ),
        w(
            "достижение целей обработки, истечение сроков хранения, отзыв согласия при отсутствии иных оснований, ликвидация Оператора",
            "the purposes achieved, the retention terms expired, consent withdrawn with no other basis, the Operator's liquidation",
        ),
        "[[pd.purposes]].retention",
    ));
    out.push(cross_border(pd, lang));
    out.push(item(
        "п. 10.1",
        w(
            "Местонахождение баз данных с персональными данными граждан Российской Федерации",
            "Where the databases holding Russian citizens' data are",
        ),
        storage.to_owned(),
        "[pd].storage_country, [pd].processors",
    ));
    out.push(todo(
        "п. 11",
        w(
            "Обеспечение безопасности по требованиям Правительства (уровень защищённости)",
            "Security under the Government's requirements (the protection level)",
        ),
        if pd.has_special {
            w(
                "определите уровень защищённости по постановлению Правительства РФ № 1119 по числу субъектов и типу угроз; для специальных категорий менее чем 100 000 субъектов — как правило, УЗ-3",
                "set the protection level under Government Decree No. 1119 by the number of subjects and the threat type; for special categories of fewer than 100,000 subjects, usually level 3",
            )
        } else {
            w(
                "определите уровень защищённости по постановлению Правительства РФ № 1119 по числу субъектов и типу угроз; для данных клиентов менее чем 100 000 человек при угрозах 3-го типа — УЗ-4",
                "set the protection level under Government Decree No. 1119 by the number of subjects and the threat type; for clients' data of fewer than 100,000 people with type-3 threats, level 4",
            )
        },
        "—",
    ));
    out.push(register_number(pd, lang));
    out
}

/// п. 10: the operator's own transfer abroad, and the messengers the client chooses.
fn cross_border(pd: &PdView<'_>, lang: Lang) -> NoticeItem {
    let w = |r: &str, e: &str| pick(lang, r, e);
    let asks = w("Трансграничная передача", "Cross-border transfer");
    let filed = &pd.notice.cross_border_filed_on;
    let abroad: Vec<&str> = pd.foreign_instructed.iter().map(|p| p.name).collect();
    let messengers: Vec<&str> = pd
        .independent
        .iter()
        .filter(|p| p.abroad)
        .map(|p| p.name)
        .collect();
    let mut value = if abroad.is_empty() {
        w(
            "Оператором не осуществляется",
            "not carried out by the Operator",
        )
    } else {
        match lang {
            Lang::Ru => format!("осуществляется: {}", abroad.join(", ")),
            Lang::En => format!("carried out: {}", abroad.join(", ")),
        }
    };
    if !messengers.is_empty() {
        let extra = match lang {
            Lang::Ru => format!(
                "; мессенджеры, которые клиент выбирает сам, — самостоятельные операторы: {}",
                messengers.join(", ")
            ),
            Lang::En => format!(
                "; the messengers the client chooses are operators in their own right: {}",
                messengers.join(", ")
            ),
        };
        value.push_str(&extra);
    }
    let needs_notice = !abroad.is_empty() || !messengers.is_empty();
    if !filed.is_empty() {
        let extra = match lang {
            Lang::Ru => format!("; уведомление о трансграничной передаче подано {filed}"),
            Lang::En => format!("; the cross-border notice was filed on {filed}"),
        };
        value.push_str(&extra);
    } else if needs_notice {
        value.push_str(&w(
            "; уведомление о трансграничной передаче (ч. 3 ст. 12) подаётся отдельно, до начала передачи",
            "; the cross-border notice (art. 12 part 3) is filed separately, before the transfer starts",
        ));
    }
    NoticeItem {
        item: "п. 10",
        asks,
        value,
        source: "[pd].processors, [pd.notice].cross_border_filed_on",
        todo: !abroad.is_empty() && filed.is_empty(),
    }
}

/// The operator's number in the register, once Roskomnadzor has entered it.
fn register_number(pd: &PdView<'_>, lang: Lang) -> NoticeItem {
    let w = |r: &str, e: &str| pick(lang, r, e);
    let n = &pd.notice;
    let asks = w(
        "Регистрационный номер в реестре операторов",
        "The number in the register of operators",
    );
    let source = "[pd.notice].register_number, [pd.notice].filed_on";
    if n.register_number.is_empty() {
        let value = if n.filed_on.is_empty() {
            w(
                "заполнить: подайте уведомление, затем укажите номер в [pd.notice].register_number",
                "to fill in: file the notice, then give the number in [pd.notice].register_number",
            )
        } else {
            match lang {
                Lang::Ru => format!(
                    "заполнить: уведомление подано {}, Роскомнадзор вносит оператора в реестр в течение 30 дней",
                    n.filed_on
                ),
                Lang::En => format!(
                    "to fill in: the notice was filed on {}; Roskomnadzor enters the operator within 30 days",
                    n.filed_on
                ),
            }
        };
        return todo("—", asks, value, source);
    }
    let mut value = n.register_number.clone();
    if !n.filed_on.is_empty() {
        let extra = match lang {
            Lang::Ru => format!("; уведомление подано {}", n.filed_on),
            Lang::En => format!("; the notice was filed on {}", n.filed_on),
        };
        value.push_str(&extra);
    }
    item("—", asks, value, source)
}

/// What opening a city changes in the notice and the documents, with what to do.
pub fn new_city(lang: Lang) -> Vec<(String, String)> {
    let w = |r: &str, e: &str| pick(lang, r, e);
    vec![
        (
            w(
                "Субъекты Российской Федерации, где обрабатываются данные",
                "The regions where data are processed",
            ),
            w(
                "город в новом субъекте Российской Федерации — уведомление об изменении сведений не позднее 15-го числа месяца, следующего за месяцем изменения (ч. 7 ст. 22)",
                "a city in a new region: a notice of the change no later than the 15th of the month after the change (art. 22 part 7)",
            ),
        ),
        (
            w("Обработчики", "Processors"),
            w(
                "новый сервис города (SMS, оплата, хостинг) — добавьте в [pd].processors, проверьте на листе «Обработчики», обновите политику и согласие; изменились сведения уведомления — уведомление об изменении",
                "a new service for the city (SMS, payments, hosting): add it to [pd].processors, review it on the Processors sheet, update the policy and the consent; the notice's data changed: a change notice",
            ),
        ),
        (
            w("Местонахождение баз данных", "Where the databases are"),
            w(
                "новый сервер или база данных — уведомление об изменении; данные граждан Российской Федерации записываются в базы в Российской Федерации (ч. 5 ст. 18)",
                "a new server or database: a change notice; Russian citizens' data are recorded in databases in Russia (art. 18 part 5)",
            ),
        ),
        (
            w("Трансграничная передача", "Cross-border transfer"),
            w(
                "новый сервис за рубежом — отдельное уведомление до начала передачи (ч. 3 ст. 12)",
                "a new service abroad: a separate notice before the transfer starts (art. 12 part 3)",
            ),
        ),
        (
            w(
                "Адреса в политике и согласии",
                "Addresses in the policy and the consent",
            ),
            w(
                "regl render перевыпускает политику и согласие со всеми филиалами — опубликуйте новую редакцию до открытия",
                "regl render re-issues the policy and the consent naming every location: publish the new version before opening",
            ),
        ),
    ]
}
