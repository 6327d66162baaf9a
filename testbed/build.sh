#!/usr/bin/env bash
# Builds the testbed control plane (kube-apiserver, etcd, kubectl,
# kube-controller-manager, kube-scheduler, kwok) from the Go modules pinned in
# go.mod and kwok/go.mod, and the autoscalers (KEDA's operator and metrics
# adapter, prometheus-adapter) from keda/go.mod and prometheus-adapter/go.mod,
# into two cache entries outside the repository, each keyed by its versions.
# A complete cache entry is reused as it is.
#
# Environment:
#   SCALEDAPI_TESTBED_CACHE  cache root (default: $HOME/.cache/scaledapi-testbed)
#   SCALEDAPI_TESTBED_FORCE  set to 1 to rebuild both entries even when complete
#
# The last two lines printed are
#   SCALEDAPI_AUTOSCALERS_DIR=<entry>  with bin/{keda-operator,keda-adapter,
#                                      prometheus-adapter} and keda-crds/*.yaml
#   KUBE_API_TEST_DIR=<entry>          the layout io.fabric8:kube-api-test looks
#                                      for (<entry>/k8s/<version>-<os>-<arch>/)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

die() {
  echo "testbed: $*" >&2
  exit 1
}

command -v go >/dev/null 2>&1 || die "go is not on PATH; Go 1.26 or newer is needed"

# The versions come from the go.mod files, so that the pin lives in one place.
required() { # <go.mod> <module path>
  awk -v m="$2" '
    $1 == m && $2 ~ /^v/ { print $2; exit }
    $1 == "require" && $2 == m { print $3; exit }' "$1"
}
k8s_version="$(required "$here/go.mod" k8s.io/kubernetes)"
etcd_version="$(required "$here/go.mod" go.etcd.io/etcd/server/v3)"
kwok_version="$(required "$here/kwok/go.mod" sigs.k8s.io/kwok)"
[[ -n "$k8s_version" ]] || die "go.mod does not require k8s.io/kubernetes"
[[ -n "$etcd_version" ]] || die "go.mod does not require go.etcd.io/etcd/server/v3"
[[ -n "$kwok_version" ]] || die "kwok/go.mod does not require sigs.k8s.io/kwok"
keda_version="$(required "$here/keda/go.mod" github.com/kedacore/keda/v2)"
padapter_version="$(required "$here/prometheus-adapter/go.mod" sigs.k8s.io/prometheus-adapter)"
[[ -n "$keda_version" ]] || die "keda/go.mod does not require github.com/kedacore/keda/v2"
[[ -n "$padapter_version" ]] || die "prometheus-adapter/go.mod does not require sigs.k8s.io/prometheus-adapter"

# Every k8s.io staging module must be replaced by the release that goes with
# k8s.io/kubernetes: v1.X.Y ships its staging modules as v0.X.Y.
staging_version="v0.${k8s_version#v1.}"
stray="$(awk -v want="$staging_version" \
  '$1 ~ /^k8s\.io\// && $2 == "=>" && $4 != want { print $1 " " $4 }' "$here/go.mod")"
[[ -z "$stray" ]] || die "go.mod replaces these staging modules with a version other than $staging_version: $stray"

k8s_plain="${k8s_version#v}"             # 1.34.4
k8s_minor="$(cut -d. -f2 <<<"$k8s_plain")" # 34

goos="$(go env GOOS)"
goarch="$(go env GOARCH)"

cache_root="${SCALEDAPI_TESTBED_CACHE:-$HOME/.cache/scaledapi-testbed}"
entry="$cache_root/k8s-$k8s_version-etcd-$etcd_version-kwok-$kwok_version"
bin_dir="$entry/k8s/$k8s_plain-$goos-$goarch"
as_entry="$cache_root/keda-$keda_version-prometheus-adapter-$padapter_version"
as_bin_dir="$as_entry/bin"

# name|module directory|package
components=(
  "kube-apiserver|.|k8s.io/kubernetes/cmd/kube-apiserver"
  "etcd|.|go.etcd.io/etcd/server/v3"
  "kubectl|.|k8s.io/kubernetes/cmd/kubectl"
  "kube-controller-manager|.|k8s.io/kubernetes/cmd/kube-controller-manager"
  "kube-scheduler|.|k8s.io/kubernetes/cmd/kube-scheduler"
  "kwok|kwok|sigs.k8s.io/kwok/cmd/kwok"
)
# name|module directory|package|module whose version the binary reports
as_components=(
  "keda-operator|keda|github.com/kedacore/keda/v2/cmd/operator|github.com/kedacore/keda/v2"
  "keda-adapter|keda|github.com/kedacore/keda/v2/cmd/adapter|github.com/kedacore/keda/v2"
  "prometheus-adapter|prometheus-adapter|sigs.k8s.io/prometheus-adapter/cmd/adapter|sigs.k8s.io/prometheus-adapter"
)

complete() {
  local c
  for c in "${components[@]}"; do
    [[ -x "$bin_dir/${c%%|*}" ]] || return 1
  done
}

# The autoscalers entry is complete with its three binaries and KEDA's CRDs.
as_complete() {
  local c
  for c in "${as_components[@]}"; do
    [[ -x "$as_bin_dir/${c%%|*}" ]] || return 1
  done
  [[ -f "$as_entry/keda-crds/keda.sh_scaledobjects.yaml" ]]
}

print_versions() {
  local name out
  for c in "${components[@]}"; do
    name="${c%%|*}"
    case "$name" in
      kubectl) out="$("$bin_dir/$name" version --client 2>&1)" ;;
      *) out="$("$bin_dir/$name" --version 2>&1)" ;;
    esac || die "$name: '$bin_dir/$name' does not report its version: $out"
    printf '%-24s %s\n' "$name" "$(tr '\n' ' ' <<<"$out" | sed 's/ *$//')"
  done
}

