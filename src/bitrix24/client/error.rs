//! Why a call to the portal did not give an answer, each kind with what the owner can do about
//! it. The texts, in English and Russian, are written in one place, [`Error::text`].
//!
//! No variant holds the webhook's secret: URLs are kept in their masked form, hosts alone
//! otherwise, and any text that came from outside regl is redacted before it is stored here.

use std::fmt;
use std::time::Duration;

use crate::i18n::{Text, t};
use crate::words::NBSP;

#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// `BITRIX24_WEBHOOK_URL` is not set.
    WebhookMissing,
    /// `BITRIX24_WEBHOOK_URL` is not shaped like a webhook URL.
    WebhookMalformed(WebhookProblem),
    /// Plain http to a host that is not this machine.
    InsecureScheme { webhook: String },
    /// The webhook belongs to another portal than `[crm].portal`.
    PortalMismatch {
        webhook_host: String,
        portal: String,
    },
    /// `NO_AUTH_FOUND` and its kin: a wrong, deleted or expired webhook.
    BadCredentials { webhook: String, code: String },
    /// `METHOD_CONFIRM_WAITING`: an administrator has to confirm the method first.
    AwaitingConfirmation { method: String },
    /// `insufficient_scope`: the webhook was made without the scope this method needs.
    MissingScope { method: String, scope: String },
    /// The webhook's user may not do this (`INVALID_CREDENTIALS`, "Access denied.", …).
    InsufficientRights {
        method: String,
        user_id: u64,
        description: String,
    },
    /// `ACCESS_DENIED`: REST is only on commercial plans.
    RestNotOnPlan,
    /// `OVERLOAD_LIMIT`: a manual block by Bitrix24.
    RestBlocked,
    /// `ERROR_METHOD_NOT_FOUND`.
    MethodNotFound { method: String },
    /// The portal ran the method and refused the values it was given (`ERROR_CORE`, an empty
    /// code with a description, `ERROR_NOT_FOUND`, …): nothing was changed by this call.
    Refused {
        method: String,
        code: String,
        description: String,
    },
    /// `QUERY_LIMIT_EXCEEDED` (HTTP 503) on every try.
    RateLimited {
        method: String,
        attempts: u32,
        waited: Duration,
    },
    /// `OPERATION_TIME_LIMIT` (HTTP 429): this method's ten-minute time budget is spent.
    OperationTimeLimit {
        method: String,
        /// Unix time at which the oldest minute of the budget is freed, if the portal said.
        reset_at: Option<u64>,
    },
    /// No connection, or no answer, in the time allowed.
    Timeout {
        host: String,
        method: String,
        phase: TimeoutPhase,
        after: Duration,
    },
    /// The connection could not be made or broke off.
    Unreachable { host: String, reason: Unreachable },
    /// The TLS handshake failed (most often: a certificate no trusted root vouches for).
    Tls { host: String, detail: String },
    /// `PORTAL_DELETED`.
    PortalGone { host: String },
    /// The portal answered with a redirect: it was renamed.
    Redirected {
        host: String,
        /// The host the redirect points at; the rest of `Location` is dropped (it holds the
        /// secret).
        to_host: Option<String>,
    },
    /// HTTP 5xx: the portal failed while handling the request, which may or may not have
    /// taken effect.
    ServerError {
        method: String,
        status: u16,
        code: String,
    },
    /// An answer that is not Bitrix24's JSON envelope.
    UnexpectedAnswer {
        method: String,
        status: u16,
        detail: String,
    },
}

