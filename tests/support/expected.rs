//! What a spec says, read by the tests themselves (straight from the YAML, not through
//! errspec), so that generated code is compared with the spec and not with errspec's view of it.

use std::path::Path;

use serde_yaml::Value;

/// One code as the spec writes it.
#[derive(Debug, Clone)]
pub struct ExpectedCode {
    pub status: u16,
    pub title: String,
    pub description: String,
    pub retryable: bool,
}

/// The example error body a spec documents: its status and message.
#[derive(Debug, Clone)]
pub struct ExpectedExample {
    pub status: u16,
    pub message: String,
}

/// A spec as the spec writes it.
#[derive(Debug, Clone)]
pub struct ExpectedSpec {
    pub api_name: String,
    pub error_name: String,
    pub example: Option<ExpectedExample>,
    pub codes: Vec<ExpectedCode>,
}

fn text(value: &Value, key: &str) -> String {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string"))
        .to_owned()
}

fn status(value: &Value) -> u16 {
    u16::try_from(value["status"].as_u64().expect("status is an integer")).unwrap()
}

/// Reads the spec at `path`.
pub fn read(path: &Path) -> ExpectedSpec {
    let source = std::fs::read_to_string(path).unwrap();
    let doc: Value = serde_yaml::from_str(&source).unwrap();
    let api = &doc["api"];
    ExpectedSpec {
        api_name: text(api, "name"),
        error_name: api["error_name"].as_str().unwrap_or("Error").to_owned(),
        example: api.get("example").map(|example| ExpectedExample {
            status: status(example),
            message: text(example, "message"),
        }),
        codes: doc["codes"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|code| ExpectedCode {
                status: status(code),
                title: text(code, "title"),
                description: text(code, "description"),
                retryable: code["retryable"].as_bool().unwrap_or(false),
            })
            .collect(),
    }
}

/// The seed page's example error body, as the page prints it.
pub const SEED_EXAMPLE_BODY: &str = r#"{
	"error": {
		"name": "Error",
		"status": 400,
		"message": "wrong element in type"
	}
}"#;

/// One code of a format v2 spec, as the spec writes it.
#[derive(Debug, Clone)]
pub struct ExpectedCodeV2 {
    pub code: String,
    pub status: u16,
    pub title: String,
    pub description: String,
    pub retryable: bool,
    /// The code's own `docs`, or `api.docs` with `{code}` replaced, as the format defines it.
    pub docs_url: Option<String>,
}

/// A format v2 spec as the spec writes it.
#[derive(Debug, Clone)]
pub struct ExpectedSpecV2 {
    pub error_name: String,
    pub codes: Vec<ExpectedCodeV2>,
}

/// Reads the format v2 spec at `path`.
pub fn read_v2(path: &Path) -> ExpectedSpecV2 {
    let source = std::fs::read_to_string(path).unwrap();
    let doc: Value = serde_yaml::from_str(&source).unwrap();
    assert_eq!(doc["version"].as_u64(), Some(2), "{}", path.display());
    let api = &doc["api"];
    let docs = api["docs"].as_str();
    ExpectedSpecV2 {
        error_name: api["error_name"].as_str().unwrap_or("Error").to_owned(),
        codes: doc["codes"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|code| {
                let wire = text(code, "code");
                let template = code["docs"].as_str().or(docs);
                ExpectedCodeV2 {
                    docs_url: template.map(|url| url.replace("{code}", &wire)),
                    code: wire,
                    status: status(code),
                    title: text(code, "title"),
                    description: text(code, "description"),
                    retryable: code["retryable"].as_bool().unwrap_or(false),
                }
            })
            .collect(),
    }
}
