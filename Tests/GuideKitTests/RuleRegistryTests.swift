import Foundation
import Testing
@testable import GuideChecks

/// `RuleRegistry.all` is generated from the rule files (scripts/generate-rule-registry): a rule
/// file added without running the script, or a rule without a kind, fails here.
struct RuleRegistryTests {
    /// Runs a generator script of scripts/ with `--check`: (exit status, what it printed).
    static func check(_ script: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ProjectFiles.root.appendingPathComponent("scripts/\(script)").path, "--check"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func generatedRegistryIsCurrent() throws {
        let (status, text) = try Self.check("generate-rule-registry")
        #expect(status == 0, "\(text)")
    }

    @Test func everyRuleIsRegisteredOnceInKindOrder() {
        let descriptions = RuleRegistry.all.map { type(of: $0).description }
        #expect(descriptions.count > 40)
        #expect(Set(descriptions.map(\.id)).count == descriptions.count, "a rule id is registered twice")
        #expect(descriptions.map(\.kind) == descriptions.map(\.kind).sorted(), "rules are listed by kind")
        // Every kind has rules, so a kind nobody uses is noticed.
        #expect(Set(descriptions.map(\.kind)) == Set(RuleKind.allCases))
    }

    @Test func afterSuppressionRulesRunThroughTheirDeclaredStage() {
        let late = RuleRegistry.all.filter { type(of: $0).description.stage == .afterSuppressions }
        #expect(late.map { type(of: $0).description.id } == ["unused-suppression"])
    }
}

/// The Compose structure is derived from the vendored schema and cannot drift from it.
struct ComposeStructureTests {
    @Test func derivedComposeStructureIsCurrent() throws {
        let (status, text) = try RuleRegistryTests.check("derive-compose-structure")
        #expect(status == 0, "\(text)")
    }
}
