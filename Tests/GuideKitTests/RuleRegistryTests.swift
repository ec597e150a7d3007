import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// `RuleRegistry.all` is kept by hand; this test makes forgetting a rule impossible: every
/// type declared as a `GuideRule` under Sources/GuideChecks/Rules must be registered exactly once.
struct RuleRegistryTests {
    static func declaredRuleTypes() throws -> [String] {
        let folder = ProjectFiles.root.appendingPathComponent("Sources/GuideChecks/Rules")
        var names: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("struct ") || trimmed.hasPrefix("public struct ") || trimmed.hasPrefix("final class "),
                      trimmed.contains(": GuideRule") || trimmed.contains(", GuideRule") else { continue }
                let afterKeyword = trimmed.split(separator: " ").drop { $0 != "struct" && $0 != "class" }.dropFirst().first ?? ""
                names.append(String(afterKeyword.prefix { $0.isLetter || $0.isNumber || $0 == "_" }))
            }
        }
        return names.sorted()
    }

    @Test func everyDeclaredRuleIsRegisteredOnce() throws {
        let declared = try Self.declaredRuleTypes()
        #expect(declared.count > 40, "the scan found \(declared.count) rules; it is probably broken")
        let registered = RuleRegistry.all.map { String(describing: type(of: $0)) }
        #expect(Set(registered).count == registered.count, "a rule is registered twice")
        let missing = Set(declared).subtracting(registered)
        #expect(missing.isEmpty, "rules declared but not in RuleRegistry.all (they would never run): \(missing.sorted())")
        #expect(Set(registered).subtracting(declared).isEmpty)
    }
}
