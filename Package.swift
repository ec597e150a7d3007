// swift-tools-version: 6.0
// GuideKit: keeps identity-provider integration guides correct.
//
// Module layout (see docs/ARCHITECTURE.md):
//   Ccmark       – system-library shim for Debian's libcmark (C headers only)
//   CMarkBridge  – the only module that touches cmark pointers; returns Swift values
//   Cyaml, YAMLBridge – libyaml (Debian libyaml-dev) and the only module touching its pointers
//   Cargon2, Cxcrypt, Copenssl – system-library shims for libargon2, libxcrypt and OpenSSL
//   SecretDigests – Authelia client-secret digests: parse, verify, generate (the only
//                   module touching those libraries' pointers)
//   GuideKit's own layers, each depending only on those above it in this list (the
//   dependency direction is checked by scripts/check-layers, run by the test suite):
//   GuideDocument  – positions, YAML, Markdown, the guide model, extraction, input files
//   GuideKnowledge – what GuideKit knows of other software: Authelia's client schema,
//                    application and OIDC library profiles (data in ProfileData/)
//   GuideChecks    – check session, checking, rules, diagnostics, fix, configuration, baseline
//   GuideRender    – rendering guides for sites
//   GuideReports   – text, JSON, SARIF, JUnit, GitHub, reviewdog, GitLab and rule-page output
//   GuideLSP       – the language server (`guidekit lsp`): documents, diagnostics, code
//                    actions, hover, background digest verification
//   LSPProtocol    – the Language Server Protocol's base protocol and types (framing,
//                    JSON-RPC, UTF-16 positions, text synchronisation); uses no GuideKit layer
//   GuideKit       – the library product: re-exports the layers for library users
//   guidekit       – the command-line tool (swift-argument-parser); runs git for --changed-since
import PackageDescription

let package = Package(
    name: "GuideKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GuideKit", targets: ["GuideKit"]),
        .library(name: "SecretDigests", targets: ["SecretDigests"]),
        .executable(name: "guidekit", targets: ["guidekit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CMarkBridge", dependencies: ["Ccmark"]),
        // libyaml's event parser; GuideKit composes the events itself (positions, styles,
        // YAML 1.1 scalar types, duplicate keys) — a YAML library's tree cost half the parse.
        .systemLibrary(name: "Cyaml", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "YAMLBridge", dependencies: ["Cyaml"]),
        .systemLibrary(name: "Cargon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        .systemLibrary(name: "Cxcrypt", pkgConfig: "libxcrypt", providers: [.apt(["libcrypt-dev"])]),
        // OpenSSL rather than swift-crypto: its PBKDF2 is the speed reference (swift-crypto's
        // BoringSSL build measured ~50% slower here) and it saves ~2 minutes per clean build.
        .systemLibrary(name: "Copenssl", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(
            name: "SecretDigests",
            dependencies: [
                "Cargon2", "Cxcrypt", "Copenssl",
            ]
        ),
        .target(name: "GuideDocument", dependencies: ["CMarkBridge", "YAMLBridge"]),
        .target(
            name: "GuideKnowledge",
            dependencies: ["GuideDocument"],
            // Profiles are data, not code: one YAML file per application or library, compiled
            // in by scripts/embed-resources (ProfileData/EmbeddedProfiles.swift) so the binary
            // is relocatable; the YAML files stay the source of truth.
            exclude: ["ProfileData/applications", "ProfileData/libraries"]
        ),
        .target(name: "GuideChecks", dependencies: ["GuideDocument", "GuideKnowledge", "SecretDigests"]),
        .target(name: "GuideRender", dependencies: ["GuideDocument", "GuideKnowledge", "GuideChecks", "SecretDigests"]),
        .target(name: "GuideReports", dependencies: ["GuideDocument", "GuideKnowledge", "GuideChecks"]),
        .target(name: "LSPProtocol"),
        .target(name: "GuideLSP", dependencies: ["GuideDocument", "GuideChecks", "GuideReports", "SecretDigests", "LSPProtocol"]),
        .target(
            name: "GuideKit",
            dependencies: ["GuideDocument", "GuideKnowledge", "GuideChecks", "GuideRender", "GuideReports"]
        ),
        .executableTarget(
            name: "guidekit",
            dependencies: ["GuideDocument", "GuideKnowledge", "GuideChecks", "GuideRender", "GuideReports", "GuideLSP", "LSPProtocol", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "GuideKitTests",
            dependencies: ["GuideDocument", "GuideKnowledge", "GuideChecks", "GuideRender", "GuideReports",
                           "GuideLSP", "LSPProtocol", "CMarkBridge", "SecretDigests", "guidekit",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
    ]
)

// Fuzz targets (Fuzz/): executables whose only file defines `LLVMFuzzerTestOneInput`; they
// link only with `--sanitize fuzzer` (libFuzzer brings `main`), so they exist only when
// scripts/fuzz asks for them and never break a plain `swift build` or `swift test`.
if Context.environment["GUIDEKIT_FUZZ"] == "1" {
    // SwiftPM instruments only the executable for coverage; the code under test lives in the
    // libraries, so they are compiled with the fuzzer's coverage instrumentation too.
    for target in package.targets where ["CMarkBridge", "YAMLBridge", "SecretDigests", "GuideDocument", "GuideKnowledge", "GuideChecks", "GuideRender", "GuideReports", "GuideKit", "LSPProtocol", "GuideLSP"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer"])]
    }
    for (name, dependencies) in [("fuzz-guide", ["GuideKit"]), ("fuzz-site", ["GuideKit"]), ("fuzz-digest", ["SecretDigests"]),
                                  ("fuzz-render", ["GuideKit"]), ("fuzz-config", ["GuideKit"]), ("fuzz-lsp", ["GuideLSP", "LSPProtocol"])] {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies.map { .target(name: $0) },
                                                 path: "Fuzz/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
