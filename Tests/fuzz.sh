#!/usr/bin/env bash
# libFuzzer targets for the readers, the codebook parser and a shard's document records (SECURITY.md, "Fuzzing").
#
#   bash Tests/fuzz.sh build [TARGET...]            build the targets (all by default)
#   bash Tests/fuzz.sh run [SECONDS] [TARGET...]    fuzz each target for SECONDS (default 600)
#   bash Tests/fuzz.sh check [RUNS] [TARGET...]     fuzz each target for RUNS inputs (default 10000) from its seeds
#                                                   alone, with libFuzzer's random seed fixed: what CI runs
#   bash Tests/fuzz.sh list                         name the targets
#
# Targets are Tests/Fuzz/Fuzz<Name>.swift; TARGET is the name in lower case (csv, transcript, html, xml, docx,
# xlsx, codebook, partial). The library and its packages are built with coverage and AddressSanitizer into .build-fuzz by
# SwiftPM, then each target is linked with swiftc: SwiftPM cannot link an executable whose `main` is libFuzzer's.
# Seeds are copied from the test fixtures and the sample corpus on every run; what the fuzzer learns stays in
# .build-fuzz/corpus/TARGET, so later runs start from it. Crashes, ASan reports, timeouts (over 10 s for one
# input) and memory over 2 GB are written to .build-fuzz/findings/TARGET and make the script exit non-zero.
# Reproduce one with `SWIFT_BACKTRACE=enable=no .build-fuzz/bin/fuzz-TARGET FILE`; shrink a crash with
# `-minimize_crash=1 -runs=2000 -artifact_prefix=/tmp/min- FILE` (add -detect_leaks=0 unless it is a leak).
# `check` is for CI: a run bounded in time fuzzes as many inputs as the machine's load allows and a learned corpus
# differs between machines, so a finding could come and go between a clean run here and the same commit in CI.
# Counted inputs from the seeds, read in a fixed order, with fixed random seeds, mutate the same way run after run
# in one checkout (but for libxml2's hash tables; see below), and nearly so in a fresh clone elsewhere, whose build
# differs a little; the long, exploratory runs are `run`'s.
set -euo pipefail
cd "$(dirname "$0")/.."

work=.build-fuzz
targets=(csv transcript html xml docx xlsx codebook partial)
fixtures=Tests/ThemeScanKitTests/Fixtures

source_file() {
    case "$1" in
        csv) echo Tests/Fuzz/FuzzCSV.swift ;;
        transcript) echo Tests/Fuzz/FuzzTranscript.swift ;;
        html) echo Tests/Fuzz/FuzzHTML.swift ;;
        xml) echo Tests/Fuzz/FuzzXML.swift ;;
        docx) echo Tests/Fuzz/FuzzDOCX.swift ;;
        xlsx) echo Tests/Fuzz/FuzzXLSX.swift ;;
        codebook) echo Tests/Fuzz/FuzzCodebook.swift ;;
        partial) echo Tests/Fuzz/FuzzPartial.swift ;;
        *) echo "unknown fuzz target '$1' (one of: ${targets[*]})" >&2; return 1 ;;
    esac
}

