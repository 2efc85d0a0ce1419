//! What the portal's error answers mean, and which scope a method needs.
//!
//! Bitrix24 reports an error as `{"error": CODE, "error_description": TEXT}` with an HTTP
//! status (b24restdocs `error-codes.md`, `_includes/system-errors.md`). Many CRM methods send
//! an empty code and only a description (`crm.status.add`, `crm.lead.userfield.update`: `""` +
//! "Access denied." with 400), so the code is matched first, then the description, then the
//! status.

use super::error::Error;

/// An error answer as the portal sent it, before it is given a meaning.
#[derive(Clone, Debug, PartialEq)]
pub struct PortalError {
    pub status: u16,
    pub code: String,
    pub description: String,
}

/// Refused before it ran, so sending it again is safe: the rate limit.
pub const QUERY_LIMIT_EXCEEDED: &str = "QUERY_LIMIT_EXCEEDED";
/// Refused before it ran: this method's time budget.
pub const OPERATION_TIME_LIMIT: &str = "OPERATION_TIME_LIMIT";

impl PortalError {
    /// Refused by the portal's rate limit (the request did not run): worth waiting for.
    pub fn is_rate_limit(&self) -> bool {
        self.code == QUERY_LIMIT_EXCEEDED || (self.status == 503 && self.code.is_empty())
    }

    pub fn is_operation_time_limit(&self) -> bool {
        self.code == OPERATION_TIME_LIMIT
    }

    /// The meaning of this answer to `method`. `user_id`, `host` and `webhook` (masked) name
    /// the webhook in the messages.
    pub fn classify(&self, method: &str, user_id: u64, host: &str, webhook: &str) -> Error {
        let method = method.to_owned();
        match self.code.as_str() {
            "NO_AUTH_FOUND" | "expired_token" | "invalid_token" | "INVALID_TOKEN"
            | "WRONG_AUTH_TYPE" | "wrong_client" => {
                return Error::BadCredentials {
                    webhook: webhook.to_owned(),
                    code: self.code.clone(),
                };
            }
            "METHOD_CONFIRM_WAITING" | "METHOD_CONFIRM_DENIED" => {
                return Error::AwaitingConfirmation { method };
            }
            "insufficient_scope" => {
                return Error::MissingScope {
                    scope: scope_for(&method).to_owned(),
                    method,
                };
            }
            "INVALID_CREDENTIALS" | "CONFIG_WRONG_USER_PERMISSION" | "user_access_error" => {
                return Error::InsufficientRights {
                    method,
                    user_id,
                    description: self.description.clone(),
                };
            }
            "ACCESS_DENIED" => return Error::RestNotOnPlan,
            "OVERLOAD_LIMIT" => return Error::RestBlocked,
            "ERROR_METHOD_NOT_FOUND" | "METHOD_NOT_FOUND" => {
                return Error::MethodNotFound { method };
            }
            "PORTAL_DELETED" => {
                return Error::PortalGone {
                    host: host.to_owned(),
                };
            }
            OPERATION_TIME_LIMIT => {
                return Error::OperationTimeLimit {
                    method,
                    reset_at: None,
                };
            }
            _ => {}
        }
        let description = self.description.trim();
        if description.eq_ignore_ascii_case("access denied.")
            || description.eq_ignore_ascii_case("access denied")
        {
            return Error::InsufficientRights {
                method,
                user_id,
                description: self.description.clone(),
            };
        }
        match self.status {
            401 => Error::BadCredentials {
                webhook: webhook.to_owned(),
                code: self.code.clone(),
            },
            500..=599 => Error::ServerError {
                method,
                status: self.status,
                code: self.code.clone(),
            },
            _ => Error::Refused {
                method,
                code: self.code.clone(),
                description: self.description.clone(),
            },
        }
    }
}

/// The scope an incoming webhook needs for `method` (b24restdocs `api-reference/scopes/
/// permissions.md`; `batch`, `profile`, `scope` and `method.get` are `basic`, which every
/// webhook has).
pub fn scope_for(method: &str) -> &'static str {
    let method = method.to_ascii_lowercase();
    let first = method.split('.').next().unwrap_or_default();
    match first {
        "crm" => "crm",
        "imopenlines" => "imopenlines",
        "imconnector" => "imconnector",
        "imbot" => "imbot",
        "im" => "im",
        "user" => "user",
        "tasks" | "task" => "task",
        "department" => "department",
        "userconsent" => "userconsent",
        "calendar" => "calendar",
        "disk" => "disk",
        "telephony" | "voximplant" => "telephony",
        "bizproc" => "bizproc",
        "lists" => "lists",
        "entity" => "entity",
        _ => "basic",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, code: &str, description: &str) -> Error {
        PortalError {
            status,
            code: code.into(),
            description: description.into(),
        }
        .classify(
            "crm.status.add",
            1,
            "p.bitrix24.ru",
            "https://p.bitrix24.ru/rest/1/***/",
        )
    }

    #[test]
    fn the_code_decides_first() {
        assert!(matches!(
            answer(401, "NO_AUTH_FOUND", "Wrong authorization data"),
            Error::BadCredentials { .. }
        ));
        assert!(matches!(
            answer(403, "insufficient_scope", ""),
            Error::MissingScope { scope, .. } if scope == "crm"
        ));
        assert!(matches!(
            answer(500, "PORTAL_DELETED", "Portal was deleted"),
            Error::PortalGone { .. }
        ));
        assert!(matches!(
            answer(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"),
            Error::MethodNotFound { .. }
        ));
    }

    #[test]
    fn an_empty_code_is_read_by_its_description_then_its_status() {
        assert!(matches!(
            answer(400, "", "Access denied."),
            Error::InsufficientRights { .. }
        ));
        assert!(matches!(
            answer(400, "", "The field Title is required."),
            Error::Refused { .. }
        ));
        assert!(matches!(
            answer(400, "ERROR_CORE", "The specified status ID already exists."),
            Error::Refused { .. }
        ));
        assert!(matches!(
            answer(502, "", ""),
            Error::ServerError { status: 502, .. }
        ));
    }

    #[test]
    fn scopes_of_the_methods_push_uses() {
        assert_eq!(scope_for("crm.lead.userfield.add"), "crm");
        assert_eq!(scope_for("imopenlines.config.update"), "imopenlines");
        assert_eq!(scope_for("user.get"), "user");
        assert_eq!(scope_for("tasks.task.add"), "task");
        assert_eq!(scope_for("profile"), "basic");
    }
}
