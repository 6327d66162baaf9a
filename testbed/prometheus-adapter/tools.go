//go:build tools

// Package tools records prometheus-adapter's main package so that go.mod and
// go.sum pin it.
//
// prometheus-adapter is a module of its own because sigs.k8s.io/prometheus-adapter
// v0.12.0 is built against the Kubernetes 0.30 libraries and
// sigs.k8s.io/custom-metrics-apiserver v1.30; in one module with Kubernetes
// 1.34 or with KEDA (0.35) minimal version selection would raise those, and
// the adapter would be built from a dependency set it was not released with.
package tools

import (
	_ "sigs.k8s.io/prometheus-adapter/cmd/adapter"
)
