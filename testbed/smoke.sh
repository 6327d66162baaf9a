#!/usr/bin/env bash
# Smoke check of the testbed binaries: starts etcd and kube-apiserver from the
# build.sh cache entry on loopback ports, with certificates made here by
# openssl, waits until `kubectl get --raw /readyz` answers ok, then stops both.
#
# Environment:
#   SCALEDAPI_TESTBED_CACHE    as for build.sh (build.sh is run first; it reuses
#                              a complete entry)
#   SCALEDAPI_TESTBED_TIMEOUT  seconds to wait for readiness (default 180)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
timeout="${SCALEDAPI_TESTBED_TIMEOUT:-180}"

die() {
  echo "smoke: $*" >&2
  exit 1
}

command -v openssl >/dev/null 2>&1 || die "openssl is not on PATH"

entry="$("$here/build.sh" | tee /dev/stderr | sed -n 's/^KUBE_API_TEST_DIR=//p' | tail -n 1)"
[[ -n "$entry" ]] || die "build.sh did not name its cache entry"
bin=""
for d in "$entry"/k8s/*-"$(go env GOOS)"-"$(go env GOARCH)"; do bin="$d"; done
[[ -x "$bin/kube-apiserver" && -x "$bin/etcd" && -x "$bin/kubectl" ]] || die "no binaries in $entry/k8s"

work="$(mktemp -d "${TMPDIR:-/tmp}/scaledapi-smoke.XXXXXX")"
pids=()
cleanup() {
  local status=$?
  local p
  # kube-apiserver first, then etcd; each gets 10s to stop before SIGKILL.
  local i t
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    p="${pids[$i]}"
    kill "$p" 2>/dev/null || continue
    for ((t = 0; t < 100; t++)); do
      kill -0 "$p" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  if [[ $status -ne 0 ]]; then
    for f in "$work"/*.log; do
      [[ -f "$f" ]] || continue
      echo "---- last lines of $(basename "$f")" >&2
      tail -n 20 "$f" >&2
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A loopback port nobody listens on (probed, not reserved; good enough here).
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
}

# --- certificates ---------------------------------------------------------
pki="$work/pki"
mkdir -p "$pki"
(
  cd "$pki"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=testbed-ca" \
    -keyout ca.key -out ca.crt 2>/dev/null
  # serving certificate of kube-apiserver
  openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" \
    -keyout apiserver.key -out apiserver.csr 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' >apiserver.ext
  openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 1 \
    -extfile apiserver.ext -out apiserver.crt 2>/dev/null
  # client certificate of the admin: group system:masters
  openssl req -newkey rsa:2048 -nodes -subj "/O=system:masters/CN=testbed-admin" \
    -keyout admin.key -out admin.csr 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' >admin.ext
  openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 1 \
    -extfile admin.ext -out admin.crt 2>/dev/null
  # service account token signing key
  openssl genrsa -out sa.key 2048 2>/dev/null
  openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
) || die "openssl could not make the certificates"

# --- etcd -----------------------------------------------------------------
etcd_port="$(free_port)"
peer_port="$(free_port)"
"$bin/etcd" \
  --name testbed \
  --data-dir "$work/etcd" \
  --listen-client-urls "http://127.0.0.1:$etcd_port" \
  --advertise-client-urls "http://127.0.0.1:$etcd_port" \
  --listen-peer-urls "http://127.0.0.1:$peer_port" \
  --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
  --initial-cluster "testbed=http://127.0.0.1:$peer_port" \
  --unsafe-no-fsync \
  >"$work/etcd.log" 2>&1 &
pids+=($!)

# --- kube-apiserver ---------------------------------------------------------
api_port="$(free_port)"
"$bin/kube-apiserver" \
  --etcd-servers "http://127.0.0.1:$etcd_port" \
  --bind-address 127.0.0.1 \
  --advertise-address 127.0.0.1 \
  --secure-port "$api_port" \
  --cert-dir "$work/apiserver-certs" \
  --tls-cert-file "$pki/apiserver.crt" \
  --tls-private-key-file "$pki/apiserver.key" \
  --client-ca-file "$pki/ca.crt" \
  --service-account-issuer https://kubernetes.default.svc \
  --service-account-key-file "$pki/sa.pub" \
  --service-account-signing-key-file "$pki/sa.key" \
  --service-cluster-ip-range 10.0.0.0/24 \
  --authorization-mode Node,RBAC \
  >"$work/kube-apiserver.log" 2>&1 &
pids+=($!)

cat >"$work/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: testbed
  cluster:
    server: https://127.0.0.1:$api_port
    certificate-authority: $pki/ca.crt
users:
- name: admin
  user:
    client-certificate: $pki/admin.crt
    client-key: $pki/admin.key
contexts:
- name: testbed
  context:
    cluster: testbed
    user: admin
current-context: testbed
EOF

echo "smoke: etcd on 127.0.0.1:$etcd_port, kube-apiserver on https://127.0.0.1:$api_port"
start=$SECONDS
ready=""
while ((SECONDS - start < timeout)); do
  for i in "${!pids[@]}"; do
    kill -0 "${pids[$i]}" 2>/dev/null || die "$([[ $i == 0 ]] && echo etcd || echo kube-apiserver) exited"
  done
  ready="$("$bin/kubectl" --kubeconfig "$work/kubeconfig" --request-timeout 5s get --raw /readyz 2>/dev/null || true)"
  [[ "$ready" == ok ]] && break
  sleep 1
done
[[ "$ready" == ok ]] || die "kube-apiserver not ready after ${timeout}s"
echo "smoke: /readyz ok after $((SECONDS - start))s"
"$bin/kubectl" --kubeconfig "$work/kubeconfig" version
"$bin/kubectl" --kubeconfig "$work/kubeconfig" auth can-i '*' '*'
echo "smoke: passed; stopping etcd and kube-apiserver"
