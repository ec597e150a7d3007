import Foundation
import Testing

/// GuideKit's own targets are layers along the data flow (Package.swift's header lists them):
/// a layer may use the layers below it and never one above. The compiler enforces what
/// Package.swift declares; these tests keep Package.swift and every `import` to the order,
/// so an upward edge fails here with its file, instead of becoming a cycle later.
struct LayerTests {
    /// Bottom first. The C shims and their bridges sit below every layer.
    static let layers = ["GuideDocument", "GuideKnowledge", "GuideChecks", "GuideRender", "GuideReports", "GuideLSP", "GuideKit", "guidekit"]
    /// Render and reports both sit on checks and do not use each other.
    static let siblings: Set<[String]> = [["GuideRender", "GuideReports"]]

    static func allowed(_ user: String, _ used: String) -> Bool {
        guard let from = layers.firstIndex(of: user), let to = layers.firstIndex(of: used) else { return true }
        return to < from && !siblings.contains([used, user])
    }

    /// The dependency lists of GuideKit's layers in Package.swift, read from its text.
    static func declaredDependencies() throws -> [String: [String]] {
        let manifest = try ProjectFiles.text("Package.swift")
        var result: [String: [String]] = [:]
        let pattern = #/\.(?:target|executableTarget)\(\s*name:\s*"(\w+)",\s*dependencies:\s*\[([^\]]*)\]/#
        for match in manifest.matches(of: pattern) where layers.contains(String(match.1)) {
            result[String(match.1)] = match.2.matches(of: #/"(\w+)"/#).map { String($0.1) }.filter(layers.contains)
        }
        return result
    }

    @Test func packageDependenciesGoOnlyDownward() throws {
        let declared = try Self.declaredDependencies()
        #expect(Set(declared.keys) == Set(Self.layers), "every layer is a target in Package.swift")
        for (user, used) in declared.sorted(by: { $0.key < $1.key }) {
            for dependency in used {
                #expect(Self.allowed(user, dependency), "Package.swift: \(user) depends on \(dependency), a layer above or beside it")
            }
        }
        // The graph, for the reader of the test log (and the architecture notes).
        print(declared.sorted { Self.layers.firstIndex(of: $0.key)! < Self.layers.firstIndex(of: $1.key)! }
            .map { "\($0.key) -> \($0.value.joined(separator: ", "))" }.joined(separator: "\n"))
    }

    @Test func importsGoOnlyDownward() throws {
        let sources = ProjectFiles.root.appendingPathComponent("Sources")
        var checked = 0
        for layer in Self.layers {
            let folder = sources.appendingPathComponent(layer)
            guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    guard let match = line.wholeMatch(of: #/(?:@testable |@_exported )?import (\w+)/#) else { continue }
                    let used = String(match.1)
                    #expect(used == layer || Self.allowed(layer, used), "Sources/\(layer)/\(file) imports \(used), a layer above or beside it")
                    checked += 1
                }
            }
        }
        #expect(checked > 100, "the imports were found")
    }

    /// The protocol layer of the language server stands alone: it imports no GuideKit layer,
    /// so it stays a small, separately tested piece (issue 27).
    @Test func lspProtocolUsesNoGuideKitLayer() throws {
        let folder = ProjectFiles.root.appendingPathComponent("Sources/LSPProtocol")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let match = line.wholeMatch(of: #/import (\w+)/#) else { continue }
                #expect(String(match.1) == "Foundation", "Sources/LSPProtocol/\(file) imports \(match.1)")
            }
        }
    }

    @Test func theRuleBelowCatchesAnUpwardEdge() {
        #expect(!Self.allowed("GuideDocument", "GuideChecks"))
        #expect(!Self.allowed("GuideReports", "GuideRender"))
        #expect(Self.allowed("GuideRender", "GuideChecks"))
    }
}

/// Docs that describe the code are generated or checked, so they cannot drift from it.
struct DocsCurrencyTests {
    /// The architecture drawing carries the digest of the Graphviz source it was drawn from.
    @Test func architectureDrawingIsDrawnFromTheCurrentSource() throws {
        let dot = try Data(contentsOf: ProjectFiles.root.appendingPathComponent("docs/architecture/dataflow.dot"))
        let svg = try ProjectFiles.text("docs/architecture/dataflow.svg")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", ProjectFiles.root.appendingPathComponent("docs/architecture/dataflow.dot").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let digest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
        process.waitUntilExit()
        #expect(!dot.isEmpty && digest.count == 64)
        #expect(svg.contains("drawn from dataflow.dot sha256 \(digest)"), "run scripts/draw-architecture")
        // Every layer appears in the drawing.
        for layer in LayerTests.layers.dropLast(2) { #expect(svg.contains(layer), "\(layer) is not in the drawing") }
    }

    /// ARCHITECTURE.md and CONTRIBUTING.md name files that exist.
    @Test func documentedPathsExist() throws {
        for doc in ["docs/ARCHITECTURE.md", "CONTRIBUTING.md"] {
            let text = try ProjectFiles.text(doc)
            for match in text.matches(of: #/`((?:Sources|Tests|scripts|docs|third_party)/[A-Za-z0-9_./+-]+)`/#) {
                let path = String(match.1).replacingOccurrences(of: "<Name>", with: "")
                guard !path.contains("*"), !path.hasSuffix("/<id>.yml") else { continue }
                #expect(FileManager.default.fileExists(atPath: ProjectFiles.root.appendingPathComponent(path).path), "\(doc) names \(path), which does not exist")
            }
        }
    }
}
