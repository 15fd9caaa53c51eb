#!/usr/bin/env bash
# errspec-check: the checks for a repository that keeps its API's error codes in an errspec
# spec, for any CI (or a pre-push hook). It runs what the GitHub Actions workflow in errspec's
# docs (docs/pr-review-and-ci.md) runs; copy it into your repository and run it from the
# repository's root.
#
#   validate    errspec validate              the spec is valid (warnings are shown, not fatal)
#   generate    errspec generate --check      the committed generated files are up to date
#   diff        errspec diff --base-rev REV   nothing breaks for clients built against REV
#   snapshots   cargo insta test --check      the insta snapshot tests pass, where there are some
#
# Every check runs, so one run shows every problem, except that an invalid spec skips
# generate and diff, which would only repeat its errors. The exit code is 0 when every check
# passed or was skipped, 1 when one failed, 2 when a setting below is wrong.
#
# The spec, the targets, where their files go and how they are generated come from errspec.yaml,
# which every errspec command reads: each check gets --config, so a fix it prints regenerates
# with the config's options rather than without them. The settings below override it, as the
# flags they become do.
#
# Settings, by environment variable:
#   ERRSPEC                 the errspec command                       (default: errspec)
#   ERRSPEC_CONFIG          the config file                           (default: errspec.yaml if
#                                                                     there is one here)
#   ERRSPEC_SPEC            the spec                                  (default: the config's, or
#                                                                     spec/errors.yaml)
#   ERRSPEC_OUT             one folder for every generated file       (default: the config's
#                                                                     paths, or generated)
#   ERRSPEC_TARGETS         targets to check, space-separated         (default: the config's, or
#                                                                     every target)
#   ERRSPEC_BASE_REV        the revision to diff against; empty skips (default: origin/main)
#   ERRSPEC_ALLOW_BREAKING  1 or true: report breaking changes, do    (default: 0)
#                           not fail
#   ERRSPEC_MESSAGE_FORMAT  human, short, json or github              (default: github under
#                                                                     GitHub Actions, else human)
#   ERRSPEC_SNAPSHOTS       auto, always or skip                      (default: auto)
#
# The diff is skipped, with a notice, when the base revision has no spec yet (the spec is new
# in this branch): errspec diff itself says so (see spec_at_base). With ERRSPEC_SNAPSHOTS=auto the snapshot tests run where git tracks an insta
# snapshot file (see has_insta_snapshots); there, a missing cargo-insta fails the check with
# how to install it, since a check that silently does not run would look like one that passed.
# ERRSPEC_SNAPSHOTS=always runs them even without a snapshot file (inline snapshots only).
#
# Each warning is shown once, by validate: generate --check, which reports the spec's warnings
# again, has them left out. Under the github format every annotation names a file of the
# checkout (see in_tree).
set -uo pipefail

errspec=${ERRSPEC:-errspec}
if [[ -n ${ERRSPEC_CONFIG:-} ]]; then
    config=$ERRSPEC_CONFIG
elif [[ -f errspec.yaml ]]; then
    config=errspec.yaml
else
    config=''
fi
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
case $snapshots in auto | always | skip) ;; *)
    usage_error "ERRSPEC_SNAPSHOTS must be auto, always or skip, not '$snapshots'" ;;
esac
allow_breaking=()
case ${ERRSPEC_ALLOW_BREAKING:-0} in
0 | false) ;;
1 | true) allow_breaking=(--allow-breaking) ;;
*) usage_error "ERRSPEC_ALLOW_BREAKING must be 0, 1, false or true, not '$ERRSPEC_ALLOW_BREAKING'" ;;
esac
# What every command reads: the config and the spec. Unset settings are left to errspec,
# which reads the config for them.
input=()
[[ -n $config ]] && input+=(--config "$config")
[[ -n ${ERRSPEC_SPEC:-} ]] && input+=(--spec "$ERRSPEC_SPEC")
# What generate --check compares: where, and which targets.
outputs=()
[[ -n ${ERRSPEC_OUT:-} ]] && outputs+=(--out "$ERRSPEC_OUT")
for target in ${ERRSPEC_TARGETS:-}; do
    outputs+=(--target "$target")
