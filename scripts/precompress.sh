#!/usr/bin/env bash
# Writes a .br (brotli -q 11) and a .gz (gzip -9) beside each file of the
# release bundle that compresses, so that a server without a compression
# module serves them as they are (docs/embedding.md, "Serving the files").
# Idempotent: each run writes them again from the files of this build.
#
#   scripts/precompress.sh [dist]          write them
#   scripts/precompress.sh --check [dist]  each copy must give back its file
set -euo pipefail
check=false
if [ "${1:-}" = "--check" ]; then check=true; shift; fi
dist="${1:-dist}"
have_brotli=true
command -v brotli >/dev/null || have_brotli=false
files() {
  find "$dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' \) -print0
}
if $check; then
  count=0
  while IFS= read -r -d '' file; do
    gzip -dc "$file.gz" | cmp -s - "$file" || { echo "$file.gz does not give back $file" >&2; exit 1; }
    if $have_brotli; then
      brotli -dc "$file.br" | cmp -s - "$file" || { echo "$file.br does not give back $file" >&2; exit 1; }
    fi
    count=$((count + 1))
  done < <(files)
  echo "compressed copies of $count files match them"
  exit 0
fi
find "$dist" -type f \( -name '*.br' -o -name '*.gz' \) -delete
while IFS= read -r -d '' file; do
  gzip -9 -n -k -f "$file"
  if $have_brotli; then brotli -q 11 -f -o "$file.br" "$file"; fi
done < <(files)
if ! $have_brotli; then
  echo "brotli is missing (apt-get install brotli): only .gz files were written" >&2
fi