# KEDA's binaries and prometheus-adapter have no --version flag; the module
# versions they were built from are read from their Go build information.
print_as_versions() {
  local name moddir pkg module out
  for c in "${as_components[@]}"; do
    IFS='|' read -r name moddir pkg module <<<"$c"
    out="$(go version -m "$as_bin_dir/$name" 2>&1)" ||
      die "$name: '$as_bin_dir/$name' has no Go build information: $out"
    out="$(awk -v m="$module" '($1 == "mod" || $1 == "dep") && $2 == m { print m " " $3 }' <<<"$out")"
    [[ -n "$out" ]] || die "$name: '$as_bin_dir/$name' was not built from $module"
    printf '%-24s %s\n' "$name" "$out"
  done
  printf '%-24s %s\n' "keda-crds" "$(cd "$as_entry/keda-crds" && ls | tr '\n' ' ' | sed 's/ *$//')"
}

# go build <name> from <package> in the module directory <moddir> into <dest>.
build_one() { # <name> <moddir> <package> <ldflags> <dest>
  local start=$SECONDS
  echo "testbed: go build $3"
  if ! (cd "$here/$2" && go build -trimpath -ldflags "$4" -o "$5/$1" "$3"); then
    die "cannot build $1 ($3 in $here/$2); see the go build output above"
  fi
  echo "testbed: built $1 in $((SECONDS - start))s"
}

mkdir -p "$cache_root"

# Go's own caches live under the cache root too, never in the repository.
export GOMODCACHE="$cache_root/go/mod"
export GOCACHE="$cache_root/go/build"
export GOFLAGS="-mod=readonly -modcacherw -buildvcs=false"
export GOTOOLCHAIN=local
export GOWORK=off
export CGO_ENABLED=0

force="${SCALEDAPI_TESTBED_FORCE:-0}"

# --- Kubernetes, etcd, kwok --------------------------------------------------
# One build per entry at a time; a second caller waits and then reuses.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$entry.lock"
  flock 9
fi

if [[ "$force" != 1 ]] && complete; then
  echo "testbed: reused $entry"
else
  echo "testbed: building Kubernetes $k8s_version, etcd $etcd_version, kwok $kwok_version into $entry"

  version_pkgs=(k8s.io/component-base/version k8s.io/client-go/pkg/version)
  ldflags="-s -w"
  for p in "${version_pkgs[@]}"; do
    ldflags+=" -X $p.gitVersion=$k8s_version -X $p.gitMajor=1 -X $p.gitMinor=$k8s_minor -X $p.gitTreeState=clean"
  done

  staging="$entry/.partial"
  rm -rf "$staging"
  mkdir -p "$staging" "$bin_dir"

  for c in "${components[@]}"; do
    IFS='|' read -r name moddir pkg <<<"$c"
    build_one "$name" "$moddir" "$pkg" "$ldflags" "$staging"
  done

  for c in "${components[@]}"; do
    mv -f "$staging/${c%%|*}" "$bin_dir/"
  done
  rmdir "$staging"
  echo "testbed: built $entry"
fi

# --- KEDA, prometheus-adapter --------------------------------------------------
if command -v flock >/dev/null 2>&1; then
  exec 8>"$as_entry.lock"
  flock 8
fi

if [[ "$force" != 1 ]] && as_complete; then
  echo "testbed: reused $as_entry"
else
  echo "testbed: building KEDA $keda_version, prometheus-adapter $padapter_version into $as_entry"

  # KEDA prints this at start-up ("KEDA Version: ..."); its releases set it
  # without the leading v.
  keda_ldflags="-s -w -X github.com/kedacore/keda/v2/version.Version=${keda_version#v}"

  staging="$as_entry/.partial"
  rm -rf "$staging"
  mkdir -p "$staging/bin" "$staging/keda-crds"

  for c in "${as_components[@]}"; do
    IFS='|' read -r name moddir pkg module <<<"$c"
    case "$name" in
      keda-*) build_one "$name" "$moddir" "$pkg" "$keda_ldflags" "$staging/bin" ;;
      *) build_one "$name" "$moddir" "$pkg" "-s -w" "$staging/bin" ;;
    esac
  done

  # The CRDs of the KEDA release the binaries come from (ScaledObject,
  # ScaledJob, TriggerAuthentication, ...), from the module cache the build
  # just filled.
  keda_moddir="$(cd "$here/keda" && go list -m -f '{{.Dir}}' github.com/kedacore/keda/v2)"
  [[ -d "$keda_moddir/config/crd/bases" ]] || die "no KEDA CRDs in $keda_moddir/config/crd/bases"
  cp "$keda_moddir"/config/crd/bases/*.yaml "$staging/keda-crds/"
  chmod 0644 "$staging"/keda-crds/*.yaml

  # Move into place: the CRDs first, the binaries last, so that as_complete
  # only ever sees a whole entry.
  rm -rf "$as_entry/keda-crds"
  mv "$staging/keda-crds" "$as_entry/keda-crds"
  mkdir -p "$as_bin_dir"
  for c in "${as_components[@]}"; do
    mv -f "$staging/bin/${c%%|*}" "$as_bin_dir/"
  done
  rmdir "$staging/bin" "$staging"
  echo "testbed: built $as_entry"
fi

print_versions
print_as_versions
echo "SCALEDAPI_AUTOSCALERS_DIR=$as_entry"
echo "KUBE_API_TEST_DIR=$entry"
