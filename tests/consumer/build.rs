//! Generates the error codes from `errors.yaml` into `OUT_DIR`.

fn main() -> Result<(), errspec::Error> {
    errspec::Generator::new("errors.yaml")
        .target(errspec::Target::Rust)
        .serde(true)
        .generate()?;
    Ok(())
}