done
# The file an annotation moves to when the file it names is not in the checkout: the one
# that asks for the generated files, the config, or the spec without one.
owner=${config:-${ERRSPEC_SPEC:-spec/errors.yaml}}

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
    [[ $format == github ]] && echo "::group::$name: $*"
    echo "errspec-check: $name: $*" >&2
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

# errspec ARGS...: runs the errspec command ($ERRSPEC) for a check. A function of that name,
# so each check shows in the log as the command one would type to repeat it. On the way out:
# generate --check has the spec's warnings left out, since validate has already shown each
# once (and on GitHub a second would be a second annotation); and GitHub annotations pass
# through in_tree.
errspec() {
    if [[ $1 == generate ]]; then
        without_warnings command "$errspec" "$@"
    else
        command "$errspec" "$@"
    fi | if [[ $format == github ]]; then in_tree; else cat; fi
}

# without_warnings COMMAND...: runs COMMAND, leaving out the warnings it prints: on stdout in a
# machine format, on stderr in a human one (where a stale file's diff goes too, and stays).
without_warnings() {
    case $format in
    github) "$@" | { grep -v '^::warning ' || true; } ;;
    json) "$@" | { grep -v '"severity":"warning"' || true; } ;;
    *) { "$@" 2>&1 1>&3 3>&- | drop_text_warnings >&2 3>&-; } 3>&1 ;;
    esac
}

# Filters errspec's stderr in the human and short formats. human: a warning runs from its
# `warning[ID]: ` line to the blank line that closes it, and the count `warning: N warnings
# emitted` follows the last. short: `FILE:LINE:COLUMN: warning: ` and the indented `hint:`
# lines under it. A diff line starts with one of ` +-@\`, so none is taken for a warning.
drop_text_warnings() {
    awk '
        /^warning\[[A-Z0-9_]+\]: / { block = 1; next }
        block { if ($0 == "") block = 0; next }
        /^warning: [0-9]+ warnings? emitted$/ { next }
        /^[^-+@ \\].*: warning: / { indented = 1; next }
        indented && /^  / { next }
        { indented = 0; print }
    '
}

