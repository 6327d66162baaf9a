//go:build tools

// Package tools records KWOK's main package so that go.mod and go.sum pin it.
//
// KWOK is a module of its own (not part of ../go.mod) because sigs.k8s.io/kwok
// v0.7.0 is built against the Kubernetes 0.33 libraries, etcd client 3.5 and
// controller-runtime 0.19. In one module with k8s.io/kubernetes v1.34, minimal
// version selection raises all of those to the 1.34 set, and KWOK v0.7.0 does
// not compile against k8s.io/apimachinery v0.34.4: its pkg/utils/informer uses
// metav1.InitialEventsListBlueprintAnnotationKey, which 0.34 no longer has.
// Kept apart, each binary is built from the dependency set its upstream
// released it with.
package tools

import (
	_ "sigs.k8s.io/kwok/cmd/kwok"
)
