//go:build tools

// Package tools records KEDA's operator and metrics adapter so that go.mod and
// go.sum pin them.
//
// KEDA is a module of its own because github.com/kedacore/keda/v2 pins its
// Kubernetes libraries (0.35), controller-runtime and Prometheus client with
// replace directives. Replace directives only apply in the main module, so
// `go install ...@version` refuses the module and a plain require would build
// KEDA against whatever minimal version selection picks. go.mod here repeats
// KEDA's replace directives (all of them point at published versions), and
// keeping KEDA apart from ../go.mod leaves Kubernetes 1.34 on its own set.
package tools

import (
	_ "github.com/kedacore/keda/v2/cmd/adapter"
	_ "github.com/kedacore/keda/v2/cmd/operator"
)
