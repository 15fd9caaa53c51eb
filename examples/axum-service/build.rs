//! Generates the error codes, with axum's traits, into `OUT_DIR`.

fn main() -> Result<(), errspec::Error> {
    let spec = if std::env::var_os("CARGO_FEATURE_PROBLEM").is_some() {
        "errors-problem.yaml"
    } else {
        "errors.yaml"
    };
    errspec::Generator::new(spec)
        .target(errspec::Target::Rust)
        .axum(true)
        .generate()?;
    Ok(())
}
