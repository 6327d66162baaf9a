//go:build tools

// Package tools records the main packages of the testbed binaries so that
// go.mod and go.sum pin them. build.sh builds each of them with go build.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"

	_ "go.etcd.io/etcd/server/v3"
)
