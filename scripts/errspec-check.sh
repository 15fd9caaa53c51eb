#!/usr/bin/env bash
# errspec-check: the checks for a repository that keeps its API's error codes in an errspec
# spec, for any CI (or a pre-push hook). It runs what the GitHub Actions workflow in errspec's
# README runs; copy it into your repository and run it from the repository's root.
#
#   validate    errspec validate              the spec is valid (warnings are shown, not fatal)
#   generate    errspec generate --check      the committed generated files are up to date
#   diff        errspec diff --base-rev REV   nothing breaks for clients built against REV
#   snapshots   cargo insta test --check      the snapshot tests pass, in a Rust project
#
# Every check runs, so one run shows every problem, except that an invalid spec skips
# generate and diff, which would only repeat its errors. The exit code is 0 when every check
# passed or was skipped, 1 when one failed, 2 when a setting below is wrong.
#
# Settings, by environment variable:
#   ERRSPEC                 the errspec command                       (default: errspec)
#   ERRSPEC_SPEC            the spec                                  (default: spec/errors.yaml)
#   ERRSPEC_OUT             the generated files' folder               (default: generated)
#   ERRSPEC_TARGETS         targets to check, space-separated         (default: every target)
#   ERRSPEC_BASE_REV        the revision to diff against; empty skips (default: origin/main)
#   ERRSPEC_ALLOW_BREAKING  1: report breaking changes, do not fail   (default: 0)
#   ERRSPEC_MESSAGE_FORMAT  human, short, json or github              (default: github under
#                                                                     GitHub Actions, else human)
#   ERRSPEC_SNAPSHOTS       auto or skip                              (default: auto)
#
# The diff is skipped, with a notice, when the base revision has no spec yet (the spec is new
# in this branch). With ERRSPEC_SNAPSHOTS=auto the snapshot tests run where there is a
# Cargo.toml; there, a missing cargo-insta fails the check with how to install it, since a
# check that silently does not run would look like one that passed.
set -uo pipefail

errspec=${ERRSPEC:-errspec}
spec=${ERRSPEC_SPEC:-spec/errors.yaml}
out=${ERRSPEC_OUT:-generated}
base_rev=${ERRSPEC_BASE_REV-origin/main}
snapshots=${ERRSPEC_SNAPSHOTS:-auto}
if [[ -n ${ERRSPEC_MESSAGE_FORMAT:-} ]]; then
    format=$ERRSPEC_MESSAGE_FORMAT
elif [[ ${GITHUB_ACTIONS:-} == true ]]; then
    format=github
else
    format=human
fi

usage_error() {
    echo "errspec-check: $1" >&2
    exit 2
}
case $format in human | short | json | github) ;; *)
    usage_error "ERRSPEC_MESSAGE_FORMAT must be human, short, json or github, not '$format'" ;;
esac
case $snapshots in auto | skip) ;; *)
    usage_error "ERRSPEC_SNAPSHOTS must be auto or skip, not '$snapshots'" ;;
esac
allow_breaking=()
case ${ERRSPEC_ALLOW_BREAKING:-0} in
0) ;;
1) allow_breaking=(--allow-breaking) ;;
*) usage_error "ERRSPEC_ALLOW_BREAKING must be 0 or 1, not '$ERRSPEC_ALLOW_BREAKING'" ;;
esac
targets=()
for target in ${ERRSPEC_TARGETS:-}; do
    targets+=(--target "$target")
done

failed=()

# Says something about the run as a whole: a notice annotation on GitHub, a line elsewhere.
notice() {
    if [[ $format == github ]]; then
        echo "::notice title=errspec-check::$1"
    else
        echo "errspec-check: $1" >&2
    fi
}

# check NAME COMMAND...: runs one check (folded in GitHub's log), and records it if it fails.
check() {
    local name=$1 status=0
    shift
    local shown=$*
    shown=${shown#without_warnings }
    [[ $format == github ]] && echo "::group::$name: $shown"
    echo "errspec-check: $name: $shown" >&2
    "$@" || status=$?
    [[ $format == github ]] && echo "::endgroup::"
    if ((status == 0)); then
        echo "errspec-check: $name: ok" >&2
    else
        echo "errspec-check: $name: failed (exit $status)" >&2
        failed+=("$name")
    fi
    return "$status"
}

# without_warnings COMMAND...: runs COMMAND, leaving out the warnings it prints in a machine
# format. generate --check reports the spec's warnings again after validate has, and on GitHub
# each would be a second annotation.
without_warnings() {
    case $format in
    github) "$@" | { grep -v '^::warning ' || true; } ;;
    json) "$@" | { grep -v '"severity":"warning"' || true; } ;;
    *) "$@" ;;
    esac
}

# The spec's path from the repository's root at the base revision, as errspec diff finds it.
spec_at_base() {
    local prefix
    prefix=$(cd "$(dirname "$spec")" && git rev-parse --show-prefix) || return 1
    git cat-file -e "$base_rev:$prefix$(basename "$spec")" 2>/dev/null
}

if check validate "$errspec" validate --spec "$spec" --message-format "$format"; then
    check generate without_warnings "$errspec" generate --check --spec "$spec" --out "$out" \
        ${targets[@]+"${targets[@]}"} --message-format "$format"
    if [[ -z $base_rev ]]; then
        notice "ERRSPEC_BASE_REV is empty: no diff"
    elif git rev-parse --verify --quiet "$base_rev^{commit}" >/dev/null && ! spec_at_base; then
        notice "$base_rev has no $spec yet: nothing to diff against"
    else
        # An unknown revision is errspec's to report, with its hint about fetching it.
        check diff "$errspec" diff --base-rev "$base_rev" --spec "$spec" \
            ${allow_breaking[@]+"${allow_breaking[@]}"} --message-format "$format"
    fi
else
    notice "the spec is invalid: generate --check and diff skipped until it is fixed"
fi

if [[ $snapshots == skip ]]; then
    notice "ERRSPEC_SNAPSHOTS=skip: no snapshot tests"
elif [[ ! -f Cargo.toml ]]; then
    notice "no Cargo.toml here: no Rust snapshot tests to run"
elif ! cargo insta --version >/dev/null 2>&1; then
    message="cargo-insta is not installed: install it with 'cargo install cargo-insta --locked', or set ERRSPEC_SNAPSHOTS=skip"
    if [[ $format == github ]]; then
        echo "::error title=errspec-check::$message"
    fi
    echo "errspec-check: snapshots: $message" >&2
    failed+=(snapshots)
else
    check snapshots cargo insta test --check
fi

if ((${#failed[@]} > 0)); then
    echo "errspec-check: failed: ${failed[*]}" >&2
    exit 1
fi
echo "errspec-check: every check passed" >&2
