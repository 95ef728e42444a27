//! Which frame bodies are messages the transport can take, and the error reply for those
//! that are not: JSON-RPC's -32700 (not JSON) and -32600 (JSON, but not a message).

use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::{Request, Response};

/// A body the transport can take, with what the transport's lifecycle needs of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A request (with an id) or a notification.
    Request { method: String, is_request: bool },
    /// A reply to a request the server sent.
    Response,
}

/// An error reply to a body that is not a message.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    /// The request's id when the body shows one, else `null`.
    pub id: Value,
    pub code: i64,
    pub message: String,
}

pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;

impl Rejection {
    pub fn parse_error(message: impl Into<String>) -> Rejection {
        Rejection {
            id: Value::Null,
            code: PARSE_ERROR,
            message: message.into(),
        }
    }

    /// The JSON-RPC error response.
    pub fn to_json(&self) -> Value {
        json!({
            "jsonrpc": "2.0",
            "id": self.id,
            "error": { "code": self.code, "message": self.message },
        })
    }
}

/// A body as the transport would read it, or the reply it deserves. Accepts exactly what
/// tower-lsp-server's transport accepts (a `Request` or a `Response`), so that no frame
/// handed on can end its session.
pub fn check(body: &[u8]) -> Result<Message, Rejection> {
    let text = std::str::from_utf8(body)
        .map_err(|e| Rejection::parse_error(format!("the message is not UTF-8: {e}")))?;
    // In the transport's order: a reply also reads as a request with an empty method.
    if serde_json::from_str::<Response>(text).is_ok() {
        return Ok(Message::Response);
    }
    if let Ok(request) = serde_json::from_str::<Request>(text) {
        return Ok(Message::Request {
            method: request.method().to_string(),
            is_request: request.id().is_some(),
        });
    }
    // Not a message: find out why, for the reply.
    let value: Value = serde_json::from_str(text)
        .map_err(|e| Rejection::parse_error(format!("the message is not JSON: {e}")))?;
    let invalid = |message: &str| Rejection {
        id: id_of(&value),
        code: INVALID_REQUEST,
        message: message.to_string(),
    };
    Err(match &value {
        Value::Array(_) => invalid("batches are not supported: send each message on its own"),
        Value::Object(_) => invalid(
            "the message is not a JSON-RPC 2.0 request, notification or response \
             (`jsonrpc` must be \"2.0\", `method` a string, `id` a number or string)",
        ),
        _ => invalid("a message must be a JSON object"),
    })
}

/// The id a reply can carry: the body's own when it is a number or a string.
fn id_of(value: &Value) -> Value {
    match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(body: &str) -> i64 {
        check(body.as_bytes()).unwrap_err().code
    }

    #[test]
    fn messages_pass() {
        let init = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#;
        assert_eq!(
            check(init.as_bytes()),
            Ok(Message::Request {
                method: "initialize".to_string(),
                is_request: true
            })
        );
        let exit = r#"{"jsonrpc":"2.0","method":"exit"}"#;
        assert_eq!(
            check(exit.as_bytes()),
            Ok(Message::Request {
                method: "exit".to_string(),
                is_request: false
            })
        );
        let reply = r#"{"jsonrpc":"2.0","id":0,"result":null}"#;
        assert_eq!(check(reply.as_bytes()), Ok(Message::Response));
    }

    #[test]
    fn what_is_not_json_is_a_parse_error() {
        assert_eq!(code(""), PARSE_ERROR);
        assert_eq!(code("{\"jsonrpc\":"), PARSE_ERROR);
        assert_eq!(code("hello"), PARSE_ERROR);
        assert_eq!(check(b"{\"a\":\"\xff\"}").unwrap_err().code, PARSE_ERROR);
    }

    #[test]
    fn json_that_is_not_a_message_is_an_invalid_request() {
        assert_eq!(code("[]"), INVALID_REQUEST);
        assert_eq!(
            code(r#"[{"jsonrpc":"2.0","method":"exit"}]"#),
            INVALID_REQUEST
        );
        assert_eq!(code("42"), INVALID_REQUEST);
        assert_eq!(
            code(r#"{"jsonrpc":"1.0","id":1,"method":"x"}"#),
            INVALID_REQUEST
        );
        let wrong_id = r#"{"jsonrpc":"2.0","id":{"no":1},"method":"initialize"}"#;
        assert_eq!(check(wrong_id.as_bytes()).unwrap_err().id, Value::Null);
        let bad_method = r#"{"jsonrpc":"2.0","id":7,"method":5}"#;
        let rejection = check(bad_method.as_bytes()).unwrap_err();
        assert_eq!((rejection.code, rejection.id), (INVALID_REQUEST, json!(7)));
    }
}
