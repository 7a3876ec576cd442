#!/usr/bin/env bash
# Copies the real postings of ../shared/offers (or the folder given) into test/fixtures/real-offers,
# so that the tests and the seed offers need nothing outside the project. Run it when shared/ gains
# new real data, then rebuild the shipped offers (npm run offers:seed) and run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
from="${1:-../shared/offers}"
to=test/fixtures/real-offers
[ -d "$from" ] || { echo "No folder $from: give the folder of the real offers." >&2; exit 1; }
rm -rf "$to.new"
mkdir -p "$to.new"
cp -R "$from"/. "$to.new"/
chmod -R u+w "$to.new"
rm -rf "$to"
mv "$to.new" "$to"
echo "Copied $(find "$to" -type f | wc -l) files from $from to $to."
