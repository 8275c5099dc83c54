#!/usr/bin/env bash
# Prints the release bundle's sizes: raw, gzip -9 and brotli -q 11, per file
# kind and in total (what a browser downloads when the server compresses).
set -euo pipefail
dist="${1:-dist}"
command -v brotli >/dev/null || { echo "brotli is missing: apt-get install brotli" >&2; exit 1; }

printf '%-6s %10s %10s %10s\n' kind raw gzip brotli
total_raw=0; total_gz=0; total_br=0
for kind in wasm js css html; do
  raw=0; gz=0; br=0
  while IFS= read -r -d '' file; do
    raw=$((raw + $(stat -c %s "$file")))
    gz=$((gz + $(gzip -9 -c "$file" | wc -c)))
    br=$((br + $(brotli -q 11 -c "$file" | wc -c)))
  done < <(find "$dist" -type f -name "*.${kind}" -print0)
  printf '%-6s %10s %10s %10s\n' "$kind" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
done
printf '%-6s %10s %10s %10s\n' total "$total_raw" "$total_gz" "$total_br"
# Everything the standalone page loads must stay under the ceiling.
ceiling=400000
echo "(bytes, brotli for wasm + js + css + html; ceiling: ${ceiling})"
if [ "$total_br" -gt "$ceiling" ]; then
  echo "over the ${ceiling}-byte ceiling by $((total_br - ceiling)) bytes" >&2
  exit 1
fi
