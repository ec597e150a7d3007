// swift-tools-version: 6.0
// GuideKit: keeps identity-provider integration guides correct.
//
// Module layout (see docs/ARCHITECTURE.md):
//   Ccmark       – system-library shim for Debian's libcmark (C headers only)
//   CMarkBridge  – the only module that touches cmark pointers; returns Swift values
//   Cargon2, Cxcrypt – system-library shims for libargon2 and libxcrypt (C headers only)
//   SecretDigests – Authelia client-secret digests: parse, verify, generate (the only
//                   module touching argon2/crypt pointers; PBKDF2 and scrypt via swift-crypto)
//   GuideKit     – guide model, extraction, rules, reporters (no C, no I/O policy)
//   guidekit     – the command-line tool (swift-argument-parser)
import PackageDescription

let package = Package(
    name: "GuideKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GuideKit", targets: ["GuideKit"]),
        .executable(name: "guidekit", targets: ["guidekit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CMarkBridge", dependencies: ["Ccmark"]),
        .systemLibrary(name: "Cargon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        .systemLibrary(name: "Cxcrypt", pkgConfig: "libxcrypt", providers: [.apt(["libcrypt-dev"])]),
        .target(
            name: "SecretDigests",
            dependencies: [
                "Cargon2", "Cxcrypt",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "GuideKit",
            dependencies: ["CMarkBridge", "SecretDigests", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "guidekit",
            dependencies: ["GuideKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "GuideKitTests", dependencies: ["GuideKit", "CMarkBridge", "SecretDigests", "guidekit"]),
    ]
)