/// What is wrong with `BITRIX24_WEBHOOK_URL`; never quotes the value itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebhookProblem {
    NotText,
    NotHttp,
    Credentials,
    NoHost,
    Port,
    NoRestPath,
    UserId,
    NoSecret,
    SecretChars,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeoutPhase {
    /// Resolving the name, connecting, the TLS handshake: the request never reached the portal.
    Connect,
    /// Sending the request or waiting for the answer: the portal may have acted on it.
    Answer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreachable {
    /// The name does not resolve.
    NoSuchHost,
    /// Nothing listens there.
    Refused,
    /// The connection broke off during the exchange.
    Dropped,
    /// Any other failure of the network.
    Network,
}

impl Error {
    /// Whether the request may have been carried out although no answer says so: after such
    /// an error a change is read back from the portal, never sent again blindly.
    pub fn may_have_run(&self) -> bool {
        match self {
            Error::Timeout { phase, .. } => *phase == TimeoutPhase::Answer,
            Error::Unreachable { reason, .. } => *reason == Unreachable::Dropped,
            Error::ServerError { .. } | Error::UnexpectedAnswer { .. } => true,
            _ => false,
        }
    }

    /// The text for the owner, in English and Russian: what happened and what to do.
    pub fn text(&self) -> Text {
        match self {
            Error::WebhookMissing => t!(
                "`BITRIX24_WEBHOOK_URL` is not set: create an incoming webhook on the portal \
                 (Applications → Developer resources → Other → Incoming webhook) and set the \
                 variable to its URL, `https://PORTAL/rest/USER_ID/SECRET/`",
                "`BITRIX24_WEBHOOK_URL` не задана: создайте входящий вебхук на портале \
                 (Приложения → Разработчикам → Другое → Входящий вебхук) и запишите в \
                 переменную его адрес, `https://PORTAL/rest/USER_ID/SECRET/`"
            ),
            Error::WebhookMalformed(p) => t!(
                "`BITRIX24_WEBHOOK_URL` is not a webhook URL: {p}; it looks like \
                 `https://PORTAL/rest/USER_ID/SECRET/`",
                "`BITRIX24_WEBHOOK_URL` — не адрес вебхука: {p}; адрес выглядит так: \
                 `https://PORTAL/rest/USER_ID/SECRET/`",
                p = p.text()
            ),
            Error::InsecureScheme { webhook } => t!(
                "the webhook {webhook} uses plain http: Bitrix24 needs `https://` (plain http \
                 is only for a portal on this machine: 127.0.0.1, [::1] or localhost)",
                "вебхук {webhook} работает по простому http: Битрикс24 нужен `https://` \
                 (простой http — только для портала на этом компьютере: 127.0.0.1, [::1] или \
                 localhost)"
            ),
            Error::PortalMismatch {
                webhook_host,
                portal,
            } => t!(
                "the webhook is for `{webhook_host}` but `[crm].portal` is `{portal}`: set \
                 `BITRIX24_WEBHOOK_URL` to a webhook of `{portal}`, or correct `[crm].portal`",
                "вебхук выдан порталом `{webhook_host}`, а в `[crm].portal` указан `{portal}`: \
                 запишите в `BITRIX24_WEBHOOK_URL` вебхук портала `{portal}` или исправьте \
                 `[crm].portal`"
            ),
            Error::BadCredentials { webhook, code } => t!(
                "the portal does not accept the webhook {webhook} ({code}): it was deleted, has \
                 expired, or its secret changed (an administrator who edits another user's \
                 webhook gets a new secret); copy the webhook's URL again and update \
                 `BITRIX24_WEBHOOK_URL`",
                "портал не принимает вебхук {webhook} ({code}): его удалили, истёк его срок или \
                 сменился секретный код (администратор, изменивший чужой вебхук, получает новый \
                 код); скопируйте адрес вебхука заново и обновите `BITRIX24_WEBHOOK_URL`",
                webhook = webhook,
                code = code_text(code)
            ),
            Error::AwaitingConfirmation { method } => t!(
                "`{method}` waits for an administrator to confirm it on the portal: confirm it \
                 and run again",
                "метод `{method}` ждёт подтверждения администратором портала: подтвердите его и \
                 запустите снова"
            ),
            Error::MissingScope { method, scope } => t!(
                "the webhook may not call `{method}`: it lacks the `{scope}` scope; edit the \
                 incoming webhook (Applications → Developer resources) and add `{scope}`",
                "вебхуку нельзя вызывать `{method}`: у него нет права `{scope}`; откройте \
                 входящий вебхук (Приложения → Разработчикам) и добавьте `{scope}`"
            ),
            Error::InsufficientRights {
                method,
                user_id,
                description,
            } => t!(
                "the portal refused `{method}` to the webhook's user {user_id} ({why}): create \
                 the webhook as a portal administrator, or give user {user_id} the CRM and Open \
                 Lines settings permissions",
                "портал не дал пользователю вебхука {user_id} выполнить `{method}` ({why}): \
                 создайте вебхук от имени администратора портала или дайте пользователю \
                 {user_id} права на настройки CRM и открытых линий",
                method = method,
                user_id = user_id,
                why = description_or(description, Text::new("no permission", "нет прав"))
            ),
            Error::RestNotOnPlan => t!(
                "the portal refuses REST calls (`ACCESS_DENIED`): the REST API needs a \
                 commercial Bitrix24 plan or a trial",
                "портал не принимает REST-запросы (`ACCESS_DENIED`): REST API есть на \
                 коммерческих тарифах Битрикс24 и в пробном периоде"
            ),
            Error::RestBlocked => t!(
                "Bitrix24 has blocked REST calls to this portal for overload (`OVERLOAD_LIMIT`, \
                 a manual block): ask Bitrix24 support to lift it",
                "Битрикс24 заблокировал REST-запросы к порталу из-за перегрузки \
                 (`OVERLOAD_LIMIT`, блокировка вручную): попросите поддержку Битрикс24 снять её"
            ),
            Error::MethodNotFound { method } => t!(
                "the portal has no method `{method}`: its module may be missing on this portal, \
                 or the webhook URL's path is wrong (it is `/rest/USER_ID/SECRET/`)",
                "на портале нет метода `{method}`: на нём может не быть нужного модуля, или путь \
                 в адресе вебхука неверен (он такой: `/rest/USER_ID/SECRET/`)"
            ),
            Error::Refused {
                method,
                code,
                description,
            } => t!(
                "the portal refused `{method}`: {why} ({code})",
                "портал отклонил `{method}`: {why} ({code})",
                method = method,
                why = description_or(
                    description,
                    Text::new("no reason given", "причина не названа")
                ),
                code = code_text(code)
            ),
            Error::RateLimited {
                method,
                attempts,
                waited,
            } => t!(
                "the portal kept refusing `{method}` for its request rate limit \
                 (`QUERY_LIMIT_EXCEEDED`), {attempts} tries over {waited}: another integration \
                 may be calling the portal from this address; run again later",
                "портал раз за разом отклонял `{method}` из-за ограничения частоты запросов \
                 (`QUERY_LIMIT_EXCEEDED`), попыток: {attempts} за {waited}; возможно, с этого \
                 адреса к порталу обращается другая интеграция; запустите позже",
                method = method,
                attempts = attempts,
                waited = seconds(*waited)
            ),
            Error::OperationTimeLimit {
                method,
                reset_at: Some(at),
            } => t!(
                "the portal has blocked `{method}` for its ten-minute time budget \
                 (`OPERATION_TIME_LIMIT`) until {at}: run again after that",
                "портал заблокировал `{method}`: исчерпан его десятиминутный лимит времени \
                 (`OPERATION_TIME_LIMIT`), до {at}; запустите после этого",
                method = method,
                at = utc(*at)
            ),
            Error::OperationTimeLimit {
                method,
                reset_at: None,
            } => t!(
                "the portal has blocked `{method}` for its ten-minute time budget \
                 (`OPERATION_TIME_LIMIT`): run again in ten minutes",
                "портал заблокировал `{method}`: исчерпан его десятиминутный лимит времени \
                 (`OPERATION_TIME_LIMIT`); запустите через десять минут"
            ),
            Error::Timeout {
                host,
                method,
                phase: TimeoutPhase::Connect,
                after,
            } => t!(
                "no connection to `{host}` for `{method}` within {after}: check the portal's \
                 address and this computer's network (a firewall or proxy may be in the way)",
                "нет соединения с `{host}` для `{method}` за {after}: проверьте адрес портала и \
                 сеть этого компьютера (может мешать межсетевой экран или прокси)",
                host = host,
                method = method,
                after = seconds(*after)
            ),
            Error::Timeout {
                host,
                method,
                phase: TimeoutPhase::Answer,
                after,
            } => t!(
                "`{host}` did not answer `{method}` within {after}: the portal may be \
                 overloaded; run again later (the next run reads the portal first, so nothing \
                 is made twice)",
                "`{host}` не ответил на `{method}` за {after}: портал может быть перегружен; \
                 запустите позже (следующий запуск сначала читает портал, так что ничего не \
                 создастся дважды)",
                host = host,
                method = method,
                after = seconds(*after)
            ),
            Error::Unreachable { host, reason } => t!(
                "cannot reach `{host}`: {why}",
                "не удаётся связаться с `{host}`: {why}",
                host = host,
                why = reason.text()
            ),
            Error::Tls { host, detail } => t!(
                "the secure connection to `{host}` failed ({detail}): if the portal's \
                 certificate chains to a root only this computer trusts, add that root to the \
                 system's certificate store",
                "защищённое соединение с `{host}` не установилось ({detail}): если сертификат \
                 портала выдан корневым центром, которому доверяет только этот компьютер, \
                 добавьте его корневой сертификат в системное хранилище"
            ),
            Error::PortalGone { host } => t!(
                "the portal `{host}` is gone (`PORTAL_DELETED`): it was deleted or its public \
                 part is closed",
                "портала `{host}` больше нет (`PORTAL_DELETED`): его удалили или закрыли его \
                 публичную часть"
            ),
            Error::Redirected {
                host,
                to_host: Some(to),
            } => t!(
                "`{host}` redirects to `{to}`: the portal was renamed; copy the webhook's URL \
                 from `{to}` and update `BITRIX24_WEBHOOK_URL` and `[crm].portal` (regl never \
                 follows a redirect with the secret)",
                "`{host}` перенаправляет на `{to}`: портал переименован; скопируйте адрес \
                 вебхука на `{to}` и обновите `BITRIX24_WEBHOOK_URL` и `[crm].portal` (regl \
                 никогда не идёт по перенаправлению с секретным кодом)"
            ),
            Error::Redirected {
                host,
                to_host: None,
            } => t!(
                "`{host}` answers with a redirect: the portal may have been renamed; copy the \
                 webhook's URL from its new address and update `BITRIX24_WEBHOOK_URL` (regl \
                 never follows a redirect with the secret)",
                "`{host}` отвечает перенаправлением: портал, возможно, переименован; скопируйте \
                 адрес вебхука с нового адреса и обновите `BITRIX24_WEBHOOK_URL` (regl никогда \
                 не идёт по перенаправлению с секретным кодом)"
            ),
            Error::ServerError {
                method,
                status,
                code,
            } => {
                let code = if code.is_empty() {
                    String::new()
                } else {
                    format!(", `{code}`")
                };
                t!(
                    "the portal failed on `{method}` (HTTP {status}{code}): a change may or may \
                     not have been made; run again (the next run reads the portal first, so \
                     nothing is made twice)",
                    "портал дал сбой на `{method}` (HTTP {status}{code}): изменение могло \
                     пройти, а могло и нет; запустите снова (следующий запуск сначала читает \
                     портал, так что ничего не создастся дважды)"
                )
            }
            Error::UnexpectedAnswer {
                method,
                status,
                detail,
            } => t!(
                "the answer to `{method}` is not Bitrix24's (HTTP {status}: {detail}): check \
                 that the webhook's host is the portal itself",
                "ответ на `{method}` — не ответ Битрикс24 (HTTP {status}: {detail}): проверьте, \
                 что хост вебхука — сам портал"
            ),
        }
    }
}

impl WebhookProblem {
    fn text(self) -> Text {
        match self {
            WebhookProblem::NotText => t!("it is not text", "это не текст"),
            WebhookProblem::NotHttp => t!(
                "it does not start with `https://`",
                "он не начинается с `https://`"
            ),
            WebhookProblem::Credentials => t!(
                "it has a user name or password before the host",
                "перед хостом стоят имя пользователя или пароль"
            ),
            WebhookProblem::NoHost => t!(
                "the portal's host is missing or malformed",
                "хоста портала нет или он записан с ошибкой"
            ),
            WebhookProblem::Port => t!(
                "the port is not a number up to 65535",
                "порт — не число до 65535"
            ),
            WebhookProblem::NoRestPath => t!(
                "the path does not start with `/rest/USER_ID/`",
                "путь не начинается с `/rest/USER_ID/`"
            ),
            WebhookProblem::UserId => t!(
                "the user id after `/rest/` is not a number",
                "номер пользователя после `/rest/` — не число"
            ),
            WebhookProblem::NoSecret => t!(
                "the secret after the user id is missing",
                "после номера пользователя нет секретного кода"
            ),
            WebhookProblem::SecretChars => t!(
                "the secret has characters other than Latin letters, digits, `-` and `_`",
                "в секретном коде есть знаки, кроме латинских букв, цифр, `-` и `_`"
            ),
        }
    }
}

impl Unreachable {
    fn text(self) -> Text {
        match self {
            Unreachable::NoSuchHost => t!(
                "the name does not resolve (a deleted or renamed portal, or a typo)",
                "имя не находится (портал удалён или переименован, или в адресе опечатка)"
            ),
            Unreachable::Refused => t!("the connection was refused", "соединение отклонено"),
            Unreachable::Dropped => t!(
                "the connection broke off; run again (the next run reads the portal first)",
                "соединение оборвалось; запустите снова (следующий запуск сначала читает портал)"
            ),
            Unreachable::Network => t!("the network failed", "ошибка сети"),
        }
    }
}

/// English, for logs and tests; the report layer shows [`Error::text`] in the user's language.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().en())
    }
}

