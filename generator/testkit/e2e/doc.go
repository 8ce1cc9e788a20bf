// Package e2e holds gongkai's end-to-end tests: they build real sites (small txtar sites and the bundled sample
// site) with the real pipeline and check the published HTML, so that the promises of the README are tested the
// way a citizen or an inspector would see them, not through the internals.
package e2e