build() {
    local selected=("$@")
    [ ${#selected[@]} -gt 0 ] || selected=("${targets[@]}")
    for target in "${selected[@]}"; do source_file "$target" >/dev/null; done
    # One -sanitize flag with both sanitizers: given as two flags, swiftc keeps only the last and drops coverage.
    # Optimized, for ten times the executions of a debug build; overflow and bounds checks stay on, and
    # -enable-testing lets the codebook target reach the loader's internal YAML entry point.
    swift build -c release --build-path "$work" --target ThemeScanKit -Xswiftc -enable-testing \
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
    local products="$work/release"
    local objects=() maps=() linker=()
    # A Swift target's objects are those its output file map names for its sources (the map also names a
    # whole-module object that is never made): objects of sources since removed stay in the build folder and would
    # be linked too. C targets have no map; their objects are all there is.
    local target_dir object
    for target_dir in "$products"/{ThemeScanKit,Yams,ZIPFoundation,CCrypto,CDeflate,CICU,CLibXML2,CPlatform,CYaml}.build; do
        if [ -f "$target_dir/output-file-map.json" ]; then
            grep -o '"object" *: *"[^"]*"' "$target_dir/output-file-map.json" | sed 's/.*: *"//; s/"$//' |
                while IFS= read -r object; do if [ -f "$object" ]; then echo "$object"; fi; done
        else
            find "$target_dir" -name '*.o'
        fi
    done | sort > "$work/objects.txt"
    mapfile -t objects < "$work/objects.txt"
    while IFS= read -r map; do maps+=(-Xcc "-fmodule-map-file=$map"); done < <(
        find "$products"/{CCrypto,CDeflate,CICU,CLibXML2,CPlatform}.build "$work/checkouts/Yams" "$work/checkouts/ZIPFoundation" \
            -name module.modulemap | sort)
    # lld, when the toolchain has it, links these objects without gold's warnings about ASan's local symbols.
    [ -x "$(dirname "$(command -v swiftc)")/ld.lld" ] && linker=(-use-ld=lld)
    mkdir -p "$work/bin"
    for target in "${selected[@]}"; do
        echo "Linking fuzz-$target"
        swiftc -sanitize=fuzzer,address -parse-as-library -g -Onone "${linker[@]}" \
            "$(source_file "$target")" -I "$products/Modules" "${maps[@]}" "${objects[@]}" \
            -licui18n -licuuc -licudata -lxml2 -lz -lcrypto -o "$work/bin/fuzz-$target"
    done
}

# Copies FILE into DIR, with PREFIX (printf escapes) in front when the target reads a selector byte first.
seed() {
    local dir=$1 file=$2 prefix=${3:-}
    [ -f "$file" ] || return 0
    local name
    name=$(printf '%s' "$prefix$file" | sha1sum | cut -c1-16)
    { [ -z "$prefix" ] || printf "$prefix"; cat "$file"; } >"$dir/$name"
}

# XML parts of the Office fixtures, as seeds for the XML reader.
office_xml_parts() {
    local dir=$1
    shift
    command -v python3 >/dev/null || return 0
    python3 - "$dir" "$@" <<'EOF'
import hashlib, sys, zipfile
out = sys.argv[1]
for path in sys.argv[2:]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        continue
    for name in archive.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            data = archive.read(name)
            open(f"{out}/{hashlib.sha1(data).hexdigest()[:16]}", "wb").write(data)
EOF
}

seeds() {
    local target=$1 dir=$2 file
    rm -rf "$dir"
    mkdir -p "$dir"
    shopt -s nullglob globstar
    case "$target" in
        csv)
            for file in "$fixtures"/**/*.csv transcripts/**/*.csv; do seed "$dir" "$file"; done ;;
        transcript)
            # The first byte picks the format: 0 text, 1 Markdown, 2 WebVTT, 3 SubRip.
            for file in "$fixtures"/{sample,discover,encodings,transcripts}/*.txt transcripts/**/*.txt; do
                seed "$dir" "$file" '\x00'
            done
            for file in "$fixtures"/**/*.md transcripts/**/*.md; do seed "$dir" "$file" '\x01'; done
            for file in "$fixtures"/**/*.vtt transcripts/**/*.vtt; do seed "$dir" "$file" '\x02'; done
            for file in "$fixtures"/**/*.srt transcripts/**/*.srt; do seed "$dir" "$file" '\x03'; done ;;
        html)
            for file in "$fixtures"/{html,encodings}/*.html transcripts/**/*.html; do seed "$dir" "$file"; done ;;
        xml)
            for file in "$fixtures"/refi-qda/*.xsd; do seed "$dir" "$file"; done
            office_xml_parts "$dir" "$fixtures"/office/*.docx "$fixtures"/office/*.xlsx "$fixtures"/tables/*.xlsx ;;
        docx)
            for file in "$fixtures"/**/*.docx transcripts/**/*.docx; do seed "$dir" "$file"; done ;;
        xlsx)
            # The first byte picks the format: even .xlsx, odd .xls (an HTML table or SpreadsheetML 2003).
            for file in "$fixtures"/**/*.xlsx transcripts/**/*.xlsx; do seed "$dir" "$file" '\x00'; done
            for file in "$fixtures"/html/*.html transcripts/**/*.xls; do seed "$dir" "$file" '\x01'; done ;;
        codebook)
            for file in "$fixtures"/**/*.yaml "$fixtures"/**/*.yml lexicons/*.yaml; do seed "$dir" "$file"; done ;;
        partial)
            # Records of the sample corpus's documents, as a shard writes them (survey rows, transcripts, a page).
            for file in "$fixtures"/partial/*.bin; do seed "$dir" "$file"; done ;;
    esac
    shopt -u nullglob globstar
}

run() {
    local seconds=600
    if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
    fuzz time "$seconds" "$@"
}

check() {
    local runs=10000
    if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then runs=$1; shift; fi
    fuzz count "$runs" "$@"
}

# fuzz time SECONDS [TARGET...] or fuzz count RUNS [TARGET...]: the first grows the target's corpus, the second
# starts from the seeds alone in a fresh folder, with a fixed random seed.
fuzz() {
    local mode=$1 amount=$2
    shift 2
    local selected=("$@")
    [ ${#selected[@]} -gt 0 ] || selected=("${targets[@]}")
    local failed=0 summary=()
    for target in "${selected[@]}"; do
        source_file "$target" >/dev/null
        local binary="$work/bin/fuzz-$target"
        [ -x "$binary" ] || { echo "$binary is missing: run 'bash Tests/fuzz.sh build' first" >&2; exit 2; }
        local corpus="$work/corpus/$target" seeds="$work/seeds/$target" findings="$work/findings/$target"
        local log="$work/logs/$target.log" inputs environment=()
        mkdir -p "$findings" "$(dirname "$log")"
        seeds "$target" "$seeds"
        if [ "$mode" = count ]; then
            # libFuzzer reads a folder in the file system's order, which differs between machines; a sorted list of
            # the seeds is read in its own order. No reloading: the corpus folder holds only what this run adds.
            corpus="$work/check/$target"
            rm -rf "$corpus"
            mkdir -p "$corpus"
            find "$seeds" -type f | LC_ALL=C sort | paste -sd, >"$work/check/$target.seeds"
            inputs=("$corpus" -seed_inputs=@"$work/check/$target.seeds" -runs="$amount" -seed=1 -reload=0)
            # Swift seeds its hashing at random per process, and the order a dictionary is walked in shows in the
            # coverage libFuzzer follows. (libxml2 seeds its own hash tables at random, which this cannot fix: the
            # html and xml targets still vary a little from run to run.)
            environment=(env SWIFT_DETERMINISTIC_HASHING=1)
            echo "Fuzzing $target for $amount inputs (log: $log)"
        else
            mkdir -p "$corpus"
            inputs=("$corpus" "$seeds" -max_total_time="$amount")
            echo "Fuzzing $target for ${amount}s (log: $log)"
        fi
        local before status=0 started=$SECONDS
        before=$(find "$findings" -type f | wc -l)
        # The Swift runtime's own backtracer would race ASan's report of the same crash.
        SWIFT_BACKTRACE=enable=no "${environment[@]}" "$binary" "${inputs[@]}" -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1 || status=$?
        local after execs rate size
        after=$(find "$findings" -type f | wc -l)
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
        size=$(find "$corpus" -type f | wc -l)
        local found=$((after - before))
        if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
            failed=1
            echo "FINDING in $target (exit $status); see $log and $findings:" >&2
            grep -m 5 -E '^==[0-9]+==ERROR|^SUMMARY|Fatal error|deadly signal|Test unit written' "$log" >&2 || true
        fi
        local seconds=$amount
        [ "$mode" = time ] || seconds=$((SECONDS - started))
        summary+=("$(printf '%-10s %8s %12s %8s %8s %8s' "$target" "${seconds:-?}" "${execs:-?}" "${rate:-?}" "$size" "$found")")
    done
    printf '%-10s %8s %12s %8s %8s %8s\n' target seconds execs exec/s corpus findings
    printf '%s\n' "${summary[@]}"
    return $failed
}

case "${1:-}" in
    build) shift; build "$@" ;;
    run) shift; run "$@" ;;
    check) shift; check "$@" ;;
    list) printf '%s\n' "${targets[@]}" ;;
    *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