# in_tree: passes GitHub annotations through, but one that names a file the checkout lacks is
# moved to a file it has, with no line, and the place it named starts its message:
#   ::error file=origin/main%3Aspec/errors.yaml,line=9,col=13,title=CODE_REMOVED::code 404 ...
#   ::error file=spec/errors.yaml,title=CODE_REMOVED::origin/main:spec/errors.yaml:9:13: code 404 ...
# errspec diff names the spec at the base revision `REV:PATH` (a removed code, an invalid old
# version): that moves to PATH, the spec as the branch has it (from the repository's root, as
# GitHub wants). generate --check names a generated file that is missing: that moves to the
# config, which asks for it, or to the spec without one. GitHub attaches an annotation only to
# a file of the pull request; on another path it points at nothing. No line is kept: the old
# line number would point at whatever the new version has there.
in_tree() {
    local line kind properties message property file place
    local -a list kept
    local pattern='^::(error|warning|notice) ([^:]*)::(.*)$'
    while IFS= read -r line || [[ -n $line ]]; do
        if ! [[ $line =~ $pattern ]]; then
            printf '%s\n' "$line"
            continue
        fi
        kind=${BASH_REMATCH[1]} properties=${BASH_REMATCH[2]} message=${BASH_REMATCH[3]}
        file='' place='' kept=()
        IFS=, read -ra list <<<"$properties"
        for property in "${list[@]}"; do
            case $property in
            file=*) file=$(property_decode "${property#file=}") ;;
            line=* | col=*) place+=:${property#*=} ;;
            endLine=* | endColumn=*) ;;
            *) kept+=("$property") ;;
            esac
        done
        if [[ -z $file || -f $file ]]; then
            printf '%s\n' "$line"
            continue
        fi
        local moved=$owner
        [[ $file == "$base_rev":* && -f ${file#"$base_rev":} ]] && moved=${file#"$base_rev":}
        [[ -f $moved ]] && kept=("file=$(property_encode "$moved")" ${kept[@]+"${kept[@]}"})
        properties=$(IFS=,; echo "${kept[*]}")
        printf '::%s %s::%s: %s\n' "$kind" "$properties" "$(data_encode "$file$place")" "$message"
    done
}

# A workflow command's escapes, as GitHub's runner decodes them: `%`, CR and LF in the message;
# `:` and `,` too in a property.
data_encode() {
    local text=${1//"%"/%25}
    text=${text//$'\r'/%0D}
    printf '%s' "${text//$'\n'/%0A}"
}
property_encode() {
    local text
    text=$(data_encode "$1")
    text=${text//:/%3A}
    printf '%s' "${text//,/%2C}"
}
property_decode() {
    local text=${1//"%3A"/:}
    text=${text//"%2C"/,}
    text=${text//"%0D"/$'\r'}
    text=${text//"%0A"/$'\n'}
    printf '%s' "${text//"%25"/%}"
}

# Whether the repository has insta snapshots, by its files rather than its manifests: a file
# tracked by git whose name ends in `.snap` and whose first line is insta's header, `---`.
# Tracked, because that is what the pull request holds (a stray file in a working copy is
# not); insta's header, because Jest and Vitest name their snapshots `.snap` too, and a
# TypeScript repository must not be asked for cargo-insta. A dependency on insta in a
# Cargo.toml would say less and cost more: it can be declared in any member's manifest or the
# workspace's, inherited, renamed or per target, with no TOML reader in bash, and a dependency
# is not a snapshot to check. What files miss is inline snapshots (`@"..."` in the source):
# ERRSPEC_SNAPSHOTS=always is for those.
has_insta_snapshots() {
    local file first
    while IFS= read -r -d '' file; do
        first=''
        { IFS= read -r first <"$file"; } 2>/dev/null || true
        # A checkout that turns LF into CRLF leaves a `\r` at the end of the line.
        [[ ${first%$'\r'} == --- ]] && return 0
    done < <(git ls-files -z -- '*.snap' 2>/dev/null)
    return 1
}

# Whether the base revision has the spec; if not, sets new_spec to its name. errspec diff
# finds the spec (from the config) and asks git, and says SPEC_NOT_AT_REVISION when the
# revision lacks it; any other outcome, an unknown revision included, is the real diff's to
# report.
spec_at_base() {
    local probe pattern='"id":"SPEC_NOT_AT_REVISION"[^}]*"file":"([^"]*)"'
    probe=$(command "$errspec" diff --base-rev "$base_rev" ${input[@]+"${input[@]}"} \
        --message-format json --quiet 2>/dev/null)
    [[ $probe =~ $pattern ]] || return 0
    new_spec=${BASH_REMATCH[1]}
    return 1
}

if check validate errspec validate ${input[@]+"${input[@]}"} --message-format "$format"; then
    check generate errspec generate --check ${input[@]+"${input[@]}"} \
        ${outputs[@]+"${outputs[@]}"} --message-format "$format"
    if [[ -z $base_rev ]]; then
        notice "ERRSPEC_BASE_REV is empty: no diff"
    elif ! spec_at_base; then
        notice "$base_rev has no $new_spec yet: nothing to diff against"
    else
        # An unknown revision is errspec's to report, with its hint about fetching it.
        check diff errspec diff --base-rev "$base_rev" ${input[@]+"${input[@]}"} \
            ${allow_breaking[@]+"${allow_breaking[@]}"} --message-format "$format"
    fi
else
    notice "the spec is invalid: generate --check and diff skipped until it is fixed"
fi

if [[ $snapshots == skip ]]; then
    notice "ERRSPEC_SNAPSHOTS=skip: no snapshot tests"
elif [[ $snapshots == auto ]] && ! has_insta_snapshots; then
    notice "no insta snapshot (*.snap) tracked here: no snapshot tests to run"
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
