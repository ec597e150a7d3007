import Testing
@testable import GuideKit

/// Runs every rule's own examples: the documentation of a rule is also its test.
struct RuleExampleTests {
    static let rules = RuleRegistry.all.map { type(of: $0).description.id }

    @Test(arguments: rules)
    func triggeringExamplesFireAtTheMarker(ruleID: String) throws {
        let rule = try #require(RuleRegistry.rule(id: ruleID))
        #expect(!rule.description.triggeringExamples.isEmpty, "every rule needs a triggering example")
        for example in rule.description.triggeringExamples {
            let marked = MarkedText(example)
            let marker = try #require(marked.marker, "example of \(ruleID) lacks a ↓ marker:\n\(example)")
            let found = Self.checker(for: rule).check(parse(marked.text))
            #expect(found.contains { $0.location == marker && $0.ruleID == ruleID },
                    "\(ruleID) should fire at \(marker) in:\n\(marked.text)\nfound: \(found.map { "\($0.location) \($0.message)" })")
                    }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesStaySilent(ruleID: String) throws {
        let rule = try #require(RuleRegistry.rule(id: ruleID))
        #expect(!rule.description.nonTriggeringExamples.isEmpty, "every rule needs a non-triggering example")
        for example in rule.description.nonTriggeringExamples {
            let found = Self.checker(for: rule).check(parse(example)).filter { $0.ruleID == ruleID }
            #expect(found.isEmpty, "\(ruleID) fired on:\n\(example)\n\(found.map(\.message))")
        }
    }

    /// The rule alone, or with every rule when its examples need the others' results.
    static func checker(for rule: any GuideRule) -> Checker {
        Checker(rules: rule.description.examplesNeedAllRules ? RuleRegistry.all : [rule])
    }

    @Test func ruleIDsAreUniqueAndDocumented() {
        #expect(Set(Self.rules).count == Self.rules.count)
        for rule in RuleRegistry.all {
            #expect(!rule.description.summary.isEmpty)
            #expect(rule.description.explanation.count > 80)
        }
    }
}
