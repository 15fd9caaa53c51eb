//! Format v2's envelope, and what `problem` (RFC 9457 problem details) asks of each code: a
//! documentation URL to send as its `type`, and parameters that are not named as the members
//! of a problem, beside which they are sent.

use super::{Draft, Lowering};
use crate::model::{Envelope, Origin};

impl Lowering<'_, '_> {
    /// The envelope `raw` names (errspec's when absent), or `Err` after reporting a name that
    /// is none.
    pub(super) fn envelope(&mut self, raw: Option<&str>, api: &Origin) -> Result<Envelope, ()> {
        let Some(raw) = raw else {
            return Ok(Envelope::Errspec);
        };
        Envelope::parse(raw).ok_or_else(|| {
            self.problem(
                "UNKNOWN_ENVELOPE",
                api.at("envelope"),
                format!("the envelope {raw:?} is not one of `errspec` and `problem`"),
                "write `envelope: problem` for RFC 9457 problem details, or leave `envelope` out for errspec's `{\"error\": {...}}`",
            );
        })
    }

    /// Under `problem`, each code that has no documentation URL, and each parameter named as a
    /// member of the problem itself.
    pub(super) fn check_problem_codes(&mut self, drafts: &[Draft]) {
        for draft in drafts {
            let code = draft.code.as_deref().unwrap_or_default();
            if draft.docs_url.is_none() && draft.code.is_some() {
                self.problem(
                    "PROBLEM_WITHOUT_TYPE",
                    draft.origin.at("code"),
                    format!(
                        "the code `{code}` has no documentation URL, which `envelope: problem` sends as the problem's `type`"
                    ),
                    "give `api` a `docs` URL template such as `https://docs.example.com/errors#{code}`, or give this code its own `docs`",
                );
            }
            for param in draft.params.iter().flatten() {
                if Envelope::PROBLEM_MEMBERS.contains(&param.name.as_str()) {
                    self.problem(
                        "PROBLEM_MEMBER_PARAM",
                        param.name_span,
                        format!(
                            "the parameter `{}` of `{code}` would be sent as the problem's own member `{}`",
                            param.name, param.name
                        ),
                        "rename the parameter: under `envelope: problem` parameters are members beside `type`, `title`, `status`, `detail`, `instance` and `code`",
                    );
                }
            }
        }
    }
}