impl std::error::Error for Error {}

fn code_text(code: &str) -> Text {
    if code.is_empty() {
        Text::new("no error code", "без кода ошибки")
    } else {
        Text::same(format!("`{code}`"))
    }
}

/// The portal's own description (in the portal's language, so the same in both), or `fallback`.
fn description_or(description: &str, fallback: Text) -> Text {
    let d = description.trim().trim_end_matches('.');
    if d.is_empty() {
        fallback
    } else {
        Text::same(d)
    }
}

fn seconds(d: Duration) -> Text {
    let s = d.as_secs_f64();
    let n = if s < 10.0 {
        format!("{s:.1}")
    } else {
        format!("{s:.0}")
    };
    Text::new(format!("{n} s"), format!("{}{NBSP}с", n.replace('.', ",")))
}

fn utc(unix: u64) -> String {
    i64::try_from(unix)
        .ok()
        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .map_or_else(
            || format!("unix time {unix}"),
            |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Error> {
        let s = String::from;
        let d = Duration::from_millis(1500);
        vec![
            Error::WebhookMissing,
            Error::WebhookMalformed(WebhookProblem::UserId),
            Error::InsecureScheme {
                webhook: s("http://p/rest/1/***/"),
            },
            Error::PortalMismatch {
                webhook_host: s("a.bitrix24.ru"),
                portal: s("b.bitrix24.ru"),
            },
            Error::BadCredentials {
                webhook: s("https://p/rest/1/***/"),
                code: s("NO_AUTH_FOUND"),
            },
            Error::AwaitingConfirmation { method: s("m") },
            Error::MissingScope {
                method: s("imopenlines.config.update"),
                scope: s("imopenlines"),
            },
            Error::InsufficientRights {
                method: s("m"),
                user_id: 7,
                description: s("Access denied."),
            },
            Error::RestNotOnPlan,
            Error::RestBlocked,
            Error::MethodNotFound { method: s("m") },
            Error::Refused {
                method: s("m"),
                code: s(""),
                description: s(""),
            },
            Error::RateLimited {
                method: s("m"),
                attempts: 8,
                waited: d,
            },
            Error::OperationTimeLimit {
                method: s("m"),
                reset_at: Some(1_778_747_792),
            },
            Error::OperationTimeLimit {
                method: s("m"),
                reset_at: None,
            },
            Error::Timeout {
                host: s("p"),
                method: s("m"),
                phase: TimeoutPhase::Connect,
                after: d,
            },
            Error::Timeout {
                host: s("p"),
                method: s("m"),
                phase: TimeoutPhase::Answer,
                after: d,
            },
            Error::Unreachable {
                host: s("p"),
                reason: Unreachable::NoSuchHost,
            },
            Error::Tls {
                host: s("p"),
                detail: s("UnknownIssuer"),
            },
            Error::PortalGone { host: s("p") },
            Error::Redirected {
                host: s("p"),
                to_host: Some(s("q")),
            },
            Error::Redirected {
                host: s("p"),
                to_host: None,
            },
            Error::ServerError {
                method: s("m"),
                status: 500,
                code: s("INTERNAL_SERVER_ERROR"),
            },
            Error::UnexpectedAnswer {
                method: s("m"),
                status: 200,
                detail: s("an HTML page"),
            },
        ]
    }

    #[test]
    fn every_message_is_written_in_both_languages() {
        let cyrillic = |t: &str| t.chars().any(|c| ('а'..='я').contains(&c));
        for e in every_kind() {
            let text = e.text();
            assert!(!text.en().is_empty() && !cyrillic(text.en()), "{e:?}");
            assert!(cyrillic(text.ru()), "{e:?}: {}", text.ru());
            assert_eq!(e.to_string(), text.en());
        }
    }

    #[test]
    fn numbers_read_as_each_language_writes_them() {
        let e = &every_kind()[12];
        assert!(e.text().en().contains("over 1.5 s"), "{}", e.text().en());
        assert!(e.text().ru().contains("за 1,5\u{a0}с"), "{}", e.text().ru());
    }
}
