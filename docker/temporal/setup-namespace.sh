#!/bin/sh
# One-shot job (service temporal-setup): once the Temporal server answers, makes
# sure the Backhaul namespace exists and carries the custom search attributes the
# workflows set (workflows/shared.ts). Runs in the temporalio/admin-tools image.
#
# Safe to repeat: the namespace is created only when missing, and the search
# attributes are accepted when they already exist with the same type.
set -eu

ADDRESS=${TEMPORAL_ADDRESS:-temporal:7233}
NAMESPACE=${TEMPORAL_NAMESPACE:-default}
RETENTION=${TEMPORAL_NAMESPACE_RETENTION:-720h}
ATTEMPTS=${SETUP_ATTEMPTS:-60}

# Keep in step with workflows/shared.ts and scripts/lib/setup.mjs.
ATTRIBUTES="AccountId:Int InvoiceId:Int BillingDate:Datetime BillingDay:Keyword AccountIds:KeywordList"

retry() {
  what=$1
  shift
  attempt=1
  until "$@"; do
    if [ "$attempt" -ge "$ATTEMPTS" ]; then
      echo "temporal-setup: gave up on $what after $ATTEMPTS attempts" >&2
      exit 1
    fi
    echo "temporal-setup: $what not ready yet (attempt $attempt/$ATTEMPTS)"
    attempt=$((attempt + 1))
    sleep 2
  done
}

cluster_serving() {
  temporal operator cluster health --address "$ADDRESS" >/dev/null 2>&1
}

namespace_present() {
  temporal operator namespace describe --namespace "$NAMESPACE" --address "$ADDRESS" >/dev/null 2>&1 ||
    temporal operator namespace create --namespace "$NAMESPACE" --retention "$RETENTION" --address "$ADDRESS"
}

attributes_registered() {
  set --
  for pair in $ATTRIBUTES; do
    set -- "$@" --name "${pair%%:*}" --type "${pair#*:}"
  done
  if temporal operator search-attribute create --namespace "$NAMESPACE" --address "$ADDRESS" "$@"; then
    return 0
  fi
  # An older server may refuse to re-add an attribute that is already there;
  # then it is enough that every one of them is listed.
  listed=$(temporal operator search-attribute list --namespace "$NAMESPACE" --address "$ADDRESS" 2>/dev/null) || return 1
  for pair in $ATTRIBUTES; do
    echo "$listed" | grep -qw "${pair%%:*}" || return 1
  done
}

retry "the Temporal server at $ADDRESS" cluster_serving
retry "namespace $NAMESPACE" namespace_present
retry "search attributes on $NAMESPACE" attributes_registered

echo "temporal-setup: namespace $NAMESPACE is ready with $ATTRIBUTES"
