//! Generates the error codes into `OUT_DIR` as `errspec.yaml` says: its spec, its targets and
//! their options, at the paths `include!` expects.

fn main() -> Result<(), errspec::Error> {
    errspec::Generator::from_config("errspec.yaml")?.generate()?;
    Ok(())
}
