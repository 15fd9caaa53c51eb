//! The JSON Schema (draft 2020-12) of `errspec.yaml`, derived from the types the config is
//! read with, as the spec's schema is (see `crate::schema`).

use schemars::generate::SchemaSettings;

use super::raw::RawConfig;

/// The JSON Schema of `errspec.yaml`, as pretty-printed JSON ending in a newline.
///
/// It is derived from the types errspec reads the config with, so a config the schema refuses
/// for its shape is one errspec refuses too. `errspec schema --config` prints it.
///
/// ```
/// let schema = errspec::config_schema();
/// assert!(schema.contains("\"title\": \"errspec configuration\""));
/// ```
pub fn config_schema() -> String {
    let schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<RawConfig>();
    let mut value = schema.to_value();
    crate::schema::tidy(&mut value);
    let mut text =
        serde_json::to_string_pretty(&value).expect("a JSON value always serializes to text");
    text.push('\n');
    text
}
