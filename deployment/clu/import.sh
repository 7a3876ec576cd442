#!/usr/bin/env bash
# Imports the language model into an Azure AI Language resource, trains it and deploys it, through
# the CLU authoring REST API (not run by the tests: it needs a resource and its key).
#   CLU_ENDPOINT=https://<resource>.cognitiveservices.azure.com CLU_KEY=... \
#   CLU_PROJECT=job-seeker-assistant CLU_DEPLOYMENT=production deployment/clu/import.sh
set -euo pipefail
: "${CLU_ENDPOINT:?set CLU_ENDPOINT}" "${CLU_KEY:?set CLU_KEY}"
project="${CLU_PROJECT:-job-seeker-assistant}"
deployment="${CLU_DEPLOYMENT:-production}"
api="api-version=2023-04-01"
base="${CLU_ENDPOINT%/}/language/authoring/analyze-conversations/projects/${project}"
model="$(dirname "$0")/job-assistant.json"

# Each call answers 202 with an operation-location to poll until it has succeeded.
wait_for() {
  local status
  while :; do
    status=$(curl -sS -H "Ocp-Apim-Subscription-Key: $CLU_KEY" "$1" | sed -n 's/.*"status":"\([a-zA-Z]*\)".*/\1/p')
    echo "  $status"
    case "$status" in succeeded) return 0 ;; failed|cancelled) return 1 ;; esac
    sleep 5
  done
}
call() {
  local method=$1 url=$2 body=$3 location
  location=$(curl -sS -D - -o /dev/null -X "$method" "$url" -H "Ocp-Apim-Subscription-Key: $CLU_KEY" \
    -H 'Content-Type: application/json' --data-binary "$body" | tr -d '\r' | sed -n 's/^operation-location: //Ip')
  wait_for "$location"
}

echo "import $model → $project"
call POST "${base}/:import?${api}" "@${model}"
echo "train"
call POST "${base}/:train?${api}" '{"modelLabel":"latest","trainingMode":"standard","evaluationOptions":{"kind":"percentage","trainingSplitPercentage":80,"testingSplitPercentage":20}}'
echo "deploy as $deployment"
call PUT "${base}/deployments/${deployment}?${api}" '{"trainedModelLabel":"latest"}'
