#!/usr/bin/env bash
# mamori/tests/cli/cli_test.sh — the CLI half of the machine contract
# (shared spec contract.md, "CLI: pure computations" and `user create`).
#
# usage: bash tests/cli/cli_test.sh path/to/mamori
#
# For every contract command: a good input from a file and from stdin ("-")
# gives exit 0 and one valid JSON document on stdout with the right values;
# a bad input gives exit 2, nothing on stdout, and exactly one line on
# stderr naming the field. Prints PASS/FAIL per case, then "N passed, M failed".
set -u

if [ $# -lt 1 ]; then
	echo "usage: $0 path/to/mamori" >&2
	exit 2
fi
MAMORI=$1
case "$MAMORI" in
/*) ;;
*) MAMORI="$(pwd)/$MAMORI" ;;
esac
if [ ! -x "$MAMORI" ]; then
	echo "not an executable: $MAMORI" >&2
	exit 2
fi
export MAMORI_ARGON2_FAST=1

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/stdout"
ERR="$WORK/stderr"
RC=0
PASSED=0
FAILED=0

# jq starts in milliseconds; the suite checks JSON a few hundred times, and a
# Python or Node start per check made it several minutes long.
if command -v jq >/dev/null 2>&1; then
	JSON_TOOL=jq
elif command -v python3 >/dev/null 2>&1; then
	JSON_TOOL=python3
elif command -v node >/dev/null 2>&1; then
	JSON_TOOL=node
else
	echo "need jq, python3 or node to check JSON" >&2
	exit 2
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "need the sqlite3 command-line tool" >&2
	exit 2
fi

# ---------------------------------------------------------------- helpers

pass() {
	PASSED=$((PASSED + 1))
	echo "PASS $1"
}
fail() {
	FAILED=$((FAILED + 1))
	echo "FAIL $1: $2"
	if [ -s "$OUT" ]; then sed 's/^/    stdout: /' "$OUT" | head -5; fi
	if [ -s "$ERR" ]; then sed 's/^/    stderr: /' "$ERR" | head -5; fi
}

# valid_json FILE: exit 0 when FILE holds exactly one JSON document.
valid_json() {
	if [ "$JSON_TOOL" = jq ]; then
		jq -e -s 'length == 1' <"$1" >/dev/null 2>&1
	elif [ "$JSON_TOOL" = python3 ]; then
		python3 -c 'import json,sys; json.load(sys.stdin)' <"$1" 2>/dev/null
	else
		node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))' <"$1" 2>/dev/null
	fi
}

# json_get FILE a.b.0.c: prints the value at that path as compact JSON.
json_get() {
	if [ "$JSON_TOOL" = jq ]; then
		# A missing key or index is an error, as in the Python and Node versions.
		jq -c --arg path "$2" 'reduce ($path | split("."))[] as $k (.;
			if type == "array" and ($k | test("^[0-9]+$")) and ($k | tonumber) < length then .[$k | tonumber]
			elif type == "object" and has($k) then .[$k]
			else error("no \($k)") end)' "$1" 2>/dev/null
	elif [ "$JSON_TOOL" = python3 ]; then
		python3 -c '
import json, sys
value = json.load(open(sys.argv[1], encoding="utf-8"))
for part in sys.argv[2].split("."):
    value = value[int(part)] if isinstance(value, list) else value[part]
print(json.dumps(value, ensure_ascii=False, separators=(",", ":")))' "$1" "$2" 2>/dev/null
	else
		node -e '
let value = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
for (const part of process.argv[2].split(".")) value = value[part];
if (value === undefined) process.exit(1);
console.log(JSON.stringify(value));' "$1" "$2" 2>/dev/null
	fi
}

# run STDIN_FILE ARGS...: runs mamori; STDIN_FILE may be /dev/null.
run() {
	local stdin_file=$1
	shift
	"$MAMORI" "$@" <"$stdin_file" >"$OUT" 2>"$ERR"
	RC=$?
}

# check_values NAME KEY=VALUE...: every KEY path of stdout equals VALUE (compact JSON).
check_values() {
	local name=$1
	shift
	local pair key want got
	for pair in "$@"; do
		key=${pair%%=*}
		want=${pair#*=}
		got=$(json_get "$OUT" "$key")
		if [ "$got" != "$want" ]; then
			fail "$name" "$key is '$got', expected '$want'"
			return 1
		fi
	done
	return 0
}

# expect_ok NAME STDIN_FILE ARGS... -- KEY=VALUE...
expect_ok() {
	local name=$1 stdin_file=$2
	shift 2
	local args=()
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		args+=("$1")
		shift
	done
	[ $# -gt 0 ] && shift
	run "$stdin_file" "${args[@]}"
	if [ "$RC" -ne 0 ]; then
		fail "$name" "exit $RC, expected 0"
		return
	fi
	if ! valid_json "$OUT"; then
		fail "$name" "stdout is not one valid JSON document"
		return
	fi
	check_values "$name" "$@" || return
	pass "$name"
}

# expect_bad NAME MENTION STDIN_FILE ARGS...: exit 2, empty stdout, one stderr line containing MENTION.
expect_bad() {
	local name=$1 mention=$2 stdin_file=$3
	shift 3
	run "$stdin_file" "$@"
	if [ "$RC" -ne 2 ]; then
		fail "$name" "exit $RC, expected 2"
		return
	fi
	if [ -s "$OUT" ]; then
		fail "$name" "stdout is not empty"
		return
	fi
	local lines
	lines=$(wc -l <"$ERR")
	if [ "$lines" -ne 1 ] || [ "$(wc -c <"$ERR")" -le 1 ]; then
		fail "$name" "stderr has $lines lines, expected exactly one"
		return
	fi
	if ! grep -qF -- "$mention" "$ERR"; then
		fail "$name" "stderr does not mention '$mention'"
		return
	fi
	pass "$name"
}

# bad_both NAME MENTION COMMAND SUBCOMMAND CONTENT: the same bad document from a file and from stdin.
bad_both() {
	local name=$1 mention=$2 command=$3 subcommand=$4 content=$5
	local file="$WORK/$name.json"
	printf '%s' "$content" >"$file"
	expect_bad "$name (file)" "$mention" /dev/null "$command" "$subcommand" "$file"
	expect_bad "$name (stdin)" "$mention" "$file" "$command" "$subcommand" -
}

write() { printf '%s\n' "$2" >"$WORK/$1"; }

users_in() { sqlite3 "$1" 'select count(*) from users' 2>/dev/null; }

# ---------------------------------------------------------------- selfcheck score

# basic 4+4+2+2+0 = 12, employee 7×4+2 = 30, organisation 5×4 = 20 → 62 (insufficient).
write score62.json '{"answers": {"1": "implemented", "2": "implemented", "3": "partial", "4": "partial",
 "5": "not_implemented", "6": "implemented", "7": "implemented", "8": "implemented", "9": "implemented",
 "10": "implemented", "11": "implemented", "12": "implemented", "13": "partial", "14": "not_implemented",
 "15": "not_implemented", "16": "not_implemented", "17": "not_implemented", "18": "not_implemented",
 "19": "implemented", "20": "implemented", "21": "implemented", "22": "implemented", "23": "implemented",
 "24": "not_implemented", "25": "not_implemented"}}'
SCORE62=(total=62 max=100 band='"insufficient"' groups.basic.score=12 groups.basic.max=20
	groups.employee.score=30 groups.employee.max=52 groups.organization.score=20 groups.organization.max=28
	unknown_items='[]' unanswered_items='[]')
expect_ok "selfcheck score: file" /dev/null selfcheck score "$WORK/score62.json" -- "${SCORE62[@]}"
expect_ok "selfcheck score: stdin" "$WORK/score62.json" selfcheck score - -- "${SCORE62[@]}"

# 4 − 1 + 2 = 5 with items 3..25 partly unanswered.
write score_partial.json '{"answers": {"1": "implemented", "2": "unknown", "19": "partial"}}'
expect_ok "selfcheck score: unknown and unanswered lists" /dev/null selfcheck score "$WORK/score_partial.json" -- \
	total=5 unknown_items='[2]' 'unanswered_items=[3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,20,21,22,23,24,25]' \
	band='"critical"'
write score_all_unknown.json '{"answers": {"1":"unknown","2":"unknown","3":"unknown","4":"unknown","5":"unknown",
 "6":"unknown","7":"unknown","8":"unknown","9":"unknown","10":"unknown","11":"unknown","12":"unknown","13":"unknown",
 "14":"unknown","15":"unknown","16":"unknown","17":"unknown","18":"unknown","19":"unknown","20":"unknown",
 "21":"unknown","22":"unknown","23":"unknown","24":"unknown","25":"unknown"}}'
expect_ok "selfcheck score: all unknown is -25" /dev/null selfcheck score "$WORK/score_all_unknown.json" -- \
	total=-25 band='"critical"'

bad_both "selfcheck score: unknown item 26" 'answers.26' selfcheck score '{"answers": {"26": "implemented"}}'
bad_both "selfcheck score: item 0" 'answers.0' selfcheck score '{"answers": {"0": "implemented"}}'
bad_both "selfcheck score: item 07" 'answers.07' selfcheck score '{"answers": {"07": "implemented"}}'
bad_both "selfcheck score: answer yes" 'answers.1' selfcheck score '{"answers": {"1": "yes"}}'
bad_both "selfcheck score: answer not a string" 'answers.2' selfcheck score '{"answers": {"2": 4}}'
bad_both "selfcheck score: answers not an object" 'answers' selfcheck score '{"answers": ["implemented"]}'
bad_both "selfcheck score: answers missing" 'answers' selfcheck score '{"answer": {}}'
bad_both "selfcheck score: broken JSON" 'JSON' selfcheck score '{"answers": {"1": "implemented"'
bad_both "selfcheck score: empty input" 'JSON' selfcheck score ''
bad_both "selfcheck score: top-level array" 'document' selfcheck score '[{"answers": {}}]'
bad_both "selfcheck score: trailing garbage" 'JSON' selfcheck score '{"answers": {}} {}'
expect_bad "selfcheck score: missing file" "$WORK/no-such-file.json" /dev/null selfcheck score "$WORK/no-such-file.json"
expect_bad "selfcheck score: no file argument" 'FILE' /dev/null selfcheck score

# ---------------------------------------------------------------- selfcheck aggregate

write aggregate.json '{"respondents": [
 {"name": "営業部", "answers": {"1": "implemented", "2": "implemented", "3": "partial", "4": "unknown", "5": "not_implemented"}},
 {"name": "製造部", "answers": {"1": "implemented", "2": "not_implemented", "3": "partial", "4": "unknown", "6": "implemented"}}]}'
# 1 impl, 2 partial (disagreement), 3 partial, 4 unknown, 5 not (only 営業部), 6 impl (only 製造部):
# 4 + 2 + 2 − 1 + 0 + 4 = 11.
AGG=(answers.1='"implemented"' answers.2='"partial"' answers.3='"partial"' answers.4='"unknown"'
	answers.5='"not_implemented"' answers.6='"implemented"' score.total=11 score.groups.basic.score=7
	score.unknown_items='[4]' score.band='"critical"')
expect_ok "selfcheck aggregate: file" /dev/null selfcheck aggregate "$WORK/aggregate.json" -- "${AGG[@]}"
expect_ok "selfcheck aggregate: stdin" "$WORK/aggregate.json" selfcheck aggregate - -- "${AGG[@]}"
write aggregate_agree.json '{"respondents": [{"name": "A", "answers": {"7": "partial"}}, {"name": "B", "answers": {"7": "partial"}}]}'
expect_ok "selfcheck aggregate: agreement keeps the answer" /dev/null selfcheck aggregate "$WORK/aggregate_agree.json" -- \
	answers.7='"partial"' score.total=2
write aggregate_unknown.json '{"respondents": [{"name": "A", "answers": {"8": "not_implemented", "9": "unknown"}}, {"name": "B", "answers": {"8": "unknown", "9": "not_implemented"}}]}'
# Only 実施していない and わからない: わからない (−1 each), never a partial nobody gave.
expect_ok "selfcheck aggregate: not done and unknown is unknown" /dev/null selfcheck aggregate "$WORK/aggregate_unknown.json" -- \
	answers.8='"unknown"' answers.9='"unknown"' score.total=-2 score.unknown_items='[8,9]'
write aggregate_none.json '{"respondents": []}'
expect_ok "selfcheck aggregate: nobody" /dev/null selfcheck aggregate "$WORK/aggregate_none.json" -- \
	answers='{}' score.total=0

bad_both "selfcheck aggregate: unknown item 26" 'respondents[1].answers.26' selfcheck aggregate \
	'{"respondents": [{"name": "A", "answers": {}}, {"name": "B", "answers": {"26": "partial"}}]}'
bad_both "selfcheck aggregate: answer yes" 'respondents[0].answers.3' selfcheck aggregate \
	'{"respondents": [{"name": "A", "answers": {"3": "yes"}}]}'
bad_both "selfcheck aggregate: answers not an object" 'respondents[0].answers' selfcheck aggregate \
	'{"respondents": [{"name": "A", "answers": "implemented"}]}'
bad_both "selfcheck aggregate: respondents not an array" 'respondents' selfcheck aggregate '{"respondents": {}}'
bad_both "selfcheck aggregate: duplicate name" 'respondents[1].name' selfcheck aggregate \
	'{"respondents": [{"name": "A", "answers": {}}, {"name": "A", "answers": {}}]}'
bad_both "selfcheck aggregate: broken JSON" 'JSON' selfcheck aggregate '{"respondents": ['
bad_both "selfcheck aggregate: empty input" 'JSON' selfcheck aggregate ''
bad_both "selfcheck aggregate: top-level array" 'document' selfcheck aggregate '[]'
expect_bad "selfcheck aggregate: missing file" "$WORK/none.json" /dev/null selfcheck aggregate "$WORK/none.json"

# ---------------------------------------------------------------- risk evaluate

write risk.json '{"assets": [{"id": "a1", "confidentiality": 2, "integrity": 1, "availability": 0,
 "personal_info": false, "sensitive_personal_info": false, "my_number": false,
 "business_critical": false, "threat": 3, "vulnerability": 2}]}'
RISK=(assets.0.id='"a1"' assets.0.importance=2 assets.0.possibility=2 assets.0.risk_value=4 assets.0.risk_level='"high"')
expect_ok "risk evaluate: file" /dev/null risk evaluate "$WORK/risk.json" -- "${RISK[@]}"
expect_ok "risk evaluate: stdin" "$WORK/risk.json" risk evaluate - -- "${RISK[@]}"
# My Number raises importance 0 → 2; threat 1 vuln 3 → possibility 1 → risk 2 (medium).
# Nothing important: risk 0 (low).
write risk_more.json '{"assets": [
 {"id": "mn", "confidentiality": 0, "integrity": 0, "availability": 0, "my_number": true, "threat": 1, "vulnerability": 3},
 {"id": "low", "confidentiality": 0, "integrity": 0, "availability": 0, "threat": 3, "vulnerability": 3}]}'
expect_ok "risk evaluate: override and low" /dev/null risk evaluate "$WORK/risk_more.json" -- \
	assets.0.importance=2 assets.0.risk_value=2 assets.0.risk_level='"medium"' \
	assets.1.importance=0 assets.1.possibility=3 assets.1.risk_value=0 assets.1.risk_level='"low"'

asset() { # asset C I A THREAT VULN [ID]
	printf '{"assets": [{"id": "%s", "confidentiality": %s, "integrity": %s, "availability": %s, "threat": %s, "vulnerability": %s}]}' \
		"${6:-a1}" "$1" "$2" "$3" "$4" "$5"
}
bad_both "risk evaluate: confidentiality 3" 'assets[0].confidentiality' risk evaluate "$(asset 3 0 0 1 1)"
bad_both "risk evaluate: availability -1" 'assets[0].availability' risk evaluate "$(asset 0 0 -1 1 1)"
bad_both "risk evaluate: threat 0" 'assets[0].threat' risk evaluate "$(asset 1 1 1 0 1)"
bad_both "risk evaluate: vulnerability 4" 'assets[0].vulnerability' risk evaluate "$(asset 1 1 1 1 4)"
bad_both "risk evaluate: vulnerability \"2\" (string)" 'assets[0].vulnerability' risk evaluate "$(asset 1 1 1 1 '"2"')"
bad_both "risk evaluate: threat 2.5" 'assets[0].threat' risk evaluate "$(asset 1 1 1 2.5 1)"
bad_both "risk evaluate: missing id" 'assets[0].id' risk evaluate \
	'{"assets": [{"confidentiality": 1, "integrity": 1, "availability": 1, "threat": 1, "vulnerability": 1}]}'
bad_both "risk evaluate: missing threat" 'assets[0].threat' risk evaluate \
	'{"assets": [{"id": "a", "confidentiality": 1, "integrity": 1, "availability": 1, "vulnerability": 1}]}'
bad_both "risk evaluate: flag not boolean" 'assets[0].personal_info' risk evaluate \
	'{"assets": [{"id": "a", "confidentiality": 1, "integrity": 1, "availability": 1, "threat": 1, "vulnerability": 1, "personal_info": "yes"}]}'
bad_both "risk evaluate: assets not an array" 'assets' risk evaluate '{"assets": {"id": "a1"}}'
bad_both "risk evaluate: broken JSON" 'JSON' risk evaluate '{"assets": [{"id": "a1",]}'
bad_both "risk evaluate: empty input" 'JSON' risk evaluate ''
bad_both "risk evaluate: top-level array" 'document' risk evaluate "[$(asset 1 1 1 1 1)]"
expect_bad "risk evaluate: missing file" "$WORK/none.json" /dev/null risk evaluate "$WORK/none.json"

# ---------------------------------------------------------------- benchmark position (issue 12, methodology §7)

GOLDEN_BENCH="$(dirname "$0")/../golden/benchmark"
expect_ok "benchmark position: the contract's shape" /dev/null benchmark position "$GOLDEN_BENCH/contract_example.input.json" -- \
	overall.n=7 overall.mean=55.3 overall.percentile=42.9 overall.deviation=49.9 industry.n=5 size.n=5
expect_ok "benchmark position: stdin, small groups are null" "$GOLDEN_BENCH/small_groups_withheld.input.json" benchmark position - -- \
	overall.n=5 industry=null size=null
expect_bad "benchmark position: unknown target" 'target' /dev/null benchmark position "$GOLDEN_BENCH/error_unknown_target.input.json"
expect_bad "benchmark position: duplicate id" 'firms.1.id' /dev/null benchmark position "$GOLDEN_BENCH/error_duplicate_id.input.json"
expect_bad "benchmark position: score out of range" 'firms.0.score' /dev/null benchmark position "$GOLDEN_BENCH/error_score_above.input.json"

# ---------------------------------------------------------------- sme classify

write sme.json '{"industry": "retail", "capital_yen": 50000000, "employees": 60}'
expect_ok "sme classify: file" /dev/null sme classify "$WORK/sme.json" -- is_sme=true capital_within_limit=true \
	employees_within_limit=false is_small_business=false
expect_ok "sme classify: stdin" "$WORK/sme.json" sme classify - -- is_sme=true
write sme_large.json '{"industry": "wholesale", "capital_yen": 100000001, "employees": 101}'
expect_ok "sme classify: large wholesale" /dev/null sme classify "$WORK/sme_large.json" -- is_sme=false
write sme_small.json '{"industry": "manufacturing", "capital_yen": 10000000, "employees": 20}'
expect_ok "sme classify: small business" /dev/null sme classify "$WORK/sme_small.json" -- is_sme=true is_small_business=true

# 政令 special cases (methodology §3): the output names the basis that applied.
write sme_rubber.json '{"industry": "rubber_products", "capital_yen": 1000000000, "employees": 900}'
expect_ok "sme classify: rubber products at 900 employees" /dev/null sme classify "$WORK/sme_rubber.json" -- \
	is_sme=true employee_limit=900 basis='"special_case"' matched_criteria='["employees"]'
write sme_rubber_large.json '{"industry": "rubber_products", "capital_yen": 300000001, "employees": 901}'
expect_ok "sme classify: rubber products above both" /dev/null sme classify "$WORK/sme_rubber_large.json" -- is_sme=false
write sme_hotel.json '{"industry": "hotels", "capital_yen": 50000001, "employees": 200}'
expect_ok "sme classify: hotel at 200 employees" /dev/null sme classify "$WORK/sme_hotel.json" -- \
	is_sme=true capital_limit_yen=50000000 employee_limit=200 basis='"special_case"'
write sme_hotel_large.json '{"industry": "hotels", "capital_yen": 50000001, "employees": 201}'
expect_ok "sme classify: hotel above both" /dev/null sme classify "$WORK/sme_hotel_large.json" -- is_sme=false
write sme_software.json '{"industry": "software_it", "capital_yen": 300000000, "employees": 1000}'
expect_ok "sme classify: software at 3億円" /dev/null sme classify "$WORK/sme_software.json" -- \
	is_sme=true matched_criteria='["capital"]' basis='"special_case"' small_business_employee_limit=5
expect_ok "sme classify: general industries say so" /dev/null sme classify "$WORK/sme.json" -- basis='"general"'
bad_both "sme classify: unknown industry" 'industry' sme classify '{"industry": "finance", "capital_yen": 1, "employees": 1}'
bad_both "sme classify: negative employees" 'employees' sme classify '{"industry": "retail", "capital_yen": 1, "employees": -3}'
bad_both "sme classify: float capital" 'capital_yen' sme classify '{"industry": "retail", "capital_yen": 1000000.5, "employees": 3}'
bad_both "sme classify: capital as string" 'capital_yen' sme classify '{"industry": "retail", "capital_yen": "1000000", "employees": 3}'
bad_both "sme classify: missing employees" 'employees' sme classify '{"industry": "retail", "capital_yen": 1000000}'
bad_both "sme classify: broken JSON" 'JSON' sme classify '{"industry": retail}'
bad_both "sme classify: empty input" 'JSON' sme classify ''
bad_both "sme classify: top-level array" 'document' sme classify '[]'
expect_bad "sme classify: missing file" "$WORK/none.json" /dev/null sme classify "$WORK/none.json"

# ---------------------------------------------------------------- incident level and report-duty

# Damage levels (methodology §5): the highest level any fact reaches, and who leads.
write level2.json '{"external_impact": false, "personal_data_leak": false, "business_impact": true, "work_impact": true}'
expect_ok "incident level: business impact is level 2" /dev/null incident level "$WORK/level2.json" -- \
	level=2 lead='"response_manager"'
expect_ok "incident level: stdin" "$WORK/level2.json" incident level - -- level=2
write level3.json '{"external_impact": false, "personal_data_leak": true, "business_impact": false, "work_impact": false}'
expect_ok "incident level: a personal data leak is level 3" /dev/null incident level "$WORK/level3.json" -- \
	level=3 lead='"top_executive"'
write level1.json '{"external_impact": false, "personal_data_leak": false, "business_impact": false, "work_impact": true}'
expect_ok "incident level: work impact is level 1" /dev/null incident level "$WORK/level1.json" -- level=1 lead='"system_admin"'
write level0.json '{"external_impact": false, "personal_data_leak": false, "business_impact": false, "work_impact": false}'
expect_ok "incident level: no impact is level 0" /dev/null incident level "$WORK/level0.json" -- level=0 lead='"system_admin"'
bad_both "incident level: missing work_impact" 'work_impact' incident level \
	'{"external_impact": false, "personal_data_leak": false, "business_impact": true}'
bad_both "incident level: string instead of boolean" 'business_impact' incident level \
	'{"external_impact": false, "personal_data_leak": false, "business_impact": "yes", "work_impact": true}'
bad_both "incident level: top-level array" 'document' incident level '[]'

# The duty to report a leak (methodology §6): grounds in order, 速報 +3 days, 確報 day 30 or 60.
write duty.json '{"aware_on": "2026-04-01", "personal_data": true, "sensitive": false, "financial_harm": false, "malicious": true, "affected_people": 12, "strongly_encrypted": false}'
expect_ok "incident report-duty: malicious leak" /dev/null incident report-duty "$WORK/duty.json" -- \
	required=true grounds='["malicious"]' preliminary_due='"2026-04-04"' final_due='"2026-05-30"'
write duty_many.json '{"aware_on": "2026-12-20", "personal_data": true, "sensitive": true, "financial_harm": false, "malicious": false, "affected_people": 1001, "strongly_encrypted": false}'
expect_ok "incident report-duty: sensitive and over 1,000" /dev/null incident report-duty "$WORK/duty_many.json" -- \
	required=true grounds='["sensitive","over_1000"]' preliminary_due='"2026-12-23"' final_due='"2027-01-18"'
write duty_none.json '{"aware_on": "2026-04-01", "personal_data": true, "sensitive": true, "financial_harm": false, "malicious": false, "affected_people": 5, "strongly_encrypted": true}'
expect_ok "incident report-duty: strongly encrypted" /dev/null incident report-duty "$WORK/duty_none.json" -- \
	required=false grounds='[]' preliminary_due=null final_due=null
bad_both "incident report-duty: impossible date" 'aware_on' incident report-duty \
	'{"aware_on": "2026-02-30", "personal_data": true, "sensitive": false, "financial_harm": false, "malicious": true, "affected_people": 12, "strongly_encrypted": false}'
bad_both "incident report-duty: negative count" 'affected_people' incident report-duty \
	'{"aware_on": "2026-04-01", "personal_data": true, "sensitive": false, "financial_harm": false, "malicious": true, "affected_people": -1, "strongly_encrypted": false}'
bad_both "incident report-duty: missing key" 'strongly_encrypted' incident report-duty \
	'{"aware_on": "2026-04-01", "personal_data": true, "sensitive": false, "financial_harm": false, "malicious": true, "affected_people": 1}'

# The reporting rule at its edges, through the command itself: every case of
# tests/golden/report_duty/edges.cases.jsonl against its line of edges.expected.txt.
GOLDEN_DUTY="$(dirname "$0")/../golden/report_duty"
compact_sorted() {
	if [ "$JSON_TOOL" = jq ]; then
		jq -S -c .
	elif [ "$JSON_TOOL" = python3 ]; then
		python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True, separators=(",", ":"), ensure_ascii=False))'
	else
		node -e 'const s=(v)=>Array.isArray(v)?v.map(s):v&&typeof v==="object"?Object.fromEntries(Object.keys(v).sort().map(k=>[k,s(v[k])])):v;let t="";process.stdin.on("data",d=>t+=d).on("end",()=>console.log(JSON.stringify(s(JSON.parse(t)))))'
	fi
}
: >"$WORK/duty_actual.txt"
while IFS= read -r row; do
	[ -n "$row" ] || continue
	name=$(printf '%s' "$row" | compact_sorted | sed -E 's/.*"case":"([^"]*)".*/\1/')
	if [ "$JSON_TOOL" = jq ]; then
		printf '%s' "$row" | jq -c .input >"$WORK/duty_case.json"
	else
		printf '%s' "$row" | node -e 'let t="";process.stdin.on("data",d=>t+=d).on("end",()=>console.log(JSON.stringify(JSON.parse(t).input)))' >"$WORK/duty_case.json"
	fi
	printf '%s %s\n' "$name" "$("$MAMORI" incident report-duty "$WORK/duty_case.json" | compact_sorted)" >>"$WORK/duty_actual.txt"
done <"$GOLDEN_DUTY/edges.cases.jsonl"
if diff "$GOLDEN_DUTY/edges.expected.txt" "$WORK/duty_actual.txt" >"$OUT" 2>"$ERR"; then
	pass "incident report-duty: the golden edge table"
else
	fail "incident report-duty: the golden edge table" "differs from tests/golden/report_duty/edges.expected.txt"
fi
: >"$OUT"; : >"$ERR"

# ---------------------------------------------------------------- mail test (a fake SMTP relay)

SMTP_DIR="$WORK/smtp"
mkdir -p "$SMTP_DIR"
node "$(dirname "$0")/../support/fake_smtp.mjs" "$SMTP_DIR/port" "$SMTP_DIR/messages.jsonl" &
SMTP_PID=$!
for _ in $(seq 50); do [ -s "$SMTP_DIR/port" ] && break; sleep 0.1; done
SMTP_PORT=$(cat "$SMTP_DIR/port" 2>/dev/null || echo 1)
expect_ok "mail test: sent through the relay" /dev/null mail test --smtp-url "smtp://127.0.0.1:$SMTP_PORT" \
	--mail-from mamori@example.jp --to owner@example.jp -- sent=true to='"owner@example.jp"'
if grep -q '"to":\["owner@example.jp"\]' "$SMTP_DIR/messages.jsonl" 2>/dev/null && \
	grep -q 'mamori' "$SMTP_DIR/messages.jsonl"; then
	pass "mail test: the relay received it for the recipient"
else
	fail "mail test: the relay received it for the recipient" "$(cat "$SMTP_DIR/messages.jsonl" 2>/dev/null)"
fi
kill "$SMTP_PID" 2>/dev/null || true
expect_bad "mail test: an address that would add a recipient" '--to' /dev/null mail test \
	--smtp-url "smtp://127.0.0.1:$SMTP_PORT" --mail-from mamori@example.jp --to 'a@b.jp>,evil@example.com'
expect_bad "mail test: not an SMTP URL" '--smtp-url' /dev/null mail test --smtp-url http://example.jp \
	--mail-from mamori@example.jp --to owner@example.jp
expect_bad "mail test: sender missing" '--mail-from' /dev/null mail test --smtp-url "smtp://127.0.0.1:$SMTP_PORT" \
	--to owner@example.jp
run /dev/null mail test --smtp-url smtp://127.0.0.1:1 --mail-from mamori@example.jp --to owner@example.jp
if [ "$RC" -eq 1 ] && [ ! -s "$OUT" ]; then pass "mail test: a relay that does not answer is exit 1"; else fail "mail test: a relay that does not answer is exit 1" "exit $RC"; fi
expect_bad "serve: mail sender without a relay" '--smtp-url' /dev/null serve --db "$WORK/never.db" --mail-from mamori@example.jp
# A network address without TLS settings would send cookies without Secure (ASVS 3.4.1).
expect_bad "serve: a network address without TLS settings names --public-url https://" '--public-url https://' /dev/null \
	serve --db "$WORK/never.db" --listen 0.0.0.0:18080
expect_bad "serve: an http public URL is no TLS setting" '--listen' /dev/null \
	serve --db "$WORK/never.db" --listen 192.0.2.10:18080 --public-url http://mamori.example.jp
expect_bad "serve: an API limit of 0 names --api-rate-limit" '--api-rate-limit' /dev/null \
	serve --db "$WORK/never.db" --api-rate-limit 0
expect_bad "serve: an API limit that is not a number names --api-rate-limit" '--api-rate-limit' /dev/null \
	serve --db "$WORK/never.db" --api-rate-limit 10x
if [ ! -e "$WORK/never.db" ]; then pass "serve: a refused listen address creates no database"; else fail "serve: a refused listen address creates no database" "never.db exists"; fi

# ---------------------------------------------------------------- user create and backup

DB="$WORK/mamori.db"
expect_ok "user create: good password" /dev/null user create --db "$DB" --email owner@example.co.jp \
	--password 'correct horse battery staple' -- email='"owner@example.co.jp"'
BEFORE=$(users_in "$DB")
if [ "$BEFORE" = "1" ]; then pass "user create: one user in the database"; else fail "user create: one user in the database" "count is '$BEFORE'"; fi

# expect_no_new_user NAME MENTION ARGS...: refused with exit 2 and the users table unchanged.
expect_no_new_user() {
	local name=$1 mention=$2
	shift 2
	expect_bad "$name" "$mention" /dev/null user create --db "$DB" "$@"
	local after
	after=$(users_in "$DB")
	if [ "$after" = "$BEFORE" ]; then
		pass "$name: no user added"
	else
		fail "$name: no user added" "users went from $BEFORE to $after"
	fi
}
expect_no_new_user "user create: short password" 'password' --email short@example.co.jp --password 'Ab3$xyz'
expect_no_new_user "user create: common password" 'password' --email common@example.co.jp --password 'password123'
expect_no_new_user "user create: common password, other case" 'password' --email common2@example.co.jp --password 'Password123'
# The refusal says why: the password is on a list of that many (30,409 distinct) well-known ones.
expect_no_new_user "user create: a common password of the zxcvbn list says how long the list is" '30,409' \
	--email common3@example.co.jp --password 'Manchester'
expect_no_new_user "user create: a password longer than 128 characters" 'password' --email long@example.co.jp \
	--password "$(printf 'Kq7#%.0s' $(seq 1 33))"
expect_no_new_user "user create: password is the e-mail address" 'password' --email hanako.suzuki@example.co.jp \
	--password 'hanako.suzuki@example.co.jp'
expect_no_new_user "user create: duplicate email" 'email' --email owner@example.co.jp --password 'another long passphrase'
expect_no_new_user "user create: duplicate email, other case" 'email' --email Owner@Example.co.jp --password 'another long passphrase'

# The command speaks Japanese unless LC_ALL / LC_MESSAGES / LANG ask for English.
LC_ALL= LC_MESSAGES= LANG=C expect_bad "user create: missing email, Japanese by default" 'メールアドレスを指定してください' \
	/dev/null user create --db "$DB" --password 'another long passphrase'
LC_ALL= LC_MESSAGES= LANG=en_GB.UTF-8 expect_bad "user create: missing email, English when LANG asks" \
	'--email: Give the email address' /dev/null user create --db "$DB" --password 'another long passphrase'
LC_ALL=ja_JP.UTF-8 LANG=en_GB.UTF-8 expect_bad "user create: short password, LC_ALL wins over LANG" 'パスワードは' \
	/dev/null user create --db "$DB" --email short2@example.co.jp --password 'Ab3$xyz'

# A weak password must not even create a database file.
expect_bad "user create: weak password on a new database" 'password' /dev/null user create --db "$WORK/fresh.db" \
	--email x@example.co.jp --password short
if [ "$(users_in "$WORK/fresh.db")" = "" ] || [ "$(users_in "$WORK/fresh.db")" = "0" ]; then
	pass "user create: weak password leaves no user in a new database"
else
	fail "user create: weak password leaves no user in a new database" "users: $(users_in "$WORK/fresh.db")"
fi

expect_ok "user create: second user" /dev/null user create --db "$DB" --email staff@example.co.jp \
	--password '朝の電車で本を読みます' -- email='"staff@example.co.jp"'
BEFORE=$(users_in "$DB")

# migrate-store between two SQLite files (PostgreSQL: tests/unit/storage/postgres/copy_store_test.cpp).
expect_ok "migrate-store: a copy with the same audit chain" /dev/null migrate-store --from "$DB" --to "$WORK/moved.db" -- ok=true
if [ "$(users_in "$WORK/moved.db")" = "$BEFORE" ]; then
	pass "migrate-store: the copy has the same users count"
else
	fail "migrate-store: the copy has the same users count" "copy has '$(users_in "$WORK/moved.db")', database has '$BEFORE'"
fi
expect_bad "migrate-store: into a database that is not empty" "--to" /dev/null migrate-store --from "$DB" --to "$WORK/moved.db"
expect_bad "migrate-store: from a missing file" "--from" /dev/null migrate-store --from "$WORK/no-such.db" --to "$WORK/moved2.db"

run /dev/null backup --db "$DB" --out "$WORK/backup.db"
if [ "$RC" -eq 0 ] && [ -s "$WORK/backup.db" ]; then
	pass "backup: exit 0 and a file"
else
	fail "backup: exit 0 and a file" "exit $RC"
fi
COPIED=$(users_in "$WORK/backup.db")
if [ -n "$COPIED" ] && [ "$COPIED" = "$BEFORE" ]; then
	pass "backup: sqlite3 reads the copy with the same users count ($COPIED)"
else
	fail "backup: sqlite3 reads the copy with the same users count" "copy has '$COPIED', database has '$BEFORE'"
fi
if [ "$(sqlite3 "$WORK/backup.db" 'pragma integrity_check' 2>/dev/null)" = "ok" ]; then
	pass "backup: integrity check ok"
else
	fail "backup: integrity check ok" "integrity_check failed"
fi
SUM_BEFORE=$(cksum <"$WORK/backup.db")
run /dev/null backup --db "$DB" --out "$WORK/backup.db"
if [ "$RC" -ne 0 ] && [ ! -s "$OUT" ] && [ "$(cksum <"$WORK/backup.db")" = "$SUM_BEFORE" ]; then
	pass "backup: refuses an existing file and leaves it alone"
else
	fail "backup: refuses an existing file and leaves it alone" "exit $RC"
fi
run /dev/null backup --db "$WORK/no-such.db" --out "$WORK/backup2.db"
if [ "$RC" -ne 0 ] && [ ! -e "$WORK/backup2.db" ] && [ ! -e "$WORK/no-such.db" ]; then
	pass "backup: missing database refused without creating files"
else
	fail "backup: missing database refused without creating files" "exit $RC"
fi

# The restore drill (scripts/restore-drill.sh, ASVS 14.1.4) passes the backup and stops on a broken chain.
DRILL="$(dirname "$0")/../../scripts/restore-drill.sh"
if bash "$DRILL" "$WORK/backup.db" "$MAMORI" 2>"$WORK/drill.err" && grep -q "restore drill passed" "$WORK/drill.err"; then
	pass "restore drill: a good backup passes"
else
	fail "restore drill: a good backup passes" "$(cat "$WORK/drill.err")"
fi
cp "$WORK/backup.db" "$WORK/tampered.db"
sqlite3 "$WORK/tampered.db" "UPDATE audit_log SET action = 'x' WHERE id = (SELECT MIN(id) FROM audit_log)"
if ! bash "$DRILL" "$WORK/tampered.db" "$MAMORI" 2>"$WORK/drill.err" && grep -q "audit chain" "$WORK/drill.err"; then
	pass "restore drill: a tampered backup fails at the audit chain"
else
	fail "restore drill: a tampered backup fails at the audit chain" "$(cat "$WORK/drill.err")"
fi

# ---------------------------------------------------------------- risk export / import (issue 3)

RDB="$WORK/register.db"
run /dev/null seed --db "$RDB" --orgs 1 --assets 12 --email owner@example.jp --password 'Kanari-Nagai-Passphrase-2025'
if [ "$RC" -eq 0 ]; then pass "seed: one organisation with a 12-row register"; else fail "seed: one organisation with a 12-row register" "exit $RC: $(cat "$ERR")"; fi
assets_in() { sqlite3 "$1" 'select count(*) from assets' 2>/dev/null; }
for format in xlsx csv json; do
	expect_ok "risk export: $format" /dev/null risk export --db "$RDB" --org 1 --as owner@example.jp --out "$WORK/register.$format" -- assets=12
done
for format in xlsx csv json; do
	expect_ok "risk import: $format round trip (dry run)" /dev/null risk import --db "$RDB" --org 1 --as owner@example.jp --file "$WORK/register.$format" --dry-run -- valid=true rows=12
done
expect_ok "risk import: csv replaces the register" /dev/null risk import --db "$RDB" --org 1 --as owner@example.jp --file "$WORK/register.csv" -- imported=12
[ "$(assets_in "$RDB")" = "12" ] && pass "risk import: register still has 12 rows" || fail "risk import: register still has 12 rows" "$(assets_in "$RDB")"

# A bad cell anywhere refuses the whole file and writes nothing.
head -n 1 "$WORK/register.csv" >"$WORK/bad_rating.csv"
printf '人事,名簿,,,人事部,paper,無,無,無,9,1,1,無,,,\n' >>"$WORK/bad_rating.csv"
head -c 100 "$WORK/register.xlsx" >"$WORK/truncated.xlsx"
printf '業務分類,情報資産名称\n人事,名簿\n' >"$WORK/bad_headers.csv"
printf '\xff\xfe\x00\x81' >"$WORK/bad_encoding.csv"
BEFORE_ASSETS=$(assets_in "$RDB")
expect_bad "risk import: wrong headers" "見出し" /dev/null risk import --db "$RDB" --org 1 --as owner@example.jp --file "$WORK/bad_headers.csv"
expect_bad "risk import: rating out of range names row and column" "機密性" /dev/null risk import --db "$RDB" --org 1 --as owner@example.jp --file "$WORK/bad_rating.csv"
expect_bad "risk import: truncated xlsx" "--file" /dev/null risk import --db "$RDB" --org 1 --as owner@example.jp --file "$WORK/truncated.xlsx"
expect_bad "risk import: broken encoding" "--file" /dev/null risk import --db "$RDB" --org 1 --as owner@example.jp --file "$WORK/bad_encoding.csv"
expect_bad "risk import: unknown organisation" "--org" /dev/null risk import --db "$RDB" --org 99 --as owner@example.jp --file "$WORK/register.csv"
expect_bad "risk import: unknown format" "--format" /dev/null risk import --db "$RDB" --org 1 --as owner@example.jp --file "$WORK/register.csv" --format ods
[ "$(assets_in "$RDB")" = "$BEFORE_ASSETS" ] && pass "risk import: refused files wrote nothing" || fail "risk import: refused files wrote nothing" "$(assets_in "$RDB") rows"

# ---------------------------------------------------------------- document render / pack (issue 8)

# Every kind in every format, from a seeded organisation that has edited nothing
# but answered the self-diagnosis: the samples filled with what mamori knows.
DOC_KINDS="basic_policy handbook regulations regulation_checklist governance outsourcing_nda cloud_checklist website_checklist selfcheck_report incident_manual emergency_card owner_report"
for kind in $DOC_KINDS; do
	for format in pdf docx html; do
		expect_ok "document render: $kind as $format" /dev/null document render --db "$RDB" --org 1 --as owner@example.jp \
			--kind "$kind" --format "$format" --out "$WORK/doc_$kind.$format" -- "kind=\"$kind\""
	done
	if command -v pdftotext >/dev/null && pdftotext "$WORK/doc_$kind.pdf" - 2>/dev/null | grep -qF "株式会社ベンチ1"; then
		pass "document render: $kind PDF holds the company name as text"
	else
		fail "document render: $kind PDF holds the company name as text" "pdftotext found no company name"
	fi
	if unzip -p "$WORK/doc_$kind.docx" word/document.xml 2>/dev/null | grep -q "<w:body>"; then
		pass "document render: $kind DOCX has a document body"
	else
		fail "document render: $kind DOCX has a document body" "no word/document.xml"
	fi
	grep -q '<html lang="ja"' "$WORK/doc_$kind.html" && pass "document render: $kind HTML is Japanese" || fail "document render: $kind HTML is Japanese" "no lang=ja"
done
if command -v pdffonts >/dev/null && pdffonts "$WORK/doc_regulations.pdf" | grep -q "CJK.*yes"; then
	pass "document render: the Japanese font is embedded"
else
	fail "document render: the Japanese font is embedded" "$(pdffonts "$WORK/doc_regulations.pdf" 2>&1 | head -3)"
fi
# One 機密保持条項 per registered partner: a database seeded with two partners
# renders both partners' names (and the company as 甲) in the PDF's text.
PDB="$WORK/partners.db"
run /dev/null seed --db "$PDB" --orgs 1 --partners 2 --email owner@example.jp --password 'Kanari-Nagai-Passphrase-2025'
[ "$RC" -eq 0 ] && pass "seed: two outsourcing partners" || fail "seed: two outsourcing partners" "exit $RC: $(cat "$ERR")"
expect_ok "document render: outsourcing_nda with two partners" /dev/null document render --db "$PDB" --org 1 --as owner@example.jp \
	--kind outsourcing_nda --format pdf --out "$WORK/nda_partners.pdf" -- 'kind="outsourcing_nda"'
NDA_TEXT=$(pdftotext "$WORK/nda_partners.pdf" - 2>/dev/null || true)
if printf '%s' "$NDA_TEXT" | grep -qF "委託先1株式会社" && printf '%s' "$NDA_TEXT" | grep -qF "委託先2株式会社"; then
	pass "document render: the NDA PDF names both partners"
else
	fail "document render: the NDA PDF names both partners" "$(printf '%s' "$NDA_TEXT" | head -5)"
fi
# The もしもマニュアル and the emergency card (issue 9) name the people of the
# 管理体制: a copy of the database gets a governance document with people and
# their phones (written as the web form stores it), and both PDFs show them.
IDB="$WORK/incident_docs.db"
cp "$RDB" "$IDB"
sqlite3 "$IDB" "INSERT INTO documents (org_id, template_id, subject, state, revision, values_json, updated_at)
	VALUES (1, 'governance', '', 'draft', 1,
	'{\"fields\":{\"top_executive\":\"甲野 太郎\",\"response_manager\":\"乙川 花子\",\"first_responder\":\"丙田 一郎\"},\"tables\":{\"contacts\":[[\"乙川 花子\",\"対応責任者\",\"03-1111-2222\",\"otokawa@example.jp\"]]},\"left_out_sections\":[]}',
	'2026-12-04T00:00:00Z')"
for kind in incident_manual emergency_card; do
	expect_ok "document render: $kind with people assigned" /dev/null document render --db "$IDB" --org 1 --as owner@example.jp \
		--kind "$kind" --format pdf --out "$WORK/people_$kind.pdf" -- "kind=\"$kind\""
done
MANUAL_TEXT=$(pdftotext -layout "$WORK/people_incident_manual.pdf" - 2>/dev/null || true)
if printf '%s' "$MANUAL_TEXT" | grep -qF "乙川 花子" && printf '%s' "$MANUAL_TEXT" | grep -qF "03-1111-2222" &&
	printf '%s' "$MANUAL_TEXT" | grep -qF "レベル3" && printf '%s' "$MANUAL_TEXT" | grep -qF "レベル0"; then
	pass "document render: the manual PDF names the response manager and has the level table"
else
	fail "document render: the manual PDF names the response manager and has the level table" "$(printf '%s' "$MANUAL_TEXT" | head -20)"
fi
if pdftotext "$WORK/people_emergency_card.pdf" - 2>/dev/null | grep -qF "03-1111-2222"; then
	pass "document render: the emergency card PDF has the response manager's phone"
else
	fail "document render: the emergency card PDF has the response manager's phone" "no phone number"
fi
for card in "$WORK/people_emergency_card.pdf" "$WORK/doc_emergency_card.pdf"; do
	CARD_PAGES=$(pdfinfo "$card" 2>/dev/null | awk '/^Pages:/ {print $2}')
	[ "$CARD_PAGES" = "1" ] && pass "document render: the emergency card is one page ($(basename "$card"))" ||
		fail "document render: the emergency card is one page ($(basename "$card"))" "Pages: $CARD_PAGES"
done
# The card stays one page with the longest entries the 管理体制 allows (names of
# 60 bytes, 600 bytes of メールが使えないときの連絡手段), in either language.
LONG_NAME=$(printf '長%.0s' $(seq 20))
LONG_CHANNEL=$(printf '携帯電話で連絡します。%.0s' $(seq 18))
sqlite3 "$IDB" "UPDATE documents SET values_json = json_set(values_json, '\$.fields.top_executive', '$LONG_NAME',
	'\$.fields.first_responder', '$LONG_NAME', '\$.fields.system_administrator', '$LONG_NAME',
	'\$.fields.alternative_channel', '$LONG_CHANNEL') WHERE template_id = 'governance'"
