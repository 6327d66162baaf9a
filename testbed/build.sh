#!/usr/bin/env bash
# Builds the testbed control plane (kube-apiserver, etcd, kubectl,
# kube-controller-manager, kube-scheduler, kwok) from the Go modules pinned in
# go.mod and kwok/go.mod, into a cache directory outside the repository keyed by
# those versions. A complete cache entry is reused as it is.
#
# Environment:
#   SCALEDAPI_TESTBED_CACHE  cache root (default: $HOME/.cache/scaledapi-testbed)
#   SCALEDAPI_TESTBED_FORCE  set to 1 to rebuild even when the entry is complete
#
# The last line printed is KUBE_API_TEST_DIR=<entry>: the entry has the layout
# io.fabric8:kube-api-test looks for (<entry>/k8s/<version>-<os>-<arch>/).
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

# name|module directory|package
components=(
  "kube-apiserver|.|k8s.io/kubernetes/cmd/kube-apiserver"
  "etcd|.|go.etcd.io/etcd/server/v3"
  "kubectl|.|k8s.io/kubernetes/cmd/kubectl"
  "kube-controller-manager|.|k8s.io/kubernetes/cmd/kube-controller-manager"
  "kube-scheduler|.|k8s.io/kubernetes/cmd/kube-scheduler"
  "kwok|kwok|sigs.k8s.io/kwok/cmd/kwok"
)

complete() {
  local c
  for c in "${components[@]}"; do
    [[ -x "$bin_dir/${c%%|*}" ]] || return 1
  done
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

mkdir -p "$cache_root"
# One build per entry at a time; a second caller waits and then reuses.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$entry.lock"
  flock 9
fi

if [[ "${SCALEDAPI_TESTBED_FORCE:-0}" != 1 ]] && complete; then
  echo "testbed: reused $entry"
  print_versions
  echo "KUBE_API_TEST_DIR=$entry"
  exit 0
fi

echo "testbed: building Kubernetes $k8s_version, etcd $etcd_version, kwok $kwok_version into $entry"

# Go's own caches live under the cache root too, never in the repository.
export GOMODCACHE="$cache_root/go/mod"
export GOCACHE="$cache_root/go/build"
export GOFLAGS="-mod=readonly -modcacherw -buildvcs=false"
export GOTOOLCHAIN=local
export GOWORK=off
export CGO_ENABLED=0

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
  start=$SECONDS
  echo "testbed: go build $pkg"
  if ! (cd "$here/$moddir" && go build -trimpath -ldflags "$ldflags" -o "$staging/$name" "$pkg"); then
    die "cannot build $name ($pkg in $here/$moddir); see the go build output above"
  fi
  echo "testbed: built $name in $((SECONDS - start))s"
done

for c in "${components[@]}"; do
  mv -f "$staging/${c%%|*}" "$bin_dir/"
done
rmdir "$staging"

echo "testbed: built $entry"
print_versions
echo "KUBE_API_TEST_DIR=$entry"
