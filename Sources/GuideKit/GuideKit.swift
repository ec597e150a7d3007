// The library product: one import for library users, who see each layer's public API.
// Code inside the package imports the layer it needs instead (Package.swift lists them).
@_exported import GuideChecks
@_exported import GuideDocument
@_exported import GuideKnowledge
@_exported import GuideRender
@_exported import GuideReports