for locale in ja en; do
	sqlite3 "$IDB" "UPDATE organizations SET document_locale = '$locale' WHERE id = 1"
	expect_ok "document render: the longest emergency card ($locale)" /dev/null document render --db "$IDB" --org 1 --as owner@example.jp \
		--kind emergency_card --format pdf --out "$WORK/long_card_$locale.pdf" -- 'kind="emergency_card"'
	CARD_PAGES=$(pdfinfo "$WORK/long_card_$locale.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	pdftotext "$WORK/long_card_$locale.pdf" - 2>/dev/null | tr -d '\n' | grep -qF "$LONG_NAME" || CARD_PAGES="no long name in the card"
	[ "$CARD_PAGES" = "1" ] && pass "document render: the longest emergency card is one page ($locale)" ||
		fail "document render: the longest emergency card is one page ($locale)" "Pages: $CARD_PAGES"
done
# An organisation whose documents are in English gets both in English.
sqlite3 "$IDB" "UPDATE organizations SET document_locale = 'en' WHERE id = 1"
for kind in incident_manual emergency_card; do
	expect_ok "document render: $kind in English" /dev/null document render --db "$IDB" --org 1 --as owner@example.jp \
		--kind "$kind" --format html --out "$WORK/en_$kind.html" -- "kind=\"$kind\""
done
if grep -q '<html lang="en"' "$WORK/en_incident_manual.html" && grep -qF "Incident response manual" "$WORK/en_incident_manual.html" &&
	grep -qF "Emergency card" "$WORK/en_emergency_card.html" && ! grep -qF "緊急連絡カード" "$WORK/en_emergency_card.html"; then
	pass "document render: the manual and the card in English"
else
	fail "document render: the manual and the card in English" "$(head -c 300 "$WORK/en_incident_manual.html")"
fi
# A system of the IT-BCP register (事業継続, issue 9) shows in the manual's continuity table.
sqlite3 "$IDB" "INSERT INTO continuity_systems(org_id, name, business, priority, target_time, resources, fallback, owner, created_at, updated_at) VALUES (1, '販売管理システム', '受注と出荷', 1, '4時間以内', '予備のパソコン', '紙の伝票で受注する', '', '2025-04-01T00:00:00Z', '2025-04-01T00:00:00Z')"
expect_ok "document render: the manual with a continuity system" /dev/null document render --db "$IDB" --org 1 --as owner@example.jp \
	--kind incident_manual --format html --out "$WORK/continuity_manual.html" -- 'kind="incident_manual"'
if grep -qF "Restoration priority of systems" "$WORK/continuity_manual.html" && grep -qF "販売管理システム" "$WORK/continuity_manual.html" &&
	grep -qF "4時間以内" "$WORK/continuity_manual.html" && grep -qF "紙の伝票で受注する" "$WORK/continuity_manual.html"; then
	pass "document render: the manual shows the registered continuity system"
else
	fail "document render: the manual shows the registered continuity system" "$(grep -o 'Restoration[^<]*' "$WORK/continuity_manual.html" | head -1)"
fi
expect_bad "seed: --partners out of range" "--partners" /dev/null seed --db "$WORK/partners_bad.db" --orgs 1 --partners -1
expect_bad "document render: unknown kind" "--kind" /dev/null document render --db "$RDB" --org 1 --as owner@example.jp --kind leaflet --format pdf --out "$WORK/bad_kind.pdf"
expect_bad "document render: unknown format" "--format" /dev/null document render --db "$RDB" --org 1 --as owner@example.jp --kind handbook --format odt --out "$WORK/bad_format.odt"
expect_bad "document render: no role in the organisation" "--org" /dev/null document render --db "$RDB" --org 2 --as owner@example.jp --kind handbook --format pdf --out "$WORK/bad_org.pdf"
expect_bad "document render: unknown account" "--as" /dev/null document render --db "$RDB" --org 1 --as nobody@example.jp --kind handbook --format pdf --out "$WORK/bad_as.pdf"
if [ ! -e "$WORK/bad_kind.pdf" ] && [ ! -e "$WORK/bad_format.odt" ] && [ ! -e "$WORK/bad_org.pdf" ] && [ ! -e "$WORK/bad_as.pdf" ] && ! ls "$WORK"/*.partial >/dev/null 2>&1; then
	pass "document render: refusals leave no file behind"
else
	fail "document render: refusals leave no file behind" "$(ls "$WORK")"
fi
# インシデント報告書: the sample while nothing is closed, then the closed incident's own text.
expect_ok "document render: incident_report sample" /dev/null document render --db "$RDB" --org 1 --as owner@example.jp \
	--kind incident_report --format pdf --out "$WORK/report_sample.pdf" -- 'kind="incident_report"'
REPORT_TEXT=$(pdftotext "$WORK/report_sample.pdf" - 2>/dev/null | tr -d '\n' || true)
case "$REPORT_TEXT" in
*インシデント報告書*【原因】*) pass "document render: incident_report sample has blanks" ;;
*) fail "document render: incident_report sample has blanks" "$(echo "$REPORT_TEXT" | head -c 200)" ;;
esac
sqlite3 "$RDB" "INSERT INTO incidents (id, org_id, reported_at, what, noticed_at, device, status, closed_at, updated_at, cause, prevention, public_statement)
	VALUES (77, 1, '2026-12-01T01:00:00Z', '請求書メールの添付を開いた', '2026-12-01T09:30', '経理のPC', 'closed', '2026-12-02T01:00:00Z', '2026-12-02T01:00:00Z', '偽の請求書メール', '添付を開く前に送信元を電話で確かめる', '')"
expect_ok "document render: incident_report of the last closed incident" /dev/null document render --db "$RDB" --org 1 --as owner@example.jp \
	--kind incident_report --format pdf --out "$WORK/report_77.pdf" -- 'title="インシデント報告書（第77号）"'
REPORT_TEXT=$(pdftotext "$WORK/report_77.pdf" - 2>/dev/null | tr -d '\n' || true)
case "$REPORT_TEXT" in
*請求書メールの添付を開いた*偽の請求書メール*添付を開く前に送信元を電話で確かめる*) pass "document render: incident_report PDF holds the incident's text" ;;
*) fail "document render: incident_report PDF holds the incident's text" "$(echo "$REPORT_TEXT" | head -c 200)" ;;
esac
expect_ok "document render: --incident picks one" /dev/null document render --db "$RDB" --org 1 --as owner@example.jp \
	--kind incident_report --incident 77 --format html --out "$WORK/report_77.html" -- 'kind="incident_report"'
expect_bad "document render: --incident needs incident_report" "--incident" /dev/null document render --db "$RDB" --org 1 --as owner@example.jp \
	--kind handbook --incident 77 --format pdf --out "$WORK/bad_incident.pdf"
expect_bad "document render: --incident not a number" "--incident" /dev/null document render --db "$RDB" --org 1 --as owner@example.jp \
	--kind incident_report --incident x7 --format pdf --out "$WORK/bad_incident.pdf"
# The owner's report (issue 12): the 重要7項目 with their evidence, in one page.
OWNER_TEXT=$(pdftotext "$WORK/doc_owner_report.pdf" - 2>/dev/null | tr -d '\n' || true)
case "$OWNER_TEXT" in
*重要7項目*点検と改善*取組1*取組7*) pass "document render: owner_report PDF lists the 7 items and the inspection cycle" ;;
*) fail "document render: owner_report PDF lists the 7 items and the inspection cycle" "$(echo "$OWNER_TEXT" | head -c 200)" ;;
esac
if command -v pdfinfo >/dev/null && [ "$(pdfinfo "$WORK/doc_owner_report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')" = "1" ]; then
	pass "document render: owner_report is one page"
else
	fail "document render: owner_report is one page" "$(pdfinfo "$WORK/doc_owner_report.pdf" 2>&1 | grep Pages)"
fi
# ---------------------------------------------------------------- coaching reports (issue 12)
# visit_report and final_report from a copy of the database with a theme-1 engagement: visit 1
# held with notes and its pre-work done, visit 2 planned. --visit picks the visit.
CDB="$WORK/coaching.db"
cp "$RDB" "$CDB"
expect_ok "document render: visit_report before any coaching" /dev/null document render --db "$CDB" --org 1 --as owner@example.jp \
	--kind visit_report --format html --out "$WORK/no_coaching.html" -- 'kind="visit_report"'
grep -qF "まだ専門家の指導を始めていません" "$WORK/no_coaching.html" && pass "document render: visit_report says no coaching yet" ||
	fail "document render: visit_report says no coaching yet" "$(head -c 300 "$WORK/no_coaching.html")"
PROGRAMME="$(dirname "$0")/../../content/programmes/theme1_regulations.yaml"
sqlite3 "$CDB" "INSERT INTO engagements (id, org_id, programme_id, programme_title, programme_yaml, started_on, created_at)
	VALUES (5, 1, 'theme1_regulations', '', readfile('$PROGRAMME'), '2026-11-01', '2026-11-01T00:00:00Z');
	INSERT INTO engagement_visits (org_id, engagement_id, number, planned_on, held_on, notes)
	VALUES (1, 5, 1, '2026-11-20', '2026-11-20', '規程の整備状況を確認した'), (1, 5, 2, '2026-12-10', '', ''), (1, 5, 3, '', '', '');
	INSERT INTO engagement_requests (org_id, engagement_id, visit_number, request_key, done_at)
	VALUES (1, 5, 1, 'selfcheck', '2026-11-18T01:00:00Z'), (1, 5, 2, 'policy_draft', '')"
for kind in visit_report final_report; do
	for format in pdf docx html; do
		expect_ok "document render: $kind as $format" /dev/null document render --db "$CDB" --org 1 --as owner@example.jp \
			--kind "$kind" --format "$format" --out "$WORK/coach_$kind.$format" -- "kind=\"$kind\""
	done
done
VISIT_TEXT=$(pdftotext "$WORK/coach_visit_report.pdf" - 2>/dev/null | tr -d '\n' || true)
case "$VISIT_TEXT" in
*実施報告書（第1回）*2026年11月18日*規程の整備状況を確認した*) pass "document render: visit_report PDF holds the latest visit" ;;
*) fail "document render: visit_report PDF holds the latest visit" "$(echo "$VISIT_TEXT" | head -c 300)" ;;
esac
grep -qF "最終報告書" "$WORK/coach_final_report.html" && grep -qF "1 / 1" "$WORK/coach_final_report.html" &&
	pass "document render: final_report lists the visits and their pre-work" ||
	fail "document render: final_report lists the visits and their pre-work" "$(head -c 300 "$WORK/coach_final_report.html")"
expect_ok "document render: --visit picks one" /dev/null document render --db "$CDB" --org 1 --as owner@example.jp \
	--kind visit_report --visit 2 --format html --out "$WORK/visit_2.html" -- 'title="実施報告書（第2回）"'
expect_bad "document render: --visit beyond the programme" "--visit" /dev/null document render --db "$CDB" --org 1 --as owner@example.jp \
	--kind visit_report --visit 9 --format pdf --out "$WORK/bad_visit.pdf"
expect_bad "document render: --visit not a number" "--visit" /dev/null document render --db "$CDB" --org 1 --as owner@example.jp \
	--kind visit_report --visit 0 --format pdf --out "$WORK/bad_visit.pdf"
expect_bad "document render: --visit needs visit_report" "--visit" /dev/null document render --db "$CDB" --org 1 --as owner@example.jp \
	--kind final_report --visit 1 --format pdf --out "$WORK/bad_visit.pdf"
[ ! -e "$WORK/bad_visit.pdf" ] && pass "document render: a refused --visit writes no file" || fail "document render: a refused --visit writes no file" "bad_visit.pdf exists"
expect_ok "document pack: every document as PDF and DOCX" /dev/null document pack --db "$RDB" --org 1 --as owner@example.jp --out "$WORK/pack.zip" -- documents=12 files=26
PACK_LIST=$(unzip -Z1 "$WORK/pack.zip" 2>/dev/null)
if echo "$PACK_LIST" | grep -qx "00_index.pdf" && echo "$PACK_LIST" | grep -qx "01_basic_policy.pdf" && echo "$PACK_LIST" | grep -qx "09_selfcheck_report.docx" && echo "$PACK_LIST" | grep -qx "11_emergency_card.pdf" && echo "$PACK_LIST" | grep -qx "12_owner_report.docx"; then
	pass "document pack: index and numbered files"
else
	fail "document pack: index and numbered files" "$PACK_LIST"
fi
if unzip -p "$WORK/pack.zip" 00_index.html | grep -qF "情報セキュリティ関連規程"; then
	pass "document pack: the index lists the titles"
else
	fail "document pack: the index lists the titles" "no title in the index"
fi

# ---------------------------------------------------------------- hand-over package (issue 12)
# A consultant takes the client's data to a laptop (another installation), works there without
# network, and brings it back; the firm's data never carries a password or a session.
expect_ok "handover export: documents, data and audit log" /dev/null handover export --db "$RDB" --org 1 --as owner@example.jp \
	--out "$WORK/handover.zip" -- documents=12
HANDOVER_LIST=$(unzip -Z1 "$WORK/handover.zip" 2>/dev/null)
if echo "$HANDOVER_LIST" | grep -qx "data/organization.json" && echo "$HANDOVER_LIST" | grep -qx "data/audit_log.csv" &&
	echo "$HANDOVER_LIST" | grep -qx "documents/01_basic_policy.pdf" && echo "$HANDOVER_LIST" | grep -qx "documents/00_index.html"; then
	pass "handover export: the package's parts"
else
	fail "handover export: the package's parts" "$HANDOVER_LIST"
fi
HANDOVER_DATA=$(unzip -p "$WORK/handover.zip" data/organization.json 2>/dev/null)
case "$HANDOVER_DATA" in
*password_hash* | *token_hash* | *code_hash* | *'"secret"'*) fail "handover export: no secret travels" "a secret column is in the data" ;;
*'"format": "mamori-organization"'*) pass "handover export: no secret travels" ;;
*) fail "handover export: no secret travels" "not a package: $(echo "$HANDOVER_DATA" | head -c 200)" ;;
esac
LAPTOP="$WORK/laptop.db"
run /dev/null user create --db "$LAPTOP" --email consultant@example.jp --password 'Houmon-Saki-De-Tsukau-2026'
expect_ok "handover import: a new organisation on another installation" /dev/null handover import --db "$LAPTOP" \
	--as consultant@example.jp --file "$WORK/handover.zip" -- org=1 replaced=false people_created=1
[ "$(assets_in "$LAPTOP")" = "$(assets_in "$RDB")" ] && pass "handover import: the register came along" ||
	fail "handover import: the register came along" "$(assets_in "$LAPTOP") vs $(assets_in "$RDB")"
[ "$(sqlite3 "$LAPTOP" "select role from memberships m join users u on u.id = m.user_id where u.email = 'consultant@example.jp'")" = "admin" ] &&
	pass "handover import: the importer runs the copy" || fail "handover import: the importer runs the copy" "no admin role"
[ "$(sqlite3 "$LAPTOP" "select password_hash from users where email = 'owner@example.jp'")" = "" ] &&
	pass "handover import: people come without a password" || fail "handover import: people come without a password" "a hash travelled"
# The visit's work on the laptop, then the copy goes back.
sqlite3 "$LAPTOP" "update assets set name = '訪問先で見直した台帳' where id = (select min(id) from assets)"
expect_ok "handover export: from the laptop" /dev/null handover export --db "$LAPTOP" --org 1 --as consultant@example.jp \
	--out "$WORK/back.zip" -- documents=12
run /dev/null user create --db "$RDB" --email stranger@example.jp --password 'Yoso-No-Kaisha-No-Hito-2026'
expect_bad "handover import --replace: not for an organisation one has no role in" "--replace" /dev/null handover import --db "$RDB" \
	--as stranger@example.jp --file "$WORK/back.zip" --replace 1
expect_ok "handover import --replace: the visit's work comes back" /dev/null handover import --db "$RDB" --as owner@example.jp \
	--file "$WORK/back.zip" --replace 1 -- org=1 replaced=true
[ "$(sqlite3 "$RDB" "select count(*) from assets where org_id = 1 and name = '訪問先で見直した台帳'")" = "1" ] &&
	pass "handover import --replace: the changed row is there" || fail "handover import --replace: the changed row is there" "not replaced"
expect_bad "handover import --replace: refused once the organisation changed" "--file" /dev/null handover import --db "$RDB" \
	--as owner@example.jp --file "$WORK/back.zip" --replace 1
expect_bad "handover import: a document pack is not a hand-over package" "--file" /dev/null handover import --db "$LAPTOP" \
	--as consultant@example.jp --file "$WORK/pack.zip"
expect_bad "handover import: not a ZIP" "--file" /dev/null handover import --db "$LAPTOP" --as consultant@example.jp \
	--file "$WORK/register.json"
expect_bad "handover import: --file is needed" "--file" /dev/null handover import --db "$LAPTOP" --as consultant@example.jp
expect_bad "handover export: --out is needed" "--out" /dev/null handover export --db "$RDB" --org 1 --as owner@example.jp
expect_bad "handover: a subcommand is needed" "handover" /dev/null handover

# ---------------------------------------------------------------- catalog check (issue 6)

# 付録7: 「『対策状況チェック』シートで５５項目」; edition 3.0 is the only one shipped.
expect_ok "catalog check: the 3.0 check sheet has 55 items" /dev/null catalog check -- ok=true \
	'editions.0.id="3.0"' editions.0.check_items=55 editions.0.selfcheck_items=25 'locales=["ja","en"]'

# Issue 7: a text without English fails the check, naming the file and the entry.
SOURCE_CONTENT="$(dirname "$0")/../../content"
cp -r "$SOURCE_CONTENT" "$WORK/content_untranslated"
sed -i '0,/      short_title: "Keep the OS and software up to date"/{//d}' "$WORK/content_untranslated/editions/3.0/selfcheck_items.yaml"
run /dev/null catalog check --content "$WORK/content_untranslated"
if [ "$RC" -eq 1 ] && [ ! -s "$OUT" ] && [ "$(wc -l <"$ERR")" -eq 1 ] && grep -qF "selfcheck_items.yaml: items[0].short_title" "$ERR"; then
	pass "catalog check: untranslated text names the file and entry"
else
	fail "catalog check: untranslated text names the file and entry" "exit $RC"
fi

# ---------------------------------------------------------------- user create: nothing written on bad input

expect_bad "user create: weak password creates no database file" "--password" /dev/null user create --db "$WORK/fresh/none.db" --email new@example.jp --password short
[ ! -e "$WORK/fresh/none.db" ] && pass "user create: refused input left no file behind" || fail "user create: refused input left no file behind" "file exists"
expect_ok "user create: a database in a new folder" /dev/null user create --db "$WORK/fresh/sub/new.db" --email new@example.jp --password 'Kanari-Nagai-Passphrase-2025' -- email='"new@example.jp"'

# ---------------------------------------------------------------- audit verify (issue 10, contract "CLI: audit log")

ADB="$WORK/audit.db"
for who in one two three four; do
	run /dev/null user create --db "$ADB" --email "$who@example.co.jp" --password 'Kanari-Nagai-Passphrase-2025'
done
ENTRIES=$(sqlite3 "$ADB" 'select count(*) from audit_log')
LAST_HASH=$(sqlite3 "$ADB" 'select hash from audit_log order by id desc limit 1')
expect_ok "audit verify: intact log" /dev/null audit verify --db "$ADB" -- ok=true entries="$ENTRIES" head="\"$LAST_HASH\""
if [ "$ENTRIES" -ge 4 ] && [ "${#LAST_HASH}" -eq 64 ]; then
	pass "audit verify: every account is an entry with a 64-digit hash"
else
	fail "audit verify: every account is an entry with a 64-digit hash" "entries $ENTRIES, hash '$LAST_HASH'"
fi
# expect_broken NAME DB FIRST_BAD ENTRIES: exit 1 and the contract's JSON naming the first bad entry.
expect_broken() {
	run /dev/null audit verify --db "$2"
	if [ "$RC" -ne 1 ]; then
		fail "$1" "exit $RC, expected 1"
	elif ! valid_json "$OUT"; then
		fail "$1" "stdout is not one valid JSON document"
	elif check_values "$1" ok=false first_bad_entry="$3" entries="$4"; then
		pass "$1"
	fi
}
cp "$ADB" "$WORK/audit-changed.db"
sqlite3 "$WORK/audit-changed.db" "UPDATE audit_log SET detail = '{\"email\":\"x@example.co.jp\"}' WHERE id = 2"
expect_broken "audit verify: a changed entry is found" "$WORK/audit-changed.db" 2 "$ENTRIES"
cp "$ADB" "$WORK/audit-deleted.db"
sqlite3 "$WORK/audit-deleted.db" "DELETE FROM audit_log WHERE id = 2"
expect_broken "audit verify: a deleted middle entry is found" "$WORK/audit-deleted.db" 3 "$((ENTRIES - 1))"
cp "$ADB" "$WORK/audit-swapped.db"
sqlite3 "$WORK/audit-swapped.db" "UPDATE audit_log SET id = -1 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3; UPDATE audit_log SET id = 3 WHERE id = -1"
expect_broken "audit verify: swapped entries are found" "$WORK/audit-swapped.db" 2 "$ENTRIES"
# Cutting the last entry leaves a valid chain with another head: only a head kept elsewhere shows it.
cp "$ADB" "$WORK/audit-cut.db"
sqlite3 "$WORK/audit-cut.db" "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"
run /dev/null audit verify --db "$WORK/audit-cut.db"
if [ "$RC" -eq 0 ] && [ "$(json_get "$OUT" head)" != "\"$LAST_HASH\"" ]; then
	pass "audit verify: a cut end changes the head"
else
	fail "audit verify: a cut end changes the head" "exit $RC"
fi
expect_bad "audit verify: --db is required" '--db' /dev/null audit verify
run /dev/null audit verify --db "$WORK/no-such-audit.db"
if [ "$RC" -eq 2 ] && [ ! -s "$OUT" ] && [ ! -e "$WORK/no-such-audit.db" ] && grep -qF -- '--db' "$ERR"; then
	pass "audit verify: a missing database is refused without creating it"
else
	fail "audit verify: a missing database is refused without creating it" "exit $RC"
fi
printf 'not a database' >"$WORK/garbage.db"
run /dev/null audit verify --db "$WORK/garbage.db"
if [ "$RC" -ne 0 ] && [ ! -s "$OUT" ] && [ "$(wc -l <"$ERR")" -eq 1 ]; then
	pass "audit verify: a file that is not a database is a clear error"
else
	fail "audit verify: a file that is not a database is a clear error" "exit $RC"
fi
expect_bad "audit verify: unknown subcommand shows the usage" 'audit verify' /dev/null audit check --db "$ADB"

# ---------------------------------------------------------------- summary

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
